public import PolicyEngine
public import TabularText

/// AWS Cost and Usage Report, legacy CSV (`lineItem/UnblendedCost`, `resourceTags/user:*`), and
/// the same report in Athena snake_case (`line_item_unblended_cost`, `resource_tags_user_*`).
///
/// Tag columns: `resourceTags/user:<key>` gives tag `<key>`; `resourceTags/aws:<key>` gives
/// `aws:<key>`; Athena `resource_tags_user_<key>` gives `<key>` and `resource_tags_aws_<key>`
/// gives `aws:<key>`. Only user tags count for "has any tag".
public struct AWSCURReader: BillingFormatReader {
    /// Legacy CUR.
    public static let format = InputFormat.awsCUR
    /// The cost column and a period start, in either spelling.
    public static let requiredColumns = [
        RequiredColumn("lineItem/UnblendedCost", "line_item_unblended_cost"),
        RequiredColumn("bill/BillingPeriodStartDate", "lineItem/UsageStartDate", "bill_billing_period_start_date", "line_item_usage_start_date"),
    ]

    private let columns: CURColumns
    /// The tag columns, each matched against the requested keys once, here, rather than per row.
    private let tagColumns: [TagColumn]
    private let keyBytes: TagKeyBytes
    private let allTags: Bool

    /// A `resourceTags/…` column. Its key points into `keyBytes`, which is immutable and lives as
    /// long as the reader, so sharing it between workers is safe.
    ///
    /// Sendable: `key` points into `keyBytes` (immutable, alive as long as the reader); the rest are values.
    private struct TagColumn: @unchecked Sendable {
        var index: Int
        /// The tag key (`environment`, `aws:createdBy`), in `keyBytes`.
        var key: FieldBytes
        /// Only user tags count for "has any tag".
        var isUser: Bool
        /// Position of the key in the tag request; -1 when it is not requested.
        var requestPosition: Int
    }

    /// Binds to the header and finds the tag columns.
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        columns = CURColumns(header: header, options: options)
        var found: [(index: Int, key: String, isUser: Bool)] = []
        for (index, suffix) in header.columns(withPrefix: "resourcetags/") {
            if suffix.lowercased().hasPrefix("user:") {
                found.append((index, String(suffix.dropFirst(5)), true))
            } else {
                found.append((index, suffix, false))
            }
        }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_user_") { found.append((index, suffix, true)) }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_aws_") { found.append((index, "aws:" + suffix, false)) }
        let keyBytes = TagKeyBytes(found.map(\.key))
        self.keyBytes = keyBytes
        tagColumns = found.enumerated().map { position, column in
            TagColumn(index: column.index, key: keyBytes.key(position), isUser: column.isUser, requestPosition: tags.keys.firstIndex(of: column.key) ?? -1)
        }
        allTags = tags.all
    }

    /// Decodes one row.
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try columns.decode(record, into: &line)
        for column in tagColumns {
            let value = record.field(column.index)
            guard !value.isEmpty else { continue }
            if column.isUser { line.hasAnyTag = true }
            if column.requestPosition >= 0 { line.setRequestedTag(at: column.requestPosition, value: value) }
            if allTags { line.allTags.append((column.key, value)) }
        }
    }

    /// Category of an AWS product code.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(awsProductCode: key) ?? "Other"
    }
}
