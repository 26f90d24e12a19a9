/// Splits a chunk of complete CSV records (RFC 4180: `,` delimiter, `"` quoting with `""` as an
/// escaped quote, LF or CRLF line ends, line breaks allowed inside quotes) into records.
///
/// The chunk must end with a line feed; the chunk reader guarantees it. That sentinel lets the
/// unquoted-field loop run without a bounds check: one comparison per byte in the common case.
/// Completely empty lines are skipped. The chunk is only read: a field with doubled quotes is
/// collapsed into the record's scratch buffer, so locations computed from the chunk stay exact.
public struct CSVChunkScanner {
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int
    private var position = 0
    /// 1-based line of the current position, counted from the start of the chunk.
    public private(set) var line = 1

    /// A scanner over `chunk`, whose last byte must be `\n`.
    public init(chunk: UnsafeMutableBufferPointer<UInt8>) {
        base = chunk.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
        count = chunk.baseAddress == nil ? 0 : chunk.count
    }

    /// Line feeds in the whole chunk so far scanned (equals `line - 1`).
    public var linesScanned: Int { line - 1 }

    /// Scans the next record into `record`: true for a record, false at the end of the chunk.
    /// A syntax error is thrown after the scanner has skipped to the next line, so the caller
    /// may count the bad record and continue.
    public mutating func next(into record: CSVRecord) throws(CSVSyntaxError) -> Bool {
        let bytes = base
        // Skip empty lines.
        while true {
            guard position < count else { return false }
            let byte = bytes[position]
            if byte == 0x0A {
                position += 1
                line += 1
            } else if byte == 0x0D && position + 1 < count && bytes[position + 1] == 0x0A {
                position += 2
                line += 1
            } else {
                break
            }
        }
        record.reset(base: bytes)
        record.line = line
        record.recordStart = position
        var index = position
        while true {
            if bytes[index] == UInt8(ascii: "\"") {
                // Quoted field: find the closing quote, counting embedded line feeds.
                let contentStart = index + 1
                var read = contentStart
                var doubledQuotes = false
                while true {
                    guard read < count else {
                        let (errorLine, column) = record.locate(offset: index)
                        position = count
                        record.recordEnd = count
                        throw CSVSyntaxError(kind: .unterminatedQuote, line: errorLine, column: column)
                    }
                    let byte = bytes[read]
                    if byte == UInt8(ascii: "\"") {
                        if read + 1 < count && bytes[read + 1] == UInt8(ascii: "\"") {
                            doubledQuotes = true
                            read += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    read += 1
                }
                if doubledQuotes {
                    record.appendCollapsing(start: contentStart, end: read)
                } else {
                    record.append(start: contentStart, length: (read - contentStart) | CSVRecord.quotedFlag)
                }
                index = read + 1
                let after = bytes[index]
                if after == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if after == 0x0A {
                    index += 1
                    break
                }
                if after == 0x0D && bytes[index + 1] == 0x0A {
                    index += 2
                    break
                }
                throw recover(.textAfterClosingQuote, at: index, record: record)
            } else {
                let start = index
                var byte = bytes[index]
                while true {
                    if byte <= 0x2C && (byte == 0x2C || byte == 0x0A || byte == 0x22 || byte == 0x0D) {
                        if byte != 0x0D || bytes[index + 1] == 0x0A { break }
                    }
                    index += 1
                    byte = bytes[index]
                }
                if byte == 0x22 { throw recover(.quoteInUnquotedField, at: index, record: record) }
                record.append(start: start, length: index - start)
                if byte == 0x2C {
                    index += 1
                    continue
                }
                index += byte == 0x0D ? 2 : 1
                break
            }
        }
        position = index
        record.recordEnd = index
        line += 1
        return true
    }

    /// Builds the error for `offset` and moves past the rest of the line.
    private mutating func recover(_ kind: CSVSyntaxError.Kind, at offset: Int, record: CSVRecord) -> CSVSyntaxError {
        let (errorLine, column) = record.locate(offset: offset)
        let error = CSVSyntaxError(kind: kind, line: errorLine, column: column)
        var cursor = offset
        while cursor < count && base[cursor] != 0x0A { cursor += 1 }
        position = min(count, cursor + 1)
        record.recordEnd = position
        line += 1
        return error
    }
}
