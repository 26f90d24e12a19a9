/// `gte`: Greater than or equal (numbers, or two dates).
/// Evaluated with the comparisons' family (`GtOperator.evaluate`).
enum GteOperator: OperatorDefinition {
    static let summary = "Greater than or equal to the operand (two numbers, or two dates)."

    static let examples: [OperatorExample] = [
        .init(#"{"backup": {"retention_days": 30}}"#, "backup.retention_days: { gte: 30 }", .pass),
        .init(#"{"backup": {"retention_days": 7}}"#, "backup.retention_days: { gte: 30 }", .fail),
    ]
}
