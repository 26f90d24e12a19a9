public import PolicyEngine

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers (schema: OASIS
/// `sarif-schema-2.1.0.json`; GitHub's limits: 25,000 results and 20 tags per rule).
///
/// One run; one rule per policy (short and full description, remediation as help, the severity
/// as `security-severity`, category and framework controls as tags); one result per failing,
/// erroring, unknown or waived finding, with the finding fingerprint as `partialFingerprints`
/// (alerts keep their identity across uploads) and the waiver as an accepted suppression.
/// Locations are the `.tf` block when the Terraform locator found it, else the input file
/// (`FindingLocation`). Field mapping in docs/reports.md. Byte-identical for identical results.
public struct SARIFReport: ReportRenderer {
    /// GitHub code scanning rejects runs with more results.
    public static let resultLimit = 25_000
    /// GitHub code scanning keeps at most this many tags per rule.
    static let tagLimit = 20
    /// The `partialFingerprints` key of the finding fingerprint.
    public static let fingerprintKey = "assayFinding/v1"

    /// Creates the renderer.
    public init() {}

    /// `sarif`.
    public var format: ReportFormat { .sarif }

    /// The SARIF JSON text.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        Array(JSONWriter.pretty(document(result)).utf8)
    }

    /// The SARIF log as a value.
    func document(_ result: RunResult) -> Value {
        let policies = result.policies.sorted { $0.id < $1.id }
        var ruleIndex: [String: Int] = [:]
        for (index, policy) in policies.enumerated() { ruleIndex[policy.id] = index }
        // Results: every non-passing finding; blocking ones first when over GitHub's limit.
        var positions = result.findings.indices.filter { result.findings[$0].status != .pass }
        var omitted = 0
        if positions.count > Self.resultLimit {
            let blocking = positions.filter { result.isBlocking(findingAt: $0) }
            let others = positions.filter { !result.isBlocking(findingAt: $0) }
            positions = Array((blocking + others).prefix(Self.resultLimit)).sorted()
            omitted = blocking.count + others.count - positions.count
        }
        let results = positions.map { index in
            let policy = ruleIndex[result.findings[index].policy]
            return self.result(result.findings[index], blocking: result.isBlocking(findingAt: index), ruleIndex: policy,
                               policy: policy.map { policies[$0] })
        }
        var driver = Fields()
        driver["name"] = .string("Assay")
        driver["version"] = .string(result.toolVersion)
        driver["rules"] = .array(policies.map { rule($0, failOn: result.failOn) })
        var properties = Fields()
        properties["asOf"] = .string(result.asOf.description)
        properties["failOn"] = .string(result.failOn.rawValue)
        properties["policySetDigest"] = .string(result.policySetDigest)
        if !result.labels.isEmpty { properties["labels"] = .object(Fields(result.labels.map { ($0.key, Value.string($0.value)) })) }
        if omitted > 0 { properties["omittedResults"] = .number(Double(omitted)) }
        var run = Fields()
        run["tool"] = Self.object(["driver": .object(driver)])
        run["results"] = .array(results)
        run["columnKind"] = .string("unicodeCodePoints")
        run["properties"] = .object(properties)
        var automation = Fields()
        automation["id"] = .string("assay/" + (result.labels["pipeline"].map { $0 + "/" } ?? ""))
        run["automationDetails"] = .object(automation)
        var log = Fields()
        log["$schema"] = .string("https://json.schemastore.org/sarif-2.1.0.json")
        log["version"] = .string("2.1.0")
        log["runs"] = .array([.object(run)])
        return .object(log)
    }

    /// GitHub's `security-severity` bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
    public static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "1.0"
        }
    }

    /// `error` for what would block the run, `warning` for other enforced findings, `note` for
    /// advisory policies and informational severity.
    static func level(severity: Severity, enforcement: Enforcement, failOn: Severity) -> String {
        if enforcement == .advisory || severity == .info { return "note" }
        return severity >= failOn ? "error" : "warning"
    }

    private func rule(_ policy: PolicyReport, failOn: Severity) -> Value {
        var rule = Fields()
        rule["id"] = .string(policy.id)
        rule["name"] = .string(Self.ruleName(policy.id))
        rule["shortDescription"] = Self.object(["text": .string(policy.title.isEmpty ? policy.id : policy.title)])
        rule["fullDescription"] = Self.object(["text": .string(policy.description.isEmpty ? policy.title : policy.description)])
        let remediation = policy.remediation.isEmpty ? "See the policy \(policy.id) (\(policy.source))." : policy.remediation
        var help = "Remediation: \(remediation)"
        var markdown = "**Remediation:** \(remediation)"
        let controls = policy.frameworks.keys.sorted().map { "\($0) \((policy.frameworks[$0] ?? []).joined(separator: ", "))" }
        if !controls.isEmpty {
            help += "\nControls: " + controls.joined(separator: "; ")
            markdown += "\n\n**Controls:** " + controls.joined(separator: "; ")
        }
        help += "\nPolicy: \(policy.source)"
        markdown += "\n\n**Policy:** `\(policy.source)` (\(policy.severity.rawValue), \(policy.enforcement.rawValue))"
        rule["help"] = Self.object(["text": .string(help), "markdown": .string(markdown)])
        rule["defaultConfiguration"] = Self.object(["level": .string(Self.level(severity: policy.severity, enforcement: policy.enforcement, failOn: failOn))])
        var tags: [String] = []
        if !policy.category.isEmpty { tags.append(policy.category) }
        if policy.category != "cost" { tags.append("security") }
        for framework in policy.frameworks.keys.sorted() {
            for control in policy.frameworks[framework] ?? [] { tags.append("\(framework)/\(control)") }
        }
        var properties = Fields()
        properties["tags"] = .array(tags.prefix(Self.tagLimit).map(Value.string))
        properties["security-severity"] = .string(Self.securitySeverity(policy.severity))
        properties["severity"] = .string(policy.severity.rawValue)
        properties["enforcement"] = .string(policy.enforcement.rawValue)
        properties["precision"] = .string("very-high")
        rule["properties"] = .object(properties)
        return .object(rule)
    }

    /// `encryption.s3-at-rest` → `EncryptionS3AtRest` (SARIF's `name` is an identifier-like label).
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private func result(_ finding: Finding, blocking: Bool, ruleIndex: Int?, policy: PolicyReport?) -> Value {
        var item = Fields()
        item["ruleId"] = .string(finding.policy)
        if let ruleIndex { item["ruleIndex"] = .number(Double(ruleIndex)) }
        let level: String
        switch finding.status {
        case .fail, .error, .waived: level = blocking ? "error" : Self.level(severity: finding.severity, enforcement: finding.enforcement, failOn: .critical)
        case .unknown, .pass: level = "note"
        }
        item["level"] = .string(level)
        var text = "\(finding.resource): \(finding.message)"
        switch finding.status {
        case .error: text = "Evaluation error on " + text
        case .unknown: text = "Unknown on " + text  // the message says why (not known until apply, or a resource the inputs lack)
        case .fail, .waived, .pass: break
        }
        if let declaration = finding.source?.declaration, declaration.address != finding.resource {
            text += " (Terraform \(declaration.address))"
        }
        item["message"] = Self.object(["text": .string(text)])
        item["locations"] = .array([location(finding, policy: policy)])
        item["partialFingerprints"] = .object(Fields([(Self.fingerprintKey, Value.string(finding.fingerprint))]))
        if let waiver = finding.waiver {
            var properties = Fields()
            properties["waiver"] = .string(waiver.id)
            properties["owner"] = .string(waiver.owner)
            properties["expires"] = .string(waiver.expires.description)
            if let ticket = waiver.ticket { properties["ticket"] = .string(ticket) }
            var suppression = Fields()
            suppression["kind"] = .string("external")
            suppression["status"] = .string("accepted")
            suppression["justification"] = .string(waiver.reason)
            suppression["properties"] = .object(properties)
            item["suppressions"] = .array([.object(suppression)])
        }
        var properties = Fields()
        properties["status"] = .string(finding.status.rawValue)
        properties["severity"] = .string(finding.severity.rawValue)
        properties["resourceType"] = .string(finding.resourceType)
        if blocking { properties["blocking"] = .bool(true) }
        item["properties"] = .object(properties)
        return .object(item)
    }

    /// An object value from literal pairs.
    static func object(_ pairs: KeyValuePairs<String, Value>) -> Value { .object(Fields(pairs.map { ($0.key, $0.value) })) }

    private func location(_ finding: Finding, policy: PolicyReport?) -> Value {
        var artifact = Fields()
        var physical = Fields()
        if let location = FindingLocation(finding) {
            artifact["uri"] = .string(location.uri)
            if !location.file.hasPrefix("/") { artifact["uriBaseId"] = .string("%SRCROOT%") }
            if let line = location.line { physical["region"] = Self.object(["startLine": .number(Double(line))]) }
        } else if let policy {
            // A finding without a source file points at the policy that produced it.
            let parts = policy.source.split(separator: ":")
            let file = parts.count >= 3 ? parts.dropLast(2).joined(separator: ":") : policy.source
            artifact["uri"] = .string(FindingLocation.percentEncoded(file))
            if !file.hasPrefix("/") { artifact["uriBaseId"] = .string("%SRCROOT%") }
            if parts.count >= 3, let line = Int(parts[parts.count - 2]) { physical["region"] = Self.object(["startLine": .number(Double(line))]) }
        }
        physical["artifactLocation"] = .object(artifact)
        var logical = Fields()
        logical["fullyQualifiedName"] = .string(finding.source?.declaration?.address ?? finding.resource)
        logical["kind"] = .string("resource")
        var location = Fields()
        location["physicalLocation"] = .object(physical)
        location["logicalLocations"] = .array([.object(logical)])
        return .object(location)
    }
}
