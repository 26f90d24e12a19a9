public import PolicyEngine

/// Reads CSV register files. The header names the fields; a dotted header (`dr.strategy`) builds
/// a nested object; a header ending in `[]` (`regions[]`) splits its cell on `;` into a list.
/// Cells are typed: `true`/`false` → boolean, plain decimal numbers → number (except ones with
/// leading zeros, which stay text, like account ids), empty → field absent; everything else is text.
public struct CSVRecordReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `csv`.
    public var format: InputFormat { .csv }

    /// A first line with several commas and no JSON/YAML markers.
    public func detectionScore(sample: [UInt8], path: String) -> Int {
        guard let firstLine = sample.split(separator: 0x0A, maxSplits: 1).first else { return 0 }
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        guard commas >= 1, firstLine.first != UInt8(ascii: "{"), firstLine.first != UInt8(ascii: "[") else { return 0 }
        return path.hasSuffix(".csv") ? 20 : 10
    }

    /// Reads every row.
    public func read(_ spec: InputSpec, progress: @Sendable (Int, Int) -> Void) throws -> [Resource] {
        let table = try CSVTable(bytes: try InputFile(path: spec.path).readAll(), file: spec.path)
        let mapper = RecordMapper(mapping: spec.mapping, file: spec.path)
        let columns = table.header.map(Column.init)
        return try table.rows.map { row throws(InventoryError) in
            var record = Value.object(Fields())
            for (column, cell) in zip(columns, row.cells) {
                guard let value = column.value(of: cell) else { continue }
                record = Self.setting(value, at: column.path[...], in: record)
            }
            return try mapper.resource(from: record, pointer: nil, line: row.line)
        }
    }

    private struct Column {
        let path: [String]
        let isList: Bool

        init(_ header: String) {
            var name = header
            isList = name.hasSuffix("[]")
            if isList { name.removeLast(2) }
            path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }

        func value(of cell: String) -> Value? {
            let trimmed = cell.trimmingSpaces()
            if trimmed.isEmpty { return nil }
            if isList {
                return .array(trimmed.split(separator: ";").map { CSVRecordReader.typed(String($0).trimmingSpaces()) })
            }
            return CSVRecordReader.typed(trimmed)
        }
    }

    /// The typed value of a non-empty cell.
    static func typed(_ text: String) -> Value {
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        let utf8 = Array(text.utf8)
        var index = utf8.first == UInt8(ascii: "-") ? 1 : 0
        let digitsStart = index
        var sawPoint = false
        var digits = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                return .string(text)
            }
            index += 1
        }
        let leadingZero = utf8.count > digitsStart + 1 && utf8[digitsStart] == UInt8(ascii: "0") && utf8[digitsStart + 1] != UInt8(ascii: ".")
        guard digits > 0, digits <= 15, !leadingZero, utf8.last != UInt8(ascii: "."), let number = Double(text) else { return .string(text) }
        return .number(number)
    }

    static func setting(_ value: Value, at path: ArraySlice<String>, in target: Value) -> Value {
        guard let key = path.first else { return value }
        var fields = target.objectValue ?? Fields()
        fields[key] = setting(value, at: path.dropFirst(), in: fields[key] ?? .object(Fields()))
        return .object(fields)
    }
}
