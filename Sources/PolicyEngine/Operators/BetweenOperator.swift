/// `between`: Within `[low, high]`, inclusive (numbers, or dates).
enum BetweenOperator: OperatorDefinition {
    static let summary = "Within [low, high], inclusive (numbers or dates)."

    static let examples: [OperatorExample] = [
        .init(#"{"backup": {"retention_days": 35}}"#, "backup.retention_days: { between: [7, 35] }", .pass),
        .init(#"{"backup": {"retention_days": 90}}"#, "backup.retention_days: { between: [7, 35] }", .fail),
        .init(#"{"backup": {"retention_days": 9}}"#, "backup.retention_days: { between: [7] }", .error),
    ]

    /// The evaluation: both bounds inclusive, ordered as the comparisons order.
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        guard case .array(let bounds) = operand, bounds.count == 2 else {
            return .error("between needs a list of two bounds [low, high]")
        }
        switch (ConditionEvaluator.order(actual, bounds[0]), ConditionEvaluator.order(actual, bounds[1])) {
        case (.success(let low), .success(let high)): return .from(low >= 0 && high <= 0)
        case (.failure(let reason), _), (_, .failure(let reason)): return .error("between: \(reason.reason)")
        }
    }
}
