public import PolicyEngine
import TabularText

/// The columns of a cost-groups result (what `CostQueryPlan` returns and `readGroups` takes
/// back), CSV with a header or a JSON array of objects with these members.
public enum CostGroupColumns {
    /// Provenance: the engine (dialect) and the query's SHA-256.
    public static let provenance = ["engine", "query_sha256", "required_tags"]
    /// The key columns, then `dim_1` … `dim_N`.
    public static let key = ["grouping", "period", "currency"]
    /// The sums.
    public static let sums = ["amount", "effective", "list", "credits", "refunds", "usage", "untagged_usage", "egress", "lines"]

    /// `account,service`, tag keys percent-escaped like group ids.
    static func groupingLabel(_ dimensions: [CostDimension]) -> String {
        dimensions.map { dimension in dimension.tagKey.map { "tags." + CostAggregator.escape($0) } ?? dimension.description }.joined(separator: ",")
    }

    /// The required tags as one text, comma-separated and escaped.
    static func requiredTagsText(_ tags: [String]) -> String { tags.map(CostAggregator.escape).joined(separator: ",") }

    /// The inverse of the escaping in `groupingLabel`.
    static func unescape(_ text: Substring) -> String {
        var result = String(text)
        for (escaped, plain) in [("%3A", ":"), ("%2C", ","), ("%3D", "="), ("%25", "%")] {
            result = result.replacingOccurrences(of: escaped, with: plain)
        }
        return result
    }
}

/// Where a cost-groups file came from: the engine and query its provenance columns name.
public struct CostGroupsProvenance: Sendable, Hashable {
    /// The engine (SQL dialect) that computed the groups.
    public var engine: String
    /// SHA-256 of the query that computed them.
    public var querySHA256: String
}

extension CostAggregator {
    /// Reads groups an engine computed with the cost-group query (`CostQueryPlan`): a CSV with
    /// the `CostGroupColumns` header, or a JSON array of objects (`.json`). Every grouping this
    /// aggregator needs must be in the file, computed with the same required tags.
    ///
    /// `source` names the input in the report and the group documents (default: `path`);
    /// `format` is the billing format the engine read (default: `cost-groups`).
    @discardableResult
    public mutating func readGroups(_ path: String, source: String? = nil, format: InputFormat = .costGroups) throws(BillingError) -> BillingInputReport {
        let rows = try CostGroupRows.read(path)
        var provenance: CostGroupsProvenance?
        var byGrouping: [Set<String>: [(dimensions: [CostDimension], row: CostGroupRows.Row, bucket: CostBucket)]] = [:]
        for row in rows.rows {
            let engine = row.text("engine"), digest = row.text("query_sha256")
            if let known = provenance, known.engine != engine || known.querySHA256 != digest {
                throw row.failure("engine", "the groups come from more than one query (\(known.engine) \(known.querySHA256.prefix(12)) and \(engine) \(digest.prefix(12)))")
            }
            provenance = CostGroupsProvenance(engine: engine, querySHA256: digest)
            let tagsText = row.text("required_tags")
            let required = tagsText.isEmpty ? [] : tagsText.split(separator: ",", omittingEmptySubsequences: false).map(CostGroupColumns.unescape)
            guard required == requiredTags else {
                throw row.failure("required_tags", "the groups were computed with required tags [\(required.joined(separator: ", "))] but this run requires [\(requiredTags.joined(separator: ", "))]; emit the query again with the same --required-tag")
            }
            var dimensions: [CostDimension] = []
            let label = row.text("grouping")
            for name in label.split(separator: ",") {
                var text = String(name)
                if text.hasPrefix("tags.") { text = "tags." + CostGroupColumns.unescape(text.dropFirst(5)) }
                guard let dimension = try? CostDimension(parsing: text) else { throw row.failure("grouping", "unknown dimension '\(text)' in grouping '\(label)'") }
                dimensions.append(dimension)
            }
            byGrouping[Set(dimensions.map(\.description)), default: []].append((dimensions, row, try row.bucket()))
        }
        let bit = inputBit(for: source ?? path)
        var lines = 0
        for (index, grouping) in plan.groupings.enumerated() {
            let wanted = grouping.dimensions
            guard let entries = byGrouping[Set(wanted.map(\.description))] else {
                if rows.rows.isEmpty { continue }
                throw .badGroups(path: path, line: 1, message: "the groups lack the grouping '\(wanted.isEmpty ? "(month totals)" : wanted.map(\.description).joined(separator: ","))'; emit the query with --group-by \(wanted.map(\.description).joined(separator: " "))")
            }
            for (dimensions, row, rowBucket) in entries {
                let key = try row.groupKey(dimensions: dimensions, wanted: wanted)
                var bucket = rowBucket
                bucket.inputs = bit
                if wanted.isEmpty { lines += bucket.lines }
                store[index][key, default: CostBucket()].merge(bucket)
            }
        }
        let report = BillingInputReport(
            path: source ?? path, format: format, rows: format == .costGroups ? rows.rows.count : lines, lines: lines, badRows: 0, firstBadRows: [], provenance: provenance)
        appendInput(report)
        return report
    }
}

/// The rows of a cost-groups file, by column name.
struct CostGroupRows {
    struct Row {
        let path: String
        let line: Int
        let cells: [String: String]
        /// Columns given as JSON numbers (binary floating point, so not exact money).
        var inexact: Set<String> = []

        func text(_ name: String) -> String { cells[name] ?? "" }

        func failure(_ column: String, _ message: String) -> BillingError {
            .badGroups(path: path, line: line, message: column.isEmpty ? message : "\(column): \(message)")
        }

        func decimal(_ name: String) throws(BillingError) -> FixedDecimal {
            let text = self.text(name)
            guard !text.isEmpty else { return .zero }
            guard !inexact.contains(name) else { throw failure(name, "money must be a JSON string (exact decimal), not a number") }
            guard case .success(let parsed) = FixedDecimal.parse(text) else { throw failure(name, "'\(text.prefix(40))' is not a decimal") }
            return parsed.value
        }

        func bucket() throws(BillingError) -> CostBucket {
            var bucket = CostBucket()
            bucket.amount = try decimal("amount")
            bucket.effective = try decimal("effective")
            bucket.list = try decimal("list")
            bucket.credits = try decimal("credits")
            bucket.refunds = try decimal("refunds")
            bucket.usage = try decimal("usage")
            bucket.untaggedUsage = try decimal("untagged_usage")
            bucket.egress = try decimal("egress")
            guard let lines = Int(text("lines")), lines >= 0 else { throw failure("lines", "'\(text("lines").prefix(40))' is not a count") }
            bucket.lines = lines
            bucket.commitmentBlindness = .warehouseGroups
            return bucket
        }

        /// The key of the row for a grouping `wanted` whose dimension set equals `dimensions`'s.
        func groupKey(dimensions: [CostDimension], wanted: [CostDimension]) throws(BillingError) -> CostGroupKey {
            let period = text("period")
            let parts = period.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let monthNumber = Int(parts[1]), parts[1].count == 2,
                let month = BillingMonth(year: year, month: monthNumber)
            else { throw failure("period", "'\(period.prefix(40))' is not a month (YYYY-MM)") }
            let currency = text("currency")
            let values: [String?] = wanted.map { dimension in
                let position = dimensions.firstIndex(of: dimension) ?? 0
                let value = text("dim_\(position + 1)")
                return value.isEmpty ? nil : value
            }
            return CostGroupKey(month: month, currency: currency.isEmpty ? "XXX" : currency, values: values)
        }
    }

    let rows: [Row]

    static func read(_ path: String) throws(BillingError) -> CostGroupRows {
        let bytes: [UInt8]
        do throws(TabularTextError) {
            let source = try ByteSources.open(path)
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = try source.read(into: &buffer, at: 0)
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            bytes = data
        } catch {
            throw .unreadable(path: path, line: nil, reason: error.message)
        }
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        let table = first == UInt8(ascii: "[") ? try json(bytes, path: path) : try csv(bytes, path: path)
        let required = CostGroupColumns.provenance + CostGroupColumns.key + CostGroupColumns.sums
        if let sample = table.first, let missing = required.first(where: { sample.cells[$0] == nil }) {
            throw .badGroups(path: path, line: 1, message: "not a cost-groups result: no '\(missing)' column (expected \((required + ["dim_1"]).joined(separator: ", "))); compute it with the query of `assay cost --emit-sql`")
        }
        return CostGroupRows(rows: table)
    }

    private static func csv(_ bytes: [UInt8], path: String) throws(BillingError) -> [Row] {
        var data = bytes
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        if data.last != 0x0A { data.append(0x0A) }
        var rows: [Row] = []
        var header: [String] = []
        var failure: BillingError?
        data.withByteView { buffer in
            var scanner = CSVChunkScanner(chunk: buffer)
            let record = CSVRecord()
            do {
                while try scanner.next(into: record) {
                    let fields = record.strings
                    if header.isEmpty {
                        header = fields.map { $0.lowercased() }
                        continue
                    }
                    if fields.count == 1 && fields[0].isEmpty { continue }
                    guard fields.count == header.count else {
                        failure = .badGroups(path: path, line: record.line, message: "\(fields.count) fields where the header has \(header.count)")
                        return
                    }
                    rows.append(Row(path: path, line: record.line, cells: Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })))
                }
            } catch {
                failure = .badGroups(path: path, line: scanner.line, message: "malformed CSV")
            }
        }
        if let failure { throw failure }
        return rows
    }

    private static func json(_ bytes: [UInt8], path: String) throws(BillingError) -> [Row] {
        let value: Value
        do { value = try JSONParser.parse(bytes) } catch { throw .badGroups(path: path, line: error.line, message: error.reason) }
        guard let elements = value.arrayValue else { throw .badGroups(path: path, line: 1, message: "expected a JSON array of group objects") }
        return try elements.enumerated().map { index, element throws(BillingError) -> Row in
            guard case .object(let fields) = element else { throw .badGroups(path: path, line: 1, message: "element \(index + 1) is not an object") }
            var cells: [String: String] = [:]
            var inexact: Set<String> = []
            for member in fields {
                let name = member.key.lowercased()
                switch member.value {
                case .null: cells[name] = ""
                case .string(let text): cells[name] = text
                case .decimal(let amount): cells[name] = amount.description
                case .number(let number):
                    inexact.insert(name)
                    cells[name] = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
                default: cells[name] = member.value.keyText ?? ""
                }
            }
            return Row(path: path, line: index + 1, cells: cells, inexact: inexact)
        }
    }
}
