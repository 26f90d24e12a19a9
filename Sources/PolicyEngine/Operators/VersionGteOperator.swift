/// `version_gte`: A version (`1.2`, `TLSv1.2`, `TLS1_2`) at or above the operand.
enum VersionGteOperator: OperatorDefinition {
    static let summary = "A version (1.2, TLSv1.2, TLS1_2) at or above the operand."

    static let examples: [OperatorExample] = [
        .init(#"{"encryption": {"in_transit": {"min_tls": "TLSv1.2"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .pass),
        .init(#"{"encryption": {"in_transit": {"min_tls": "TLS1_0"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .fail),
        .init(#"{"encryption": {"in_transit": {"min_tls": "modern"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .error),
    ]

    /// The evaluation of `version_gte` and `version_lt`: both sides parsed as versions.
    static func evaluate(_ op: Operator, actual: Value, operand: Value) -> Outcome {
        guard let found = VersionNumber(value: actual) else {
            return .error("\(op.rawValue): '\(actual.displayText)' is not a version")
        }
        guard let wanted = VersionNumber(value: operand) else {
            return .error("\(op.rawValue): operand '\(operand.displayText)' is not a version")
        }
        return .from(op == .versionGte ? found >= wanted : found < wanted)
    }

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(let literal)) = check.argument else { return nil }
        return VersionCheck(check, literal: literal)
    }
}

/// `version_gte` / `version_lt` a literal version, parsed once.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class VersionCheck: LiteralCheck, @unchecked Sendable {
    let wanted: VersionNumber

    /// Nil when the literal is no version (the general path reports that error).
    init?(_ check: Check, literal: Value) {
        guard let wanted = VersionNumber(value: literal) else { return nil }
        self.wanted = wanted
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        guard let found = VersionNumber(value: actual.pointee) else { return .error }
        return (check.op == .versionGte ? found >= wanted : found < wanted) ? .pass : .fail
    }
}
