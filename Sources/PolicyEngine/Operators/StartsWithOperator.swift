/// `starts_with`: A string starting with the operand.
/// Evaluated with the string operators' family (`MatchesOperator.evaluate`).
enum StartsWithOperator: OperatorDefinition {
    static let summary = "A string starting with the operand."

    static let examples: [OperatorExample] = [
        .init(#"{"tls_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}"#, "tls_policy: { starts_with: ELBSecurityPolicy-TLS13 }", .pass),
        .init(#"{"tls_policy": "ELBSecurityPolicy-2016-08"}"#, "tls_policy: { starts_with: ELBSecurityPolicy-TLS13 }", .fail),
    ]
}
