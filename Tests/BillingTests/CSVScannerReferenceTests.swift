import CTextScan
import Testing
import TestSupport
import TabularText

/// The chunk scanner against a byte-at-a-time reference tokenizer written here from the rules in
/// `CSVChunkScanner`'s documentation, on thousands of generated chunks: well-formed ones (quoted
/// fields with commas, doubled quotes, LF and CRLF inside, empty lines, long fields that cross
/// word boundaries) and random byte soup (broken quotes, bare CRs, stray quotes). Records, field
/// bytes, field locations, errors and line counts must all agree.
struct CSVScannerReferenceTests {
    @Test func wellFormedChunksMatchTheReference() {
        var random = SeededRandom(seed: 0x5EED_CAFE)
        for _ in 0..<1500 {
            let chunk = Self.wellFormedChunk(&random)
            #expect(Self.scannerEvents(chunk) == ReferenceCSV.events(chunk), "chunk: \(Self.shown(chunk))")
        }
    }

    @Test func randomBytesMatchTheReference() {
        var random = SeededRandom(seed: 0xBAD_C5F)
        let alphabet: [UInt8] = Array("aab1.-,,,\"\"\n\r  x".utf8) + [0xC3, 0xA9]
        for _ in 0..<3000 {
            var chunk = (0..<random.below(400)).map { _ in alphabet[random.below(alphabet.count)] }
            chunk.append(0x0A)
            #expect(Self.scannerEvents(chunk) == ReferenceCSV.events(chunk), "chunk: \(Self.shown(chunk))")
        }
    }

    @Test func longUnquotedFieldsAndRunsOfEmptyFields() {
        // Field ends at every offset of an 8-byte word, with CRLF and LF line ends.
        for length in 0..<40 {
            let field = String(repeating: "w", count: length)
            for ending in ["\n", "\r\n"] {
                let text = "\(field),,\(field),\"q\",\(field)\(ending),,,,\(ending)\(field)\r\r\(ending)"
                let chunk = Array(text.utf8)
                #expect(Self.scannerEvents(chunk) == ReferenceCSV.events(chunk), "chunk: \(Self.shown(chunk))")
            }
        }
    }

    @Test func vectorMaskMatchesTheByteByByteMask() {
        // Every byte value at every position, plus unaligned starts, against the portable loop
        // (the one non-SSE2 machines run).
        var random = SeededRandom(seed: 64)
        var bytes = [UInt8](repeating: 0, count: 64 + 7)
        for round in 0..<2000 {
            for index in bytes.indices {
                bytes[index] = round < 256 ? UInt8((index + round) & 0xFF) : [0x2C, 0x22, 0x0A, 0x0D, 0x41, 0xAC, 0xA2, 0x8A][random.below(8)]
            }
            let shift = round % 8
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                #expect(text_scan_structural64(base + shift) == text_scan_structural64_portable(base + shift))
            }
        }
    }

    @Test func vectorASCIIPrefixMatchesTheByteByByteScan() {
        // Every length up to 200 with the first non-ASCII byte at every position (or none): the
        // 64- and 16-byte steps, the overlapping last 16 bytes and the short inputs.
        for length in 0...200 {
            for position in 0...length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if position < length { bytes[position] = position % 2 == 0 ? 0x80 : 0xFF }
                if position + 3 < length { bytes[position + 3] = 0xC3 }
                bytes.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    #expect(text_scan_ascii_prefix(base, length) == text_scan_ascii_prefix_portable(base, length))
                    #expect(text_scan_ascii_prefix(base, length) == position)
                }
            }
        }
    }

    @Test func vectorQuoteCountMatchesTheByteByByteCount() {
        // Every length up to 600 (partial 16-byte tails), and a run of quotes long enough to
        // overflow a byte counter if the lanes were not summed every 255 blocks.
        var random = SeededRandom(seed: 34)
        let bytes = (0..<600).map { _ in [UInt8(ascii: "\""), UInt8(ascii: "a"), UInt8(ascii: ","), 0xA2][random.below(4)] }
        for length in 0...bytes.count {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                #expect(text_scan_count_quotes(base, length) == text_scan_count_quotes_portable(base, length))
            }
        }
        let quotes = [UInt8](repeating: UInt8(ascii: "\""), count: 10_003)
        quotes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(text_scan_count_quotes(base, buffer.count) == 10_003)
        }
    }

    // MARK: - Generators

    private static func wellFormedChunk(_ random: inout SeededRandom) -> [UInt8] {
        var text = ""
        for _ in 0..<(1 + random.below(12)) {
            if random.below(8) == 0 { text += random.below(2) == 0 ? "\n" : "\r\n" }
            let fields = (0..<(1 + random.below(9))).map { _ in field(&random) }
            text += fields.joined(separator: ",") + (random.below(3) == 0 ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    private static func field(_ random: inout SeededRandom) -> String {
        let plain = ["", "", "a", "12.5", "-0.0000001", "us-east-1", "Amazon Web Services", "é", String(repeating: "x", count: random.below(30))]
        let value = plain[random.below(plain.count)]
        switch random.below(4) {
        case 0:
            let inner = ["", "x, y", "say \"\"hi\"\"", "two\nlines", "crlf\r\ninside", "\"\"", value]
            return "\"" + inner[random.below(inner.count)] + "\""
        default:
            return value
        }
    }

    // MARK: - Running both

    /// What a scan reports, in order.
    enum Event: Equatable {
        case record(line: Int, fields: [[UInt8]], locations: [[Int]])
        case error(CSVSyntaxError)
        case end(linesScanned: Int)
    }

    private static func scannerEvents(_ bytes: [UInt8]) -> [Event] {
        return bytes.withByteView { buffer in
            var scanner = CSVChunkScanner(chunk: buffer)
            let record = CSVRecord(expectedFields: 2)
            var events: [Event] = []
            while events.count < 1000 {
                do throws(CSVSyntaxError) {
                    guard try scanner.next(into: record) else { break }
                    let fields = (0..<record.count).map { Array(record.field($0)) }
                    let locations = (0..<record.count).map { index in
                        let location = record.location(ofField: index)
                        return [location.line, location.column]
                    }
                    events.append(.record(line: record.line, fields: fields, locations: locations))
                } catch {
                    events.append(.error(error))
                }
            }
            events.append(.end(linesScanned: scanner.linesScanned))
            return events
        }
    }

    private static func shown(_ bytes: [UInt8]) -> String { String(reflecting: String(decoding: bytes, as: UTF8.self)) }
}

/// A deliberately plain RFC 4180 tokenizer with the scanner's documented error and recovery
/// rules: one byte at a time, no sentinels, no word tricks.
private enum ReferenceCSV {
    static func events(_ bytes: [UInt8]) -> [CSVScannerReferenceTests.Event] {
        let lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        var events: [CSVScannerReferenceTests.Event] = []
        var position = 0
        var line = 1
        func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        records: while events.count < 1000 {
            // Empty lines (LF or CRLF) are skipped.
            while position < bytes.count {
                if bytes[position] == lineFeed {
                    position += 1
                } else if bytes[position] == carriageReturn && byte(position + 1) == lineFeed {
                    position += 2
                } else {
                    break
                }
                line += 1
            }
            guard position < bytes.count else { break }
            let recordLine = line
            let recordStart = position
            func locate(_ offset: Int) -> (Int, Int) {
                var located = recordLine
                var lineStart = recordStart
                for cursor in recordStart..<offset where bytes[cursor] == lineFeed {
                    located += 1
                    lineStart = cursor + 1
                }
                return (located, offset - lineStart + 1)
            }
            func fail(_ kind: CSVSyntaxError.Kind, at offset: Int) {
                let (errorLine, column) = locate(offset)
                events.append(.error(CSVSyntaxError(kind: kind, line: errorLine, column: column)))
                var cursor = offset
                while cursor < bytes.count && bytes[cursor] != lineFeed { cursor += 1 }
                position = min(bytes.count, cursor + 1)
                line += 1
            }
            var fields: [[UInt8]] = []
            var locations: [[Int]] = []
            var index = position
            while true {
                let (fieldLine, fieldColumn) = locate(index)
                locations.append([fieldLine, fieldColumn])
                if bytes[index] == quote {
                    var content: [UInt8] = []
                    var read = index + 1
                    while true {
                        guard let current = byte(read) else {
                            let (errorLine, column) = locate(index)
                            events.append(.error(CSVSyntaxError(kind: .unterminatedQuote, line: errorLine, column: column)))
                            position = bytes.count
                            continue records
                        }
                        if current == quote {
                            if byte(read + 1) == quote {
                                content.append(quote)
                                read += 2
                                continue
                            }
                            break
                        }
                        if current == lineFeed { line += 1 }
                        content.append(current)
                        read += 1
                    }
                    fields.append(content)
                    index = read + 1
                    if byte(index) == comma {
                        index += 1
                        continue
                    }
                    if byte(index) == lineFeed {
                        index += 1
                        break
                    }
                    if byte(index) == carriageReturn && byte(index + 1) == lineFeed {
                        index += 2
                        break
                    }
                    fail(.textAfterClosingQuote, at: index)
                    continue records
                }
                var content: [UInt8] = []
                while let current = byte(index) {
                    if current == comma || current == lineFeed || current == quote { break }
                    if current == carriageReturn && byte(index + 1) == lineFeed { break }
                    content.append(current)
                    index += 1
                }
                if byte(index) == quote {
                    fail(.quoteInUnquotedField, at: index)
                    continue records
                }
                fields.append(content)
                if byte(index) == comma {
                    index += 1
                    continue
                }
                index += byte(index) == carriageReturn ? 2 : 1
                break
            }
            position = index
            line += 1
            events.append(.record(line: recordLine, fields: fields, locations: locations))
        }
        events.append(.end(linesScanned: line - 1))
        return events
    }
}

