/// One input file of a run, for the evidence header.
public struct InputRecord: Sendable, Hashable {
    /// Path as given (relative stays relative).
    public var path: String
    /// Detected or forced format id (`aws-config`, `csv`, …).
    public var format: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Documents (resources, records, cost lines) read from it.
    public var documents: Int

    /// Creates a record.
    public init(path: String, format: String, sha256: String, documents: Int) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.documents = documents
    }
}

/// A policy's metadata and verdict counts, as reported. The metadata's fields read as the
/// report's own (`report.id`, `report.severity`).
@dynamicMemberLookup
public struct PolicyReport: Sendable, Hashable {
    /// Id, title, severity, enforcement, category, frameworks, description and remediation, as the
    /// policy declares them.
    public var metadata: PolicyMetadata
    /// Parameters in effect.
    public var params: [String: Value]
    /// Where it is defined (`file:line:column`).
    public var source: String
    /// Verdict counts.
    public var counts: VerdictCounts
    /// The resource types the policy applies to (`cost.group` for cost policies; empty: every
    /// non-cost document), used to say why a policy that matched nothing is not applicable.
    public var appliesTo: [String]

    /// Creates a report entry from a policy's metadata.
    public init(metadata: PolicyMetadata, params: [String: Value], source: String, counts: VerdictCounts, appliesTo: [String] = []) {
        self.metadata = metadata
        self.params = params
        self.source = source
        self.counts = counts
        self.appliesTo = appliesTo
    }

    /// A metadata field (`report.id`, `report.title`, …).
    @inlinable
    public subscript<Field>(dynamicMember field: WritableKeyPath<PolicyMetadata, Field>) -> Field {
        get { metadata[keyPath: field] }
        set { metadata[keyPath: field] = newValue }
    }

    /// True when the policy matched no document in the run: it is not applicable, which is
    /// neither a pass nor compliance.
    public var isNotApplicable: Bool { counts.evaluated == 0 }

    /// `not applicable: no resource of type storage.bucket, storage.account` when the policy
    /// matched nothing; nil otherwise. Every output shows this text for such a policy.
    public var notApplicableText: String? {
        guard isNotApplicable else { return nil }
        return "not applicable: " + Self.emptyScopeReason(appliesTo)
    }

    /// Why nothing was in scope, from the types a policy applies to.
    public static func emptyScopeReason(_ types: [String]) -> String {
        if types.isEmpty { return "no input document in scope" }
        if types == [ResourceCorpus.costGroupType] { return "no billing data (cost groups) in the inputs" }
        return "no resource of type " + types.joined(separator: ", ")
    }

    /// The report entry of an evaluated policy.
    public init(_ evaluation: PolicyEvaluation) {
        let policy = evaluation.policy.policy
        self.init(
            metadata: policy.metadata, params: evaluation.policy.params, source: policy.location.description,
            counts: evaluation.counts, appliesTo: policy.scope.cost != nil ? [ResourceCorpus.costGroupType] : policy.scope.types
        )
    }
}

/// How passing verdicts appear in findings and JUnit.
public enum PassingMode: String, CaseIterable, Codable, Sendable {
    /// One finding / test case per passing resource.
    case list
    /// Only counts; one summary test case per policy (for very large estates).
    case summary

    /// True when evaluation keeps a finding for every passing verdict: in `list` mode, and only
    /// when something reads them (a report, the baseline or the history). The terminal and CI
    /// annotations show no passes, so a run without reports keeps only the counts — a million
    /// passing findings are half a gigabyte.
    public func keepsPassingFindings(readByAnOutput: Bool) -> Bool { self == .list && readByAnOutput }
}

/// The complete, deterministic result of a run: what every reporter renders and the history
/// records. Its JSON form is documented in docs/results-json.md.
public struct RunResult: Sendable {
    /// Version of the JSON schema written by this build.
    public static let schemaVersion = 1

    /// The producing tool's version.
    public var toolVersion: String
    /// Evaluation date.
    public var asOf: CivilDate
    /// Free-form labels (`--label key=value`): who, where, pipeline.
    public var labels: [String: String]
    /// Severity threshold for failing the run.
    public var failOn: Severity
    /// Whether `unknown` verdicts also fail the run.
    public var failOnUnknown: Bool
    /// How passes were recorded.
    public var passing: PassingMode
    /// SHA-256 over the policy files (sorted by path, each as `path\0bytes\0`).
    public var policySetDigest: String
    /// Input files.
    public var inputs: [InputRecord]
    /// Policies evaluated.
    public var policies: [PolicyReport]
    /// Findings sorted by policy then resource.
    public var findings: [Finding]
    /// Waivers and their states.
    public var waivers: [WaiverStatus]
    /// Optional sections added by later pipeline stages (`cost`, `downtime`, `baseline`, `run`),
    /// each with a schema documented in docs/results-json.md.
    public var sections: [String: Value]
    /// Fingerprints of the baseline's open findings (`--baseline`); when set, a finding whose
    /// fingerprint is in it persists from the baseline and does not block. Set by `apply(_:)`.
    public var baselineFingerprints: Set<String>?

    /// Creates a result.
    public init(
        toolVersion: String, asOf: CivilDate, labels: [String: String] = [:], failOn: Severity, failOnUnknown: Bool = false,
        passing: PassingMode, policySetDigest: String, inputs: [InputRecord], policies: [PolicyReport], findings: [Finding],
        waivers: [WaiverStatus], sections: [String: Value] = [:]
    ) {
        self.toolVersion = toolVersion
        self.asOf = asOf
        self.labels = labels
        self.failOn = failOn
        self.failOnUnknown = failOnUnknown
        self.passing = passing
        self.policySetDigest = policySetDigest
        self.inputs = inputs
        self.policies = policies
        self.findings = findings
        self.waivers = waivers
        self.sections = sections
    }

    /// Totals over all policies.
    public var totals: VerdictCounts { policies.reduce(VerdictCounts()) { $0 + $1.counts } }

    /// True when a finding blocks the run: failing (or erroring; or unknown when `failOnUnknown`),
    /// at or above `failOn`, on a policy that is not advisory — and, with a baseline, absent from it.
    public func isBlocking(_ finding: borrowing Finding) -> Bool {
        isBlocking(status: finding.status, severity: finding.severity, enforcement: finding.enforcement) && !isPersisting(finding)
    }

    /// `isBlocking` of `findings[index]`, reading only the fields it needs (a copy of a finding
    /// costs a dozen reference counts, and the exit code looks at every finding).
    public func isBlocking(findingAt index: Int) -> Bool {
        isBlocking(status: findings[index].status, severity: findings[index].severity, enforcement: findings[index].enforcement)
            && (baselineFingerprints == nil || !isPersisting(findings[index]))
    }

    private func isBlocking(status: Verdict, severity: Severity, enforcement: Enforcement) -> Bool {
        guard enforcement != .advisory, severity >= failOn else { return false }
        switch status {
        case .fail, .error: return true
        case .unknown: return failOnUnknown
        case .pass, .waived: return false
        }
    }

    /// True when a baseline is set and the finding's fingerprint is in it.
    public func isPersisting(_ finding: borrowing Finding) -> Bool {
        guard let baselineFingerprints else { return false }
        return baselineFingerprints.contains(finding.fingerprint)
    }

    /// Findings that make the run fail (exit code 1).
    public var blockingFindings: [Finding] { findings.filter { isBlocking($0) } }

    /// How many findings block (the exit code needs only this; no findings are copied).
    public var blockingCount: Int {
        findings.indices.count(where: isBlocking(findingAt:))
    }

    /// Policies that matched no document (reported as not applicable, never as compliance).
    public var notApplicablePolicies: [PolicyReport] { policies.filter(\.isNotApplicable) }

    /// True when the run checked something: at least one verdict. A run that checked nothing is
    /// never green (`assay evaluate` exits 2 unless empty estates are allowed).
    public var evaluatedAnything: Bool { totals.evaluated > 0 }

    /// Share of evaluated verdicts that pass or are waived (1 when nothing was evaluated; callers
    /// show "nothing evaluated" instead, see `evaluatedAnything`).
    public var complianceScore: Double {
        let counts = totals
        guard counts.evaluated > 0 else { return 1 }
        return Double(counts.pass + counts.waived) / Double(counts.evaluated)
    }
}
