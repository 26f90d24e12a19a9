public import PolicyEngine

/// Every finding as CSV (RFC 4180): the "full list" behind the HTML and Markdown reports, for
/// spreadsheets and ticket imports.
///
/// One header row, then one row per finding in the result's order (policy, then resource),
/// passing findings included when the run listed them (`passing: list`). Records end in CRLF;
/// a field is quoted when it holds a comma, a quote, CR or LF, with quotes doubled. A field that
/// starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet shows it as
/// text instead of running it as a formula (CSV injection); numbers are never prefixed.
public struct CSVReport: ReportRenderer {
    /// The columns, in order.
    public static let columns = [
        "policy", "policy_title", "category", "severity", "enforcement", "status", "resource", "resource_type", "message",
        "source_file", "source_pointer", "source_line", "evidence", "controls", "remediation", "waiver_id", "waiver_owner",
        "waiver_expires", "waiver_reason",
    ]

    /// Creates the renderer.
    public init() {}

    /// `csv`.
    public var format: ReportFormat { .csv }

    /// The CSV bytes (UTF-8, no byte-order mark).
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let policies = Dictionary(result.policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var output = ""
        output.reserveCapacity(result.findings.count * 256)
        Self.append(Self.columns, to: &output)
        for finding in result.findings {
            let policy = policies[finding.policy]
            let controls = policy.map { policy in
                policy.frameworks.keys.sorted().map { "\($0):" + (policy.frameworks[$0] ?? []).joined(separator: ",") }.joined(separator: "; ")
            }
            Self.append([
                finding.policy, policy?.title ?? "", policy?.category ?? "", finding.severity.rawValue, finding.enforcement.rawValue,
                finding.status.rawValue, finding.resource, finding.resourceType, finding.message, finding.source?.file ?? "",
                finding.source?.pointer ?? "", finding.source?.line.map(String.init) ?? "",
                finding.evidence.map(ReportText.evidence).joined(separator: "; "), controls ?? "", policy?.remediation ?? "",
                finding.waiver?.id ?? "", finding.waiver?.owner ?? "", finding.waiver?.expires.description ?? "",
                finding.waiver?.reason ?? "",
            ], to: &output)
        }
        return Array(output.utf8)
    }

    /// Appends one record.
    static func append(_ fields: [String], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            output += quoted(neutralized(field))
        }
        output += "\r\n"
    }

    /// The field quoted when RFC 4180 requires it.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The field with a leading `'` when a spreadsheet would read it as a formula.
    static func neutralized(_ field: String) -> String {
        guard let first = field.utf8.first,
              [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
              Double(field) == nil
        else { return field }
        return "'" + field
    }
}
