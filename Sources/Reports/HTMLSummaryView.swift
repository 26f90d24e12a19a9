import PolicyEngine

/// The executive summary: verdict, score, failures by severity × enforcement, the top failing
/// policies, waivers about to expire, and the headline cost and DR figures when those ran.
struct SummaryView {
    struct SeverityRow {
        var severityName: String
        var cells: [String]
        var rowTotal: String
    }

    struct TopPolicy {
        var anchor: String
        var policyID: String
        var policyTitle: String
        var severityName: String
        var failingCount: String
    }

    struct ExpiringWaiver {
        var waiverID: String
        var waiverPolicy: String
        var waiverResources: String
        var waiverOwner: String
        var waiverExpires: String
        var daysLeft: String
    }

    struct CostHeadline {
        var currency: String
        var period: String
        var amount: String
        var change: String
    }

    struct DRHeadline {
        var applicationCount: String
        var notReadyCount: String
        /// Present when the downtime model ran.
        var lossCurrent: [String]
        var lossRecommended: [String]
        /// Total cost of risk today and with the recommendations, explained.
        var riskSentence: [String]
    }

    var verdict: Badge
    var verdictDetail: String
    var score: String
    var scoreDetail: String
    var counts: [KeyValue]
    var enforcementNames: [String]
    var severityRows: [SeverityRow]
    var severityTotals: [String]
    var failingTotal: String
    var topPolicies: [TopPolicy]
    var morePolicies: [String]
    /// Policies that matched nothing, with why (`not applicable: no resource of type …`).
    var notApplicable: [KeyValue]
    var expiringWaivers: [ExpiringWaiver]
    var costHeadlines: [CostHeadline]
    var drHeadline: [DRHeadline]

    static let topLimit = 10

    init(_ overview: ReportOverview, result: RunResult, cost: CostReview, downtime: DowntimeImpact, readiness: DRReadiness,
         anchors: PolicyAnchors) {
        let blocking = overview.blocking.count
        if blocking == 0 {
            verdict = Badge(symbol: "✓", text: "Compliant", css: "st-pass")
            verdictDetail = "No blocking finding at or above severity \(result.failOn.rawValue)."
        } else {
            verdict = Badge(symbol: "✗", text: "Not compliant", css: "st-fail")
            let noun = blocking == 1 ? "finding blocks" : "findings block"
            verdictDetail = "\(ReportText.count(blocking)) \(noun) the run (severity \(result.failOn.rawValue) or above, not advisory)."
        }
        let totals = overview.totals
        score = totals.evaluated > 0 ? ReportText.percent(overview.score) : "— (nothing evaluated)"
        let notApplicableCount = result.notApplicablePolicies.count
        scoreDetail = "\(ReportText.count(totals.pass)) passing and \(ReportText.count(totals.waived)) waived of "
            + "\(ReportText.count(totals.evaluated)) evaluated verdicts"
            + (notApplicableCount > 0 ? "; \(ReportText.count(notApplicableCount)) of \(ReportText.count(result.policies.count)) policies not applicable "
                + "(no resource in scope), not counted as compliance" : "")
        counts = [
            KeyValue(key: "evaluated", value: ReportText.count(totals.evaluated)), KeyValue(key: "pass", value: ReportText.count(totals.pass)),
            KeyValue(key: "fail", value: ReportText.count(totals.fail)), KeyValue(key: "waived", value: ReportText.count(totals.waived)),
            KeyValue(key: "error", value: ReportText.count(totals.error)), KeyValue(key: "unknown", value: ReportText.count(totals.unknown)),
        ]
        enforcementNames = Enforcement.allCases.map(\.rawValue)
        severityRows = ReportOverview.severitiesDescending.map { severity in
            SeverityRow(severityName: severity.rawValue,
                        cells: Enforcement.allCases.map { ReportText.count(overview.failing(severity, $0)) },
                        rowTotal: ReportText.count(overview.failing(severity)))
        }
        severityTotals = Enforcement.allCases.map { ReportText.count(overview.failing($0)) }
        failingTotal = ReportText.count(overview.failingTotal)
        topPolicies = overview.failingPolicies.prefix(Self.topLimit).map { item in
            TopPolicy(anchor: anchors[item.policy.id], policyID: item.policy.id, policyTitle: item.policy.title,
                      severityName: item.policy.severity.rawValue, failingCount: ReportText.count(item.failing))
        }
        notApplicable = result.notApplicablePolicies.map { KeyValue(key: $0.id, value: $0.notApplicableText ?? "") }
        let more = overview.failingPolicies.count - topPolicies.count
        morePolicies = more > 0 ? ["\(ReportText.count(more)) more failing \(more == 1 ? "policy" : "policies") in the findings below."] : []
        expiringWaivers = overview.expiringWaivers.map { status in
            ExpiringWaiver(waiverID: status.waiver.id, waiverPolicy: status.waiver.policy,
                           waiverResources: status.waiver.resources.joined(separator: ", "), waiverOwner: status.waiver.owner,
                           waiverExpires: status.waiver.expires.description, daysLeft: ReportText.count(status.daysToExpiry))
        }
        costHeadlines = cost.currencies.compactMap { currency in
            guard let latest = currency.months.last else { return nil }
            return CostHeadline(currency: currency.currency, period: latest.period, amount: ReportText.money(latest.amount, currency: currency.currency),
                                change: ReportText.change(latest.changePercent))
        }
        if readiness.rows.isEmpty && !downtime.ran {
            drHeadline = []
        } else {
            drHeadline = [DRHeadline(
                applicationCount: ReportText.count(readiness.rows.count),
                notReadyCount: ReportText.count(readiness.rows.filter { $0.status == .fail }.count),
                lossCurrent: downtime.portfolioCurrent.map { [downtime.money($0)] } ?? [],
                lossRecommended: downtime.portfolioRecommended.map { [downtime.money($0)] } ?? [],
                riskSentence: downtime.portfolioSentence.map { [$0] } ?? []
            )]
        }
    }
}
