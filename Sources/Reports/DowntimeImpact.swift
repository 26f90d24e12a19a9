import PolicyEngine

/// The downtime financial-impact model's output read from `sections["downtime"]` (schema in
/// docs/downtime-model.md): per application the expected annual loss and tail of the current
/// strategy, every strategy option compared, and the recommendation. Amounts are in the section's
/// `currency` (config `downtime.currency`); `money(_:)` writes them with it.
struct DowntimeImpact {
    /// One strategy option of an application.
    struct Option {
        var key: String
        var strategy: String
        var isCurrent: Bool
        var annualCost: FixedDecimal?
        var expectedAnnualLoss: FixedDecimal?
        var p95: FixedDecimal?
        /// EAL + annual cost + annualised one-time cost.
        var totalCostOfRisk: FixedDecimal?
        var compliant: Bool?
        /// `justified`, `not_justified`, `inconclusive`; nil for the current strategy.
        var verdict: String?
        var netAnnualBenefit: FixedDecimal?
        /// What the test freshness rests on (`full_test`, `untested`, `planned_cadence`, …).
        var freshnessBasis: String?
        /// Age in days of the test the freshness rests on.
        var testAgeDays: Int?
        var rtoHours: Double?
        var rpoHours: Double?
        var effectiveRTOHours: Double?
        var meetsRTO: Bool?
        var meetsRPO: Bool?
        var meetsTestRule: Bool?
        /// Analytic EAL (ex-SLA + E[SLA]) and its discretisation bracket.
        var analyticExpectedAnnualLoss: FixedDecimal?
        var analyticBracket: (lower: FixedDecimal, upper: FixedDecimal)?
        var npv: FixedDecimal?
        /// Break-even revenue per hour (money, or `any`/`never`) and how to read it (`above`/`below`).
        var breakEven: BreakEven?
        /// False when the P95 exceeds the configured risk appetite; nil without one.
        var withinRiskAppetite: Bool?
    }

    /// A break-even revenue per hour.
    enum BreakEven {
        case above(FixedDecimal)
        case below(FixedDecimal)
        case any
        case never

        init?(_ value: Value?, reading: String?) {
            switch (value?.textValue, value?.moneyValue) {
            case ("any", _): self = .any
            case ("never", _): self = .never
            case (_, let amount?): self = reading == "below" ? .below(amount) : .above(amount)
            default: return nil
            }
        }
    }

    /// What keeping the current DR is worth against dropping it (the comparison with `none`).
    struct CurrentDRValue {
        var riskReduction: FixedDecimal?
        var annualCost: FixedDecimal?
        var netAnnualBenefit: FixedDecimal?
        var roi: Double?
        var npv: FixedDecimal?
        var breakEven: BreakEven?
    }

    /// One application.
    struct Application {
        var id: String
        var tier: String
        var currentStrategy: String
        var rtoTargetHours: Double?
        var rpoTargetHours: Double?
        var expectedAnnualLoss: FixedDecimal?
        var p95: FixedDecimal?
        var p99: FixedDecimal?
        var options: [Option]
        var recommendedStrategy: String?
        var recommendationVerdict: String?
        var recommendationReason: String?
        var recommendationBenefit: FixedDecimal?
        /// Warning codes with their messages.
        var warnings: [(code: String, message: String)]
        var placeholdersUsed: Bool
        /// Keeping the current DR against none; nil when the current strategy is none.
        var currentDRValue: CurrentDRValue?
        /// Its declared dependencies and what composes through them; nil in results without them.
        var dependencies: Dependencies?

        /// The current strategy's option.
        var current: Option? { options.first { $0.isCurrent } }
    }

    /// One declared dependency edge (`dependencies.edges` of an application entry).
    struct DependencyEdge {
        var target: String
        var isHard: Bool
        /// The target is an active application of the register.
        var resolved: Bool
        var inversion: Bool
        var onCycle: Bool
    }

    /// An application's dependencies and the figures composed through them (docs/downtime-model.md,
    /// "Dependencies and availability"); an unknown figure is nil with its reason.
    struct Dependencies {
        var edges: [DependencyEdge]
        var unresolved: [String]
        var cycle: String?
        var effectiveRTOHours: Double?
        var effectiveRTOUnknownReason: String?
        var rtoBottleneck: String?
        var compositeAvailabilityText: String?
        var compositeUnknownReason: String?
        var impliedAvailabilityText: String?
        var sloText: String?
        /// Composite availability and SLO as fractions, to say whether the SLO is met.
        var compositeAvailability: Double?
        var slo: Double?
    }

    /// Whether the result has a `downtime` section.
    let ran: Bool
    /// Applications in the section's order.
    let applications: [Application]
    /// Sum of the current strategies' EALs.
    let portfolioCurrent: FixedDecimal?
    /// Sum of the recommended strategies' EALs.
    let portfolioRecommended: FixedDecimal?
    /// Expected loss + DR cost, today and with the recommended strategies.
    let riskCurrent: FixedDecimal?
    let riskRecommended: FixedDecimal?
    /// ISO 4217 currency of every amount; nil when the run named none.
    let currency: String?
    /// Monte Carlo trials and seed, for the evidence line.
    let trials: Int?
    let seed: String?
    /// The configured risk appetite (largest acceptable P95).
    let riskAppetiteP95: FixedDecimal?

    init(_ result: RunResult) {
        guard let section = result.sections["downtime"], section.objectValue != nil else {
            ran = false
            applications = []
            portfolioCurrent = nil
            portfolioRecommended = nil
            riskCurrent = nil
            riskRecommended = nil
            currency = nil
            trials = nil
            seed = nil
            riskAppetiteP95 = nil
            return
        }
        ran = true
        portfolioCurrent = section["portfolio"]?["expected_annual_loss_current"]?.moneyValue
        portfolioRecommended = section["portfolio"]?["expected_annual_loss_recommended"]?.moneyValue
        riskCurrent = section["portfolio"]?["total_cost_of_risk_current"]?.moneyValue
        riskRecommended = section["portfolio"]?["total_cost_of_risk_recommended"]?.moneyValue
        currency = section["currency"]?.textValue
        trials = section["settings"]?["trials"]?.wholeNumberValue
        seed = section["settings"]?["seed"]?.textValue
        riskAppetiteP95 = section["settings"]?["risk_appetite_p95"]?.moneyValue
        applications = (section["applications"]?.elements ?? []).compactMap(Self.application)
    }

    /// A model amount in whole units with its currency (`USD 1,689,122`); "—" when absent. Without a
    /// currency in the run, the amount says so rather than pass for any currency.
    func money(_ amount: FixedDecimal?) -> String {
        guard let amount else { return "—" }
        return (currency ?? "(no currency)") + " " + ReportText.wholeMoney(amount)
    }

    /// The portfolio's headline in words: expected loss and total cost of risk today and with the
    /// recommendations, and why a higher expected loss can still be recommended.
    var portfolioSentence: String? {
        guard let portfolioCurrent, let riskCurrent else { return nil }
        var text = "Expected annual loss \(money(portfolioCurrent)); total cost of risk (expected loss + DR cost) \(money(riskCurrent)) today"
        if let portfolioRecommended, let riskRecommended {
            text += ", \(money(riskRecommended)) with the recommended strategies (expected loss \(money(portfolioRecommended)))."
            if portfolioRecommended > portfolioCurrent, riskRecommended < riskCurrent {
                text += " The expected loss is higher with the recommendations because they choose cheaper DR whose extra risk costs less than it saves."
            } else if riskRecommended > riskCurrent {
                text += " The recommendations cost more in total: they are needed to meet RTO/RPO targets or the test rule, not to save money."
            }
        } else {
            text += "."
        }
        return text
    }

    /// Why a recommendation reads as it does, for the verdicts that otherwise look contradictory.
    static func verdictExplanation(_ verdict: String?) -> String {
        switch verdict {
        case "not_justified":
            return ". Not justified on cost alone: it costs more than the risk it removes, but the current strategy does not meet "
                + "the RTO/RPO targets or the test rule, so this is the cheapest strategy that does"
        case "inconclusive":
            return ". Inconclusive: the difference in expected loss is within the simulation's noise (its standard error)"
        default:
            return ""
        }
    }

    private static func application(_ value: Value) -> Application? {
        guard let id = value["id"]?.textValue else { return nil }
        let recommendation = value["recommendation"]
        return Application(
            id: id, tier: value["tier"]?.textValue ?? "—", currentStrategy: value["current_strategy"]?.textValue ?? "none",
            rtoTargetHours: value["rto_target_hours"]?.numberValue, rpoTargetHours: value["rpo_target_hours"]?.numberValue,
            expectedAnnualLoss: value["expected_annual_loss"]?.moneyValue, p95: value["p95"]?.moneyValue, p99: value["p99"]?.moneyValue,
            options: (value["strategies"]?.elements ?? []).compactMap(option),
            recommendedStrategy: recommendation?["strategy"]?.textValue, recommendationVerdict: recommendation?["verdict"]?.textValue,
            recommendationReason: recommendation?["reason"]?.textValue.map { $0 + Self.verdictExplanation(recommendation?["verdict"]?.textValue) },
            recommendationBenefit: recommendation?["net_annual_benefit"]?.moneyValue,
            warnings: (value["warnings"]?.elements ?? []).compactMap { warning in
                warning["code"]?.textValue.map { ($0, warning["message"]?.textValue ?? "") }
            },
            placeholdersUsed: value["placeholders_used"]?.boolValue ?? false,
            currentDRValue: (value["strategies"]?.elements ?? []).lazy.compactMap { $0["comparison"]?["current_dr_value"] }
                .first { $0.objectValue != nil }.map(currentDRValue),
            dependencies: value["dependencies"].flatMap { $0.objectValue == nil ? nil : dependencies($0, availability: value["availability"]) }
        )
    }

    private static func dependencies(_ value: Value, availability: Value?) -> Dependencies {
        Dependencies(
            edges: value["edges"]?.elements.compactMap { edge in
                edge["target"]?.textValue.map { target in
                    DependencyEdge(target: target, isHard: edge["kind"]?.textValue != "soft", resolved: edge["resolved"]?.boolValue ?? false,
                                   inversion: edge["inversion"]?.boolValue ?? false, onCycle: edge["cycle"]?.boolValue ?? false)
                }
            } ?? [],
            unresolved: value["unresolved"]?.elements.compactMap(\.textValue) ?? [], cycle: value["cycle"]?.textValue,
            effectiveRTOHours: value["effective_rto_hours"]?.numberValue, effectiveRTOUnknownReason: value["effective_rto_unknown_reason"]?.textValue,
            rtoBottleneck: value["rto_bottleneck"]?.textValue, compositeAvailabilityText: availability?["composite_text"]?.textValue,
            compositeUnknownReason: availability?["composite_unknown_reason"]?.textValue,
            impliedAvailabilityText: availability?["implied_text"]?.textValue, sloText: availability?["slo_text"]?.textValue,
            compositeAvailability: availability?["composite"]?.numberValue, slo: availability?["slo"]?.numberValue)
    }

    private static func currentDRValue(_ value: Value) -> CurrentDRValue {
        CurrentDRValue(
            riskReduction: value["risk_reduction"]?.moneyValue, annualCost: value["annual_cost"]?.moneyValue,
            netAnnualBenefit: value["net_annual_benefit"]?.moneyValue, roi: value["roi"]?.numberValue, npv: value["npv"]?.moneyValue,
            breakEven: BreakEven(value["break_even_revenue_per_hour"], reading: value["break_even_reading"]?.textValue))
    }

    private static func bracket(_ value: Value?) -> (lower: FixedDecimal, upper: FixedDecimal)? {
        guard let items = value?.elements, items.count == 2, let lower = items[0].moneyValue, let upper = items[1].moneyValue else { return nil }
        return (lower, upper)
    }

    private static func option(_ value: Value) -> Option? {
        guard let key = value["key"]?.textValue else { return nil }
        let freshness = value["freshness"]
        let compliance = value["compliance"]
        return Option(
            key: key, strategy: value["strategy"]?.textValue ?? key, isCurrent: value["current"]?.boolValue ?? (key == "current"),
            annualCost: value["annual_cost"]?.moneyValue, expectedAnnualLoss: value["expected_annual_loss"]?.moneyValue,
            p95: value["p95"]?.moneyValue, totalCostOfRisk: value["annualised_total_cost_of_risk"]?.moneyValue,
            compliant: compliance?["compliant"]?.boolValue, verdict: value["comparison"]?["verdict"]?.textValue,
            netAnnualBenefit: value["comparison"]?["net_annual_benefit"]?.moneyValue,
            freshnessBasis: freshness?["basis"]?["kind"]?.textValue,
            testAgeDays: freshness?["basis"]?["age_days"]?.wholeNumberValue,
            rtoHours: value["parameters"]?["rto_hours"]?.numberValue, rpoHours: value["parameters"]?["rpo_hours"]?.numberValue,
            effectiveRTOHours: freshness?["effective_rto_hours"]?.numberValue,
            meetsRTO: compliance?["meets_rto"]?.boolValue, meetsRPO: compliance?["meets_rpo"]?.boolValue,
            meetsTestRule: compliance?["meets_test_rule"]?.boolValue,
            analyticExpectedAnnualLoss: value["analytic"]?["expected_annual_loss"]?.moneyValue,
            analyticBracket: bracket(value["analytic"]?["expected_annual_loss_bracket"]),
            npv: value["comparison"]?["npv"]?.moneyValue,
            breakEven: BreakEven(value["comparison"]?["break_even_revenue_per_hour"], reading: value["comparison"]?["break_even_reading"]?.textValue),
            withinRiskAppetite: value["within_risk_appetite"]?.boolValue
        )
    }
}
