/// Mean annual loss by FAIR-mapped component (§B.8 outputs).
public struct ComponentMeans: Sendable, Hashable {
    /// Lost revenue.
    public var revenue: Double
    /// Lost productivity.
    public var productivity: Double
    /// Responder time.
    public var response: Double
    /// Fixed cost per incident.
    public var fixed: Double
    /// Lost writes.
    public var data: Double
    /// Reputation loss.
    public var reputation: Double
    /// SLA credits.
    public var sla: Double
}

/// Decision rule 1 for one strategy.
public struct ComplianceCheck: Sendable, Hashable {
    /// R = δ + RTO·k(φ) ≤ T_RTO.
    public var meetsRTO: Bool
    /// RPO ≤ T_RPO.
    public var meetsRPO: Bool
    /// Passing full test ≤ 365 days old, planned cadence ≤ 365 days, or continuously exercised.
    public var meetsTestRule: Bool

    /// All three.
    public var isCompliant: Bool { meetsRTO && meetsRPO && meetsTestRule }
}

/// Everything the model says about one strategy option of one application.
public struct StrategyAssessment: Sendable, Hashable {
    /// The option.
    public var option: StrategyOption
    /// Simulated annual losses.
    public var distribution: LossDistribution
    /// Mean loss by component.
    public var components: ComponentMeans
    /// Closed-form expectations.
    public var closedForm: ClosedForm
    /// E[DT_year] from the simulation, hours.
    public var simulatedDowntimeHours: Double
    /// 1 − E[DT_year]/8,760 from the simulation.
    public var impliedAvailability: Double
    /// |MC − analytic_exSLA − SLA_MC| / se (0 when se = 0).
    public var crossCheckScore: Double
    /// The declaration delay of the §B.4 grid that minimises the analytic EAL.
    public var suggestedDeclarationDelayHours: Double?
    /// Decision rule 1.
    public var compliance: ComplianceCheck
    /// Decision rule 2 (true when no risk appetite is set).
    public var withinRiskAppetite: Bool
    /// TCR = EAL + C.
    public var totalCostOfRisk: Double
    /// TCRann = EAL + C + I·CRF.
    public var annualisedTotalCostOfRisk: Double
    /// Against the current strategy; nil for the current strategy itself.
    public var comparison: UpgradeComparison?
    /// Gordon–Loeb flag: C + I·CRF > EAL_none/e.
    public var exceedsGordonLoebBound: Bool

    /// EAL (the simulated mean).
    public var expectedAnnualLoss: Double { distribution.mean }
}

/// The model's answer for one application.
public struct ApplicationAssessment: Sendable {
    /// The resolved inputs.
    public var model: ApplicationModel
    /// One entry per option, current first.
    public var strategies: [StrategyAssessment]
    /// Index into `strategies` of the recommendation; nil when no strategy qualifies.
    public var recommendedIndex: Int?
    /// Why that strategy (or why none).
    public var recommendationReason: String
    /// Warnings: inputs, convergence, cross-check, Gordon–Loeb, compliance.
    public var warnings: [ModelWarning]
    /// Settings used (seed, trials, rates).
    public var settings: ModelSettings

    /// The current strategy's assessment.
    public var current: StrategyAssessment { strategies[0] }

    /// The recommended strategy's assessment.
    public var recommended: StrategyAssessment? { recommendedIndex.map { strategies[$0] } }
}
