/// `older_than_days`: A date more than N days before the as-of date (or before the `of:` date).
/// Its fast check is `DateWindowCheck`, beside `within_days`.
enum OlderThanDaysOperator: OperatorDefinition {
    static let summary = "A date more than N days before the as-of date (or before the `of:` date)."

    static let examples: [OperatorExample] = [
        .init(#"{"last_rotated": "2025-01-10"}"#, "last_rotated: { older_than_days: 365 }", .pass),
        .init(#"{"last_rotated": "2026-06-01"}"#, "last_rotated: { older_than_days: 365 }", .fail),
        .init(#"{"last_rotated": "soon"}"#, "last_rotated: { older_than_days: 365 }", .error),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .window(.literal(let amount), nil) = check.argument else { return nil }
        return DateWindowCheck(check, amount: amount)
    }
}
