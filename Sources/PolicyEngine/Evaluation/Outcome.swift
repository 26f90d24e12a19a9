/// The result of evaluating a condition on one document: Kleene logic extended with *error*
/// (the policy could not be evaluated, e.g. a type mismatch) and *unknown* (an input says the
/// value is not known yet).
///
/// Combination rules: in a conjunction a definite `fail` wins, then `error`, then `unknown`; in a
/// disjunction a definite `pass` wins, then `error`, then `unknown`; negation swaps pass and fail
/// and keeps the other two.
public struct Outcome: Sendable, Equatable, Error {
    /// The four values of the condition logic. A finding's `Verdict` is this plus `waived`
    /// (waivers apply after evaluation); `Verdict(_:)` converts, and the raw values are shared.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pass, fail, error, unknown
    }

    /// The verdict.
    public var status: Status
    /// For `error` and `unknown`: why (the first reason met).
    public var reason: String?

    /// Creates an outcome.
    @inlinable public init(_ status: Status, _ reason: String? = nil) {
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

    /// Negation: pass ↔ fail; error and unknown stay.
    public var negated: Outcome {
        switch status {
        case .pass: return .fail
        case .fail: return .pass
        case .error, .unknown: return self
        }
    }

    /// Precedence inside a conjunction (higher wins).
    var conjunctionRank: Int {
        switch status {
        case .pass: return 0
        case .unknown: return 1
        case .error: return 2
        case .fail: return 3
        }
    }

    /// Precedence inside a disjunction (higher wins).
    var disjunctionRank: Int {
        switch status {
        case .fail: return 0
        case .unknown: return 1
        case .error: return 2
        case .pass: return 3
        }
    }
}
