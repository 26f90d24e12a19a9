import Foundation
import Testing
import TestSupport
@testable import Inventory
@testable import PolicyEngine

@Suite("Register record readers")
struct RecordReaderTests {
    let folder = Fixtures.temporaryFolder("records")

    @Test("CSV: typed cells, nested and list headers, quoted fields, empty cells absent")
    func csv() throws {
        let text = "name,tier,dr.strategy,regions[],revenue,active,account,note\r\n"
            + "pay,0,warm_standby,eu-west-1;eu-central-1,1200.50,true,0123,\"multi\nline, \"\"quoted\"\"\"\r\n"
            + "cat,2,,us-east-1,,false,456,\n"
        let path = Fixtures.write(text, to: "apps.csv", in: folder)
        let resources = try CSVRecordReader().read(InputSpec(path: path, mapping: RecordMapping(type: "application", idField: "name"))) { _, _ in }
        #expect(resources.map(\.id) == ["pay", "cat"])
        let pay = resources[0].document
        #expect(pay["tier"] == .number(0))
        #expect(pay["dr"]?["strategy"] == .string("warm_standby"))
        #expect(pay["regions"] == .array(["eu-west-1", "eu-central-1"]))
        #expect(pay["revenue"] == .number(1200.5))
        #expect(pay["active"] == .bool(true))
        #expect(pay["account"] == .string("0123"))
        #expect(pay["note"] == .string("multi\nline, \"quoted\""))
        #expect(resources[0].source.line == 2)
        #expect(resources[1].source.line == 4)
        #expect(resources[1].document["dr"] == nil)
        #expect(resources[1].document["revenue"] == nil)
        #expect(resources[1].type == "application")
    }

    @Test("CSV: a BOM, padded header names, blank lines and CRLF; errors count columns after the BOM")
    func csvEdges() throws {
        let text = "\u{FEFF}id , type\r\n\r\na,x\r\n\r\nb,\"y\r\nz\"\r\n"
        let path = Fixtures.write(text, to: "edges.csv", in: folder)
        let resources = try CSVRecordReader().read(InputSpec(path: path)) { _, _ in }
        #expect(resources.map(\.id) == ["a", "b"])
        #expect(resources.map(\.type) == ["x", "y\r\nz"])
        #expect(resources.map(\.source.line) == [3, 5])
        for (text, line, column) in [("\u{FEFF}a\"b,c\n", 1, 2), ("\u{FEFF}a,b\r\n1,2\"x\r\n", 2, 4)] {
            let bad = Fixtures.write(text, to: "bad-edge-\(line).csv", in: folder)
            do {
                _ = try CSVRecordReader().read(InputSpec(path: bad, mapping: RecordMapping(type: "x", idField: "a"))) { _, _ in }
                Issue.record("expected an error for \(text.debugDescription)")
            } catch let error as InventoryError {
                #expect(error.diagnostic.location?.line == line && error.diagnostic.location?.column == column, "\(error.diagnostic)")
                #expect(error.diagnostic.message.contains("a quote inside an unquoted field"))
            }
        }
    }

    @Test("CSV: a malformed row names the file, line and column", arguments: [
        ("a,b\n1,2\n3\n", 3, "expected 2 columns"), ("a,b\n1,\"x\ny\n", 2, "unterminated quoted field"),
        ("a,b\n1,x\"y\n", 2, "a quote inside an unquoted field"), ("a,b\n\"1\"z,2\n", 2, "text after a closing quote"),
    ])
    func malformed(text: String, line: Int, fragment: String) throws {
        let path = Fixtures.write(text, to: "bad-\(line)-\(fragment.count).csv", in: folder)
        do {
            _ = try CSVRecordReader().read(InputSpec(path: path, mapping: RecordMapping(type: "x", idField: "a"))) { _, _ in }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            let diagnostic = error.diagnostic
            #expect(diagnostic.file == path)
            #expect(diagnostic.location?.line == line)
            #expect(diagnostic.message.contains(fragment), "\(diagnostic.message)")
        }
    }

    @Test("records without the id field are rejected with a suggestion")
    func missingID() throws {
        let path = Fixtures.write(#"[{"nmae": "x"}]"#, to: "noid.json", in: folder)
        do {
            _ = try JSONRecordReader().read(InputSpec(path: path, mapping: RecordMapping(type: "application", idField: "name"))) { _, _ in }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.message.contains("missing id field 'name' (did you mean 'nmae'?)"))
            #expect(error.diagnostic.message.contains("/0"))
        }
    }

    @Test("records with an empty type are rejected, as YAML registers reject them")
    func emptyType() throws {
        let path = Fixtures.write(#"[{"id": "a", "type": "application"}, {"id": "b", "type": ""}]"#, to: "emptytype.json", in: folder)
        do {
            _ = try JSONRecordReader().read(InputSpec(path: path)) { _, _ in }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.message.contains("missing type field 'type'"), "\(error.diagnostic.message)")
            #expect(error.diagnostic.message.contains("/1"))
        }
    }

    @Test("JSON: arrays, objects with one list, list_field, pointers")
    func json() throws {
        let wrapped = Fixtures.write(#"{"version": 1, "reviews": [{"id": "a", "type": "access.review"}, {"id": "b", "type": "access.review"}]}"#,
                                     to: "wrapped.json", in: folder)
        let resources = try JSONRecordReader().read(InputSpec(path: wrapped)) { _, _ in }
        #expect(resources.map(\.id) == ["a", "b"])
        #expect(resources[1].source.pointer == "/reviews/1")
        let ambiguous = Fixtures.write(#"{"x": [{"id": "a", "type": "t"}], "y": [{"id": "b", "type": "t"}]}"#, to: "amb.json", in: folder)
        #expect(throws: InventoryError.self) { try JSONRecordReader().read(InputSpec(path: ambiguous)) { _, _ in } }
        let chosen = try JSONRecordReader().read(InputSpec(path: ambiguous, mapping: RecordMapping(listField: "y"))) { _, _ in }
        #expect(chosen.map(\.id) == ["b"])
    }

    @Test("JSON Lines: comments and blank lines skipped, errors on the right line")
    func jsonLines() throws {
        let path = Fixtures.write("# header\n{\"id\": \"a\", \"type\": \"t\"}\n\n{\"id\": \"b\", \"type\": \"t\"}\n", to: "r.jsonl", in: folder)
        let resources = try JSONLinesRecordReader().read(InputSpec(path: path)) { _, _ in }
        #expect(resources.map(\.id) == ["a", "b"])
        #expect(resources.map(\.source.line) == [2, 4])
        let bad = Fixtures.write("{\"id\": \"a\", \"type\": \"t\"}\n{\"id\": \"b\" \"type\": \"t\"}\n", to: "bad.jsonl", in: folder)
        do {
            _ = try JSONLinesRecordReader().read(InputSpec(path: bad)) { _, _ in }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.location?.line == 2)
            #expect(error.diagnostic.location?.column == 12)
        }
    }
}

@Suite("Streaming JSON arrays")
struct JSONArrayStreamTests {
    let folder = Fixtures.temporaryFolder("stream")

    func document(count: Int) -> String {
        let items = (0..<count).map { index in
            #"{"id": "r\#(index)", "tags": {"note": "a, b ] } \" [ {"}, "n": \#(index), "list": [1, [2, {"x": "}"}]]}"#
        }
        return "\u{FEFF}{\"fileVersion\": \"1.0\", \"other\": [1, 2], \"configurationItems\": [\n" + items.joined(separator: ",\n") + "\n], \"tail\": {}}"
    }

    @Test("elements survive every block boundary", arguments: [7, 64, 1000, 1 << 20])
    func blockBoundaries(blockSize: Int) throws {
        let path = Fixtures.write(document(count: 300), to: "items-\(blockSize).json", in: folder)
        var stream = JSONArrayStream(path: path, arrayKey: "configurationItems")
        stream.blockSize = blockSize
        let elements = try stream.readAll()
        #expect(elements.count == 300)
        #expect(elements.map { $0.value["n"]?.doubleValue ?? -1 } == (0..<300).map(Double.init))
        #expect(elements[299].pointer == "/configurationItems/299")
        #expect(elements[5].value["tags"]?["note"] == .string("a, b ] } \" [ {"))
        // Each batch's buffer is reused for a later block once parsed: every element must still be
        // the one the whole document holds.
        let whole = try JSONParser.parse(Array(document(count: 300).utf8.dropFirst(3)))
        #expect(elements.map(\.value) == whole["configurationItems"]?.arrayValue)
    }

    @Test("the batches of the blocks before a structural error reach the body first, and the error is located", arguments: [64, 4096, 1 << 20])
    func errorAfterBatches(blockSize: Int) throws {
        // The array's closing bracket is a brace: found only after all 300 elements.
        var text = document(count: 300)
        text = text.replacingOccurrences(of: "\n], \"tail\"", with: "\n}, \"tail\"")
        let path = Fixtures.write(text, to: "brace-\(blockSize).json", in: folder)
        var stream = JSONArrayStream(path: path, arrayKey: "configurationItems")
        stream.blockSize = blockSize
        var seen: [Int] = []
        do {
            try stream.forEachBatch { batch in seen += batch.map(\.index) }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.location?.line == 302)
            #expect(error.diagnostic.location?.column == 1)
        }
        // The elements the failing block completed are not handed over (its scan failed); those
        // of every block before it are, in order, before the error.
        #expect(seen == Array(0..<seen.count))
        if blockSize == 64 { #expect(seen.count >= 298) }
    }

    @Test("a root array streams too, and a malformed element is located in the file")
    func rootArrayAndErrors() throws {
        let path = Fixtures.write("[\n {\"a\": 1},\n {\"a\": 2}\n]", to: "root.json", in: folder)
        var stream = JSONArrayStream(path: path, arrayKey: nil)
        stream.blockSize = 5
        #expect(try stream.readAll().count == 2)
        let bad = Fixtures.write("{\"configurationItems\": [\n {\"a\": 1},\n {\"a\": tru}\n]}", to: "bad.json", in: folder)
        do {
            _ = try JSONArrayStream(path: bad, arrayKey: "configurationItems").readAll()
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.location?.line == 3)
            #expect(error.diagnostic.location?.column == 8)
        }
        let truncated = Fixtures.write("[{\"a\": 1}, {\"a\": ", to: "trunc.json", in: folder)
        #expect(throws: InventoryError.self) { try JSONArrayStream(path: truncated, arrayKey: nil).readAll() }
        let wrongKey = Fixtures.write("{\"items\": []}", to: "wrong.json", in: folder)
        #expect(throws: InventoryError.self) { try JSONArrayStream(path: wrongKey, arrayKey: "configurationItems").readAll() }
    }

    @Test("UTF-16 files are transcoded")
    func utf16() throws {
        let text = "[{\"name\": \"é\"}]"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let url = folder.appendingPathComponent("utf16.json")
        try Data(bytes).write(to: url)
        let elements = try JSONArrayStream(path: url.path, arrayKey: nil).readAll()
        #expect(elements.first?.value["name"] == .string("é"))
    }
}
