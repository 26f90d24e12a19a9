import Foundation
@testable import Inventory
import PolicyEngine
import TabularText
import Testing
import TestSupport

/// Issue 19: an input is read once — detection, the reader and the digest share one open of the
/// file — so the recorded SHA-256 is that of the bytes evaluated, even when the file is replaced
/// while the run reads it. (Before, detection, the reader and the digest each opened the path:
/// a file replaced in between was parsed from one version and hashed from another.)
@Suite struct ReadOnceTests {
    /// A reader, an input of its format, and a file name extension.
    struct Case: CustomTestStringConvertible, Sendable {
        let reader: any ExportReader
        let fixture: String
        let name: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var streamingConfig = AWSConfigReader()
        streamingConfig.wholeFileLimit = 0
        var streamingPlan = TerraformPlanReader()
        streamingPlan.wholeFileLimit = 0  // resource_changes streamed, configuration picked from the same pass
        return [
            Case(reader: AWSConfigReader(), fixture: Samples.fixture("aws-config-snapshot.json"), name: "config.json"),
            Case(reader: streamingConfig, fixture: Samples.fixture("aws-config-snapshot.json"), name: "config-streamed.json"),
            Case(reader: TerraformPlanReader(), fixture: Samples.fixture("terraform-plan.json"), name: "plan.json"),
            Case(reader: streamingPlan, fixture: Samples.fixture("terraform-plan.json"), name: "plan-streamed.json"),
            Case(reader: GCPAssetInventoryReader(), fixture: Samples.fixture("gcp-cai.jsonl"), name: "assets.jsonl"),
            Case(reader: AzureResourceGraphReader(), fixture: Samples.fixture("azure-arg.json"), name: "arg.json"),
            Case(reader: IAMCredentialReportReader(), fixture: Samples.fixture("iam-credential-report.csv"), name: "report.csv"),
            Case(reader: Route53RecordSetReader(), fixture: Samples.fixture("route53-records.json"), name: "records.json"),
        ]
    }()

    @Test(arguments: cases) func theReaderEvaluatesAndHashesTheBytesItOpened(_ testCase: Case) throws {
        let original = try InventoryInput.plain(testCase.fixture).readAll()
        let expected = try read(testCase.reader, testCase.fixture).map(\.id)
        let folder = Temporary.folder()
        let path = Temporary.write(original, to: testCase.name, in: folder)
        let file = try ReadOnceFile(path: path)
        let resources = try SharedInput.$current.withValue(file) { () throws -> [Resource] in
            // Format detection looks at the head …
            let head = try InventoryInput.plain(path)
            var sample = [UInt8](repeating: 0, count: 1 << 16)
            _ = try head.fill(&sample)
            // … then the file is replaced by another one before the reader runs.
            let replacement = Temporary.write("{\"not\": \"the evaluated input\"}\n", to: testCase.name + ".new", in: folder)
            #expect(rename(replacement, path) == 0)
            return try testCase.reader.read(InputSpec(path: path, format: testCase.reader.format)) { _, _ in }
        }
        #expect(resources.map(\.id) == expected)
        #expect(try file.sha256() == digest(original))
        // Every byte came from the one descriptor, once.
        #expect(file.bytesRead == original.count)
    }

    /// A file opened for a reader alone (or by `assay cost`, which records no digest) is not
    /// hashed; asking it for a digest is an internal error, never a digest of nothing.
    @Test func aFileOpenedWithoutHashingReadsTheSameBytesAndGivesNoDigest() throws {
        let original = Array((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = Temporary.write(original, to: "bytes.bin", in: Temporary.folder())
        let hashed = try ReadOnceFile(path: path)
        let unhashed = try ReadOnceFile(path: path, hashing: false)
        #expect(try SharedInput.readAll(unhashed) == original)
        #expect(try SharedInput.readAll(hashed) == original)
        #expect(try hashed.sha256() == digest(original))
        #expect(throws: TabularTextError.self) { try unhashed.sha256() }
    }

    @Test func headsAreReplayedAndAReadPastTheKeptBytesIsNotRepeated() throws {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let path = Temporary.write(bytes, to: "bytes.bin", in: Temporary.folder())
        let file = try ReadOnceFile(path: path, replayLimit: 1 << 12)
        var block = [UInt8](repeating: 0, count: 1000)
        // A look at the head, then a restart from byte 0: replayed, not read again.
        #expect(try block.withMutableByteView { try file.read(at: 0, into: $0) } == 1000)
        #expect(try block.withMutableByteView { try file.read(at: 0, into: $0) } == 1000)
        #expect(block == Array(bytes[0..<1000]))
        #expect(file.bytesRead == 1000)
        // Reading on past the kept bytes drops them; starting over would need the file again.
        var offset = 1000
        while offset < 10_000 { offset += try block.withMutableByteView { try file.read(at: offset, into: $0) } }
        #expect(throws: TabularTextError.self) { try block.withMutableByteView { try file.read(at: 0, into: $0) } }
        // The digest covers the bytes left unread, read once now.
        #expect(try file.sha256() == digest(bytes))
        #expect(file.bytesRead == bytes.count)
    }

    @Test func bytesAppendedAfterTheReaderReachedTheEndAreNotHashed() throws {
        let path = Temporary.write("[1, 2, 3]\n", to: "growing.json", in: Temporary.folder())
        let file = try ReadOnceFile(path: path)
        let parsed = try SharedInput.$current.withValue(file) { try JSONParser.parse(try InventoryInput.plain(path).readToEnd()) }
        #expect(parsed.arrayValue?.count == 3)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("[4]".utf8))
        try handle.close()
        #expect(try file.sha256() == digest(Array("[1, 2, 3]\n".utf8)))
    }
}

extension FileByteSource {
    /// Reads until `read` returns 0 (the end as a streaming reader sees it).
    fileprivate func readToEnd() throws -> [UInt8] {
        var all: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 4)
        while true {
            let got = try fill(&block)
            all += block[0..<got]
            if got < block.count { return all }
        }
    }
}

/// SHA-256 of bytes, lower-case hex.
private func digest(_ bytes: [UInt8]) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hash.hexDigest()
}
