/// Where a strategy's annual run cost came from.
public enum CostSource: String, Codable, Sendable {
    /// DR-tagged billing spend over the last 12 months.
    case billing
    /// costRatio × production annual spend [A].
    case estimate
    /// A quote in the register (`dr.candidates.<strategy>.annual_run_cost`).
    case register
    /// No billing and no production spend: the run cost is unknown and the strategy is not recommended.
    case missing
    /// `none` costs nothing to run.
    case notApplicable = "none"
}

/// One row of the strategy comparison: a strategy with its resolved behaviour and costs.
public struct StrategyOption: Sendable, Hashable {
    /// The strategy.
    public var kind: StrategyKind
    /// True for the strategy in place (with its actual test evidence); false for candidates.
    public var isCurrent: Bool
    /// Behaviour after register overrides and measured values.
    public var parameters: StrategyParameters
    /// What the freshness rests on.
    public var freshnessBasis: FreshnessBasis
    /// φ.
    public var freshness: Double
    /// p(φ); 0 for `none`.
    public var successProbability: Double
    /// k(φ).
    public var rtoMultiplier: Double
    /// R = δ + RTO·k(φ): hours from disruption until a successful failover restores service (∞ for `none`).
    public var recoveryHours: Double
    /// Annual run cost C (before test costs).
    public var runCost: Double
    /// Where `runCost` came from.
    public var runCostSource: CostSource
    /// Test exercises per year × cost per exercise.
    public var testCostPerYear: Double
    /// One-time migration cost I.
    public var oneTimeCost: Double
    /// Decision rule 1's test rule: for the current strategy a passing full test ≤ 365 days old (its
    /// actual evidence, never a plan); for a candidate a test cadence ≤ 365 days; or the path is
    /// exercised continuously.
    public var meetsTestRule: Bool

    /// Creates an option.
    public init(
        kind: StrategyKind, isCurrent: Bool, parameters: StrategyParameters, freshnessBasis: FreshnessBasis, runCost: Double,
        runCostSource: CostSource, testCostPerYear: Double, oneTimeCost: Double, meetsTestRule: Bool
    ) {
        self.kind = kind
        self.isCurrent = isCurrent
        self.parameters = parameters
        self.freshnessBasis = freshnessBasis
        self.runCost = runCost
        self.runCostSource = runCostSource
        self.testCostPerYear = testCostPerYear
        self.oneTimeCost = oneTimeCost
        self.meetsTestRule = meetsTestRule
        if kind == .noDR {
            freshness = 0
            successProbability = 0
            rtoMultiplier = 1
            recoveryHours = .infinity
        } else {
            freshness = Freshness.freshness(freshnessBasis, tauDays: parameters.tauDays)
            successProbability = Freshness.successProbability(freshness: freshness, parameters: parameters)
            rtoMultiplier = Freshness.rtoMultiplier(freshness: freshness, parameters: parameters)
            recoveryHours = parameters.declarationDelayHours + parameters.rtoHours * rtoMultiplier
        }
    }

    /// Row label: the strategy's register name, with `current` for the strategy in place.
    public var label: String { isCurrent ? kind.rawValue + " (current)" : kind.rawValue }

    /// Stable key used in JSON: `current` or the strategy's register name.
    public var key: String { isCurrent ? "current" : kind.rawValue }

    /// C = run cost + test cost.
    public var annualCost: Double { runCost + testCostPerYear }
}
