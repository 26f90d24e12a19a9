/// `subset_of`: An array whose elements all appear in the list (a scalar counts as a one-element array).
/// Evaluated with the list operators' family (`ContainsAllOperator.evaluate`).
enum SubsetOfOperator: OperatorDefinition {
    static let summary = "An array whose elements all appear in the list (a scalar counts as a one-element array)."

    static let examples: [OperatorExample] = [
        .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { subset_of: [eu-west-1, eu-central-1] }", .pass),
        .init(#"{"replication": {"regions": ["eu-west-1", "us-east-1"]}}"#, "replication.regions: { subset_of: [eu-west-1, eu-central-1] }", .fail),
        .init(#"{"region": "eu-west-1"}"#, "region: { subset_of: [eu-west-1] }", .pass),
    ]
}
