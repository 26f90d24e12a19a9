/// `within_months`: A date no more than N calendar months before the as-of date (or the `of:` date).
/// Its fast check is `DateWindowCheck`, beside `within_days`.
enum WithinMonthsOperator: OperatorDefinition {
    static let summary = "A date no more than N calendar months before the as-of date (or the `of:` date)."

    static let examples: [OperatorExample] = [
        .init(#"{"last_test": "2026-01-15"}"#, "last_test: { within_months: 6 }", .pass),
        .init(#"{"last_test": "2025-12-29"}"#, "last_test: { within_months: 6 }", .fail),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .window(.literal(let amount), nil) = check.argument else { return nil }
        return DateWindowCheck(check, amount: amount)
    }
}
