import PolicyEngine

/// A small RFC 4180 CSV reader for register-sized files (applications, DR tests, access
/// reviews, IAM credential reports): quoted fields, doubled quotes, embedded newlines, CRLF, a
/// UTF-8 BOM. Every row must have the header's column count; errors name line and column.
public struct CSVTable: Sendable {
    /// Column names from the header row.
    public let header: [String]
    /// Data rows with their 1-based starting line.
    public let rows: [(line: Int, cells: [String])]

    /// Parses `bytes` (already BOM-free or not) from `file`.
    public init(bytes: [UInt8], file: String) throws(InventoryError) {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        var recordLine = 1
        var fieldStartColumn = 1
        var lineStart = 0
        var quoted = false
        var afterQuote = false
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
        func sourceLine(_ number: Int) -> String? {
            bytes.withUnsafeBufferPointer { InputFile.line(number, in: $0) }
        }
        // Cells become ids, names and tag keys: a byte that is not UTF-8 is an error at its line
        // and column, never a silent U+FFFD.
        if let failure = UTF8Validation.check(bytes) {
            throw .malformedCSV(file: file, line: failure.line, column: failure.column, reason: failure.message, sourceLine: sourceLine(failure.line))
        }
        func endField() {
            cells.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    afterQuote = true
                } else {
                    if byte == 0x0A {
                        line += 1
                        lineStart = index + 1
                    }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
                fieldStartColumn = index - lineStart + 2
            case 0x0A, 0x0D:
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                endField()
                if !(cells.count == 1 && cells[0].isEmpty) { records.append((recordLine, cells)) }
                cells.removeAll()
                line += 1
                recordLine = line
                lineStart = index + 1
                fieldStartColumn = 1
            case UInt8(ascii: "\""):
                guard field.isEmpty && !afterQuote else {
                    throw .malformedCSV(file: file, line: line, column: index - lineStart + 1,
                                        reason: "a quote inside an unquoted field (quote the whole field and double inner quotes)",
                                        sourceLine: sourceLine(line))
                }
                quoted = true
            default:
                if afterQuote {
                    throw .malformedCSV(file: file, line: line, column: index - lineStart + 1,
                                        reason: "text after a closing quote (expected ',' or end of line)", sourceLine: sourceLine(line))
                }
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            throw .malformedCSV(file: file, line: recordLine, column: fieldStartColumn, reason: "unterminated quoted field",
                                sourceLine: sourceLine(recordLine))
        }
        if !field.isEmpty || !cells.isEmpty || afterQuote {
            endField()
            records.append((recordLine, cells))
        }
        guard let first = records.first else { throw .malformedCSV(file: file, line: 1, column: 1, reason: "no header row", sourceLine: nil) }
        header = first.cells.map { $0.trimmingSpaces() }
        var data: [(line: Int, cells: [String])] = []
        for record in records.dropFirst() {
            guard record.cells.count == header.count else {
                throw .malformedCSV(file: file, line: record.line, column: 1,
                                    reason: "expected \(header.count) columns (as in the header), found \(record.cells.count)",
                                    sourceLine: sourceLine(record.line))
            }
            data.append(record)
        }
        rows = data
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
