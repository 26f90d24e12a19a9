public import PolicyEngine

/// The cost-group aggregation as one query plan: which groupings (period × currency × dimensions),
/// which sums (billed, effective, list, credits, refunds, usage, untagged usage, egress, lines),
/// and how the table's columns become cost lines (the native reader's rules, as SQL). Pure: it
/// renders text for any `SQLDialect`; running it is the caller's business.
///
/// The query returns one row per group and grouping, in the columns of `CostGroupColumns`, which
/// `CostAggregator.readGroups` takes back.
public struct CostQueryPlan: Sendable {
    /// The groupings, as distinct dimension sets in first-seen order (a grouping and its
    /// permutation share rows).
    public let groupings: [[CostDimension]]
    /// Tags a line must carry not to count as untagged (groupings without tag dimensions).
    public let requiredTags: [String]
    /// The billing format the table holds.
    public let format: InputFormat
    private let mapping: any CostLineMapping
    /// Every dimension any grouping uses, each once.
    private let dimensions: [CostDimension]
    /// The distinct untagged conditions: the tag keys a line must carry (empty: any tag).
    private let untaggedKeySets: [[String]]
    /// Per grouping, its position in `untaggedKeySets`.
    private let untaggedIndex: [Int]

    /// A plan for `scopes` (plus the review groupings) over a table of `format` with `columns`.
    public init(
        format: InputFormat, columns: [String], tagColumnKind: TagColumnKind, scopes: [CostScope],
        requiredTags: [String] = [], options: BillingReadOptions = BillingReadOptions()
    ) throws(BillingError) {
        let header = BillingHeader(columns)
        guard let mapping = CostLineMappings.mapping(for: format, columns: TableColumns(header: header, tagKind: tagColumnKind), options: options) else {
            throw .unsupportedQueryFormat(format)
        }
        if let reader = BillingFormats.reader(for: format) {
            let missing = BillingFormats.missingColumns(reader, in: header)
            if !missing.isEmpty { throw .missingColumns(path: "table", format: format, missing: missing) }
        }
        let aggregation = try AggregationPlan(groupBys: try CostQueryPlan.groupBys(scopes), requiredTags: requiredTags)
        var sets: [[CostDimension]] = []
        var keySets: [[String]] = []
        var keyIndex: [Int] = []
        var dimensions: [CostDimension] = []
        for grouping in aggregation.groupings {
            if !sets.contains(where: { Set($0.map(\.description)) == Set(grouping.dimensions.map(\.description)) }) {
                sets.append(grouping.dimensions)
                let tagKeys = grouping.dimensions.compactMap(\.tagKey)
                let keys = tagKeys.isEmpty ? requiredTags : tagKeys
                if !keySets.contains(keys) { keySets.append(keys) }
                keyIndex.append(keySets.firstIndex(of: keys) ?? 0)
            }
            for dimension in grouping.dimensions where !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        groupings = sets
        untaggedKeySets = keySets
        untaggedIndex = keyIndex
        self.dimensions = dimensions
        self.requiredTags = requiredTags
        self.format = format
        self.mapping = mapping
    }

    /// The dimension lists of `scopes` and the review groupings, parsed.
    static func groupBys(_ scopes: [CostScope]) throws(BillingError) -> [[CostDimension]] {
        var result: [[CostDimension]] = [[]]
        for names in CostAggregator.reviewGroupings + scopes.map(\.groupBy) {
            var dimensions: [CostDimension] = []
            for name in names { dimensions.append(try CostDimension(parsing: name)) }
            if !result.contains(dimensions) { result.append(dimensions) }
        }
        return result
    }

    /// The most dimensions of one grouping: the number of `dim_N` columns.
    public var dimensionColumns: Int { max(1, groupings.map(\.count).max() ?? 0) }

    /// The query for `dialect` over `source` (a table name, or any FROM item such as
    /// `read_parquet('exports/*.parquet')`, inserted as given).
    public func query(dialect: SQLDialect, source: String) -> CostQuery {
        let placeholder = String(repeating: "0", count: 64)
        let draft = render(dialect: dialect, source: source, querySHA256: placeholder)
        let digest = SHA256.hex(of: draft)
        return CostQuery(dialect: dialect, text: draft.replacingOccurrences(of: "'" + placeholder + "'", with: "'" + digest + "'"), sha256: digest)
    }

    private func render(dialect: SQLDialect, source: String, querySHA256: String) -> String {
        func id(_ name: String) -> String { dialect.identifier(name) }
        func sql(_ expression: SQLExpression) -> String { dialect.render(expression) }
        let zero = sql(.zero)
        let category = id("charge_category")
        var text = "-- Assay cost groups (\(format.rawValue) table, \(dialect.rawValue) SQL); docs/billing.md \"At warehouse scale\".\n"
        text += "-- Groupings: " + groupings.map { $0.isEmpty ? "(month totals)" : $0.map(\.description).joined(separator: ",") }.joined(separator: "; ") + "\n"
        text += "WITH cost_lines AS (\n  SELECT\n"
        let currency = SQLExpression.cases([(.equal(mapping.currency, .text("")), .text("XXX"))], otherwise: mapping.currency)
        var lineColumns = [
            "    \(sql(mapping.period)) AS \(id("period"))",
            "    \(sql(currency)) AS \(id("currency"))",
            "    \(sql(mapping.chargeCategory)) AS \(category)",
            "    \(sql(mapping.billed)) AS billed",
            "    \(sql(mapping.effective)) AS effective",
            "    \(sql(mapping.list)) AS list_cost",
            "    \(sql(mapping.usageIsEgress)) AS is_egress",
        ]
        for (index, dimension) in dimensions.enumerated() {
            let value = dimension == .currency ? currency : mapping.value(of: dimension)
            lineColumns.append("    \(sql(.coalesce([value, .text("")]))) AS d\(index)")
        }
        for (index, keys) in untaggedKeySets.enumerated() {
            let untagged: SQLExpression = keys.isEmpty
                ? .not(mapping.hasAnyTag)
                : .any(keys.map { .equal(.coalesce([mapping.tag($0), .text("")]), .text("")) })
            lineColumns.append("    \(sql(untagged)) AS untagged\(index)")
        }
        text += lineColumns.joined(separator: ",\n") + "\n  FROM \(source)\n),\n"
        // One pass: every grouping is a grouping set.
        text += "grouped AS (\n  SELECT \(id("period")), \(id("currency"))"
        for index in dimensions.indices { text += ", d\(index)" }
        text += ",\n"
        func sum(_ condition: String, _ value: String) -> String { "SUM(CASE WHEN \(condition) THEN \(value) ELSE \(zero) END)" }
        var sums = [
            "    \(sum("\(category) NOT IN ('credit', 'refund')", "billed")) AS amount",
            "    \(sum("\(category) NOT IN ('credit', 'refund')", "effective")) AS effective",
            "    \(sum("\(category) NOT IN ('credit', 'refund')", "list_cost")) AS list_cost",
            "    \(sum("\(category) = 'credit'", "billed")) AS credits",
            "    \(sum("\(category) = 'refund'", "billed")) AS refunds",
            "    \(sum("\(category) = 'usage'", "billed")) AS usage_cost",
            "    \(sum("\(category) = 'usage' AND is_egress", "billed")) AS egress",
        ]
        for index in untaggedKeySets.indices { sums.append("    \(sum("\(category) = 'usage' AND untagged\(index)", "billed")) AS untagged\(index)") }
        sums.append("    COUNT(*) AS line_count")
        text += sums.joined(separator: ",\n") + "\n  FROM cost_lines\n  GROUP BY GROUPING SETS (\n"
        text += groupings.map { grouping in
            "    (" + ([id("period"), id("currency")] + grouping.map { "d\(dimensions.firstIndex(of: $0) ?? 0)" }).joined(separator: ", ") + ")"
        }.joined(separator: ",\n")
        text += "\n  )\n)\n"
        // Which grouping a row belongs to: exactly its dimensions are not NULL (cost lines never
        // hold NULL dimensions).
        let patterns = groupings.map { grouping -> String in
            let present = Set(grouping.map { dimensions.firstIndex(of: $0) ?? 0 })
            let tests = dimensions.indices.map { "d\($0) IS " + (present.contains($0) ? "NOT NULL" : "NULL") }
            return tests.isEmpty ? "TRUE" : tests.joined(separator: " AND ")
        }
        func byGrouping(_ values: [String]) -> String {
            "CASE " + zip(patterns, values).map { "WHEN \($0) THEN \($1)" }.joined(separator: " ") + " END"
        }
        var output = [
            "  \(dialect.literal(dialect.rawValue)) AS engine",
            "  '\(querySHA256)' AS query_sha256",
            "  \(dialect.literal(CostGroupColumns.requiredTagsText(requiredTags))) AS required_tags",
            "  \(byGrouping(groupings.map { dialect.literal(CostGroupColumns.groupingLabel($0)) })) AS \(id("grouping"))",
            "  \(id("period"))", "  \(id("currency"))",
        ]
        for position in 0..<dimensionColumns {
            let values = groupings.map { grouping in position < grouping.count ? "d\(dimensions.firstIndex(of: grouping[position]) ?? 0)" : "NULL" }
            output.append("  \(byGrouping(values)) AS dim_\(position + 1)")
        }
        output += [
            "  amount", "  effective", "  list_cost AS \(id("list"))", "  credits", "  refunds", "  usage_cost AS \(id("usage"))",
            "  \(byGrouping(untaggedIndex.map { "untagged\($0)" })) AS untagged_usage",
            "  egress", "  line_count AS \(id("lines"))",
        ]
        text += "SELECT\n" + output.joined(separator: ",\n") + "\nFROM grouped\nORDER BY 4, 5, 6\n"
        return text
    }
}

/// A rendered query and its SHA-256 (over the text with its own digest written as 64 zeros).
public struct CostQuery: Sendable, Hashable {
    /// The dialect.
    public let dialect: SQLDialect
    /// The SQL text.
    public let text: String
    /// Lower-case hex SHA-256.
    public let sha256: String
}
