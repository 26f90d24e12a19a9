public import PolicyEngine

/// What the caller knows about a run beyond its result: the config file it came from.
public struct RunContext: Sendable, Hashable {
    /// The config file as given, when the run used one.
    public var configFile: String?
    /// SHA-256 of the config file's bytes.
    public var configSHA256: String?

    /// Creates a context.
    public init(configFile: String? = nil, configSHA256: String? = nil) {
        self.configFile = configFile
        self.configSHA256 = configSHA256
    }
}

/// One recorded run: its metadata, totals and place in the evidence chain.
public struct RunRecord: Sendable, Hashable {
    /// The run id (its position in the database, `1`, `2`, …).
    public var id: String { String(sequence) }
    /// Position in recording order.
    public var sequence: Int
    /// Evaluation date.
    public var asOf: CivilDate
    /// The assay version that recorded it.
    public var toolVersion: String
    /// The config file, when one was used.
    public var configFile: String?
    /// SHA-256 of the config file.
    public var configSHA256: String?
    /// Labels (`--label`).
    public var labels: [String: String]
    /// Severity threshold.
    public var failOn: Severity
    /// SHA-256 over the policy files.
    public var policySetDigest: String
    /// Verdict totals over all policies.
    public var counts: VerdictCounts
    /// Findings that blocked the run.
    public var blocking: Int
    /// (pass + waived) / evaluated, rounded to 4 decimals.
    public var complianceScore: Double
    /// Currency → total of the last complete month, when the run had a cost section.
    public var monthlyCost: [String: FixedDecimal]
    /// The baseline the run was compared with (compact JSON of its identity), if any.
    public var baseline: String?
    /// SHA-256 of the run's results document (the `--json` output).
    public var resultsSHA256: String
    /// Record hash of the run recorded before it (64 zeros for the first).
    public var previousRecordSHA256: String
    /// SHA-256 of this run's record (metadata, table digests, results digest, previous hash).
    public var recordSHA256: String
}

/// One recorded finding.
public struct StoredFinding: Sendable, Hashable {
    /// The fingerprint recorded with it.
    public var fingerprint: String
    /// The finding as recorded.
    public var finding: Finding
}

/// One recorded cost figure (a month total, an account × service mover or a cost group).
public struct StoredCost: Sendable, Hashable {
    /// `total`, `mover` or `group`.
    public var kind: String
    /// `all` for totals, `account=…,service=…` for movers, the document id for groups.
    public var key: String
    /// Month `YYYY-MM`.
    public var period: String
    /// Currency code.
    public var currency: String
    /// Billed amount of the month.
    public var amount: FixedDecimal
    /// Amount of the month before, when the section gives it.
    public var previousAmount: FixedDecimal?
}

/// One application's recorded downtime outputs.
public struct StoredDowntime: Sendable, Hashable {
    /// Application id.
    public var application: String
    /// Tier.
    public var tier: String
    /// Current DR strategy.
    public var currentStrategy: String
    /// Expected annual loss of the current strategy (exact decimal text).
    public var expectedAnnualLoss: String
    /// 95th percentile annual loss.
    public var p95: String
    /// 99th percentile annual loss.
    public var p99: String
    /// Recommended strategy.
    public var recommendedStrategy: String?
    /// Verdict of the recommendation.
    public var verdict: String?
    /// Net annual benefit of the recommendation.
    public var netAnnualBenefit: String?
}

/// Everything recorded about one run.
public struct RunDetails: Sendable, Hashable {
    /// The run.
    public var run: RunRecord
    /// Input files.
    public var inputs: [InputRecord]
    /// Per-policy verdict counts (id, severity and enforcement included).
    public var policies: [PolicyCounts]
    /// Findings in recorded order.
    public var findings: [StoredFinding]
    /// Waivers and their states.
    public var waivers: [StoredWaiver]
    /// Cost figures.
    public var costs: [StoredCost]
    /// Downtime outputs.
    public var downtime: [StoredDowntime]
}

/// One policy's recorded counts.
public struct PolicyCounts: Sendable, Hashable {
    /// Policy id.
    public var id: String
    /// Title.
    public var title: String
    /// Severity.
    public var severity: String
    /// Enforcement.
    public var enforcement: String
    /// Verdict counts.
    public var counts: VerdictCounts
}

/// One recorded waiver.
public struct StoredWaiver: Sendable, Hashable {
    /// Waiver id (`file:line`).
    public var id: String
    /// Policy it covers.
    public var policy: String
    /// Owner.
    public var owner: String
    /// Last day it applies.
    public var expires: String
    /// `active`, `expiring`, `expired` or `stale`.
    public var state: String
    /// Findings it waived.
    public var matched: Int
}

/// The outcome of recording a run.
public struct RecordedRun: Sendable {
    /// The run as stored.
    public var run: RunRecord
    /// The result with `sections["history"]` (the trend) added: what the reports render, and
    /// the document whose SHA-256 is `run.resultsSHA256`.
    public var result: RunResult
}
