import PolicyEngine

/// The human summary of a run on stdout: failing policies with their first findings, totals,
/// the blocking count behind the exit code; waiver warnings on stderr. With `--quiet`, only the
/// blocking findings and the blocking count.
struct RunSummary {
    let result: RunResult
    let asOfFromClock: Bool
    let quiet: Bool
    /// Findings shown per policy before "… and N more".
    let perPolicy = 5

    /// Prints the summary; returns how many findings block the run (`RunResult.blockingCount`,
    /// counted in the same pass that picks the findings to show).
    @discardableResult
    func print() -> Int {
        let totals = result.totals
        let documents = result.inputs.reduce(0) { $0 + $1.documents }
        if !quiet {
            let dateNote = asOfFromClock ? " (today, UTC; pass --as-of for reproducible output)" : ""
            Terminal.out(Terminal.styled("assay \(result.toolVersion)", .bold)
                + " · as of \(result.asOf)\(dateNote) · \(result.policies.count) policies · \(documents) documents from \(result.inputs.count) inputs")
        }
        // The first findings to show and how many there are, per policy (a million findings
        // are not copied, nor their positions kept, to print a few lines each). A policy's
        // findings stand together, so the table is touched once per run of them.
        var byPolicy: [String: ShownFindings] = [:]
        var current: (policy: String, shown: ShownFindings)?
        var blockingTotal = 0
        for index in result.findings.indices where result.findings[index].status != .pass {
            let blocking = result.isBlocking(findingAt: index)
            if blocking { blockingTotal += 1 }
            guard !quiet || blocking else { continue }
            if current?.policy != result.findings[index].policy {
                if let finished = current { byPolicy[finished.policy, default: ShownFindings()].merge(finished.shown, keeping: perPolicy) }
                current = (result.findings[index].policy, ShownFindings())
            }
            current?.shown.add(index, blocking: blocking, keeping: perPolicy)
        }
        if let finished = current { byPolicy[finished.policy, default: ShownFindings()].merge(finished.shown, keeping: perPolicy) }
        for policy in result.policies.sorted(by: { $0.id < $1.id }) {
            guard let entry = byPolicy[policy.id], entry.count > 0 else { continue }
            let (shown, blocking) = (entry.first, entry.blocking)
            let tag = blocking ? Terminal.styled("FAIL", .red) : Terminal.styled("WARN", .yellow)
            let counts = policy.counts
            Terminal.out("\(tag)  \(policy.id) [\(policy.severity.rawValue), \(policy.enforcement.rawValue)] "
                + "\(counts.fail) fail · \(counts.error) error · \(counts.unknown) unknown · \(counts.waived) waived of \(counts.evaluated)")
            for index in shown.prefix(perPolicy) {
                let finding = result.findings[index]
                let marker: String
                switch finding.status {
                case .fail: marker = Terminal.styled("✗ fail   ", .red)
                case .error: marker = Terminal.styled("! error  ", .red)
                case .unknown: marker = Terminal.styled("? unknown", .yellow)
                case .waived: marker = Terminal.styled("~ waived ", .dim)
                case .pass: marker = "  pass   "
                }
                let declared = finding.source?.declaration.flatMap { $0.file != nil || $0.address != finding.resource ? "  (\($0.displayText))" : nil } ?? ""
                Terminal.out("    \(marker) \(finding.resource): \(finding.message)\(declared)")
            }
            if entry.count > perPolicy { Terminal.out("    … and \(entry.count - perPolicy) more (see the JSON/JUnit report)") }
        }
        let notApplicable = result.notApplicablePolicies
        if !quiet {
            for policy in notApplicable.prefix(perPolicy * 2) {
                Terminal.out("\(Terminal.styled("N/A", .dim))   \(policy.id): \(policy.notApplicableText ?? "")")
            }
            if notApplicable.count > perPolicy * 2 {
                Terminal.out("    … and \(notApplicable.count - perPolicy * 2) more not applicable (see the JSON report's policies)")
            }
        }
        let score = result.evaluatedAnything ? "compliance \((result.complianceScore * 1000).rounded() / 10)%" : "nothing evaluated"
        let applicability = notApplicable.isEmpty ? "" : " (\(notApplicable.count) of \(result.policies.count) policies not applicable)"
        let blocking = blockingTotal
        if quiet {
            if blocking > 0 { Terminal.out("Blocking: \(blocking) finding(s) at or above \(result.failOn.rawValue) on enforced policies (exit 1)") }
            return blocking
        }
        Terminal.out("Summary: \(totals.pass) pass · \(totals.fail) fail · \(totals.waived) waived · \(totals.error) error · "
            + "\(totals.unknown) unknown — \(score)\(applicability)")
        if blocking > 0 {
            Terminal.out(Terminal.styled("Blocking: \(blocking) finding(s) at or above \(result.failOn.rawValue) on enforced policies (exit 1)", .red))
        } else {
            Terminal.out(Terminal.styled("Compliant at fail-on \(result.failOn.rawValue) (exit 0)", .green))
        }
        let states = Dictionary(grouping: result.waivers, by: \.state)
        let expiring = states[.expiring]?.count ?? 0
        let stale = states[.stale]?.count ?? 0
        let expired = states[.expired]?.count ?? 0
        if expiring + stale + expired > 0 {
            Terminal.warning("waivers: \(expiring) expiring within 30 days · \(stale) stale (match nothing) · \(expired) expired")
        }
        return blocking
    }

    /// One policy's findings to show: the positions of the first few, how many in all, and
    /// whether any blocks.
    struct ShownFindings {
        private(set) var first: [Int] = []
        private(set) var count = 0
        private(set) var blocking = false

        /// Adds the finding at `index` (its position kept while fewer than `keeping` are).
        mutating func add(_ index: Int, blocking isBlocking: Bool, keeping: Int) {
            if first.count < keeping { first.append(index) }
            count += 1
            blocking = blocking || isBlocking
        }

        /// Adds a later run of the same policy's findings.
        mutating func merge(_ later: ShownFindings, keeping: Int) {
            first += later.first.prefix(max(0, keeping - first.count))
            count += later.count
            blocking = blocking || later.blocking
        }
    }
}
