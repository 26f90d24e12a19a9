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
        var analyticLoss: String
        var optionP95: String
        var totalCost: String
        var optionNPV: String
        var breakEven: String
        var compliant: Badge
        var appetite: String
        var optionVerdict: String
    }

    struct AppDetail {
        var detailAnchor: String
        var detailID: String
        var reason: String
        var keepValue: [String]
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
        var note = [impact.currency.map { "Amounts per year in \($0)" } ?? "Amounts per year in the register's currency"]
        if let trials = impact.trials { note.append("\(ReportText.count(trials)) Monte Carlo trials") }
        if let seed = impact.seed { note.append("seed \(seed)") }
        if let appetite = impact.riskAppetiteP95 { note.append("risk appetite: P95 at most \(money(appetite))") }
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
                keepValue: app.currentDRValue.map { [Self.keepSentence($0, strategy: words(app.currentStrategy), money: money)] } ?? [],
                options: app.options.map { option in
                    OptionRow(option: words(option.strategy) + (option.isCurrent ? " (current)" : ""), annualCost: money(option.annualCost),
                              optionLoss: money(option.expectedAnnualLoss), analyticLoss: Self.analytic(option, money: money),
                              optionP95: money(option.p95), totalCost: money(option.totalCostOfRisk), optionNPV: option.isCurrent ? "—" : money(option.npv),
                              breakEven: option.breakEven.map { Self.breakEven($0, money: money) } ?? "—",
                              compliant: Badge(check: option.compliant),
                              appetite: option.withinRiskAppetite.map { $0 ? "within" : "outside" } ?? "—",
                              optionVerdict: option.verdict.map(words) ?? (option.isCurrent ? "current" : "—"))
                },
                warnings: app.warnings.map { KeyValue(key: $0.code, value: $0.message) }
            )
        }
    }

    /// Whole units with the currency code in front (`USD 1,234`), as the rest of the report writes money.
    static func money(_ amount: FixedDecimal, currency: String?) -> String {
        let whole = ReportText.wholeMoney(amount)
        return currency.map { $0 + " " + whole } ?? whole
    }

    /// The analytic EAL, with its bracket when the ends round apart.
    private static func analytic(_ option: DowntimeImpact.Option, money: (FixedDecimal?) -> String) -> String {
        guard let bracket = option.analyticBracket else { return money(option.analyticExpectedAnnualLoss) }
        let low = money(bracket.lower)
        let high = money(bracket.upper)
        return low == high ? low : low + " – " + ReportText.wholeMoney(bracket.upper)
    }

    private static func breakEven(_ breakEven: DowntimeImpact.BreakEven, money: (FixedDecimal?) -> String) -> String {
        switch breakEven {
        case .above(let amount): return "above \(money(amount))/h"
        case .below(let amount): return "below \(money(amount))/h"
        case .any: return "any revenue"
        case .never: return "never"
        }
    }

    /// "Keeping warm standby against none removes … ; it pays for itself above …/h of revenue."
    private static func keepSentence(_ value: DowntimeImpact.CurrentDRValue, strategy: String, money: (FixedDecimal?) -> String) -> String {
        var text = "Keeping \(strategy) rather than no DR removes \(money(value.riskReduction)) of expected loss a year for \(money(value.annualCost)) a year: net \(money(value.netAnnualBenefit)) a year"
        if let roi = value.roi { text += ", ROI " + ReportText.number(roi, digits: 2) }
        text += ", NPV \(money(value.npv)). "
        switch value.breakEven {
        case .above(let amount)?: text += "It pays for itself above \(money(amount)) of revenue per hour."
        case .any?: text += "It pays for itself at any revenue."
        case .below?, .never?: text += "No revenue makes it pay for itself."
        case nil: break
        }
        return text
    }
}
