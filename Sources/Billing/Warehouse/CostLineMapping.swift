import PolicyEngine

/// How one billing format's table columns become the normalized cost line, as SQL: the same
/// rules its native reader applies (`FOCUSReader`, `CURColumns`), expression by expression.
/// One implementation per format, one file each; `CostLineMappings.mapping(for:)` is the registry.
protocol CostLineMapping: Sendable {
    /// The billing month, `YYYY-MM`.
    var period: SQLExpression { get }
    /// The billing currency as exported ('' when none).
    var currency: SQLExpression { get }
    /// `usage`, `tax`, `credit`, `refund`, `purchase` or `adjustment`.
    var chargeCategory: SQLExpression { get }
    /// Billed, effective and list cost (exact decimals).
    var billed: SQLExpression { get }
    var effective: SQLExpression { get }
    var list: SQLExpression { get }
    /// True when a usage line is egress.
    var usageIsEgress: SQLExpression { get }
    /// True when the line carries any user tag at all.
    var hasAnyTag: SQLExpression { get }
    /// The value of tag `key` ('' or NULL when absent).
    func tag(_ key: String) -> SQLExpression
    /// The normalized value of a non-tag dimension ('' when absent).
    func value(of dimension: CostDimension) -> SQLExpression
}

/// The mappings, by format.
enum CostLineMappings {
    /// The formats the cost-group query can read.
    static let formats: [InputFormat] = [.focus, .awsCUR, .awsCUR2]

    /// The mapping of `format` bound to `columns`; nil for formats the query does not cover.
    static func mapping(for format: InputFormat, columns: TableColumns, options: BillingReadOptions) -> (any CostLineMapping)? {
        switch format {
        case .focus: return FOCUSColumnMapping(columns: columns)
        case .awsCUR, .awsCUR2: return CURColumnMapping(columns: columns, options: options)
        case .azureCost, .gcpBilling, .costGroups, .json, .jsonl, .yaml, .csv, .awsConfig, .terraformPlan, .terraformState,
            .gcpAssetInventory, .azureResourceGraph, .awsIAMCredentialReport, .awsRoute53:
            return nil
        }
    }
}

/// The columns of the table a query reads: found case-insensitively like a CSV header, and
/// turned into expressions for the field rules the readers share.
struct TableColumns: Sendable {
    /// The header (names as the table spells them).
    let header: BillingHeader
    /// How the tag column stores tags.
    let tagKind: TagColumnKind

    /// The column named by the first of `aliases` present.
    func column(_ aliases: String...) -> String? { column(of: aliases) }

    func column(of aliases: [String]) -> String? { header.index(of: aliases).map { header.names[$0] } }

    /// The field as text, '' for NULL or a missing column (the reader's `record.field`).
    func raw(_ name: String?) -> SQLExpression {
        guard let name else { return .text("") }
        return .coalesce([.asText(.column(name)), .text("")])
    }

    /// The field with `NULL`/`null` literals as '' (the reader's `ByteText.valueOrEmpty`).
    func value(_ name: String?) -> SQLExpression {
        guard name != nil else { return .text("") }
        let text = raw(name)
        return .cases([(.equal(.lower(text), .text("null")), .text(""))], otherwise: text)
    }

    /// An amount: empty and null literals are zero (`FieldValues.amount`).
    func amount(_ name: String?) -> SQLExpression { optionalAmount(name, otherwise: .zero) }

    /// An amount, or `otherwise` when the column is missing or the field empty or null
    /// (`FieldValues.optionalAmount`).
    func optionalAmount(_ name: String?, otherwise: SQLExpression) -> SQLExpression {
        guard name != nil else { return otherwise }
        let text = raw(name)
        return .cases([(.any([.equal(text, .text("")), .equal(.lower(text), .text("null"))]), otherwise)], otherwise: .decimal(text))
    }

    /// The month of a date or timestamp text (`2026-10-01…`, `2026/10/01`).
    static func month(_ text: SQLExpression) -> SQLExpression { .substring(.replace(text, "/", "-"), start: 1, length: 7) }

    /// A normalized region: lowercased, `global` when empty (`BillingFormatReader.normalizedRegion`).
    static func normalizedRegion(_ text: SQLExpression) -> SQLExpression {
        .cases([(.equal(text, .text("")), .text("global"))], otherwise: .lower(text))
    }

    /// The service category of a key, from the lookup tables `lookups` in order, else `Other`.
    static func derivedCategory(_ key: SQLExpression, lookups: [ServiceCategories.Lookup]) -> SQLExpression {
        var branches: [(SQLExpression, SQLExpression)] = []
        for lookup in lookups {
            let probe: SQLExpression = lookup.lowercasedKeys ? .lower(key) : key
            for (name, category) in lookup.table.sorted(by: { $0.key < $1.key }) { branches.append((.equal(probe, .text(name)), .text(category))) }
        }
        return .cases(branches, otherwise: .text("Other"))
    }
}
