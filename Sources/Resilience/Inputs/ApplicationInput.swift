public import PolicyEngine

/// Business criticality; sets the default RTO/RPO targets (§B.1.1, [A]).
public enum ApplicationTier: String, CaseIterable, Codable, Sendable {
    /// Mission critical.
    case tier0
    /// Business critical.
    case tier1
    /// Business operational (the default tier).
    case tier2
    /// Administrative.
    case tier3

    /// Default recovery-time target in hours.
    public var defaultRTOTargetHours: Double {
        switch self {
        case .tier0: return 0.25
        case .tier1: return 1
        case .tier2: return 4
        case .tier3: return 24
        }
    }

    /// Default recovery-point target in hours.
    public var defaultRPOTargetHours: Double {
        switch self {
        case .tier0: return 1.0 / 60.0
        case .tier1: return 0.25
        case .tier2: return 4
        case .tier3: return 24
        }
    }
}

/// One SLA credit step: below `threshold` monthly availability, `credit` of the monthly revenue is owed.
public struct SLACreditTier: Sendable, Hashable {
    /// Availability threshold in (0, 1); credit applies when availability is strictly below it.
    public var threshold: Double
    /// Share of the month's SLA revenue credited, in [0, 1].
    public var credit: Double

    /// Creates a tier.
    public init(threshold: Double, credit: Double) {
        self.threshold = threshold
        self.credit = credit
    }

    /// The AWS compute region-level template (A14): 10 % below 99.99 %, 30 % below 99 %, 100 % below 95 %.
    public static let awsRegionTemplate = [
        SLACreditTier(threshold: 0.9999, credit: 0.10),
        SLACreditTier(threshold: 0.99, credit: 0.30),
        SLACreditTier(threshold: 0.95, credit: 1.00),
    ]
}

/// Outcome of a DR test.
public enum TestResult: String, CaseIterable, Codable, Sendable {
    /// The test met its objectives.
    case pass
    /// The test failed.
    case fail
}

/// Kind of DR test (§B.1.3 test evidence).
public enum TestType: String, CaseIterable, Codable, Sendable {
    /// A full failover exercise.
    case fullFailover = "full_failover"
    /// A partial exercise: halves the freshness.
    case partial
    /// A discussion-only exercise: counts as untested.
    case tabletop
    /// A restore of backups (or a point-in-time restore) checked for integrity: evidence that the
    /// data comes back, not that the application fails over, so it never counts as a failover test.
    case restore

    /// Whether the test exercised a failover (full or partial), the basis of DR test freshness.
    public var exercisesFailover: Bool {
        switch self {
        case .fullFailover, .partial: return true
        case .tabletop, .restore: return false
        }
    }

    /// The accepted spellings, for error messages.
    public static let acceptedValues = allCases.map(\.rawValue).joined(separator: ", ")
}

/// The DR test on which the current strategy's freshness rests.
public struct TestEvidence: Sendable, Hashable {
    /// Days between the test and the as-of date (≥ 0).
    public var ageDays: Int
    /// Pass or fail.
    public var result: TestResult
    /// Full, partial or tabletop.
    public var type: TestType
    /// Recovery time measured in the test, replacing the strategy default.
    public var measuredRTOHours: Double?
    /// Recovery point measured in the test, replacing the strategy default.
    public var measuredRPOHours: Double?

    /// Creates evidence.
    public init(ageDays: Int, result: TestResult, type: TestType, measuredRTOHours: Double? = nil, measuredRPOHours: Double? = nil) {
        self.ageDays = ageDays
        self.result = result
        self.type = type
        self.measuredRTOHours = measuredRTOHours
        self.measuredRPOHours = measuredRPOHours
    }
}

/// Settings for one candidate strategy (`dr.candidates.<strategy>` in the register). Every field is
/// optional; an absent field falls back to the application-wide `dr.` value or the strategy default.
public struct CandidateSettings: Sendable, Hashable {
    /// A quote for running the strategy per year (replaces the cost-ratio estimate).
    public var annualRunCost: FixedDecimal?
    /// Migration cost I, annualised by the capital recovery factor.
    public var oneTimeCost: Double?
    /// How often the candidate would be tested, in days (replaces `dr.planned_test_cadence_days`).
    public var testCadenceDays: Double?
    /// Cost of one exercise of this candidate (replaces `dr.test_cost_per_exercise`).
    public var testCostPerExercise: Double?
    /// Declared recovery time of the candidate in hours.
    public var rtoHours: Double?
    /// Declared recovery point of the candidate in hours.
    public var rpoHours: Double?
    /// True when the candidate would serve live traffic in every region (active/active only):
    /// exercised continuously, so it has freshness 1 and no per-exercise test cost.
    public var liveTrafficAllRegions: Bool?

    /// Creates candidate settings.
    public init(
        annualRunCost: FixedDecimal? = nil, oneTimeCost: Double? = nil, testCadenceDays: Double? = nil, testCostPerExercise: Double? = nil,
        rtoHours: Double? = nil, rpoHours: Double? = nil, liveTrafficAllRegions: Bool? = nil
    ) {
        self.annualRunCost = annualRunCost
        self.oneTimeCost = oneTimeCost
        self.testCadenceDays = testCadenceDays
        self.testCostPerExercise = testCostPerExercise
        self.rtoHours = rtoHours
        self.rpoHours = rpoHours
        self.liveTrafficAllRegions = liveTrafficAllRegions
    }
}

/// The application's current DR posture and what the comparison may change.
public struct RecoveryPosture: Sendable, Hashable {
    /// The strategy in place (`none` [A] when absent).
    public var strategy: StrategyKind?
    /// Declared recovery time of the current strategy in hours.
    public var rtoHours: Double?
    /// Declared recovery point of the current strategy in hours.
    public var rpoHours: Double?
    /// The test the current strategy's freshness rests on; nil when never tested.
    public var evidence: TestEvidence?
    /// True when every region serves live traffic, so an active/active path is exercised continuously.
    public var liveTrafficAllRegions: Bool
    /// Cost of one DR exercise (USD).
    public var testCostPerExercise: Double?
    /// Exercises per year of the current strategy.
    public var testsPerYear: Double?
    /// Planned test cadence in days of the candidate strategies (each may override it). The current
    /// strategy's test-age rule rests on its actual evidence, never on this plan.
    public var plannedTestCadenceDays: Double?
    /// Spend tagged as the application's DR environment, annualised from the months the billing
    /// exports cover and in the model's currency.
    public var annualCostFromBilling: FixedDecimal?
    /// Set when billing holds DR spend for the application that cannot be used (several
    /// currencies and no exchange rate): the current strategy's run cost is then unknown — never
    /// replaced by an estimate.
    public var billingCostRefusal: String?
    /// Per-candidate settings.
    public var candidates: [StrategyKind: CandidateSettings]

    /// Creates a posture.
    public init(
        strategy: StrategyKind? = nil, rtoHours: Double? = nil, rpoHours: Double? = nil, evidence: TestEvidence? = nil,
        liveTrafficAllRegions: Bool = false, testCostPerExercise: Double? = nil, testsPerYear: Double? = nil,
        plannedTestCadenceDays: Double? = nil, annualCostFromBilling: FixedDecimal? = nil,
        candidates: [StrategyKind: CandidateSettings] = [:]
    ) {
        self.strategy = strategy
        self.rtoHours = rtoHours
        self.rpoHours = rpoHours
        self.evidence = evidence
        self.liveTrafficAllRegions = liveTrafficAllRegions
        self.testCostPerExercise = testCostPerExercise
        self.testsPerYear = testsPerYear
        self.plannedTestCadenceDays = plannedTestCadenceDays
        self.annualCostFromBilling = annualCostFromBilling
        self.candidates = candidates
    }
}

/// One application as the register describes it (§B.1.1). A nil field takes the spec's default;
/// [A] defaults are then listed as placeholders in every output.
public struct ApplicationInput: Sendable, Hashable {
    /// Unique, non-empty id (the register's `name`).
    public var id: String
    /// Criticality tier (default tier2 [A]).
    public var tier: ApplicationTier?
    /// T_RTO in hours.
    public var rtoTargetHours: Double?
    /// T_RPO in hours.
    public var rpoTargetHours: Double?
    /// R, USD per revenue-hour.
    public var revenuePerHour: Double?
    /// H_rev, revenue hours per week.
    public var revenueHoursPerWeek: Double?
    /// ρ, share of revenue that depends on the application.
    public var revenueDependency: Double?
    /// κ, share of lost revenue recovered later.
    public var revenueRecapture: Double?
    /// m, 1 to count revenue, the margin share to count profit.
    public var marginFactor: Double?
    /// E, employees who depend on the application.
    public var dependentEmployees: Double?
    /// w, loaded hourly employee cost.
    public var loadedHourlyCost: Double?
    /// f, productivity lost by a dependent employee during an outage.
    public var productivityImpact: Double?
    /// H_work, working hours per week.
    public var workHoursPerWeek: Double?
    /// n_r, incident responders.
    public var responders: Double?
    /// w_r, responder hourly cost (default 2·w).
    public var responderHourlyCost: Double?
    /// C_fix, fixed cost per incident.
    public var fixedCostPerIncident: Double?
    /// V_d, USD per hour of lost writes.
    public var dataValuePerHour: Double?
    /// M, monthly revenue subject to SLA credits.
    public var slaMonthlyRevenue: Double?
    /// SLA credit tiers (default: the AWS region template).
    public var slaCreditTiers: [SLACreditTier]?
    /// τ, outage hours above which reputation loss is incurred.
    public var reputationThresholdHours: Double?
    /// S_rep, reputation loss per event longer than τ.
    public var reputationLossPerEvent: Double?
    /// P, production spend per year (for DR cost-ratio estimates).
    public var productionAnnualSpend: FixedDecimal?
    /// Scenarios; nil for the placeholder library.
    public var scenarios: [Scenario]?
    /// Current DR posture and candidates.
    public var recovery: RecoveryPosture
    /// Where the register record came from.
    public var source: SourceReference?
    /// Defaults the register mapping assumed (for instance a test result missing beside a test date);
    /// listed with the model's own placeholders.
    public var assumedFields: [Placeholder] = []

    /// An application with every optional input left to its default.
    public init(id: String, recovery: RecoveryPosture = RecoveryPosture(), source: SourceReference? = nil) {
        self.id = id
        self.recovery = recovery
        self.source = source
    }
}
