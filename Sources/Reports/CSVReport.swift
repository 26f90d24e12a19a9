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
        // The policy's own columns are the same on each of its rows: encode them once.
        var policyColumns: [String: (title: [UInt8], category: [UInt8], controls: [UInt8], remediation: [UInt8])] = [:]
        for policy in result.policies where policyColumns[policy.id] == nil {
            let controls = policy.frameworks.keys.sorted().map { "\($0):" + (policy.frameworks[$0] ?? []).joined(separator: ",") }
            policyColumns[policy.id] = (Self.field(policy.title), Self.field(policy.category), Self.field(controls.joined(separator: "; ")),
                                        Self.field(policy.remediation))
        }
        var output: [UInt8] = []
        output.reserveCapacity(result.findings.count * 320)
        Self.append(Self.columns.map(Self.field), to: &output)
        for finding in result.findings {
            let policy = policyColumns[finding.policy]
            let waiver = finding.waiver
            Self.append([
                Self.field(finding.policy), policy?.title ?? [], policy?.category ?? [], Self.field(finding.severity.rawValue),
                Self.field(finding.enforcement.rawValue), Self.field(finding.status.rawValue), Self.field(finding.resource),
                Self.field(finding.resourceType), Self.field(finding.message), Self.field(finding.source?.file ?? ""),
                Self.field(finding.source?.pointer ?? ""), Self.field(finding.source?.line.map(String.init) ?? ""),
                Self.field(finding.evidence.map(ReportText.evidence).joined(separator: "; ")), policy?.controls ?? [],
                policy?.remediation ?? [], Self.field(waiver?.id ?? ""), Self.field(waiver?.owner ?? ""),
                Self.field(waiver?.expires.description ?? ""), Self.field(waiver?.reason ?? ""),
            ], to: &output)
        }
        return output
    }

    /// Appends one record of encoded fields.
    static func append(_ fields: [[UInt8]], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: field)
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// One field's bytes: neutralised, then quoted when RFC 4180 requires it.
    static func field(_ text: String) -> [UInt8] { Array(cell(text).utf8) }

    /// One field's text as every CSV Assay writes holds it (findings here, cost groups in `assay
    /// cost --csv`): a would-be formula neutralised, then quoted when RFC 4180 requires it.
    public static func cell(_ text: String) -> String { quoted(neutralized(text)) }

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
