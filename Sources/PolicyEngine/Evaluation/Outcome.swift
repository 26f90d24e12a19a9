/// The result of evaluating a condition on one document: Kleene logic extended with *error*
/// (the policy could not be evaluated, e.g. a type mismatch) and *unknown* (an input says the
/// value is not known yet).
///
/// Combination rules: in a conjunction a definite `fail` wins, then `error`, then `unknown`; in a
/// disjunction a definite `pass` wins, then `error`, then `unknown`; negation swaps pass and fail
/// and keeps the other two.
public struct Outcome: Sendable, Equatable, Error {
    /// The verdict: pass, fail, error or unknown (`waived` comes later, to findings).
    public var status: Verdict
    /// For `error` and `unknown`: why (the first reason met).
    public var reason: String?

    /// Creates an outcome.
    @inlinable public init(_ status: Verdict, _ reason: String? = nil) {
        self.status = status
        self.reason = reason
    }

    /// A pass.
    public static let pass = Outcome(.pass)
    /// A fail.
    public static let fail = Outcome(.fail)

    /// An evaluation error with its reason.
    public static func error(_ reason: String) -> Outcome { Outcome(.error, reason) }

    /// An unknown verdict with its reason.
    public static func unknown(_ reason: String) -> Outcome { Outcome(.unknown, reason) }

    /// Pass or fail from a boolean.
    @inlinable public static func from(_ holds: Bool) -> Outcome { holds ? .pass : .fail }

    /// Negation: pass ↔ fail; error and unknown stay, with their reason.
    public var negated: Outcome {
        switch status {
        case .error, .unknown: return self
        case .pass, .fail, .waived: return Outcome(status.negated)
        }
    }

    /// Precedence inside a conjunction (higher wins).
    var conjunctionRank: Int { status.conjunctionRank }

    /// Precedence inside a disjunction (higher wins).
    var disjunctionRank: Int { status.disjunctionRank }
}
