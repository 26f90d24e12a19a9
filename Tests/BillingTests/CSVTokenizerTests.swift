import Foundation
import Testing
import TabularText

/// RFC 4180 edge cases and chunking, through the public chunk reader and scanner.
struct CSVTokenizerTests {
    /// Reads `text` with `chunkSize` and returns every record's fields and first line.
    private func records(_ text: String, chunkSize: Int = 64) throws -> (header: [String], rows: [[String]], lines: [Int]) {
        let directory = try BillingPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("input.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = CSVChunkReader(source: try ByteSources.open(path), chunkSize: chunkSize)
        let header = try reader.readHeader()
        var rows: [[String]] = []
        var lines: [Int] = []
        var lineOffset = (header?.lines ?? 0) + 1
        let record = CSVRecord()
        while true {
            let chunk = CSVChunk(capacity: 1 << 12)
            guard try reader.next(into: chunk) else { break }
            var scanner = CSVChunkScanner(chunk: chunk.bytes)
            while try scanner.next(into: record) {
                rows.append(record.strings)
                lines.append(lineOffset + record.line - 1)
            }
            lineOffset += scanner.linesScanned
        }
        return (header?.fields ?? [], rows, lines)
    }

    @Test func quotesCommasAndDoubledQuotes() throws {
        let result = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n")
        #expect(result.header == ["a", "b", "c"])
        #expect(result.rows == [["x, y", "say \"hi\"", ""]])
    }

    @Test func crlfAndEmbeddedNewlinesKeepLineNumbers() throws {
        let result = try records("h1,h2\r\n1,\"two\r\nlines\"\r\n3,4\r\n")
        #expect(result.rows == [["1", "two\r\nlines"], ["3", "4"]])
        #expect(result.lines == [2, 4])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let result = try records("\u{FEFF}Name,Cost\nx,1\n")
        #expect(result.header == ["Name", "Cost"])
    }

    @Test func emptyTrailingLineAndMissingFinalNewline() throws {
        #expect(try records("a,b\n1,2\n\n").rows == [["1", "2"]])
        #expect(try records("a,b\n1,2").rows == [["1", "2"]])
    }

    @Test func quotedNewlinesAcrossChunkBoundariesNeverSplitRecords() throws {
        var text = "id,note\n"
        var expected: [[String]] = []
        for index in 0..<300 {
            let note = index % 7 == 0 ? "multi\nline \"\"quoted\"\", with comma" : "plain \(index)"
            text += "\(index),\"\(note)\"\n"
            expected.append(["\(index)", note.replacingOccurrences(of: "\"\"", with: "\"")])
        }
        for chunkSize in [64, 100, 257, 4096] {
            #expect(try records(text, chunkSize: chunkSize).rows == expected)
        }
    }

    /// Scans the first chunk after the header of `text` with `body`.
    private func scanFirstChunk(_ text: String, _ body: (inout CSVChunkScanner, CSVRecord) throws -> Void) throws {
        let directory = try BillingPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("input.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = CSVChunkReader(source: try ByteSources.open(path))
        _ = try reader.readHeader()
        let chunk = CSVChunk(capacity: 1 << 12)
        #expect(try reader.next(into: chunk))
        try withExtendedLifetime(chunk) {
            var scanner = CSVChunkScanner(chunk: chunk.bytes)
            try body(&scanner, CSVRecord())
        }
    }

    @Test func brokenQuotesAreLocated() throws {
        try scanFirstChunk("a,b\nok,1\nx\"y,2\n\"z\"q,3\n") { (scanner: inout CSVChunkScanner, record: CSVRecord) throws in
            #expect(try scanner.next(into: record))
            #expect(throws: CSVSyntaxError(kind: .quoteInUnquotedField, line: 2, column: 2)) { try scanner.next(into: record) }
            #expect(throws: CSVSyntaxError(kind: .textAfterClosingQuote, line: 3, column: 4)) { try scanner.next(into: record) }
            #expect(try scanner.next(into: record) == false)
        }
    }

    @Test func locationsAfterDoubledQuotesCountTheFileBytes() throws {
        // `"a""<LF>b"x,1`: the quoted field spans two lines and holds a doubled quote; the stray
        // `x` after its closing quote is on the record's second line, column 3, as in the file.
        try scanFirstChunk("h1,h2\n\"a\"\"\nb\"x,1\n\"c\"\"d\",2\n") { (scanner: inout CSVChunkScanner, record: CSVRecord) throws in
            #expect(throws: CSVSyntaxError(kind: .textAfterClosingQuote, line: 2, column: 3)) { try scanner.next(into: record) }
            #expect(try scanner.next(into: record))
            #expect(record.strings == ["c\"d", "2"])
            #expect(record.firstLineText == "\"c\"\"d\",2")
            #expect(record.location(ofField: 1) == (line: 3, column: 8))
        }
    }
}
