/// `equals`: Equal to the operand (numbers numerically, strings exactly, arrays and objects structurally).
enum EqualsOperator: OperatorDefinition {
    static let summary = "Equal to the operand (numbers numerically, strings exactly, arrays and objects structurally)."

    static let examples: [OperatorExample] = [
        .init(#"{"tags": {"environment": "prod"}}"#, "tags.environment: { equals: prod }", .pass),
        .init(#"{"tags": {"environment": "dev"}}"#, "tags.environment: prod", .fail),
        .init(#"{"port": 443}"#, "port: { equals: 443.0 }", .pass),
        .init(#"{"tags": {}}"#, "tags.environment: { equals: prod }", .fail),
    ]

    /// The general evaluation (any operand, after resolution).
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        .from(ConditionEvaluator.equal(actual, operand))
    }

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(let literal)) = check.argument, !literal.isUnknown else { return nil }
        return EqualsCheck(check, literal: literal, negated: false)
    }
}

/// `equals` / `not_equals` a literal; strings and booleans compare without the general
/// structural equality.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class EqualsCheck: LiteralCheck, @unchecked Sendable {
    let literal: Value
    let negated: Bool

    init(_ check: Check, literal: Value, negated: Bool) {
        self.literal = literal
        self.negated = negated
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        Self.equal(actual.pointee, literal) != negated ? .pass : .fail
    }

    private static func equal(_ actual: Value, _ literal: Value) -> Bool {
        let equal: Bool
        switch (actual, literal) {
        case (.string(let found), .string(let wanted)): equal = found == wanted
        case (.bool(let found), .bool(let wanted)): equal = found == wanted
        default: equal = ConditionEvaluator.equal(actual, literal)
        }
        return equal
    }
}
