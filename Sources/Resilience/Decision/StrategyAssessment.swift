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
    /// The analytic E[SLA] with its discretisation bracket (§B.7).
    public var analyticSLA: SLAExpectation
    /// E[DT_year] from the simulation, hours.
    public var simulatedDowntimeHours: Double
    /// 1 − E[DT_year]/8,760 from the closed-form expected downtime (§B.6).
    public var impliedAvailability: Double
    /// 1 − E[DT_year]/8,760 from the simulated downtime.
    public var simulatedImpliedAvailability: Double
    /// §C.4 rule 3 in standard errors: the distance of the simulated EAL from the analytic EAL
    /// bracket (ex-SLA + E[SLA]); with a PERT rate and SLA credits, where E[SLA] is approximate,
    /// rule 4's |MC − analytic_exSLA − SLA_MC| instead (0 when se = 0).
    public var crossCheckScore: Double
    /// Which analytic figure `crossCheckScore` compares with.
    public var crossCheckBasis: CrossCheckBasis
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

    /// EAL (the simulated mean): the figure every decision uses.
    public var expectedAnnualLoss: Double { distribution.mean }

    /// Analytic EAL = EAL_exSLA + E[SLA] (the bracket's midpoint).
    public var analyticExpectedAnnualLoss: Double { closedForm.expectedAnnualLossExcludingSLA + analyticSLA.estimate }

    /// The analytic EAL's discretisation bracket.
    public var analyticExpectedAnnualLossBracket: (lower: Double, upper: Double) {
        (closedForm.expectedAnnualLossExcludingSLA + analyticSLA.lower, closedForm.expectedAnnualLossExcludingSLA + analyticSLA.upper)
    }
}

/// The analytic figure the simulated EAL is checked against.
public enum CrossCheckBasis: String, Codable, Sendable {
    /// §C.4 rule 3: the analytic EAL including the analytic E[SLA] bracket.
    case analyticSLA = "analytic_sla"
    /// §C.4 rule 4: the analytic EAL without SLA plus the simulated SLA credits (used when E[SLA] is approximate).
    case simulatedSLA = "simulated_sla"
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
