/// `length`: The length of a string, array or object satisfies the nested expectation.
enum LengthOperator: OperatorDefinition {
    static let summary = "The length of a string, array or object satisfies the nested expectation."

    static let examples: [OperatorExample] = [
        .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { length: { gte: 2 } }", .pass),
        .init(#"{"replication": {"regions": []}}"#, "replication.regions: { length: { gte: 1 } }", .fail),
    ]
}
