public import PolicyEngine
import TabularText

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
        let table = try CSVTable(bytes: try InventoryInput.plain(spec.path).readAll(), file: spec.path)
        let mapper = RecordMapper(mapping: spec.mapping, file: spec.path)
        let columns = table.header.map(Column.init)
        try Self.checkHeader(columns, file: spec.path)
        return try table.rows.map { row throws(InventoryError) in
            var entries: [(path: ArraySlice<String>, value: Value)] = []
            entries.reserveCapacity(columns.count)
            for (column, cell) in zip(columns, row.cells) {
                guard let value = column.value(of: cell) else { continue }
                entries.append((column.path[...], value))
            }
            return try mapper.resource(from: Self.object(entries), pointer: nil, line: row.line)
        }
    }

    /// Refuses a header whose columns would overwrite each other: the same name twice (`id,type,id`),
    /// or a name that is also the parent of a dotted one (`a` and `a.b`). Named by line 1 and column.
    static func checkHeader(_ columns: [Column], file: String) throws(InventoryError) {
        var leaves: [[String]: Int] = [:]
        var parents: [[String]: Int] = [:]
        for (index, column) in columns.enumerated() {
            let name = column.path.joined(separator: ".")
            if let earlier = leaves[column.path] {
                throw .malformedCSV(file: file, line: 1, column: index + 1,
                                    reason: "column \(index + 1) '\(name)' repeats column \(earlier + 1)", sourceLine: nil)
            }
            if let earlier = parents[column.path] {
                throw .malformedCSV(file: file, line: 1, column: index + 1,
                                    reason: "column \(index + 1) '\(name)' is also the parent of column \(earlier + 1)", sourceLine: nil)
            }
            for length in 1..<max(1, column.path.count) {
                let prefix = Array(column.path.prefix(length))
                if let earlier = leaves[prefix] {
                    throw .malformedCSV(file: file, line: 1, column: index + 1, reason: "column \(index + 1) '\(name)' nests inside "
                                        + "column \(earlier + 1) '\(prefix.joined(separator: "."))', which holds a value", sourceLine: nil)
                }
                if parents[prefix] == nil { parents[prefix] = index }
            }
            leaves[column.path] = index
        }
    }

    /// One record from its cells' paths and values, each level built once (linear in the cells;
    /// the header check guarantees no path repeats or nests in a value).
    static func object(_ entries: [(path: ArraySlice<String>, value: Value)]) -> Value {
        var order: [String] = []
        var leaves: [String: Value] = [:]
        var nested: [String: [(path: ArraySlice<String>, value: Value)]] = [:]
        for entry in entries {
            guard let key = entry.path.first else { continue }
            if entry.path.count == 1 {
                leaves[key] = entry.value
                order.append(key)
            } else {
                if nested[key] == nil { order.append(key) }
                nested[key, default: []].append((entry.path.dropFirst(), entry.value))
            }
        }
        return .object(Fields(unsorted: order.map { key in
            Fields.Member(key: key, value: leaves[key] ?? object(nested[key] ?? []))
        }))
    }

    struct Column {
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

}
