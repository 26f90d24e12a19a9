/// The verdict of one policy on one resource, and of a condition on one document: what the
/// evaluator's logic computes (`Outcome.status`), what a finding reports (`Finding.status`), what
/// the counts and the reports tally, and (with "not applicable", `PolicyTestVerdict`) what a policy
/// test expects. The one verdict type; its raw values are the words of the JSON results, JUnit,
/// the history database and `*.test.yaml`.
///
/// The condition logic produces pass, fail, error and unknown; `waived` is given to a finding
/// afterwards, when a waiver covers its failure. Were a waived verdict combined by the logic, it
/// would count as the fail it is.
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
}

/// The condition logic on verdicts (Kleene logic extended with error and unknown; see `Outcome`),
/// shared by the evaluator and the evaluation plan.
extension Verdict {
    /// Precedence inside a conjunction (higher wins; fail ends it).
    @inline(__always) var conjunctionRank: Int {
        switch self {
        case .pass: return 0
        case .unknown: return 1
        case .error: return 2
        case .fail, .waived: return 3
        }
    }

    /// Precedence inside a disjunction (higher wins; pass ends it).
    @inline(__always) var disjunctionRank: Int {
        switch self {
        case .fail, .waived: return 0
        case .unknown: return 1
        case .error: return 2
        case .pass: return 3
        }
    }

    /// Pass ↔ fail; error and unknown stay.
    @inline(__always) var negated: Verdict {
        switch self {
        case .pass: return .fail
        case .fail, .waived: return .pass
        case .error, .unknown: return self
        }
    }
}

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
