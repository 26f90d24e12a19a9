public import PolicyEngine

extension DowntimeModelSection {
    /// The section for a portfolio of assessments, with `asOf` the run's as-of date (test ages are
    /// relative to it). The ISO 4217 currency of every amount is the section's one `currency` (nil
    /// when the run named none and the model assumed the spec's default; `settings.currency_assumed`
    /// says so). What the register adds per application (`drRegion`, `costBasis`, `dependencies`,
    /// `availability`) the pipeline sets on `applications` afterwards.
    public init(_ assessments: [ApplicationAssessment], settings: ModelSettings, asOf: CivilDate) {
        var assumptions: [String: Parameters] = [:]
        for kind in StrategyKind.allCases where kind != .noDR {
            assumptions[kind.rawValue] = Parameters(settings.parameters(for: kind))
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
        self.init(
            currency: settings.currencyAssumed ? nil : settings.currency, asOf: asOf.description,
            settings: Settings(
                trials: settings.trials, seed: String(settings.seed), discountRate: DowntimeValues.finite(settings.discountRate),
                horizonYears: settings.horizonYears, riskAppetiteP95: settings.riskAppetiteP95.flatMap(DowntimeValues.amount),
                lecProbabilities: settings.lecProbabilities, defaultCandidateCadenceDays: DowntimeValues.finite(settings.defaultCandidateCadenceDays),
                currencyAssumed: settings.currencyAssumed, analyticSLAGridSteps: AnalyticSLA.gridSteps),
            strategyAssumptions: assumptions,
            portfolio: Portfolio(
                applications: assessments.count, expectedAnnualLossCurrent: DowntimeValues.amount(currentTotal),
                expectedAnnualLossRecommended: DowntimeValues.amount(recommendedTotal),
                totalCostOfRiskCurrent: DowntimeValues.amount(currentRisk), totalCostOfRiskRecommended: DowntimeValues.amount(recommendedRisk)),
            applications: assessments.map(Application.init))
    }
}

extension DowntimeModelSection.Application {
    /// One application's entry.
    public init(_ assessment: ApplicationAssessment) {
        let model = assessment.model
        let current = assessment.current
        let rates = model.terms.rates
        self.init(
            id: model.id, tier: model.tier.rawValue, source: model.source?.displayText,
            rtoTargetHours: DowntimeValues.finite(model.rtoTargetHours), rpoTargetHours: DowntimeValues.finite(model.rpoTargetHours),
            hourlyCost: DowntimeModelSection.HourlyCost(
                revenue: DowntimeValues.amount(rates.revenue), productivity: DowntimeValues.amount(rates.productivity),
                response: DowntimeValues.amount(rates.response), total: DowntimeValues.amount(rates.total)),
            currentStrategy: current.option.kind.rawValue, costSource: current.option.runCostSource.rawValue,
            expectedAnnualLoss: DowntimeValues.amount(current.expectedAnnualLoss), p50: DowntimeValues.amount(current.distribution.p50),
            p90: DowntimeValues.amount(current.distribution.p90), p95: DowntimeValues.amount(current.distribution.p95),
            p99: DowntimeValues.amount(current.distribution.p99),
            lossExceedance: DowntimeValues.exceedance(current.distribution.lossAtProbability),
            exceedanceProbabilities: DowntimeValues.exceedance(current.distribution.exceedance),
            strategies: assessment.strategies.map(DowntimeModelSection.Strategy.init),
            recommendation: DowntimeModelSection.Recommendation(assessment),
            warnings: assessment.warnings,
            placeholdersUsed: !model.placeholders.isEmpty,
            placeholders: model.placeholders,
            seed: String(assessment.settings.seed), trials: assessment.settings.trials)
    }
}

extension DowntimeModelSection.Recommendation {
    /// The recommended strategy of `assessment`, or why there is none.
    init(_ assessment: ApplicationAssessment) {
        guard let recommended = assessment.recommended else {
            self.init(strategy: nil, key: nil, reason: assessment.recommendationReason, verdict: nil, netAnnualBenefit: nil, npv: nil,
                      annualCostChange: nil)
            return
        }
        let comparison = recommended.comparison
        self.init(
            strategy: recommended.option.kind.rawValue, key: recommended.option.key, reason: assessment.recommendationReason,
            verdict: comparison?.verdict.rawValue ?? "current", netAnnualBenefit: DowntimeValues.amount(comparison?.netAnnualBenefit ?? 0),
            npv: DowntimeValues.amount(comparison?.netPresentValue ?? 0),
            annualCostChange: DowntimeValues.amount((comparison?.addedAnnualCost ?? 0) + (comparison?.annualisedOneTimeCost ?? 0)))
    }
}

extension DowntimeModelSection.Strategy {
    /// One strategy option's assessment.
    init(_ strategy: StrategyAssessment) {
        let option = strategy.option
        let distribution = strategy.distribution
        let components = strategy.components
        self.init(
            key: option.key, strategy: option.kind.rawValue, current: option.isCurrent, parameters: DowntimeModelSection.Parameters(option.parameters),
            freshness: DowntimeModelSection.Freshness(
                basis: DowntimeModelSection.FreshnessBasis(option.freshnessBasis), phi: DowntimeValues.finite(option.freshness),
                successProbability: DowntimeValues.finite(option.successProbability), rtoMultiplier: DowntimeValues.finite(option.rtoMultiplier),
                effectiveRTOHours: DowntimeValues.finite(option.recoveryHours)),
            annualRunCost: DowntimeValues.amount(option.runCost), costSource: option.runCostSource.rawValue,
            testCostPerYear: DowntimeValues.amount(option.testCostPerYear), oneTimeCost: DowntimeValues.amount(option.oneTimeCost),
            annualCost: DowntimeValues.amount(option.annualCost), expectedAnnualLoss: DowntimeValues.amount(distribution.mean),
            sd: DowntimeValues.amount(distribution.standardDeviation), se: DowntimeValues.amount(distribution.standardError),
            p50: DowntimeValues.amount(distribution.p50), p90: DowntimeValues.amount(distribution.p90), p95: DowntimeValues.amount(distribution.p95),
            p99: DowntimeValues.amount(distribution.p99), max: DowntimeValues.amount(distribution.maximum),
            probabilityOfLoss: DowntimeValues.finite(distribution.probabilityOfLoss),
            components: DowntimeModelSection.Components(
                revenue: DowntimeValues.amount(components.revenue), productivity: DowntimeValues.amount(components.productivity),
                response: DowntimeValues.amount(components.response), fixed: DowntimeValues.amount(components.fixed),
                data: DowntimeValues.amount(components.data), reputation: DowntimeValues.amount(components.reputation),
                sla: DowntimeValues.amount(components.sla)),
            analytic: DowntimeModelSection.Analytic(strategy),
            simulatedDowntimeHours: DowntimeValues.finite(strategy.simulatedDowntimeHours),
            impliedAvailability: DowntimeValues.finite(strategy.impliedAvailability),
            simulatedImpliedAvailability: DowntimeValues.finite(strategy.simulatedImpliedAvailability),
            crossCheckScore: DowntimeValues.finite(strategy.crossCheckScore), crossCheckBasis: strategy.crossCheckBasis.rawValue,
            suggestedDeclarationDelayHours: strategy.suggestedDeclarationDelayHours.flatMap(DowntimeValues.finite),
            compliance: DowntimeModelSection.Compliance(
                meetsRTO: strategy.compliance.meetsRTO, meetsRPO: strategy.compliance.meetsRPO, meetsTestRule: strategy.compliance.meetsTestRule,
                compliant: strategy.compliance.isCompliant),
            withinRiskAppetite: strategy.withinRiskAppetite, totalCostOfRisk: DowntimeValues.amount(strategy.totalCostOfRisk),
            annualisedTotalCostOfRisk: DowntimeValues.amount(strategy.annualisedTotalCostOfRisk), gordonLoebFlag: strategy.exceedsGordonLoebBound,
            lossExceedance: DowntimeValues.exceedance(distribution.lossAtProbability),
            exceedanceProbabilities: DowntimeValues.exceedance(distribution.exceedance),
            comparison: strategy.comparison.map(DowntimeModelSection.Comparison.init))
    }
}

extension DowntimeModelSection.Analytic {
    /// The closed forms of §B.7 for `strategy`.
    init(_ strategy: StrategyAssessment) {
        let closedForm = strategy.closedForm
        let sla = strategy.analyticSLA
        let bracket = strategy.analyticExpectedAnnualLossBracket
        self.init(
            expectedAnnualLossExcludingSLA: DowntimeValues.amount(closedForm.expectedAnnualLossExcludingSLA),
            expectedSLA: DowntimeValues.amount(sla.estimate),
            expectedSLABracket: DowntimeModelSection.Bracket(lower: DowntimeValues.amount(sla.lower), upper: DowntimeValues.amount(sla.upper)),
            expectedSLAExact: sla.isExact, expectedAnnualLoss: DowntimeValues.amount(strategy.analyticExpectedAnnualLoss),
            expectedAnnualLossBracket: DowntimeModelSection.Bracket(lower: DowntimeValues.amount(bracket.lower),
                                                                    upper: DowntimeValues.amount(bracket.upper)),
            downtimeHours: DowntimeValues.finite(closedForm.expectedDowntimeHours),
            pWithinRTO: closedForm.probabilityWithinRTO.flatMap(DowntimeValues.finite),
            pWithinRPO: closedForm.probabilityWithinRPO.flatMap(DowntimeValues.finite))
    }
}

extension DowntimeModelSection.Comparison {
    /// An option against the current strategy.
    init(_ comparison: UpgradeComparison) {
        self.init(
            riskReduction: DowntimeValues.amount(comparison.lossReduction),
            riskReductionSE: DowntimeValues.amount(comparison.lossReductionStandardError),
            addedAnnualCost: DowntimeValues.amount(comparison.addedAnnualCost), netAnnualBenefit: DowntimeValues.amount(comparison.netAnnualBenefit),
            roi: comparison.returnOnInvestment.flatMap(DowntimeValues.finite), payback: DowntimeModelSection.Payback(comparison.payback),
            npv: DowntimeValues.amount(comparison.netPresentValue), annualisedOneTimeCost: DowntimeValues.amount(comparison.annualisedOneTimeCost),
            breakEven: DowntimeModelSection.BreakEven(comparison.breakEvenRevenue), verdict: comparison.verdict.rawValue,
            currentDRValue: comparison.currentDRValue.map { value in
                DowntimeModelSection.CurrentDRValue(
                    riskReduction: DowntimeValues.amount(value.lossReduction), annualCost: DowntimeValues.amount(value.annualCost),
                    netAnnualBenefit: DowntimeValues.amount(value.netAnnualBenefit), roi: value.returnOnInvestment.flatMap(DowntimeValues.finite),
                    npv: DowntimeValues.amount(value.netPresentValue), breakEven: DowntimeModelSection.BreakEven(value.breakEvenRevenue))
            })
    }
}

extension DowntimeModelSection.Parameters {
    /// The strategy parameters in force (the [A] assumptions of §B.1.3).
    init(_ parameters: StrategyParameters) {
        self.init(rtoHours: DowntimeValues.finite(parameters.rtoHours), rpoHours: DowntimeValues.finite(parameters.rpoHours),
                  rpoModel: parameters.rpoModel.rawValue, pMax: DowntimeValues.finite(parameters.pMax), pFloor: DowntimeValues.finite(parameters.pFloor),
                  costRatio: DowntimeValues.finite(parameters.costRatio), declarationDelayHours: DowntimeValues.finite(parameters.declarationDelayHours),
                  kUntested: DowntimeValues.finite(parameters.kUntested), tauDays: DowntimeValues.finite(parameters.tauDays))
    }
}

extension DowntimeModelSection.FreshnessBasis {
    /// What a freshness rests on.
    init(_ basis: FreshnessBasis) {
        switch basis {
        case .notApplicable: self.init(kind: "not_applicable")
        case .untested: self.init(kind: "untested")
        case .failedTest(let age): self.init(kind: "failed_test", ageDays: age)
        case .passedTest(let age, let partial): self.init(kind: partial ? "partial_test" : "full_test", ageDays: age)
        case .cadence(let days): self.init(kind: "planned_cadence", cadenceDays: days)
        case .continuous: self.init(kind: "continuous")
        }
    }
}

extension DowntimeModelSection.Payback {
    /// Years to pay back, or never; nil when the years are not finite.
    init?(_ payback: Payback) {
        switch payback {
        case .years(let years):
            guard let years = DowntimeValues.finite(years) else { return nil }
            self = .years(years)
        case .never: self = .never
        }
    }
}

extension DowntimeModelSection.BreakEven {
    /// The break-even revenue and how to read it.
    init(_ breakEven: BreakEvenRevenue) {
        switch breakEven {
        case .revenuePerHour(let revenue): self = .above(DowntimeValues.amount(revenue))
        case .onlyBelowRevenuePerHour(let revenue): self = .below(DowntimeValues.amount(revenue))
        case .anyRevenue: self = .any
        case .neverByRevenue: self = .never
        }
    }
}
