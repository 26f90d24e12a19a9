/// `not_contains`: The opposite of `contains`.
/// Evaluated as `contains` negated (`ContainsOperator.evaluate`).
enum NotContainsOperator: OperatorDefinition {
    static let summary = "A string not containing the substring, or an array not containing the element."

    static let examples: [OperatorExample] = [
        .init(#"{"actions": ["s3:GetObject"]}"#, "actions: { not_contains: \"*\" }", .pass),
        .init(#"{"actions": ["*"]}"#, "actions: { not_contains: \"*\" }", .fail),
    ]
}
