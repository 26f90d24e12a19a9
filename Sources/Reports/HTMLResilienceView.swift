import PolicyEngine

/// DR readiness: applications × tier, targets against capability, test age against cadence, the
/// DR policies' verdicts and the overall status.
struct ReadinessView {
    struct PolicyResult {
        var policyID: String
        var policyResultStatus: Badge
    }

    struct ReadinessRow {
        var appID: String
        var tier: String
        var strategy: String
        var rtoTarget: String
        var rtoCapability: String
        var rtoCheck: [Badge]
        var rpoTarget: String
        var rpoCapability: String
        var rpoCheck: [Badge]
        var testAge: String
        var cadence: String
        var testCheck: [Badge]
        var drPolicies: [PolicyResult]
        var readinessStatus: Badge
    }

    var readinessRows: [ReadinessRow]
    var readinessMore: [String]
    var readinessHasModel: Bool

    /// Applications listed before "N more are in the JSON results".
    static let rowLimit = 500

    init(_ readiness: DRReadiness, limit: Int) {
        let hours = { (value: Double?) in value.map(ReportText.hours) ?? "—" }
        readinessHasModel = readiness.rows.contains { $0.tier != nil }
        readinessRows = readiness.rows.prefix(limit).map { row in
            let label = row.status.label
            var testAge = row.testAgeDays.map { "\(ReportText.count($0)) d" } ?? "—"
            if let basis = row.testBasis, row.testAgeDays == nil || basis != "full_test" { testAge += " (" + basis.replacingOccurrences(of: "_", with: " ") + ")" }
            return ReadinessRow(
                appID: row.id, tier: row.tier ?? "—", strategy: row.strategy?.replacingOccurrences(of: "_", with: " ") ?? "—",
                rtoTarget: hours(row.rtoTargetHours), rtoCapability: hours(row.rtoCapabilityHours),
                rtoCheck: Self.check(row.meetsRTO, yes: "meets", no: "misses"),
                rpoTarget: hours(row.rpoTargetHours), rpoCapability: hours(row.rpoCapabilityHours),
                rpoCheck: Self.check(row.meetsRPO, yes: "meets", no: "misses"),
                testAge: testAge, cadence: row.cadenceDays.map { "\(ReportText.count($0)) d" } ?? "—",
                testCheck: Self.check(Self.withinCadence(row), yes: "within", no: "overdue"),
                drPolicies: row.policyResults.map { PolicyResult(policyID: $0.policy, policyResultStatus: Badge($0.status)) },
                readinessStatus: Badge(symbol: label.symbol, text: label.text, css: Self.css(row.status))
            )
        }
        let more = readiness.rows.count - readinessRows.count
        readinessMore = more > 0 ? ["\(ReportText.count(more)) more applications are in the JSON results."] : []
    }

    /// A ✓/✗ badge, or none when the check could not be made.
    private static func check(_ value: Bool?, yes: String, no: String) -> [Badge] {
        value.map { [Badge(check: $0, yes: yes, no: no)] } ?? []
    }

    /// A failed or missing test is never within cadence; otherwise the age is compared with the cadence.
    private static func withinCadence(_ row: DRReadiness.Row) -> Bool? {
        if row.testBasis == "untested" || row.testBasis == "failed_test" { return false }
        guard let cadence = row.cadenceDays, let age = row.testAgeDays else { return nil }
        return age <= cadence
    }

    private static func css(_ status: DRReadiness.Status) -> String {
        switch status {
        case .pass: return "st-pass"
        case .fail: return "st-fail"
        case .waived: return "st-waived"
        case .notAssessed: return "st-na"
        }
    }
}

/// Downtime financial impact: per application the expected annual loss and P95 of the current
/// strategy, the recommendation, and every strategy option compared.
struct DowntimeView {
    struct ImpactRow {
        var appAnchor: String
        var appID: String
        var appTier: String
        var currentStrategy: String
        var expectedLoss: String
        var p95: String
        var recommended: String
        var verdict: String
        var benefit: String
    }

    struct OptionRow {
        var option: String
        var annualCost: String
        var optionLoss: String
        var optionP95: String
        var totalCost: String
        var compliant: Badge
        var optionVerdict: String
    }

    struct AppDetail {
        var detailAnchor: String
        var detailID: String
        var reason: String
        var options: [OptionRow]
        var warnings: [KeyValue]
    }

    var downtimeRan: Bool
    var portfolioCurrent: String
    /// Total cost of risk today and with the recommendations, explained.
    var riskSentence: [String]
    var portfolioRecommended: String
    var modelNote: String
    var impactRows: [ImpactRow]
    var appDetails: [AppDetail]

    init(_ impact: DowntimeImpact) {
        let money = impact.money
        let words = { (text: String) in text.replacingOccurrences(of: "_", with: " ") }
        downtimeRan = impact.ran
        portfolioCurrent = money(impact.portfolioCurrent)
        riskSentence = impact.portfolioSentence.map { [$0] } ?? []
        portfolioRecommended = money(impact.portfolioRecommended)
        var note = ["Amounts per year in the register's currency"]
        if let trials = impact.trials { note.append("\(ReportText.count(trials)) Monte Carlo trials") }
        if let seed = impact.seed { note.append("seed \(seed)") }
        modelNote = note.joined(separator: "; ") + "."
        var names = AnchorNames()
        let anchors = impact.applications.map { names.make("downtime", $0.id) }
        impactRows = zip(impact.applications, anchors).map { app, anchor in
            ImpactRow(appAnchor: anchor, appID: app.id, appTier: app.tier,
                      currentStrategy: words(app.currentStrategy), expectedLoss: money(app.expectedAnnualLoss), p95: money(app.p95),
                      recommended: app.recommendedStrategy.map(words) ?? "none qualifies", verdict: app.recommendationVerdict.map(words) ?? "—",
                      benefit: money(app.recommendationBenefit))
        }
        appDetails = zip(impact.applications, anchors).map { app, anchor in
            AppDetail(
                detailAnchor: anchor, detailID: app.id, reason: app.recommendationReason ?? "",
                options: app.options.map { option in
                    OptionRow(option: words(option.strategy) + (option.isCurrent ? " (current)" : ""), annualCost: money(option.annualCost),
                              optionLoss: money(option.expectedAnnualLoss), optionP95: money(option.p95), totalCost: money(option.totalCostOfRisk),
                              compliant: Badge(check: option.compliant), optionVerdict: option.verdict.map(words) ?? (option.isCurrent ? "current" : "—"))
                },
                warnings: app.warnings.map { KeyValue(key: $0.code, value: $0.message) }
            )
        }
    }
}
