/// The verdict of one policy on one resource: what a finding reports (`Finding.status`), what the
/// counts and the reports tally, and (with "not applicable", `PolicyTestVerdict`) what a policy
/// test expects. The one verdict type; its raw values are the words of the JSON results, JUnit,
/// the history database and `*.test.yaml`.
///
/// A condition's own result, `Outcome.Status`, is narrower on purpose: the evaluator's logic has
/// pass, fail, error and unknown only (waivers apply to findings afterwards); `Verdict(_:)` lifts it.
public enum Verdict: String, CaseIterable, Codable, Sendable {
    /// The resource satisfies the policy.
    case pass
    /// The resource violates the policy.
    case fail
    /// It violates the policy but a valid waiver covers it.
    case waived
    /// The policy could not be evaluated on it (type mismatch, bad parameter lookup, …).
    case error
    /// An input says a needed value is not known yet (Terraform "known after apply").
    case unknown

    /// The verdict of a condition's result.
    public init(_ status: Outcome.Status) {
        switch status {
        case .pass: self = .pass
        case .fail: self = .fail
        case .error: self = .error
        case .unknown: self = .unknown
        }
    }
}

/// The name `Verdict` had before it was the one verdict type; kept so that code written against
/// it still compiles.
public typealias FindingStatus = Verdict

/// What a policy test expects (or finds) for one resource: a verdict, or that the resource is
/// outside the policy's scope (type or `where`), written `not_applicable`. A `Verdict` plus that
/// one case, so the words and their order come from `Verdict`.
public enum PolicyTestVerdict: RawRepresentable, CaseIterable, Hashable, Sendable {
    /// A finding with this verdict.
    case verdict(Verdict)
    /// No finding: the policy does not apply to the resource.
    case notApplicable

    /// The word in `*.test.yaml` (`pass`, …, `not_applicable`).
    public var rawValue: String {
        switch self {
        case .verdict(let verdict): return verdict.rawValue
        case .notApplicable: return "not_applicable"
        }
    }

    /// The verdict a word names; nil for another word.
    public init?(rawValue: String) {
        if rawValue == "not_applicable" {
            self = .notApplicable
        } else if let verdict = Verdict(rawValue: rawValue) {
            self = .verdict(verdict)
        } else {
            return nil
        }
    }

    /// Every verdict, then `not_applicable`.
    public static var allCases: [PolicyTestVerdict] { Verdict.allCases.map(Self.verdict) + [.notApplicable] }
}
