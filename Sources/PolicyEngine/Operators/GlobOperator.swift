/// `glob`: A string fully matching a shell glob (`*`, `?`, `[abc]`).
/// Evaluated with the string operators' family (`MatchesOperator.evaluate`).
enum GlobOperator: OperatorDefinition {
    static let summary = "A string fully matching a shell glob (*, ?, [abc])."

    static let examples: [OperatorExample] = [
        .init(#"{"id": "arn:aws:s3:::legacy-logs"}"#, #"id: { glob: "arn:aws:s3:::legacy-*" }"#, .pass),
        .init(#"{"id": "arn:aws:s3:::payments"}"#, #"id: { glob: "arn:aws:s3:::legacy-*" }"#, .fail),
    ]
}
