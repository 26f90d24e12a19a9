/// `not_in`: None of the listed values.
/// Evaluated as `in` negated (`InOperator.evaluate`, `InCheck`).
enum NotInOperator: OperatorDefinition {
    static let summary = "None of the listed values."

    static let examples: [OperatorExample] = [
        .init(#"{"tags": {"environment": "prod"}}"#, "tags.environment: { not_in: [sandbox, scratch] }", .pass),
        .init(#"{"tags": {"environment": "sandbox"}}"#, "tags.environment: { not_in: [sandbox, scratch] }", .fail),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(.array(let options))) = check.argument else { return nil }
        return InCheck(check, options: options, negated: true)
    }
}
