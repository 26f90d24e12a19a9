/// `intersects`: An array sharing at least one element with the list.
/// Evaluated with the list operators' family (`ContainsAllOperator.evaluate`).
enum IntersectsOperator: OperatorDefinition {
    static let summary = "An array sharing at least one element with the list."

    static let examples: [OperatorExample] = [
        .init(#"{"regions": ["us-east-1", "eu-west-1"]}"#, "regions: { intersects: [eu-west-1, eu-central-1] }", .pass),
        .init(#"{"regions": ["us-east-1"]}"#, "regions: { intersects: [eu-west-1, eu-central-1] }", .fail),
    ]
}
