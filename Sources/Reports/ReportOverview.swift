import PolicyEngine

/// The executive-summary figures of a result, shared by the HTML and Markdown reports.
struct ReportOverview {
    /// A policy with its failing count, for the "top failing policies" list.
    struct FailingPolicy {
        var policy: PolicyReport
        /// Failing plus erroring resources.
        var failing: Int
    }

    /// Share of evaluated verdicts that pass or are waived.
    let score: Double
    /// Verdict totals over all policies.
    let totals: VerdictCounts
    /// Findings that fail the run.
    let blocking: [Finding]
    /// Failing findings (status `fail`) by severity and enforcement.
    let failing: [Severity: [Enforcement: Int]]
    /// Policies with failing or erroring resources, most failures first (then severity, then id).
    let failingPolicies: [FailingPolicy]
    /// Waivers in state `expiring` (valid, matching, at most 30 days left), soonest first.
    let expiringWaivers: [WaiverStatus]

    init(_ result: RunResult) {
        score = result.complianceScore
        totals = result.totals
        blocking = result.blockingFindings
        var failing: [Severity: [Enforcement: Int]] = [:]
        for finding in result.findings where finding.status == .fail {
            failing[finding.severity, default: [:]][finding.enforcement, default: 0] += 1
        }
        self.failing = failing
        failingPolicies = result.policies
            .map { FailingPolicy(policy: $0, failing: $0.counts.fail + $0.counts.error) }
            .filter { $0.failing > 0 }
            .sorted { lhs, rhs in
                if lhs.failing != rhs.failing { return lhs.failing > rhs.failing }
                if lhs.policy.severity != rhs.policy.severity { return lhs.policy.severity > rhs.policy.severity }
                return lhs.policy.id < rhs.policy.id
            }
        expiringWaivers = result.waivers.filter { $0.state == .expiring }.sorted { lhs, rhs in
            if lhs.daysToExpiry != rhs.daysToExpiry { return lhs.daysToExpiry < rhs.daysToExpiry }
            return lhs.waiver.id < rhs.waiver.id
        }
    }

    /// Failing findings of one severity and enforcement.
    func failing(_ severity: Severity, _ enforcement: Enforcement) -> Int { failing[severity]?[enforcement] ?? 0 }

    /// Failing findings of one severity.
    func failing(_ severity: Severity) -> Int { failing[severity]?.values.reduce(0, +) ?? 0 }

    /// Failing findings of one enforcement.
    func failing(_ enforcement: Enforcement) -> Int { Severity.allCases.reduce(0) { $0 + failing($1, enforcement) } }

    /// All failing findings.
    var failingTotal: Int { Severity.allCases.reduce(0) { $0 + failing($1) } }

    /// Severities from the most to the least severe.
    static let severitiesDescending: [Severity] = Severity.allCases.sorted(by: >)
}

/// How a verdict is written for people (a symbol and a word, never colour alone) and ordered by
/// how bad it is. Presentation of the one `Verdict`, not a second verdict type.
extension Verdict {
    /// Symbol and word.
    var label: (symbol: String, text: String) {
        switch self {
        case .pass: return ("✓", "pass")
        case .fail: return ("✗", "fail")
        case .waived: return ("◐", "waived")
        case .error: return ("!", "error")
        case .unknown: return ("?", "unknown")
        }
    }

    /// How bad a verdict is, for ordering and for choosing the worst of several (higher is worse).
    var seriousness: Int {
        switch self {
        case .pass: return 0
        case .waived: return 1
        case .unknown: return 2
        case .fail: return 3
        case .error: return 4
        }
    }
}
