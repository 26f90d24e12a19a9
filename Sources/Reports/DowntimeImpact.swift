import PolicyEngine

/// What the reports show of the downtime financial-impact model's output (`DowntimeModelSection`,
/// decoded strictly from `sections["downtime"]`; schema in docs/downtime-model.md): per application
/// the expected annual loss and tail of the current strategy, every strategy option compared, and
/// the recommendation. Amounts are in the section's `currency` (config `downtime.currency`);
/// `money(_:)` writes them with it.
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

        /// The section's break-even; nil when it states none or its revenue is not finite.
        init?(_ breakEven: DowntimeModelSection.BreakEven?) {
            switch breakEven {
            case .above(let amount?)?: self = .above(amount)
            case .below(let amount?)?: self = .below(amount)
            case .any?: self = .any
            case .never?: self = .never
            case .above(nil)?, .below(nil)?, nil: return nil
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

    /// The model's output in `result`; a malformed section is an error naming the member.
    init(_ result: RunResult) throws(ReportError) {
        guard let value = result.sections[section: .downtime], value != .null else {
            self.init(nil)
            return
        }
        do throws(SectionError) {
            self.init(try DowntimeModelSection(decoding: value))
        } catch {
            throw .malformedSection(error)
        }
    }

    /// What the reports show of `section` (nil: the model did not run).
    init(_ section: DowntimeModelSection?) {
        ran = section != nil
        applications = section?.applications.map(Self.application) ?? []
        let portfolio = section?.portfolio
        portfolioCurrent = portfolio?.expectedAnnualLossCurrent
        portfolioRecommended = portfolio?.expectedAnnualLossRecommended
        riskCurrent = portfolio?.totalCostOfRiskCurrent
        riskRecommended = portfolio?.totalCostOfRiskRecommended
        currency = section?.currency
        trials = section?.settings?.trials
        seed = section?.settings?.seed
        riskAppetiteP95 = section?.settings?.riskAppetiteP95
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

    private static func application(_ entry: DowntimeModelSection.Application) -> Application {
        let recommendation = entry.recommendation
        let verdict = recommendation?.verdict
        let worth = entry.strategies.lazy.compactMap { $0.comparison?.currentDRValue }.first
        return Application(
            id: entry.id, tier: entry.tier ?? "—", currentStrategy: entry.currentStrategy ?? "none",
            rtoTargetHours: entry.rtoTargetHours, rpoTargetHours: entry.rpoTargetHours,
            expectedAnnualLoss: entry.expectedAnnualLoss, p95: entry.p95, p99: entry.p99,
            options: entry.strategies.map(option),
            recommendedStrategy: recommendation?.strategy, recommendationVerdict: verdict,
            recommendationReason: recommendation?.reason.map { $0 + Self.verdictExplanation(verdict) },
            recommendationBenefit: recommendation?.netAnnualBenefit,
            warnings: entry.warnings.map { (code: $0.code, message: $0.message ?? "") },
            placeholdersUsed: entry.placeholdersUsed ?? false,
            currentDRValue: worth.map { worth in
                CurrentDRValue(riskReduction: worth.riskReduction, annualCost: worth.annualCost, netAnnualBenefit: worth.netAnnualBenefit,
                               roi: worth.roi, npv: worth.npv, breakEven: BreakEven(worth.breakEven))
            },
            dependencies: entry.dependencies.map { Self.dependencies($0, availability: entry.availability) }
        )
    }

    private static func dependencies(_ graph: DowntimeModelSection.Dependencies, availability: DowntimeModelSection.Availability?) -> Dependencies {
        func known(_ figure: DowntimeModelSection.ComposedFigure?) -> (value: Double, text: String)? {
            if case .known(let value, let text)? = figure { return (value, text) }
            return nil
        }
        func unknownReason(_ figure: DowntimeModelSection.ComposedFigure?) -> String? {
            if case .unknown(let reason)? = figure { return reason }
            return nil
        }
        return Dependencies(
            edges: graph.edges.map { edge in
                DependencyEdge(target: edge.target, isHard: edge.kind == .hard, resolved: edge.resolved, inversion: edge.inversion,
                               onCycle: edge.onCycle)
            },
            unresolved: graph.unresolved, cycle: graph.cycle, effectiveRTOHours: graph.effectiveRTOHours,
            effectiveRTOUnknownReason: graph.effectiveRTOUnknownReason, rtoBottleneck: graph.rtoBottleneck,
            compositeAvailabilityText: known(availability?.composite)?.text, compositeUnknownReason: unknownReason(availability?.composite),
            impliedAvailabilityText: known(availability?.implied)?.text, sloText: availability?.sloText,
            compositeAvailability: known(availability?.composite)?.value, slo: availability?.slo)
    }

    private static func option(_ strategy: DowntimeModelSection.Strategy) -> Option {
        let compliance = strategy.compliance
        let comparison = strategy.comparison
        let bracket = strategy.analytic?.expectedAnnualLossBracket
        return Option(
            key: strategy.key, strategy: strategy.strategy ?? strategy.key, isCurrent: strategy.current ?? (strategy.key == "current"),
            annualCost: strategy.annualCost, expectedAnnualLoss: strategy.expectedAnnualLoss, p95: strategy.p95,
            totalCostOfRisk: strategy.annualisedTotalCostOfRisk, compliant: compliance?.compliant, verdict: comparison?.verdict,
            netAnnualBenefit: comparison?.netAnnualBenefit, freshnessBasis: strategy.freshness?.basis?.kind,
            testAgeDays: strategy.freshness?.basis?.ageDays, rtoHours: strategy.parameters?.rtoHours, rpoHours: strategy.parameters?.rpoHours,
            effectiveRTOHours: strategy.freshness?.effectiveRTOHours, meetsRTO: compliance?.meetsRTO, meetsRPO: compliance?.meetsRPO,
            meetsTestRule: compliance?.meetsTestRule, analyticExpectedAnnualLoss: strategy.analytic?.expectedAnnualLoss,
            // A bound is null when the model's figure was not finite: no bracket to show.
            analyticBracket: bracket.flatMap { bracket in bracket.lower.flatMap { lower in bracket.upper.map { (lower, $0) } } },
            npv: comparison?.npv, breakEven: BreakEven(comparison?.breakEven), withinRiskAppetite: strategy.withinRiskAppetite
        )
    }
}
