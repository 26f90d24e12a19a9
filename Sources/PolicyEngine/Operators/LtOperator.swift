/// `lt`: Less than (numbers, or two dates).
/// Evaluated with the comparisons' family (`GtOperator.evaluate`).
enum LtOperator: OperatorDefinition {
    static let summary = "Less than the operand (two numbers, or two dates)."

    static let examples: [OperatorExample] = [
        .init(#"{"dns": {"ttl": 30}}"#, "dns.ttl: { lt: 60 }", .pass),
        .init(#"{"dns": {"ttl": 300}}"#, "dns.ttl: { lt: 60 }", .fail),
    ]
}
