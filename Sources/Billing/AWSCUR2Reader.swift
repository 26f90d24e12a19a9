public import PolicyEngine
public import TabularText

/// AWS CUR 2.0 (Data Exports, snake_case, a `resource_tags` map column serialised as JSON).
///
/// Tag keys in the map are `user_<key>` for user tags (→ `<key>`) and `aws_<key>` for AWS tags
/// (→ `aws:<key>`); keys without either prefix are kept as they are.
public struct AWSCUR2Reader: BillingFormatReader {
    /// CUR 2.0.
    public static let format = InputFormat.awsCUR2
    /// The cost column, a period start and the tag map.
    public static let requiredColumns = [
        RequiredColumn("line_item_unblended_cost"),
        RequiredColumn("bill_billing_period_start_date", "line_item_usage_start_date"),
        RequiredColumn("resource_tags"),
    ]

    private let columns: CURColumns
    private let tags: Int
    private let tagKeys: RequestedTagKeys

    /// Binds to the header.
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        columns = CURColumns(header: header, options: options)
        self.tags = header.index("resource_tags") ?? -1
        tagKeys = RequestedTagKeys(tags)
    }

    /// Decodes one row.
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try columns.decode(record, into: &line)
        let field = record.rawField(tags)  // doubled quotes decoded by the tag reader
        let text = ByteText.valueOrEmpty(field.bytes)
        guard !text.isEmpty else { return }
        scratch.startRow(maximumBytes: text.count + 64)
        let keys = tagKeys.lookup
        TagText.forEachMember(text, doubledQuotes: field.doubledQuotes, scratch: scratch) { key, value in
            if key.count > 5, ByteText.equalsLowercase(key.extracting(0..<5), "user_") {
                line.setTag(key: key.extracting(5...), value: value, request: keys)
            } else if key.count > 4, ByteText.equalsLowercase(key.extracting(0..<4), "aws_") {
                let start = scratch.position
                for byte in "aws:".utf8 { scratch.append(byte) }
                for byte in key[4...] { scratch.append(byte) }
                let hadAny = line.hasAnyTag
                line.setTag(key: scratch.view(from: start), value: value, request: keys)
                line.hasAnyTag = hadAny
            } else {
                line.setTag(key: key, value: value, request: keys)
            }
        }
    }

    /// Category of an AWS product code.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(awsProductCode: key) ?? "Other"
    }
}
