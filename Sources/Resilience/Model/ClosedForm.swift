/// Per-event expectations of one scenario under one strategy (§B.7).
public struct EventExpectation: Sendable, Hashable {
    /// E[d] in hours.
    public var duration: Double
    /// E[W] in hours.
    public var lostWrites: Double
    /// P(d > τ).
    public var reputationProbability: Double
}

/// The closed-form expectations of §B.7: a fast cross-check of the Monte Carlo (SLA credits excluded).
public struct ClosedForm: Sendable, Hashable {
    /// EAL without SLA credits.
    public var expectedAnnualLossExcludingSLA: Double
    /// E[DT_year] in hours.
    public var expectedDowntimeHours: Double
    /// P(d ≤ T_RTO | regional event), rate-weighted over regional scenarios; nil without one.
    public var probabilityWithinRTO: Double?
    /// P(W ≤ T_RPO | regional event), rate-weighted over regional scenarios; nil without one.
    public var probabilityWithinRPO: Double?
    /// Σ λ̄·E[d]·(revenue exposure): dEAL/dR, the slope used for break-even revenue.
    public var revenueSlope: Double

    /// Expectations of `option` for `model`.
    public init(model: ApplicationModel, option: StrategyOption) {
        self.init(model: model, option: option, recoveryHours: option.recoveryHours)
    }

    /// Expectations with the failover completing `recoveryHours` after the disruption (for the δ grid).
    public init(model: ApplicationModel, option: StrategyOption, recoveryHours: Double) {
        var loss = 0.0
        var downtime = 0.0
        var slope = 0.0
        var regional: [(rate: Double, withinRTO: Double, withinRPO: Double)] = []
        let terms = model.terms
        let h = terms.rates.total
        for scenario in model.scenarios {
            let rate = scenario.scenario.frequency.meanRate
            let event = Self.expectation(scenario, option: option, recoveryHours: recoveryHours, threshold: terms.reputationThresholdHours)
            loss += rate * (h * event.duration + terms.fixedCostPerIncident + terms.dataValuePerHour * event.lostWrites
                + terms.reputationLossPerEvent * event.reputationProbability)
            downtime += rate * event.duration
            slope += rate * event.duration * model.revenueExposure
            if scenario.scenario.kind == .regional {
                regional.append(
                    (
                        rate,
                        Self.probabilityWithinRTO(scenario.duration, option: option, recoveryHours: recoveryHours, target: model.rtoTargetHours),
                        Self.probabilityWithinRPO(scenario.duration, option: option, recoveryHours: recoveryHours, target: model.rpoTargetHours)
                    ))
            }
        }
        // Rate-weighted over regional scenarios; equal weights when every rate is zero.
        let totalRate = regional.reduce(0) { $0 + $1.rate }
        let weights = regional.map { totalRate > 0 ? $0.rate / totalRate : 1 / Double(regional.count) }
        let withinRTO: Double? = regional.isEmpty ? nil : zip(regional, weights).reduce(0) { $0 + $1.0.withinRTO * $1.1 }
        let withinRPO: Double? = regional.isEmpty ? nil : zip(regional, weights).reduce(0) { $0 + $1.0.withinRPO * $1.1 }
        expectedAnnualLossExcludingSLA = loss
        expectedDowntimeHours = downtime
        probabilityWithinRTO = withinRTO
        probabilityWithinRPO = withinRPO
        revenueSlope = slope
    }

    /// E[d], E[W] and P(d > τ) for one event of `scenario`.
    public static func expectation(_ scenario: ResolvedScenario, option: StrategyOption, recoveryHours r: Double, threshold tau: Double)
        -> EventExpectation
    {
        let d0 = scenario.duration
        let beyondTau = 1 - d0.cdf(tau)
        switch scenario.scenario.kind {
        case .independent:
            return EventExpectation(duration: d0.mean, lostWrites: 0, reputationProbability: beyondTau)
        case .corruption:
            return EventExpectation(
                duration: d0.mean, lostWrites: scenario.detectionLagHours + scenario.backupIntervalHours / 2, reputationProbability: beyondTau)
        case .regional:
            let p = option.kind == .noDR ? 0 : option.successProbability
            guard p > 0 else { return EventExpectation(duration: d0.mean, lostWrites: 0, reputationProbability: beyondTau) }
            let window = option.parameters.rpoModel == .periodic ? option.parameters.rpoHours / 2 : option.parameters.rpoHours
            return EventExpectation(
                duration: p * d0.limitedMean(r) + (1 - p) * d0.mean,
                lostWrites: p * (1 - d0.cdf(r)) * window,
                reputationProbability: p * beyondTau * (r > tau ? 1 : 0) + (1 - p) * beyondTau)
        }
    }

    /// P_RTO = p·(R ≤ T_RTO ? 1 : F(T_RTO)) + (1 − p)·F(T_RTO).
    static func probabilityWithinRTO(_ d0: LognormalDuration, option: StrategyOption, recoveryHours r: Double, target: Double) -> Double {
        let p = option.kind == .noDR ? 0 : option.successProbability
        let unaided = d0.cdf(target)
        return p * (r <= target ? 1 : unaided) + (1 - p) * unaided
    }

    /// P_RPO = 1 − p·(1 − F(R))·(periodic ? max(0, 1 − T_RPO/RPO) : [RPO > T_RPO]).
    static func probabilityWithinRPO(_ d0: LognormalDuration, option: StrategyOption, recoveryHours r: Double, target: Double) -> Double {
        let p = option.kind == .noDR ? 0 : option.successProbability
        guard p > 0 else { return 1 }
        let rpo = option.parameters.rpoHours
        let exceed: Double
        if option.parameters.rpoModel == .periodic {
            exceed = rpo > 0 ? max(0, 1 - target / rpo) : 0
        } else {
            exceed = rpo > target ? 1 : 0
        }
        return 1 - p * (1 - d0.cdf(r)) * exceed
    }

    /// Declaration delays searched for the "suggested declaration threshold" (§B.4 note 4).
    public static let declarationGrid: [Double] = [0, 1, 2, 4, 8, 12, 24]

    /// The δ of the grid that minimises the analytic EAL (ties go to the smaller δ); nil for `none`.
    public static func suggestedDeclarationDelay(model: ApplicationModel, option: StrategyOption) -> (delayHours: Double, expectedLoss: Double)? {
        guard option.kind != .noDR else { return nil }
        var best: (delayHours: Double, expectedLoss: Double)?
        for delay in declarationGrid {
            let r = delay + option.parameters.rtoHours * option.rtoMultiplier
            let loss = ClosedForm(model: model, option: option, recoveryHours: r).expectedAnnualLossExcludingSLA
            if let found = best, loss >= found.expectedLoss { continue }
            best = (delay, loss)
        }
        return best
    }
}
