/// `gt`: Greater than (numbers, or two dates).
enum GtOperator: OperatorDefinition {
    static let summary = "Greater than the operand (two numbers, or two dates)."

    static let examples: [OperatorExample] = [
        .init(#"{"backup": {"retention_days": 35}}"#, "backup.retention_days: { gt: 30 }", .pass),
        .init(#"{"backup": {"retention_days": 30}}"#, "backup.retention_days: { gt: 30 }", .fail),
        .init(#"{"backup": {"retention_days": "35"}}"#, "backup.retention_days: { gt: 30 }", .error),
        .init(#"{"tested": "2026-06-01", "changed": "2026-05-01"}"#, "tested: { gt: { ref: changed } }", .pass),
    ]

    /// The evaluation of the comparisons `gt`, `gte`, `lt` and `lte` (one family: two numbers,
    /// or two dates, ordered by `ConditionEvaluator.order`).
    static func evaluate(_ op: Operator, actual: Value, operand: Value) -> Outcome {
        switch ConditionEvaluator.order(actual, operand) {
        case .success(let sign):
            switch op {
            case .gt: return .from(sign > 0)
            case .gte: return .from(sign >= 0)
            case .lt: return .from(sign < 0)
            default: return .from(sign <= 0)
            }
        case .failure(let reason):
            return .error("\(op.rawValue): \(reason.reason)")
        }
    }
}
