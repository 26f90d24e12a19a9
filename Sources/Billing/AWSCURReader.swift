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
    private let tagColumns: [(index: Int, key: [UInt8], isUser: Bool)]
    private let tagKeys: RequestedTagKeys

    /// Binds to the header and finds the tag columns.
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        columns = CURColumns(header: header, options: options)
        var found: [(Int, [UInt8], Bool)] = []
        for (index, suffix) in header.columns(withPrefix: "resourcetags/") {
            if suffix.lowercased().hasPrefix("user:") {
                found.append((index, Array(suffix.dropFirst(5).utf8), true))
            } else {
                found.append((index, Array(suffix.utf8), false))
            }
        }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_user_") { found.append((index, Array(suffix.utf8), true)) }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_aws_") { found.append((index, Array(("aws:" + suffix).utf8), false)) }
        tagColumns = found
        tagKeys = RequestedTagKeys(tags)
    }

    /// Decodes one row.
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try columns.decode(record, into: &line)
        for column in tagColumns {
            let value = record.field(column.index)
            guard !value.isEmpty else { continue }
            column.key.withUnsafeBufferPointer { key in
                if column.isUser {
                    line.setTag(key: key, value: value, request: tagKeys)
                } else {
                    let hadAny = line.hasAnyTag
                    line.setTag(key: key, value: value, request: tagKeys)
                    line.hasAnyTag = hadAny
                }
            }
        }
    }

    /// Category of an AWS product code.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(awsProductCode: key) ?? "Other"
    }
}
