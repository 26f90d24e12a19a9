import PolicyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The downtime financial-impact model: validates a portfolio, simulates every strategy option of
/// every application on common random numbers and applies the §B.9 decision rules.
public enum DowntimeModel {
    /// A mean/se above this asks for more trials.
    static let convergenceLimit = 0.01
    /// |MC − analytic| / se above this signals a bug or extreme tails (§C.4 rule 4).
    static let crossCheckLimit = 5.0
    /// Fewer trials than this leave under 1,000 trials above P99.
    static let trialsForP99 = 100_000

    /// Validates every application (ids must be unique) and resolves defaults.
    public static func resolve(_ inputs: [ApplicationInput], settings: ModelSettings) throws(ResilienceError) -> [ApplicationModel] {
        try settings.validate()
        var seen = Set<String>()
        var models: [ApplicationModel] = []
        for input in inputs {
            guard seen.insert(input.id).inserted else { throw .duplicateApplication(application: input.id, source: input.source) }
            models.append(try ApplicationModel(resolving: input, settings: settings))
        }
        return models
    }

    /// Validates and assesses a portfolio, in input order.
    public static func run(
        _ inputs: [ApplicationInput], settings: ModelSettings, workers: Int = MonteCarlo.defaultWorkers
    ) throws(ResilienceError) -> [ApplicationAssessment] {
        try resolve(inputs, settings: settings).map { assess($0, settings: settings, workers: workers) }
    }

    /// Simulates and assesses one resolved application.
    public static func assess(_ model: ApplicationModel, settings: ModelSettings, workers: Int = MonteCarlo.defaultWorkers) -> ApplicationAssessment {
        let run = MonteCarlo.simulate(model, trials: settings.trials, seed: settings.seed, workers: workers)
        return assess(model, run: run, settings: settings)
    }

    /// Assesses one application from a finished simulation.
    public static func assess(_ model: ApplicationModel, run: SimulationRun, settings: ModelSettings) -> ApplicationAssessment {
        let crf = Finance.capitalRecoveryFactor(rate: settings.discountRate, years: settings.horizonYears)
        let n = Double(run.trials)
        let terms = model.terms
        let currentLosses = run.losses[0]
        let distributions = ParallelMap.indexed(count: model.options.count) { index in
            LossDistribution(losses: run.losses[index], lecProbabilities: settings.lecProbabilities)
        }
        let closedForms = model.options.map { ClosedForm(model: model, option: $0) }
        let slaTerms = analyticSLA(model)
        let noneIndex = model.options.firstIndex { $0.kind == .noDR } ?? 0
        let noneLoss = distributions[noneIndex].mean
        var strategies: [StrategyAssessment] = []
        for (index, option) in model.options.enumerated() {
            let distribution = distributions[index]
            let downtime = run.downtimeHours[index] / n
            let components = ComponentMeans(
                revenue: terms.rates.revenue * downtime, productivity: terms.rates.productivity * downtime,
                response: terms.rates.response * downtime, fixed: terms.fixedCostPerIncident * Double(run.events) / n,
                data: terms.dataValuePerHour * run.lostWriteHours[index] / n,
                reputation: terms.reputationLossPerEvent * Double(run.reputationEvents[index]) / n, sla: run.slaCredits[index] / n)
            let closedForm = closedForms[index]
            let sla = slaTerms[index]
            let crossCheck = crossCheck(distribution: distribution, closedForm: closedForm, sla: sla, simulatedSLA: components.sla)
            let compliance = ComplianceCheck(
                meetsRTO: option.recoveryHours <= model.rtoTargetHours,
                meetsRPO: option.kind != .noDR && option.parameters.rpoHours <= model.rpoTargetHours,
                meetsTestRule: option.meetsTestRule)
            let comparison: UpgradeComparison? =
                index == 0
                ? nil
                : UpgradeComparison(
                    current: currentLosses, currentMean: distributions[0].mean, currentOption: model.current,
                    currentSlope: closedForms[0].revenueSlope, candidate: run.losses[index], candidateMean: distribution.mean,
                    candidateOption: option, candidateSlope: closedForm.revenueSlope, revenuePerHour: model.revenuePerHour, settings: settings)
            strategies.append(
                StrategyAssessment(
                    option: option, distribution: distribution, components: components, closedForm: closedForm, analyticSLA: sla,
                    simulatedDowntimeHours: downtime,
                    impliedAvailability: Availability.implied(byDowntimeHoursPerYear: closedForm.expectedDowntimeHours),
                    simulatedImpliedAvailability: Availability.implied(byDowntimeHoursPerYear: downtime),
                    crossCheckScore: crossCheck.score, crossCheckBasis: crossCheck.basis,
                    suggestedDeclarationDelayHours: ClosedForm.suggestedDeclarationDelay(model: model, option: option)?.delayHours,
                    compliance: compliance, withinRiskAppetite: settings.riskAppetiteP95.map { distribution.p95 <= $0 } ?? true,
                    totalCostOfRisk: distribution.mean + option.annualCost,
                    annualisedTotalCostOfRisk: distribution.mean + option.annualCost + option.oneTimeCost * crf, comparison: comparison,
                    exceedsGordonLoebBound: option.kind != .noDR && option.annualCost + option.oneTimeCost * crf > noneLoss / M_E))
        }
        let recommendation = recommend(strategies, model: model, settings: settings)
        let warnings = Warnings.collect(model: model, strategies: strategies, recommendedIndex: recommendation.index, settings: settings)
        return ApplicationAssessment(
            model: model, strategies: strategies, recommendedIndex: recommendation.index, recommendationReason: recommendation.reason,
            warnings: warnings, settings: settings)
    }

    /// The analytic E[SLA] of every option, computed concurrently (each index written once).
    static func analyticSLA(_ model: ApplicationModel) -> [SLAExpectation] {
        guard model.terms.slaMonthlyRevenue > 0 else { return [SLAExpectation](repeating: .zero, count: model.options.count) }
        return ParallelMap.indexed(count: model.options.count) { index in
            AnalyticSLA.expectation(model: model, option: model.options[index])
        }
    }

    /// §C.4 rule 3 (against the analytic EAL bracket) when E[SLA] is exact, else rule 4.
    static func crossCheck(distribution: LossDistribution, closedForm: ClosedForm, sla: SLAExpectation, simulatedSLA: Double) -> (
        score: Double, basis: CrossCheckBasis
    ) {
        let exSLA = closedForm.expectedAnnualLossExcludingSLA
        let gap: Double
        let basis: CrossCheckBasis
        if sla.isExact {
            basis = .analyticSLA
            let low = exSLA + sla.lower
            let high = exSLA + sla.upper
            gap = distribution.mean < low ? low - distribution.mean : (distribution.mean > high ? distribution.mean - high : 0)
        } else {
            basis = .simulatedSLA
            gap = abs(distribution.mean - exSLA - simulatedSLA)
        }
        return (distribution.standardError > 0 ? gap / distribution.standardError : 0, basis)
    }

    // MARK: - Decision rules 1–3

    /// The minimum TCRann among compliant strategies within the risk appetite whose run cost is
    /// known; ties keep the earlier option (the current strategy first).
    static func recommend(_ strategies: [StrategyAssessment], model: ApplicationModel, settings: ModelSettings) -> (index: Int?, reason: String) {
        var best: Int?
        for (index, strategy) in strategies.enumerated()
        where strategy.compliance.isCompliant && strategy.withinRiskAppetite && strategy.option.runCostSource != .missing {
            if let found = best, strategies[found].annualisedTotalCostOfRisk <= strategy.annualisedTotalCostOfRisk { continue }
            best = index
        }
        let targets = "RTO ≤ \(hours(model.rtoTargetHours)), RPO ≤ \(hours(model.rpoTargetHours)) and a full test within 365 days"
        let appetite = settings.riskAppetiteP95.map { " and P95 ≤ \(DisplayFormat.money($0, currency: settings.currency))" } ?? ""
        guard let best else {
            return (nil, "no strategy meets \(targets)\(appetite) with a known run cost")
        }
        let chosen = strategies[best]
        let eligible = strategies.filter { $0.compliance.isCompliant && $0.withinRiskAppetite && $0.option.runCostSource != .missing }.count
        var reason =
            "\(chosen.option.label) has the lowest total cost of risk (EAL + run cost + annualised one-time cost = \(DisplayFormat.money(chosen.annualisedTotalCostOfRisk, currency: settings.currency))/yr) of \(eligible) strategies meeting \(targets)\(appetite)"
        if !chosen.option.isCurrent && chosen.option.kind == model.current.kind, case .cadence(let days) = chosen.option.freshnessBasis {
            reason += "; keep \(chosen.option.kind.rawValue) and test it every \(JSONWriter.format(days)) days"
        }
        return (best, reason)
    }

    static func hours(_ value: Double) -> String { JSONWriter.format((value * 1e6).rounded() / 1e6) + " h" }
}
