import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// Atomic, streamed report files.
@Suite("Report files")
struct ReportFileTests {
    /// A result large enough that the JUnit stream crosses several of the output's 1 MiB blocks.
    static func largeResult(findings count: Int = 6_000) -> RunResult {
        var result = SampleResult.make()
        let template = result.findings[1]
        result.findings = (0..<count).map { index in
            var finding = template
            finding.resource = "arn:bucket-\(String(index).leftPadded(to: 5))"
            finding.message = "bucket \(index) is unencrypted " + String(repeating: "x", count: 200)
            return finding
        }
        return result
    }

    @Test func streamedJUnitFileEqualsTheRenderedBytes() throws {
        let result = Self.largeResult()
        let rendered = try JUnitReport().render(result)
        #expect(rendered.count > 2 << 20)
        let path = Fixtures.temporaryFolder("report-file").path + "/junit.xml"
        try ReportFile.write(to: path) { output throws(ReportError) in try JUnitReport().write(result, to: output) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == rendered)
        // Every failing finding is a failed test case.
        #expect(String(decoding: rendered, as: UTF8.self).components(separatedBy: "<failure ").count - 1 == 6_000)
    }

    /// A replaced report is written past the page cache in aligned 4 MiB pieces, its last partial
    /// piece normally (`DirectFileWriter`). Every size around those boundaries, appended in
    /// uneven pieces (small ones staged, large ones handed over whole), must come back byte for
    /// byte, on the test folder's file system and on tmpfs (which refuses `O_DIRECT`: the
    /// writer falls back to normal writes).
    @Test(arguments: [0, 1, 4095, 4096, 4 << 20 - 1, 4 << 20, 4 << 20 + 1, 9 << 20 + 123])
    func directWritesKeepEveryByte(size: Int) throws {
        var generator = SeededRandom(seed: UInt64(size) + 7)
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        var folders = [Fixtures.temporaryFolder("report-file-direct").path]
        if FileManager.default.fileExists(atPath: "/dev/shm") { folders.append("/dev/shm") }
        for folder in folders {
            let path = folder + "/assay-direct-\(size).bin"
            try ReportFile.write(to: path) { output throws(ReportError) in
                var offset = 0
                var piece = 1
                while offset < bytes.count {
                    let end = min(bytes.count, offset + piece)
                    output.append(Array(bytes[offset..<end]))
                    offset = end
                    piece = piece * 7 % 700_001 + 1
                }
            }
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "in \(folder)")
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    @Test("a writer past the page cache is made for a new file where the file system allows it, and never for one not at its start")
    func directWriterNeedsAStart() throws {
        let path = Fixtures.temporaryFolder("report-file-direct").path + "/start.bin"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor); unlink(path) }
        #expect(write(descriptor, "x", 1) == 1)
        #expect(DirectFileWriter(descriptor: descriptor) == nil, "offset 1 is not aligned")
    }

    /// The streamed JSON (findings encoded in parallel waves of 32,768) is the text of the
    /// whole-document writer, byte for byte, across a wave boundary and with no findings at all.
    @Test(arguments: [0, 1, 33_000])
    func streamedJSONEqualsTheWholeDocumentText(findings: Int) throws {
        let result = Self.largeResult(findings: findings)
        let expected = Array(JSONWriter.pretty(RunResultCodec.encode(result)).utf8)
        #expect(try JSONReport().render(result) == expected)
        let path = Fixtures.temporaryFolder("report-file").path + "/results.json"
        try ReportFile.write(to: path) { output throws(ReportError) in try JSONReport().write(result, to: output) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }

    @Test func aFailedWriteLeavesThePreviousFileAndNoTemporary() throws {
        let folder = Fixtures.temporaryFolder("report-file").path
        let path = folder + "/junit.xml"
        try ReportFile.write(Array("previous".utf8), to: path)
        #expect(throws: ReportError.self) {
            try ReportFile.write(to: path) { output throws(ReportError) in
                output.append(Array(repeating: UInt8(ascii: "a"), count: 3 << 20))  // already partly on disk
                throw ReportError.xmlWriter(reason: "interrupted")
            }
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["junit.xml"])
    }

    /// Reports written in sequence are all in place, byte for byte, once `finish` returns, and no
    /// temporary is left, though each one's replace ran while the next was rendered.
    @Test func aSequenceOfReportsIsInPlaceAfterFinish() throws {
        let folder = Fixtures.temporaryFolder("report-sequence").path
        let result = Self.largeResult()
        let reports = ReportSequence()
        try reports.write(to: folder + "/results.json") { output throws(ReportError) in try JSONReport().write(result, to: output) }
        try reports.write(to: folder + "/junit.xml") { output throws(ReportError) in try JUnitReport().write(result, to: output) }
        try reports.write(to: folder + "/nested/third.txt") { output throws(ReportError) in output.append(Array("third".utf8)) }
        try reports.finish()
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/results.json"))) == (try JSONReport().render(result)))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/junit.xml"))) == (try JUnitReport().render(result)))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/nested/third.txt")), as: UTF8.self) == "third")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["junit.xml", "nested", "results.json"])
    }

    /// A report whose rendering fails is never put in place and leaves no temporary; the one
    /// rendered before it still replaces its target.
    @Test func aFailedRenderInASequenceLeavesItsTargetAndKeepsTheEarlierReport() throws {
        let folder = Fixtures.temporaryFolder("report-sequence-failure").path
        try ReportFile.write(Array("previous".utf8), to: folder + "/second.txt")
        let reports = ReportSequence()
        try reports.write(to: folder + "/first.txt") { output throws(ReportError) in
            output.append(Array(repeating: UInt8(ascii: "a"), count: 3 << 20))
        }
        #expect(throws: ReportError.self) {
            try reports.write(to: folder + "/second.txt") { output throws(ReportError) in
                output.append(Array(repeating: UInt8(ascii: "b"), count: 3 << 20))
                throw ReportError.xmlWriter(reason: "interrupted")
            }
        }
        try reports.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/first.txt")).count == 3 << 20)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/second.txt")), as: UTF8.self) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["first.txt", "second.txt"])
    }
}

/// What XML 1.0 cannot carry is replaced; everything else passes through untouched.
@Suite("XML text cleaning")
struct XMLTextCleaningTests {
    @Test(arguments: [
        ("plain ascii", "plain ascii"), ("tab\tnewline\ncr\r", "tab\tnewline\ncr\r"), ("bell\u{07}", "bell\u{FFFD}"),
        ("nul\u{0}", "nul\u{FFFD}"), ("\u{FFFE}x\u{FFFF}", "\u{FFFD}x\u{FFFD}"), ("replacement \u{FFFD} stays", "replacement \u{FFFD} stays"),
        ("\u{FFFC}\u{EFBF} and é, 東京", "\u{FFFC}\u{EFBF} and é, 東京"), ("emoji 🙂 at end", "emoji 🙂 at end"),
    ])
    func cleans(input: String, expected: String) {
        #expect(XMLWriter.clean(input) == expected)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
