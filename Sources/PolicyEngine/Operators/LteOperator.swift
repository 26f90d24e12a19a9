/// `lte`: Less than or equal (numbers, or two dates).
/// Evaluated with the comparisons' family (`GtOperator.evaluate`).
enum LteOperator: OperatorDefinition {
    static let summary = "Less than or equal to the operand (two numbers, or two dates)."

    static let examples: [OperatorExample] = [
        .init(#"{"dns": {"ttl": 60}}"#, "dns.ttl: { lte: 60 }", .pass),
        .init(#"{"dns": {"ttl": 61}}"#, "dns.ttl: { lte: 60 }", .fail),
        .init(#"{}"#, "dns.ttl: { lte: 60 }", .fail),
    ]
}
