/// `contains`: A string containing the substring, an array containing the element, or an object having the key.
enum ContainsOperator: OperatorDefinition {
    static let summary = "A string containing the substring, an array containing the element, or an object having the key."

    static let examples: [OperatorExample] = [
        .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { contains: eu-central-1 }", .pass),
        .init(#"{"name": "payments-prod-db"}"#, "name: { contains: prod }", .pass),
        .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { contains: eu-central-1 }", .fail),
        .init(#"{"tags": {"owner": "team-a"}}"#, "tags: { contains: owner }", .pass),
        .init(#"{"port": 443}"#, "port: { contains: 4 }", .error),
    ]

    /// The evaluation of `contains` (and, for `not_contains`, its negation): a substring of a
    /// string, an element of an array, a key of an object.
    static func evaluate(_ op: Operator, actual: Value, operand: Value) -> Outcome {
        let found: Bool
        switch (actual, operand) {
        case (.string(let text), .string(let part)): found = text.contains(part)
        case (.array(let items), _): found = items.contains { ConditionEvaluator.equal($0, operand) }
        case (.object(let fields), .string(let key)): found = fields[key] != nil
        default: return .error("\(op.rawValue) needs a string, array or object, found a \(actual.kindName)")
        }
        return .from(op == .contains ? found : !found)
    }
}
