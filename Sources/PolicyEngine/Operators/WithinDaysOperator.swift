/// `within_days`: A date no more than N days before the as-of date (or the `of:` date); later dates pass.
enum WithinDaysOperator: OperatorDefinition {
    static let summary = "A date no more than N days before the as-of date (or the `of:` date); later dates pass."

    static let examples: [OperatorExample] = [
        .init(#"{"last_reviewed_at": "2026-05-15"}"#, "last_reviewed_at: { within_days: 90 }", .pass),
        .init(#"{"last_reviewed_at": "2025-12-01T09:30:00Z"}"#, "last_reviewed_at: { within_days: 90 }", .fail),
        .init(#"{"tested": "2026-08-20", "audit": "2026-09-01"}"#, "tested: { within_days: { days: 30, of: { ref: audit } } }", .pass),
        .init(#"{"tested": "2026-03-01", "audit": "2026-09-01"}"#, "tested: { within_days: { days: 30, of: { ref: audit } } }", .fail),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .window(.literal(let amount), nil) = check.argument else { return nil }
        return DateWindowCheck(check, amount: amount)
    }
}

/// `within_days` / `older_than_days` / `within_months` a literal amount of the as-of date.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class DateWindowCheck: LiteralCheck, @unchecked Sendable {
    /// The amount, rounded down.
    let whole: Int

    /// Nil when the amount is not a number within the window limit (the general path reports that error).
    init?(_ check: Check, amount: Value) {
        guard let count = amount.doubleValue, let whole = CivilDate.windowAmount(count) else { return nil }
        self.whole = whole
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        guard let date = CivilDate(value: actual.pointee) else { return .error }
        let anchor = evaluator.context.asOf
        let holds: Bool
        switch check.op {
        case .olderThanDays: holds = anchor.days(since: date) > whole
        case .withinDays: holds = anchor.days(since: date) <= whole
        default: holds = date >= anchor.adding(months: -whole)
        }
        return holds ? .pass : .fail
    }
}
