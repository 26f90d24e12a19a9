/// `contains_all`: An array containing every listed element, or an object having every listed key (required tags:
/// `tags: { contains_all: [owner, environment] }`).
enum ContainsAllOperator: OperatorDefinition {
    static let summary = "An array containing every listed element, or an object having every listed key."

    static let examples: [OperatorExample] = [
        .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { contains_all: [eu-west-1, eu-central-1] }", .pass),
        .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { contains_all: [eu-west-1, eu-central-1] }", .fail),
        .init(#"{"tags": {"owner": "team-a", "environment": "prod"}}"#, "tags: { contains_all: [owner, environment] }", .pass),
        .init(#"{"tags": {"owner": "team-a"}}"#, "tags: { contains_all: [owner, environment] }", .fail),
    ]

    /// The evaluation of the list operators `contains_all`, `subset_of` and `intersects` (one
    /// family: the same operand checks and the same view of a scalar or an object's keys).
    static func evaluate(_ op: Operator, actual: Value, operand: Value) -> Outcome {
        guard case .array(let listed) = operand else { return .error("\(op.rawValue) needs a list, found a \(operand.kindName)") }
        let items: [Value]
        switch actual {
        case .array(let values): items = values
        case .object(let fields) where op == .containsAll:
            // Keys of an object, as `contains` tests one key: required tags in one check.
            return .from(listed.allSatisfy { wanted in wanted.keyText.map { fields[$0] != nil } ?? false })
        case .object: return .error("\(op.rawValue) needs an array, found an object")
        default:
            if op == .subsetOf { items = [actual] } else { return .error("\(op.rawValue) needs an array, found a \(actual.kindName)") }
        }
        switch op {
        case .containsAll: return .from(listed.allSatisfy { wanted in items.contains { ConditionEvaluator.equal($0, wanted) } })
        case .subsetOf: return .from(items.allSatisfy { item in listed.contains { ConditionEvaluator.equal(item, $0) } })
        default: return .from(items.contains { item in listed.contains { ConditionEvaluator.equal(item, $0) } })
        }
    }
}
