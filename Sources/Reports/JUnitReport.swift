public import PolicyEngine

/// JUnit XML for CI, written through libxml2's `xmlTextWriter`.
///
/// One `<testsuite>` per policy, one `<testcase>` per resource verdict: failures as `<failure>`
/// (message, severity, remediation, framework controls, evidence), waived findings as
/// `<skipped>` with reason and expiry, evaluation errors and unknown values as `<error>`.
/// Passing resources are one test case each (`passing: list`) or one summary case per policy
/// (`passing: summary`, for estates where a case per resource would make a huge file). The
/// default output validates against the Jenkins xunit junit-10, Jenkins/dtkit junit-4 and the
/// Ant (windyroad) schemas; see docs/reports.md for the field mapping and the GitLab flavour.
public struct JUnitReport: ReportRenderer {
    /// Consumer-specific variants.
    public enum Flavour: String, CaseIterable, Sendable {
        /// Valid under all three default schemas.
        case portable
        /// Adds `file="…"` (the resource's source file) on test cases for GitLab's annotations;
        /// the Ant/windyroad schema rejects that attribute.
        case gitlab
    }

    /// The variant written.
    public var flavour: Flavour

    /// Creates the renderer.
    public init(flavour: Flavour = .portable) { self.flavour = flavour }

    /// `junit`.
    public var format: ReportFormat { .junit }

    private struct Case {
        var name: String
        var file: String?
        var outcome: Outcome

        enum Outcome {
            case pass
            case failure(message: String, type: String, body: String)
            case error(message: String, type: String, body: String)
            case skipped(String)
        }
    }

    /// The XML bytes.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let findingsByPolicy = Dictionary(grouping: result.findings, by: \.policy)
        let policies = result.policies.sorted { $0.id < $1.id }
        var suites: [(PolicyReport, [Case])] = []
        for policy in policies {
            suites.append((policy, cases(for: policy, findings: findingsByPolicy[policy.id] ?? [], result: result)))
        }
        let writer = try XMLWriter()
        try writer.startDocument()
        // A bare <testsuites>: the Ant schema allows no attributes on it and junit-10 no `skipped`;
        // consumers sum the suites.
        try writer.start("testsuites")
        let timestamp = result.asOf.description + "T00:00:00"
        let host = result.labels["host"] ?? "localhost"
        for (index, (policy, cases)) in suites.enumerated() {
            try writer.start("testsuite")
            try writer.attribute("name", policy.id)
            try writer.attribute("package", "assay." + (policy.category.isEmpty ? "policies" : policy.category))
            try writer.attribute("id", String(index))
            try writer.attribute("timestamp", timestamp)
            try writer.attribute("hostname", host)
            try writeCounts(cases, to: writer)
            try writer.attribute("time", "0")
            try writer.start("properties")
            var properties: [(String, String)] = [
                ("title", policy.title), ("severity", policy.severity.rawValue), ("enforcement", policy.enforcement.rawValue),
                ("category", policy.category), ("source", policy.source), ("assay.version", result.toolVersion),
                ("assay.as_of", result.asOf.description),
            ]
            for framework in policy.frameworks.keys.sorted() {
                properties.append(("framework.\(framework)", (policy.frameworks[framework] ?? []).joined(separator: ", ")))
            }
            for (name, value) in properties { try writer.empty("property", [("name", name), ("value", value)]) }
            try writer.end()
            for testCase in cases { try write(testCase, classname: policy.id, to: writer) }
            try writer.element("system-out", text: "")
            try writer.element("system-err", text: "")
            try writer.end()
        }
        try writer.end()
        return try writer.finish()
    }

    private func writeCounts(_ cases: [Case], to writer: XMLWriter) throws(ReportError) {
        var failures = 0
        var errors = 0
        var skipped = 0
        for testCase in cases {
            switch testCase.outcome {
            case .pass: break
            case .failure: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
        try writer.attribute("tests", String(cases.count))
        try writer.attribute("failures", String(failures))
        try writer.attribute("errors", String(errors))
        try writer.attribute("skipped", String(skipped))
    }

    private func write(_ testCase: Case, classname: String, to writer: XMLWriter) throws(ReportError) {
        try writer.start("testcase")
        try writer.attribute("name", testCase.name)
        try writer.attribute("classname", classname)
        if flavour == .gitlab, let file = testCase.file { try writer.attribute("file", file) }
        try writer.attribute("time", "0")
        switch testCase.outcome {
        case .pass:
            break
        case .failure(let message, let type, let body), .error(let message, let type, let body):
            let isFailure: Bool
            if case .failure = testCase.outcome { isFailure = true } else { isFailure = false }
            try writer.start(isFailure ? "failure" : "error")
            try writer.attribute("message", message)
            try writer.attribute("type", type)
            try writer.text(body)
            try writer.end()
        case .skipped(let text):
            try writer.element("skipped", text: text)
        }
        try writer.end()
    }

    private func cases(for policy: PolicyReport, findings: [Finding], result: RunResult) -> [Case] {
        let passing = result.passing
        let baseline = Self.baselineText(result)
        var cases: [Case] = []
        var seen: [String: Int] = [:]
        for finding in findings {
            let occurrence = (seen[finding.resource] ?? 0) + 1
            seen[finding.resource] = occurrence
            let name = occurrence == 1 ? finding.resource : "\(finding.resource) #\(occurrence)"
            let outcome: Case.Outcome
            if let baseline, finding.status != .pass, finding.status != .waived, result.isPersisting(finding) {
                // With --baseline only new findings fail CI; known ones are shown, not failed.
                cases.append(Case(name: name, file: finding.source?.file,
                                  outcome: .skipped("persisting: present in the baseline (\(baseline)), not blocking\n\(finding.message)")))
                continue
            }
            switch finding.status {
            case .pass:
                if passing == .summary { continue }
                outcome = .pass
            case .fail:
                outcome = .failure(message: finding.message, type: finding.severity.rawValue, body: body(finding, policy: policy))
            case .error:
                outcome = .error(message: finding.message, type: "evaluation-error", body: body(finding, policy: policy))
            case .unknown:
                outcome = .error(message: finding.message, type: "unknown-value", body: body(finding, policy: policy))
            case .waived:
                let waiver = finding.waiver
                var text = "waived until \(waiver?.expires.description ?? "?"): \(waiver?.reason ?? "")"
                if let owner = waiver?.owner { text += " (owner \(owner)" + (waiver?.ticket.map { ", ticket \($0)" } ?? "") + ")" }
                text += "\n" + finding.message
                outcome = .skipped(text)
            }
            cases.append(Case(name: name, file: finding.source?.file, outcome: outcome))
        }
        if passing == .summary && policy.counts.pass > 0 {
            let noun = policy.counts.pass == 1 ? "resource" : "resources"
            cases.insert(Case(name: "\(policy.counts.pass) \(noun) pass", file: nil, outcome: .pass), at: 0)
        }
        if cases.isEmpty {
            cases.append(Case(name: "no resources in scope", file: nil,
                              outcome: .skipped("no input document is in this policy's scope")))
        }
        return cases
    }

    /// "run 3 of .assay/history.sqlite, as of 2026-10-27" or "results.json, as of …" when a baseline applies.
    static func baselineText(_ result: RunResult) -> String? {
        guard result.baselineFingerprints != nil, let section = result.sections["baseline"] else { return nil }
        let asOf = section["as_of"]?.stringValue.map { ", as of \($0)" } ?? ""
        if let run = section["run"]?.keyText { return "run \(run)" + (section["database"]?.stringValue.map { " of \($0)" } ?? "") + asOf }
        return (section["file"]?.stringValue ?? "baseline") + asOf
    }

    private func body(_ finding: Finding, policy: PolicyReport) -> String {
        var lines = [finding.message, "", "Resource: \(finding.resource)", "Type: \(finding.resourceType)"]
        if let source = finding.source { lines.append("Source: \(source.displayText)") }
        lines.append("Severity: \(finding.severity.rawValue) (enforcement: \(finding.enforcement.rawValue))")
        if !finding.evidence.isEmpty {
            lines.append("Evidence:")
            for item in finding.evidence {
                let actual = item.actual.map { "'\($0.displayText)'" } ?? "missing"
                var line = "  - \(item.path) is \(actual) (expected \(item.expected))"
                if let note = item.note { line += ": \(note)" }
                lines.append(line)
            }
        }
        if !policy.remediation.isEmpty { lines.append("Remediation: \(policy.remediation)") }
        if !policy.frameworks.isEmpty {
            let controls = policy.frameworks.keys.sorted().map { "\($0) \((policy.frameworks[$0] ?? []).joined(separator: ", "))" }
            lines.append("Controls: " + controls.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
