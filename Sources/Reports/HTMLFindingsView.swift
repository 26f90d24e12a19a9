import PolicyEngine

/// Findings per policy: one collapsible block each, failing policies first, with the first
/// `limit` non-passing resources, their evidence and the remediation.
struct FindingsView {
    struct FindingRow {
        var resourceID: String
        var resourceType: String
        var findingStatus: Badge
        var message: String
        var sourceText: String
        var evidence: [EvidenceItem]
        var waiverNote: [String]
    }

    struct EvidenceItem {
        var path: String
        var actual: String
        var expected: String
        var evidenceNote: [String]
    }

    struct PolicyBlock {
        var anchor: String
        var policyID: String
        var policyTitle: String
        var severityName: String
        var enforcementName: String
        var categoryName: String
        var policyStatus: Badge
        var isOpen: Bool
        var failingFlag: String
        var countsText: String
        var policyDescription: String
        var remediation: String
        var policySource: String
        var controls: [KeyValue]
        var params: [KeyValue]
        var rows: [FindingRow]
        var truncationNote: [String]
        var passingNote: [String]
    }

    var policyBlocks: [PolicyBlock]
    var limitNote: String

    init(_ result: RunResult, index: FindingIndex, anchors: PolicyAnchors, limit: Int) {
        let ordered = result.policies.sorted { lhs, rhs in
            let left = Self.group(lhs.counts)
            let right = Self.group(rhs.counts)
            if left != right { return left < right }
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return lhs.id < rhs.id
        }
        policyBlocks = ordered.map { policy in
            let nonPassing = index[policy.id].filter { result.findings[$0].status != .pass }
            let shown = Self.worstFirst(nonPassing, in: result.findings, limit: limit)
            let failing = policy.counts.fail + policy.counts.error > 0
            var truncation: [String] = []
            if nonPassing.count > shown.count {
                truncation = ["Showing the first \(ReportText.count(shown.count)) of \(ReportText.count(nonPassing.count)) non-passing "
                    + "resources; the full list is in the JSON results and the CSV export."]
            }
            let passes = policy.counts.pass
            return PolicyBlock(
                anchor: anchors[policy.id], policyID: policy.id, policyTitle: policy.title, severityName: policy.severity.rawValue,
                enforcementName: policy.enforcement.rawValue, categoryName: policy.category.isEmpty ? "—" : policy.category,
                policyStatus: Self.badge(policy.counts), isOpen: failing, failingFlag: failing ? "true" : "false",
                countsText: policy.notApplicableText ?? Self.countsText(policy.counts), policyDescription: policy.description, remediation: policy.remediation,
                policySource: policy.source,
                controls: policy.frameworks.keys.sorted().map { KeyValue(key: $0, value: (policy.frameworks[$0] ?? []).joined(separator: ", ")) },
                params: policy.params.keys.sorted().map { KeyValue(key: $0, value: policy.params[$0]?.displayText ?? "") },
                rows: shown.map(Self.row),
                truncationNote: truncation,
                passingNote: passes > 0 ? ["\(ReportText.count(passes)) passing \(passes == 1 ? "resource is" : "resources are") counted, not listed."] : []
            )
        }
        limitNote = "Each policy lists at most its first \(ReportText.count(limit)) non-passing resources (failures and errors first); "
            + "the JSON results and the CSV export (assay report --csv) hold every finding."
    }

    /// Failing policies first, then waived, unknown, passing, and not applicable.
    private static func group(_ counts: VerdictCounts) -> Int {
        if counts.fail + counts.error > 0 { return 0 }
        if counts.waived > 0 { return 1 }
        if counts.unknown > 0 { return 2 }
        if counts.pass > 0 { return 3 }
        return 4
    }

    /// A policy's overall badge.
    static func badge(_ counts: VerdictCounts) -> Badge {
        switch group(counts) {
        case 0: return Badge(.fail)
        case 1: return Badge(.waived)
        case 2: return Badge(.unknown)
        case 3: return Badge(.pass)
        default: return Badge(symbol: "–", text: "not applicable", css: "st-na")
        }
    }

    private static func countsText(_ counts: VerdictCounts) -> String {
        var parts = ["\(ReportText.count(counts.evaluated)) evaluated"]
        for (count, name) in [(counts.pass, "pass"), (counts.fail, "fail"), (counts.waived, "waived"), (counts.error, "error"),
                              (counts.unknown, "unknown")] where count > 0 {
            parts.append("\(ReportText.count(count)) \(name)")
        }
        return parts.joined(separator: " · ")
    }

    /// The first `limit` findings at `positions`: failures and errors before unknowns and waivers,
    /// the result's order otherwise.
    private static func worstFirst(_ positions: [Int], in findings: [Finding], limit: Int) -> [Finding] {
        let ranked = positions.sorted { lhs, rhs in
            let left = findings[lhs].status.seriousness
            let right = findings[rhs].status.seriousness
            return left != right ? left > right : lhs < rhs
        }
        return ranked.prefix(limit).map { findings[$0] }
    }

    private static func row(_ finding: Finding) -> FindingRow {
        var waiver: [String] = []
        if let applied = finding.waiver {
            let ticket = applied.ticket.map { ", ticket " + $0 } ?? ""
            waiver = ["Waived until \(applied.expires) by \(applied.owner)\(ticket): \(applied.reason) (waiver \(applied.id))"]
        }
        return FindingRow(
            resourceID: finding.resource, resourceType: finding.resourceType, findingStatus: Badge(finding.status),
            message: finding.message, sourceText: finding.sources.isEmpty ? "—" : finding.sources.map(\.reportText).joined(separator: "; "),
            evidence: finding.evidence.map { item in
                EvidenceItem(path: item.path, actual: item.actual.map { $0.displayText } ?? "missing", expected: item.expected,
                             evidenceNote: item.note.map { [$0] } ?? [])
            },
            waiverNote: waiver
        )
    }
}
