public import PolicyEngine

/// Every finding as CSV (RFC 4180): the "full list" behind the HTML and Markdown reports, for
/// spreadsheets and ticket imports.
///
/// `source_*` describe the record whose values were evaluated; `terraform_address` lists the
/// Terraform addresses of all the resource's records, `other_sources` the other records merged
/// into it (see docs/inventory.md, "Resource identity").
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
        "source_file", "source_pointer", "source_line", "source_format", "terraform_address", "other_sources", "evidence", "controls",
        "remediation", "waiver_id", "waiver_owner", "waiver_expires", "waiver_reason",
    ]

    /// Creates the renderer.
    public init() {}

    /// `csv`.
    public var format: ReportFormat { .csv }

    /// The CSV bytes (UTF-8, no byte-order mark).
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let output = ReportOutput()
        try write(result, to: output)
        return output.bytes
    }

    /// Streams the header and the rows into `output`, the rows rendered in blocks on all cores
    /// (`BlockRendering`): a run of a million findings was one single-threaded pass that held
    /// the whole file, and 22 arrays a row, in memory.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        // The policy's own columns are the same on each of its rows: encode them once.
        var policyColumns: [String: PolicyColumns] = [:]
        for policy in result.policies where policyColumns[policy.id] == nil {
            let controls = policy.frameworks.keys.sorted().map { "\($0):" + (policy.frameworks[$0] ?? []).joined(separator: ",") }
            policyColumns[policy.id] = PolicyColumns(title: Self.field(policy.title), category: Self.field(policy.category),
                                                     controls: Self.field(controls.joined(separator: "; ")), remediation: Self.field(policy.remediation))
        }
        var header: [UInt8] = []
        Self.append(Self.columns.map(Self.field), to: &header)
        output.append(header)
        let findings = result.findings
        let columns = policyColumns
        try BlockRendering.write(count: findings.count, to: output) { range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 512)
            findings.withElementView { findings in
                for index in range { findings.withElement(at: index) { Self.appendRow($0, policy: columns[$0.policy], to: &bytes) } }
            }
            return bytes
        }
    }

    /// A policy's encoded columns.
    private struct PolicyColumns: Sendable {
        let title: [UInt8]
        let category: [UInt8]
        let controls: [UInt8]
        let remediation: [UInt8]
    }

    /// One finding's record, in the order of `columns`.
    private static func appendRow(_ finding: borrowing Finding, policy: PolicyColumns?, to output: inout [UInt8]) {
        func text(_ text: String) {
            output.append(UInt8(ascii: ","))
            appendField(text, to: &output)
        }
        func encoded(_ bytes: [UInt8]?) {
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: bytes ?? [])
        }
        appendField(finding.policy, to: &output)
        encoded(policy?.title)
        encoded(policy?.category)
        text(finding.severity.rawValue)
        text(finding.enforcement.rawValue)
        text(finding.status.rawValue)
        text(finding.resource)
        text(finding.resourceType)
        text(finding.message)
        let source = finding.source
        text(source?.file ?? "")
        text(source?.pointer ?? "")
        text(source?.line.map(String.init) ?? "")
        text(source?.format ?? "")
        text(finding.sources.compactMap(\.terraformAddress).joined(separator: "; "))
        text(finding.mergedSources.map(\.reportText).joined(separator: "; "))
        text(finding.evidence.map(ReportText.evidence).joined(separator: "; "))
        encoded(policy?.controls)
        encoded(policy?.remediation)
        let waiver = finding.waiver
        text(waiver?.id ?? "")
        text(waiver?.owner ?? "")
        text(waiver?.expires.description ?? "")
        text(waiver?.reason ?? "")
        output.append(0x0D)
        output.append(0x0A)
    }

    /// Appends `cell(text)`'s bytes; a text that needs neither a formula guard nor quotes (nearly
    /// every one) is copied as it is, without a string made for it.
    static func appendField(_ text: String, to output: inout [UInt8]) {
        var copy = text
        let plain = copy.withByteView { bytes -> Bool in
            if let first = bytes.first, formulaStarts.contains(first) { return false }
            for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if !plain { output.append(contentsOf: cell(text).utf8) }
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
        guard let first = field.utf8.first, formulaStarts.contains(first), Double(field) == nil else { return field }
        return "'" + field
    }

    /// First bytes with which a spreadsheet reads a cell as a formula.
    private static let formulaStarts: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
}
