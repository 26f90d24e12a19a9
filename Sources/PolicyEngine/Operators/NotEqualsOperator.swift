/// `not_equals`: Not equal to the operand.
/// Its fast check is `EqualsCheck` negated.
enum NotEqualsOperator: OperatorDefinition {
    static let summary = "Not equal to the operand (a missing value still fails: use `default:` to allow it)."

    static let examples: [OperatorExample] = [
        .init(#"{"protocol": "HTTPS"}"#, "protocol: { not_equals: HTTP }", .pass),
        .init(#"{"protocol": "HTTP"}"#, "protocol: { not_equals: HTTP }", .fail),
        .init(#"{}"#, "protocol: { not_equals: HTTP }", .fail),
        .init(#"{}"#, "protocol: { not_equals: HTTP, default: HTTPS }", .pass),
    ]

    /// The general evaluation (any operand, after resolution).
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        .from(!ConditionEvaluator.equal(actual, operand))
    }

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(let literal)) = check.argument, !literal.isUnknown else { return nil }
        return EqualsCheck(check, literal: literal, negated: true)
    }
}
