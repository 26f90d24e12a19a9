import PolicyEngine

/// A whole small CSV file as rows of strings (register files: applications, DR tests, access
/// reviews, IAM credential reports), scanned by the same `CSVChunkScanner` that reads billing
/// exports: RFC 4180 quoting with doubled quotes, line breaks inside quotes, LF or CRLF line
/// ends, empty lines skipped. A UTF-8 BOM is dropped (columns on the first line count from the
/// byte after it); header names are trimmed of spaces and tabs; every data row must have the
/// header's number of fields.
public struct CSVTable: Sendable {
    /// Column names from the header row.
    public let header: [String]
    /// Data rows with their 1-based starting line.
    public let rows: [(line: Int, cells: [String])]

    /// Scans `bytes`, a complete file.
    public init(bytes: [UInt8]) throws(CSVTableError) {
        let storage = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var records: [(line: Int, cells: [String])] = []
        var failure: CSVSyntaxError?
        storage.withByteView { buffer in
            var scanner = CSVChunkScanner(chunk: buffer)
            let record = CSVRecord(expectedFields: 16)
            do throws(CSVSyntaxError) {
                while try scanner.next(into: record) { records.append((record.line, record.strings)) }
            } catch {
                failure = error
            }
        }
        if let failure { throw .syntax(failure) }
        guard let first = records.first else { throw .noHeader }
        header = first.cells.map { $0.trimmingSpaces() }
        for record in records.dropFirst() where record.cells.count != header.count {
            throw .raggedRow(line: record.line, expected: header.count, found: record.cells.count)
        }
        rows = Array(records.dropFirst())
    }
}

/// Why a `CSVTable` cannot be read.
public enum CSVTableError: Error, Sendable, Equatable {
    /// A record's quoting is broken, at its line and byte column.
    case syntax(CSVSyntaxError)
    /// A data row has another number of fields than the header.
    case raggedRow(line: Int, expected: Int, found: Int)
    /// The file has no rows at all.
    case noHeader
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    public func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
