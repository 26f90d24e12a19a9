public import PolicyEngine

/// Builds the `downtime` section of the JSON results (`RunResult.sections["downtime"]`).
/// The schema is documented in docs/downtime-model.md; keys are sorted by `Fields`, and arrays
/// keep input order, so the value is deterministic.
public enum DowntimeSection {
    /// Version of the section schema.
    public static let schemaVersion = 1

    /// The section for a portfolio of assessments.
    /// - Parameters:
    ///   - asOf: the run's as-of date (test ages are relative to it).
    ///   - extras: per-application fields copied from the register (`dr_region`), by application id.
    /// The ISO 4217 currency of every amount is the section's one `currency` (null when the run
    /// named none and the model assumed the spec's default; `settings.currency_assumed` says so).
    public static func value(_ assessments: [ApplicationAssessment], settings: ModelSettings, asOf: CivilDate, extras: [String: Fields] = [:])
        -> Value {
        var assumptions = Fields()
        for kind in StrategyKind.allCases where kind != .noDR {
            assumptions[kind.rawValue] = DowntimeValues.parameters(settings.parameters(for: kind))
        }
        var currentTotal = 0.0
        var recommendedTotal = 0.0
        var currentRisk = 0.0
        var recommendedRisk = 0.0
        for assessment in assessments {
            currentTotal += assessment.current.expectedAnnualLoss
            recommendedTotal += (assessment.recommended ?? assessment.current).expectedAnnualLoss
            currentRisk += assessment.current.annualisedTotalCostOfRisk
            recommendedRisk += (assessment.recommended ?? assessment.current).annualisedTotalCostOfRisk
        }
        return [
            "schema_version": .number(Double(schemaVersion)),
            "currency": settings.currencyAssumed ? .null : .string(settings.currency),
            "as_of": .string(asOf.description),
            "settings": [
                "trials": .number(Double(settings.trials)), "seed": .string(String(settings.seed)),
                "discount_rate": .number(settings.discountRate), "horizon_years": .number(Double(settings.horizonYears)),
                "risk_appetite_p95": settings.riskAppetiteP95.map(DowntimeValues.money) ?? .null,
                "lec_probabilities": .array(settings.lecProbabilities.map(Value.number)),
                "default_candidate_cadence_days": .number(settings.defaultCandidateCadenceDays),
                "currency_assumed": .bool(settings.currencyAssumed),
                "analytic_sla_grid_steps": .number(Double(AnalyticSLA.gridSteps)),
            ],
            "strategy_assumptions": .object(assumptions),
            "portfolio": [
                "applications": .number(Double(assessments.count)),
                "expected_annual_loss_current": DowntimeValues.money(currentTotal),
                "expected_annual_loss_recommended": DowntimeValues.money(recommendedTotal),
                // Expected loss + DR cost (run, tests, annualised one-time): what the decision minimises.
                "total_cost_of_risk_current": DowntimeValues.money(currentRisk),
                "total_cost_of_risk_recommended": DowntimeValues.money(recommendedRisk),
            ],
            "applications": .array(assessments.map { application($0, extras: extras[$0.model.id] ?? Fields()) }),
        ]
    }

    /// One application's entry.
    public static func application(_ assessment: ApplicationAssessment, extras: Fields = Fields()) -> Value {
        let model = assessment.model
        let current = assessment.current
        var fields = extras
        fields["id"] = .string(model.id)
        fields["tier"] = .string(model.tier.rawValue)
        fields["source"] = model.source.map { .string($0.displayText) } ?? .null
        fields["rto_target_hours"] = .number(model.rtoTargetHours)
        fields["rpo_target_hours"] = .number(model.rpoTargetHours)
        fields["hourly_cost"] = [
            "revenue": DowntimeValues.money(model.terms.rates.revenue), "productivity": DowntimeValues.money(model.terms.rates.productivity),
            "response": DowntimeValues.money(model.terms.rates.response), "total": DowntimeValues.money(model.terms.rates.total),
        ]
        fields["current_strategy"] = .string(current.option.kind.rawValue)
        fields["cost_source"] = .string(current.option.runCostSource.rawValue)
        fields["expected_annual_loss"] = DowntimeValues.money(current.expectedAnnualLoss)
        fields["p50"] = DowntimeValues.money(current.distribution.p50)
        fields["p90"] = DowntimeValues.money(current.distribution.p90)
        fields["p95"] = DowntimeValues.money(current.distribution.p95)
        fields["p99"] = DowntimeValues.money(current.distribution.p99)
        fields["loss_exceedance"] = DowntimeValues.exceedance(current.distribution.lossAtProbability)
        fields["exceedance_probabilities"] = DowntimeValues.exceedance(current.distribution.exceedance)
        fields["strategies"] = .array(assessment.strategies.map(strategy))
        fields["recommendation"] = recommendation(assessment)
        fields["warnings"] = DowntimeValues.warnings(assessment.warnings)
        fields["placeholders_used"] = .bool(!model.placeholders.isEmpty)
        fields["placeholders"] = DowntimeValues.placeholders(model.placeholders)
        fields["seed"] = .string(String(assessment.settings.seed))
        fields["trials"] = .number(Double(assessment.settings.trials))
        return .object(fields)
    }

    static func recommendation(_ assessment: ApplicationAssessment) -> Value {
        guard let recommended = assessment.recommended else {
            return ["strategy": .null, "key": .null, "reason": .string(assessment.recommendationReason)]
        }
        let comparison = recommended.comparison
        return [
            "strategy": .string(recommended.option.kind.rawValue), "key": .string(recommended.option.key),
            "reason": .string(assessment.recommendationReason),
            "verdict": comparison.map { .string($0.verdict.rawValue) } ?? "current",
            "net_annual_benefit": DowntimeValues.money(comparison?.netAnnualBenefit ?? 0),
            "npv": DowntimeValues.money(comparison?.netPresentValue ?? 0),
            "annual_cost_change": DowntimeValues.money((comparison?.addedAnnualCost ?? 0) + (comparison?.annualisedOneTimeCost ?? 0)),
        ]
    }

    /// The closed forms of §B.7: EAL without SLA, E[SLA] with its bracket, and their sum.
    static func analytic(_ strategy: StrategyAssessment) -> Value {
        let closedForm = strategy.closedForm
        let sla = strategy.analyticSLA
        let bracket = strategy.analyticExpectedAnnualLossBracket
        return [
            "expected_annual_loss_ex_sla": DowntimeValues.money(closedForm.expectedAnnualLossExcludingSLA),
            "expected_sla": DowntimeValues.money(sla.estimate),
            "expected_sla_bracket": .array([DowntimeValues.money(sla.lower), DowntimeValues.money(sla.upper)]),
            "expected_sla_exact": .bool(sla.isExact),
            "expected_annual_loss": DowntimeValues.money(strategy.analyticExpectedAnnualLoss),
            "expected_annual_loss_bracket": .array([DowntimeValues.money(bracket.lower), DowntimeValues.money(bracket.upper)]),
            "downtime_hours": .number(closedForm.expectedDowntimeHours),
            "p_within_rto": DowntimeValues.number(closedForm.probabilityWithinRTO),
            "p_within_rpo": DowntimeValues.number(closedForm.probabilityWithinRPO),
        ]
    }

    /// What keeping the current DR is worth against none (positive favours keeping it).
    static func currentDRValue(_ value: CurrentDRValue) -> Value {
        [
            "risk_reduction": DowntimeValues.money(value.lossReduction), "annual_cost": DowntimeValues.money(value.annualCost),
            "net_annual_benefit": DowntimeValues.money(value.netAnnualBenefit), "roi": DowntimeValues.number(value.returnOnInvestment),
            "npv": DowntimeValues.money(value.netPresentValue),
            "break_even_revenue_per_hour": DowntimeValues.breakEven(value.breakEvenRevenue),
            "break_even_reading": DowntimeValues.breakEvenReading(value.breakEvenRevenue),
        ]
    }

    static func strategy(_ strategy: StrategyAssessment) -> Value {
        let option = strategy.option
        let distribution = strategy.distribution
        let components = strategy.components
        var fields = Fields([
            "key": .string(option.key), "strategy": .string(option.kind.rawValue), "current": .bool(option.isCurrent),
            "parameters": DowntimeValues.parameters(option.parameters),
            "freshness": [
                "basis": DowntimeValues.basis(option.freshnessBasis), "phi": .number(option.freshness),
                "success_probability": .number(option.successProbability), "rto_multiplier": .number(option.rtoMultiplier),
                "effective_rto_hours": DowntimeValues.number(option.recoveryHours),
            ],
            "annual_run_cost": DowntimeValues.money(option.runCost), "cost_source": .string(option.runCostSource.rawValue),
            "test_cost_per_year": DowntimeValues.money(option.testCostPerYear), "one_time_cost": DowntimeValues.money(option.oneTimeCost),
            "annual_cost": DowntimeValues.money(option.annualCost),
            "expected_annual_loss": DowntimeValues.money(distribution.mean), "sd": DowntimeValues.money(distribution.standardDeviation),
            "se": DowntimeValues.money(distribution.standardError), "p50": DowntimeValues.money(distribution.p50),
            "p90": DowntimeValues.money(distribution.p90), "p95": DowntimeValues.money(distribution.p95),
            "p99": DowntimeValues.money(distribution.p99), "max": DowntimeValues.money(distribution.maximum),
            "probability_of_loss": .number(distribution.probabilityOfLoss),
            "components": [
                "revenue": DowntimeValues.money(components.revenue), "productivity": DowntimeValues.money(components.productivity),
                "response": DowntimeValues.money(components.response), "fixed": DowntimeValues.money(components.fixed),
                "data": DowntimeValues.money(components.data), "reputation": DowntimeValues.money(components.reputation),
                "sla": DowntimeValues.money(components.sla),
            ],
            "analytic": analytic(strategy),
            "simulated_downtime_hours": .number(strategy.simulatedDowntimeHours),
            "implied_availability": .number(strategy.impliedAvailability),
            "simulated_implied_availability": .number(strategy.simulatedImpliedAvailability),
            "cross_check_score": .number(strategy.crossCheckScore), "cross_check_basis": .string(strategy.crossCheckBasis.rawValue),
            "suggested_declaration_delay_hours": DowntimeValues.number(strategy.suggestedDeclarationDelayHours),
            "compliance": [
                "meets_rto": .bool(strategy.compliance.meetsRTO), "meets_rpo": .bool(strategy.compliance.meetsRPO),
                "meets_test_rule": .bool(strategy.compliance.meetsTestRule), "compliant": .bool(strategy.compliance.isCompliant),
            ],
            "within_risk_appetite": .bool(strategy.withinRiskAppetite),
            "total_cost_of_risk": DowntimeValues.money(strategy.totalCostOfRisk),
            "annualised_total_cost_of_risk": DowntimeValues.money(strategy.annualisedTotalCostOfRisk),
            "gordon_loeb_flag": .bool(strategy.exceedsGordonLoebBound),
            "loss_exceedance": DowntimeValues.exceedance(distribution.lossAtProbability),
            "exceedance_probabilities": DowntimeValues.exceedance(distribution.exceedance),
        ].map { ($0.key, $0.value) })
        if let comparison = strategy.comparison {
            fields["comparison"] = [
                "risk_reduction": DowntimeValues.money(comparison.lossReduction),
                "risk_reduction_se": DowntimeValues.money(comparison.lossReductionStandardError),
                "added_annual_cost": DowntimeValues.money(comparison.addedAnnualCost),
                "net_annual_benefit": DowntimeValues.money(comparison.netAnnualBenefit),
                "roi": DowntimeValues.number(comparison.returnOnInvestment), "payback_years": DowntimeValues.payback(comparison.payback),
                "npv": DowntimeValues.money(comparison.netPresentValue),
                "annualised_one_time_cost": DowntimeValues.money(comparison.annualisedOneTimeCost),
                "break_even_revenue_per_hour": DowntimeValues.breakEven(comparison.breakEvenRevenue),
                "break_even_reading": DowntimeValues.breakEvenReading(comparison.breakEvenRevenue),
                "verdict": .string(comparison.verdict.rawValue),
                "current_dr_value": comparison.currentDRValue.map(currentDRValue) ?? .null,
            ]
        } else {
            fields["comparison"] = .null
        }
        return .object(fields)
    }
}
