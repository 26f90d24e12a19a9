/// `version_lt`: A version strictly below the operand.
/// Its fast check is `VersionCheck`, beside `version_gte`.
/// Evaluated beside `version_gte` (`VersionGteOperator.evaluate`).
enum VersionLtOperator: OperatorDefinition {
    static let summary = "A version strictly below the operand."

    static let examples: [OperatorExample] = [
        .init(#"{"engine_version": "13.4"}"#, #"engine_version: { version_lt: "14" }"#, .pass),
        .init(#"{"engine_version": "15.2"}"#, #"engine_version: { version_lt: "14" }"#, .fail),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(let literal)) = check.argument else { return nil }
        return VersionCheck(check, literal: literal)
    }
}
