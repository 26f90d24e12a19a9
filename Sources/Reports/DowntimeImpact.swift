import PolicyEngine

/// The downtime financial-impact model's output decoded strictly from `sections["downtime"]` (schema in
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

        /// `break_even_revenue_per_hour` (money, `any` or `never`) read with `break_even_reading`.
        init?(_ object: SectionReader?) throws(SectionError) {
            guard let object, let value = object.member("break_even_revenue_per_hour") else { return nil }
            let reading = try object.text("break_even_reading")
            switch value {
            case .string("any"): self = .any
            case .string("never"): self = .never
            default:
                guard let amount = SectionReader.money(value) else {
                    throw SectionError(path: object.path + ".break_even_revenue_per_hour", expected: "money, \"any\" or \"never\"",
                                       found: JSONWriter.compact(value))
                }
                self = reading == "below" ? .below(amount) : .above(amount)
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
        do throws(SectionError) {
            let section = try SectionReader(value, path: "sections.\(SectionKey.downtime.rawValue)")
            let portfolio = try section.object("portfolio")
            portfolioCurrent = try portfolio?.money("expected_annual_loss_current")
            portfolioRecommended = try portfolio?.money("expected_annual_loss_recommended")
            riskCurrent = try portfolio?.money("total_cost_of_risk_current")
            riskRecommended = try portfolio?.money("total_cost_of_risk_recommended")
            currency = try section.text("currency")
            let settings = try section.object("settings")
            trials = try settings?.wholeNumber("trials")
            seed = try settings?.text("seed")
            riskAppetiteP95 = try settings?.money("risk_appetite_p95")
            applications = try section.array("applications").map(Self.application)
        } catch {
            throw .malformedSection(error)
        }
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

    private static func application(_ value: SectionReader) throws(SectionError) -> Application {
        let recommendation = try value.object("recommendation")
        let verdict = try recommendation?.text("verdict")
        var warnings: [(code: String, message: String)] = []
        for warning in try value.array("warnings") {
            warnings.append((try warning.requiredText("code"), try warning.text("message") ?? ""))
        }
        let options = try value.array("strategies").map(option)
        var currentDRValue: CurrentDRValue?
        for strategy in try value.array("strategies") {
            if let worth = try strategy.object("comparison")?.object("current_dr_value") {
                currentDRValue = try Self.currentDRValue(worth)
                break
            }
        }
        var dependencies: Dependencies?
        if let graph = try value.object("dependencies") { dependencies = try Self.dependencies(graph, availability: try value.object("availability")) }
        return Application(
            id: try value.requiredText("id"), tier: try value.text("tier") ?? "—", currentStrategy: try value.text("current_strategy") ?? "none",
            rtoTargetHours: try value.number("rto_target_hours"), rpoTargetHours: try value.number("rpo_target_hours"),
            expectedAnnualLoss: try value.money("expected_annual_loss"), p95: try value.money("p95"), p99: try value.money("p99"),
            options: options,
            recommendedStrategy: try recommendation?.text("strategy"), recommendationVerdict: verdict,
            recommendationReason: try recommendation?.text("reason").map { $0 + Self.verdictExplanation(verdict) },
            recommendationBenefit: try recommendation?.money("net_annual_benefit"),
            warnings: warnings,
            placeholdersUsed: try value.bool("placeholders_used") ?? false,
            currentDRValue: currentDRValue,
            dependencies: dependencies
        )
    }

    private static func dependencies(_ value: SectionReader, availability: SectionReader?) throws(SectionError) -> Dependencies {
        var edges: [DependencyEdge] = []
        for edge in try value.array("edges") {
            guard let target = try edge.text("target") else { continue }
            edges.append(DependencyEdge(target: target, isHard: try edge.text("kind") != "soft", resolved: try edge.bool("resolved") ?? false,
                                        inversion: try edge.bool("inversion") ?? false, onCycle: try edge.bool("cycle") ?? false))
        }
        return Dependencies(
            edges: edges, unresolved: try value.texts("unresolved"), cycle: try value.text("cycle"),
            effectiveRTOHours: try value.number("effective_rto_hours"), effectiveRTOUnknownReason: try value.text("effective_rto_unknown_reason"),
            rtoBottleneck: try value.text("rto_bottleneck"), compositeAvailabilityText: try availability?.text("composite_text"),
            compositeUnknownReason: try availability?.text("composite_unknown_reason"),
            impliedAvailabilityText: try availability?.text("implied_text"), sloText: try availability?.text("slo_text"),
            compositeAvailability: try availability?.number("composite"), slo: try availability?.number("slo"))
    }

    private static func currentDRValue(_ value: SectionReader) throws(SectionError) -> CurrentDRValue {
        CurrentDRValue(
            riskReduction: try value.money("risk_reduction"), annualCost: try value.money("annual_cost"),
            netAnnualBenefit: try value.money("net_annual_benefit"), roi: try value.number("roi"), npv: try value.money("npv"),
            breakEven: try BreakEven(value))
    }

    private static func bracket(_ value: SectionReader, _ key: String) throws(SectionError) -> (lower: FixedDecimal, upper: FixedDecimal)? {
        let items = try value.items(key)
        guard items.count == 2 else { return nil }
        guard let lower = SectionReader.money(items[0]), let upper = SectionReader.money(items[1]) else {
            // A bound is null when the model's figure was not finite: no bracket to show.
            if items.allSatisfy({ $0 == .null || SectionReader.money($0) != nil }) { return nil }
            throw SectionError(path: "\(value.path).\(key)", expected: "two amounts of money", found: JSONWriter.compact(.array(items)))
        }
        return (lower, upper)
    }

    private static func option(_ value: SectionReader) throws(SectionError) -> Option {
        let key = try value.requiredText("key")
        let freshness = try value.object("freshness")
        let basis = try freshness?.object("basis")
        let compliance = try value.object("compliance")
        let comparison = try value.object("comparison")
        let parameters = try value.object("parameters")
        let analytic = try value.object("analytic")
        var analyticBracket: (lower: FixedDecimal, upper: FixedDecimal)?
        if let analytic { analyticBracket = try bracket(analytic, "expected_annual_loss_bracket") }
        return Option(
            key: key, strategy: try value.text("strategy") ?? key, isCurrent: try value.bool("current") ?? (key == "current"),
            annualCost: try value.money("annual_cost"), expectedAnnualLoss: try value.money("expected_annual_loss"),
            p95: try value.money("p95"), totalCostOfRisk: try value.money("annualised_total_cost_of_risk"),
            compliant: try compliance?.bool("compliant"), verdict: try comparison?.text("verdict"),
            netAnnualBenefit: try comparison?.money("net_annual_benefit"),
            freshnessBasis: try basis?.text("kind"),
            testAgeDays: try basis?.wholeNumber("age_days"),
            rtoHours: try parameters?.number("rto_hours"), rpoHours: try parameters?.number("rpo_hours"),
            effectiveRTOHours: try freshness?.number("effective_rto_hours"),
            meetsRTO: try compliance?.bool("meets_rto"), meetsRPO: try compliance?.bool("meets_rpo"),
            meetsTestRule: try compliance?.bool("meets_test_rule"),
            analyticExpectedAnnualLoss: try analytic?.money("expected_annual_loss"),
            analyticBracket: analyticBracket,
            npv: try comparison?.money("npv"),
            breakEven: try BreakEven(comparison),
            withinRiskAppetite: try value.bool("within_risk_appetite")
        )
    }
}
