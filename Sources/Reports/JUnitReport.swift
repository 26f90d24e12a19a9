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

    /// How the per-finding test cases are written: escaped into bytes (`XMLBytes`), or through
    /// libxml2 like the rest of the document — the reference the byte path is tested against.
    enum CaseWriter {
        case bytes, libxml2
    }

    /// How the per-finding test cases are written (tests compare the two).
    var caseWriter = CaseWriter.bytes

    /// Creates the renderer.
    public init(flavour: Flavour = .portable) { self.flavour = flavour }

    /// `junit`.
    public var format: ReportFormat { .junit }

    private struct Case {
        var name: String
        var file: String?
        var outcome: Outcome

        /// What a case counts as in its suite's attributes.
        enum Kind: Hashable {
            case pass, failure, error, skipped
        }

        /// `body` is the index of the finding whose text (`JUnitReport.body`) the element holds.
        enum Outcome {
            case pass
            case failure(message: String, type: String, body: Int)
            case error(message: String, type: String, body: Int)
            case skipped(String)
        }
    }

    /// The XML bytes.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let output = ReportOutput()
        try write(result, to: output)
        return output.bytes
    }

    /// Streams the XML into `output`, one test case at a time: a suite's counts come from a
    /// first pass that only classifies its findings, so no case list is held in memory.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        let findingsByPolicy = Self.findingPositionsByPolicy(result)
        let policies = result.policies.sorted { $0.id < $1.id }
        let baseline = try Self.baselineText(result)
        // Each suite's occurrence numbers (a hash of every finding's resource) on every core,
        // before the suites are written one after another.
        let occurrencesByPolicy = ParallelMap.indexed(count: policies.count) { index in
            Suite(policy: policies[index], findings: findingsByPolicy[policies[index].id] ?? FindingPositions(), result: result, baseline: baseline).occurrences()
        }
        let writer = try XMLWriter(output: output)
        try writer.startDocument()
        // A bare <testsuites>: the Ant schema allows no attributes on it and junit-10 no `skipped`;
        // consumers sum the suites.
        try writer.start("testsuites")
        let timestamp = result.asOf.description + "T00:00:00"
        let host = result.labels["host"] ?? "localhost"
        for (index, policy) in policies.enumerated() {
            let suite = Suite(policy: policy, findings: findingsByPolicy[policy.id] ?? FindingPositions(), result: result, baseline: baseline)
            try writer.start("testsuite")
            try writer.attribute("name", policy.id)
            try writer.attribute("package", "assay." + (policy.category.isEmpty ? "policies" : policy.category))
            try writer.attribute("id", String(index))
            try writer.attribute("timestamp", timestamp)
            try writer.attribute("hostname", host)
            try writeCounts(suite, to: writer)
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
            try writeCases(of: suite, occurrences: occurrencesByPolicy[index], classname: policy.id, to: writer, output: output)
            try writer.element("system-out", text: "")
            try writer.element("system-err", text: "")
            try writer.end()
        }
        try writer.end()
        try writer.finish()
    }

    /// The positions in `result.findings` of each policy's findings, in order. A policy's
    /// findings stand together (the run appends them policy by policy), so the table is looked
    /// up once per run of them, not hashed for every finding.
    static func findingPositionsByPolicy(_ result: RunResult) -> [String: FindingPositions] {
        var table: [String: FindingPositions] = [:]
        var run: (policy: String, start: Int)?
        // By index: iterating the findings would copy each one (a dozen reference counts).
        for index in result.findings.indices where run?.policy != result.findings[index].policy {
            if let finished = run { table[finished.policy, default: FindingPositions()].append(finished.start..<index) }
            run = (result.findings[index].policy, index)
        }
        if let finished = run { table[finished.policy, default: FindingPositions()].append(finished.start..<result.findings.count) }
        return table
    }

    /// The positions of one policy's findings in the run's list, in order, held as runs of
    /// consecutive positions: a policy's findings stand together, so this is one range where a
    /// list of every position took 8 bytes a finding (27 MB for the 3.4 million findings of a
    /// million resources listed with their passes).
    struct FindingPositions: RandomAccessCollection {
        /// The runs, in order.
        private var runs: [Range<Int>] = []
        /// How many positions come before each run.
        private var before: [Int] = []

        var startIndex: Int { 0 }
        private(set) var endIndex = 0

        /// Adds the positions `run` after those held (merged with the last run when they touch).
        mutating func append(_ run: Range<Int>) {
            guard !run.isEmpty else { return }
            if let last = runs.last, last.upperBound == run.lowerBound {
                runs[runs.count - 1] = last.lowerBound..<run.upperBound
            } else {
                before.append(endIndex)
                runs.append(run)
            }
            endIndex += run.count
        }

        /// The `index`-th position.
        subscript(index: Int) -> Int {
            precondition(index >= 0 && index < endIndex, "finding position out of range")
            if runs.count == 1 { return runs[0].lowerBound + index }
            // The last run starting at or before `index`.
            var low = 0
            var high = runs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if before[middle] <= index { low = middle } else { high = middle - 1 }
            }
            return runs[low].lowerBound + index - before[low]
        }
    }

    private func writeCounts(_ suite: Suite, to writer: XMLWriter) throws(ReportError) {
        var counts = [Case.Kind: Int]()
        suite.forEachKind { counts[$0, default: 0] += 1 }
        try writer.attribute("tests", String(counts.values.reduce(0, +)))
        try writer.attribute("failures", String(counts[.failure] ?? 0))
        try writer.attribute("errors", String(counts[.error] ?? 0))
        try writer.attribute("skipped", String(counts[.skipped] ?? 0))
    }

    /// Writes a suite's cases: the summary case, then one case per finding — rendered on all
    /// cores in blocks, each block by its own libxml2 writer standing at the same depth, and
    /// appended in order, so the bytes are those one writer would make — or the single "not
    /// applicable" case.
    private func writeCases(of suite: Suite, occurrences: [UInt32], classname: String, to writer: XMLWriter, output: ReportOutput) throws(ReportError) {
        var any = false
        if let summaryCase = suite.summaryCase {
            try write(summaryCase, classname: classname, suite: suite, to: writer)
            any = true
        }
        if occurrences.contains(where: { $0 > 0 }) {
            any = true
            try writer.flush()
            try BlockRendering.write(count: occurrences.count, to: output) { positions throws(ReportError) in
                try renderCases(of: suite, positions: positions, occurrences: occurrences, classname: classname)
            }
        }
        if !any { try write(suite.emptyCase, classname: classname, suite: suite, to: writer) }
    }

    /// The bytes of the cases of `suite.findings[positions]` (those that have one), as the
    /// document's writer would write them at a test case's depth.
    private func renderCases(of suite: Suite, positions: Range<Int>, occurrences: [UInt32], classname: String) throws(ReportError) -> [UInt8] {
        guard caseWriter == .bytes else {
            return try renderCasesThroughLibXML2(of: suite, positions: positions, occurrences: occurrences, classname: classname)
        }
        var fragment = XMLBytes()
        for position in positions {
            if position + prefetchDistance < positions.upperBound { suite.prefetchResource(at: position + prefetchDistance) }
            guard occurrences[position] > 0 else { continue }
            write(suite.testCase(at: position, occurrence: Int(occurrences[position]), flavour: flavour), classname: classname, suite: suite, into: &fragment)
        }
        return fragment.bytes
    }

    /// A test case at its depth in the document (four spaces in), as libxml2 indents it.
    private func write(_ testCase: Case, classname: String, suite: Suite, into out: inout XMLBytes) {
        out.raw("    <testcase name=\"")
        out.attribute(testCase.name)
        out.raw("\" classname=\"")
        out.attribute(classname)
        if flavour == .gitlab, let file = testCase.file {
            out.raw("\" file=\"")
            out.attribute(file)
        }
        out.raw("\" time=\"0\"")
        switch testCase.outcome {
        case .pass:
            out.raw("/>\n")
            return
        case .failure(let message, let type, let body), .error(let message, let type, let body):
            let isFailure: Bool
            if case .failure = testCase.outcome { isFailure = true } else { isFailure = false }
            out.raw(isFailure ? ">\n      <failure message=\"" : ">\n      <error message=\"")
            out.attribute(message)
            out.raw("\" type=\"")
            out.attribute(type)
            out.raw("\">")
            suite.body(of: body, into: &out)
            out.raw(isFailure ? "</failure>\n" : "</error>\n")
        case .skipped(let text):
            out.raw(">\n      <skipped>")
            out.text(text)
            out.raw("</skipped>\n")
        }
        out.raw("    </testcase>\n")
    }

    /// `renderCases` through libxml2: a writer into memory is opened two elements deep and that
    /// opening (declaration and two start tags) is cut off.
    private func renderCasesThroughLibXML2(of suite: Suite, positions: Range<Int>, occurrences: [UInt32], classname: String) throws(ReportError) -> [UInt8] {
        let fragment = ReportOutput()
        let writer = try XMLWriter(output: fragment)
        // The declaration too: it tells libxml2 the text is UTF-8, else it writes
        // non-ASCII characters of attributes as character references.
        try writer.startDocument()
        try writer.start("testsuites")
        try writer.start("testsuite")
        var wrote = false
        for position in positions where occurrences[position] > 0 {
            try write(suite.testCase(at: position, occurrence: Int(occurrences[position]), flavour: flavour), classname: classname, suite: suite, to: writer)
            wrote = true
        }
        guard wrote else { return [] }
        try writer.flush()
        let opening = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite>\n".utf8)
        let bytes = fragment.bytes
        guard bytes.starts(with: opening) else { throw .xmlWriter(reason: "unexpected opening of a block of test cases") }
        return Array(bytes[opening.count...])
    }

    private func write(_ testCase: Case, classname: String, suite: Suite, to writer: XMLWriter) throws(ReportError) {
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
            var text = ""
            suite.body(of: body, into: &text)
            try writer.text(text)
            try writer.end()
        case .skipped(let text):
            try writer.element("skipped", text: text)
        }
        try writer.end()
    }

    /// One policy's test cases, produced on demand: the summary case of passing resources first
    /// (with `passing: summary`), then one case per finding in result order, or a single
    /// "no resources in scope" case when there is nothing else.
    private struct Suite {
        let policy: PolicyReport
        let findings: FindingPositions
        let result: RunResult
        let baseline: String?
        /// The closing lines of every failure body (`bodyTrailer`).
        let trailer: String

        init(policy: PolicyReport, findings: FindingPositions, result: RunResult, baseline: String?) {
            self.policy = policy
            self.findings = findings
            self.result = result
            self.baseline = baseline
            trailer = JUnitReport.bodyTrailer(policy: policy)
        }

        /// Starts loading the resource id of the finding at `position` (`prefetchStorage`): the
        /// passes over a suite read each finding's id, scattered where the reader allocated it.
        func prefetchResource(at position: Int) {
            result.findings.withElementView { all in all.withElement(at: findings[position]) { prefetchStorage(of: &$0.resource) } }
        }

        /// What `result.findings[index]` becomes (nil: no case of its own, a pass under
        /// `passing: summary`). Reads fields in place: copying a finding costs a dozen
        /// reference counts, and a large run has a million of them.
        func kind(at index: Int) -> Case.Kind? {
            let status = result.findings[index].status
            // With --baseline only new findings fail CI; known ones are shown, not failed.
            if baseline != nil, status != .pass, status != .waived, result.isPersisting(result.findings[index]) { return .skipped }
            switch status {
            case .pass: return result.passing == .summary ? nil : .pass
            case .fail: return .failure
            case .error, .unknown: return .error
            case .waived: return .skipped
            }
        }

        var summaryCase: Case? {
            guard result.passing == .summary && policy.counts.pass > 0 else { return nil }
            let noun = policy.counts.pass == 1 ? "resource" : "resources"
            return Case(name: "\(policy.counts.pass) \(noun) pass", file: nil, outcome: .pass)
        }

        /// The single case of a policy that matched nothing: skipped, saying why.
        var emptyCase: Case {
            Case(name: "not applicable", file: nil, outcome: .skipped(policy.notApplicableText ?? "not applicable: no input document in scope"))
        }

        /// The kind of every case, in order, without building them.
        func forEachKind(_ body: (Case.Kind) -> Void) {
            var any = false
            if summaryCase != nil {
                body(.pass)
                any = true
            }
            for index in findings {
                guard let kind = kind(at: index) else { continue }
                body(kind)
                any = true
            }
            if !any { body(.skipped) }
        }

        /// For each position of `findings`: 0 when its finding has no case of its own, else how
        /// many times its resource has occurred in the suite so far (a second finding of one
        /// resource is named "resource #2"). 4 bytes a finding: a million resources listed with
        /// their passes have 3.4 million.
        func occurrences() -> [UInt32] {
            var occurrences = [UInt32](repeating: 0, count: findings.count)
            // A policy's findings come in resource-id order, so a resource's findings are next to
            // each other and a run of one id counts them without a table (hashing every id twice
            // was a fifth of the 1M JUnit report's own time). Any other order is counted by id.
            let counted: Bool = result.findings.withElementView { all in
                var occurrence = 0
                for position in findings.indices {
                    let index = findings[position]
                    if position + prefetchDistance < findings.count { prefetchResource(at: position + prefetchDistance) }
                    if position > 0 {
                        let previous = findings[position - 1]
                        if all[previous].resource < all[index].resource {
                            occurrence = 1
                        } else if all[previous].resource == all[index].resource {
                            occurrence += 1
                        } else {
                            return false
                        }
                    } else {
                        occurrence = 1
                    }
                    if kind(at: index) != nil { occurrences[position] = UInt32(occurrence) }
                }
                return true
            }
            if counted { return occurrences }
            var seen: [String: Int] = [:]
            seen.reserveCapacity(findings.count)
            for (position, index) in findings.enumerated() {
                let resource = result.findings[index].resource
                let occurrence = (seen[resource] ?? 0) + 1
                seen[resource] = occurrence
                occurrences[position] = kind(at: index) != nil ? UInt32(occurrence) : 0
            }
            return occurrences
        }

        /// The case of `findings[position]`, its resource's `occurrence`-th in the suite.
        func testCase(at position: Int, occurrence: Int, flavour: Flavour) -> Case {
            let index = findings[position]
            let kind = kind(at: index) ?? .pass
            // In place: `result.findings[index]` is a copy of the whole finding (a dozen
            // reference counts), and a run listing its passes writes a case per resource and policy.
            return result.findings.withElementView { findings in
                findings.withElement(at: index) { finding in
                    let name = occurrence == 1 ? finding.resource : "\(finding.resource) #\(occurrence)"
                    // Only GitLab's flavour shows the file; finding it costs a path split per finding.
                    let file = flavour == .gitlab ? FindingLocation(finding)?.file : nil
                    return Case(name: name, file: file, outcome: outcome(of: finding, at: index, kind: kind))
                }
            }
        }

        /// The text of the failure or error of `result.findings[index]`, into `sink`.
        func body(of index: Int, into sink: inout some JUnitTextSink) {
            result.findings.withElementView { findings in findings.withElement(at: index) { JUnitReport.body($0, trailer: trailer, into: &sink) } }
        }

        private func outcome(of finding: borrowing Finding, at index: Int, kind: Case.Kind) -> Case.Outcome {
            if kind == .skipped && finding.status != .waived {
                return .skipped("persisting: present in the baseline (\(baseline ?? "")), not blocking\n\(finding.message)")
            }
            switch finding.status {
            case .pass:
                return .pass
            case .fail:
                return .failure(message: finding.message, type: finding.severity.rawValue, body: index)
            case .error:
                return .error(message: finding.message, type: "evaluation-error", body: index)
            case .unknown:
                return .error(message: finding.message, type: "unknown-value", body: index)
            case .waived:
                let waiver = finding.waiver
                var text = "waived until \(waiver?.expires.description ?? "?"): \(waiver?.reason ?? "")"
                if let owner = waiver?.owner { text += " (owner \(owner)" + (waiver?.ticket.map { ", ticket \($0)" } ?? "") + ")" }
                return .skipped(text + "\n" + finding.message)
            }
        }
    }

    /// "run 3 of .assay/history.sqlite, as of 2026-10-27" or "results.json, as of …" when a baseline applies.
    static func baselineText(_ result: RunResult) throws(ReportError) -> String? {
        guard result.baselineFingerprints != nil, let value = result.sections[section: .baseline] else { return nil }
        let section: BaselineSection
        do throws(SectionError) {
            section = try BaselineSection(decoding: value)
        } catch {
            throw .malformedSection(error)
        }
        switch section.kind {
        case .run: return "run \(section.run ?? "?")" + (section.database.map { " of \($0)" } ?? "") + ", as of \(section.asOf)"
        case .file: return (section.file ?? "baseline") + ", as of \(section.asOf)"
        }
    }

    /// The lines that close every failure body of `policy` (remediation, controls): the same for
    /// all its findings, so written once per suite.
    fileprivate static func bodyTrailer(policy: PolicyReport) -> String {
        var trailer = ""
        if !policy.remediation.isEmpty { trailer += "\nRemediation: \(policy.remediation)" }
        if !policy.frameworks.isEmpty {
            let controls = policy.frameworks.keys.sorted().map { "\($0) \((policy.frameworks[$0] ?? []).joined(separator: ", "))" }
            trailer += "\nControls: " + controls.joined(separator: "; ")
        }
        return trailer
    }

    /// The text of a failure or error: message, resource, sources, severity, evidence, then the
    /// policy's `trailer` (`bodyTrailer`), appended to `text` piece by piece.
    fileprivate static func body(_ finding: borrowing Finding, trailer: String, into text: inout some JUnitTextSink) {
        text.append(finding.message)
        text.append("\n\nResource: ")
        text.append(finding.resource)
        text.append("\nType: ")
        text.append(finding.resourceType)
        let sources = finding.sources
        if sources.count == 1 {
            text.append("\nSource: ")
            text.append(sources[0].reportText)
        } else if sources.count > 1 {
            // Testcase-level <properties> are outside the JUnit schemas consumers validate
            // against; the merged records are listed in the body instead.
            text.append("\nSources (\(sources.count) records of this resource):")
            for source in sources { text.append("\n  - " + source.reportText + (source.format.map { " [\($0)]" } ?? "")) }
        }
        text.append("\nSeverity: ")
        text.append(finding.severity.rawValue)
        text.append(" (enforcement: ")
        text.append(finding.enforcement.rawValue)
        text.append(")")
        let evidence = finding.evidence
        if !evidence.isEmpty {
            text.append("\nEvidence:")
            for item in evidence {
                text.append("\n  - ")
                text.append(item.path)
                if let actual = item.actual {
                    text.append(" is '")
                    text.append(actual.displayText)
                    text.append("' (expected ")
                } else {
                    text.append(" is missing (expected ")
                }
                text.append(item.expected)
                text.append(")")
                if let note = item.note {
                    text.append(": ")
                    text.append(note)
                }
            }
        }
        text.append(trailer)
    }
}
