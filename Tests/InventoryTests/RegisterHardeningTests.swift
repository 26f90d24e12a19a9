import Foundation
import Inventory
import PolicyEngine
import Testing
import TestSupport

/// Issue 19: registers (CSV, JSON, JSON Lines records) say where their text is not UTF-8 and
/// which rows repeat an id, instead of a silent U+FFFD or a resource counted twice.
@Suite("register hardening")
struct RegisterHardeningTests {
    let folder = Fixtures.temporaryFolder("register-hardening")

    @Test("a CSV register with a Latin-1 byte is an error at its line and column")
    func csvInvalidUTF8() throws {
        let bytes = Array("id,owner\nweb,ops\napi,caf".utf8) + [0xE9] + Array("\n".utf8)
        let path = folder.path + "/latin1.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "the fixture is written")
        do {
            _ = try CSVRecordReader().read(InputSpec(path: path, mapping: RecordMapping(type: "application"))) { _, _ in }
            Issue.record("read invalid UTF-8")
        } catch let error as InventoryError {
            #expect(error.diagnostic.file == path)
            #expect(error.diagnostic.location?.line == 3)
            #expect(error.diagnostic.location?.column == 8)
            #expect(error.diagnostic.message.contains("invalid UTF-8 (0xE9)"), "\(error.diagnostic.message)")
        }
    }

    @Test("a JSON Lines register with an invalid byte in an id is an error at its line")
    func jsonLinesInvalidUTF8() throws {
        let bytes = Array("{\"id\": \"a\", \"type\": \"t\"}\n{\"id\": \"b".utf8) + [0xFF] + Array("\", \"type\": \"t\"}\n".utf8)
        let path = folder.path + "/bad.jsonl"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "the fixture is written")
        do {
            _ = try JSONLinesRecordReader().read(InputSpec(path: path)) { _, _ in }
            Issue.record("read invalid UTF-8")
        } catch let error as InventoryError {
            #expect(error.diagnostic.location?.line == 2)
            #expect(error.diagnostic.message.contains("invalid UTF-8"), "\(error.diagnostic.message)")
        }
    }

    @Test("one id twice in a register is one resource; differing rows are a warning naming both", arguments: [
        ("id,owner\nweb,ops\napi,dev\nweb,ops\n", nil),
        ("id,owner\nweb,ops\napi,dev\nweb,sec\n", "dup.csv:2 and "),
    ])
    func duplicateIDs(text: String, warned: String?) throws {
        let path = Fixtures.write(text, to: "dup.csv", in: Fixtures.temporaryFolder("register-dup"))
        let records = try CSVRecordReader().read(InputSpec(path: path, format: .csv, mapping: RecordMapping(type: "application"))) { _, _ in }
        #expect(records.count == 3)
        let resolved = IdentityResolution.resolve(records)
        #expect(resolved.resources.map(\.id) == ["web", "api"])
        #expect(resolved.resources.first?.sources.count == 2)
        if let warned {
            #expect(resolved.warnings.count == 1)
            #expect(resolved.warnings.first?.contains(warned) == true, "\(resolved.warnings)")
            #expect(resolved.warnings.first?.contains("dup.csv:4") == true, "\(resolved.warnings)")
            #expect(resolved.resources.first?.document["owner"] == .string("sec"))
        } else {
            #expect(resolved.warnings.isEmpty)
        }
    }

    @Test("one id in two registers, or for two types, stays two resources")
    func notMergedAcrossInputsOrTypes() throws {
        let scratch = Fixtures.temporaryFolder("register-two")
        let first = Fixtures.write("id,owner\nweb,ops\n", to: "a.csv", in: scratch)
        let second = Fixtures.write("id,owner\nweb,dev\n", to: "b.csv", in: scratch)
        let records = try CSVRecordReader().read(InputSpec(path: first, format: .csv, mapping: RecordMapping(type: "application"))) { _, _ in }
            + CSVRecordReader().read(InputSpec(path: second, format: .csv, mapping: RecordMapping(type: "application"))) { _, _ in }
            + CSVRecordReader().read(InputSpec(path: first, format: .csv, mapping: RecordMapping(type: "service"))) { _, _ in }
        let resolved = IdentityResolution.resolve(records)
        #expect(resolved.resources.count == 3)
        #expect(resolved.warnings.isEmpty)
    }
}
