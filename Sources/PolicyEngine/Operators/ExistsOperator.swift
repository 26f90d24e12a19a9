/// `exists`: `true`: the path has a non-null value; `false`: it is missing or null.
enum ExistsOperator: OperatorDefinition {
    static let summary = "`true`: the path has a non-null value; `false`: it is missing or null."

    static let examples: [OperatorExample] = [
        .init(#"{"tags": {"owner": "team-a"}}"#, "tags.owner: { exists: true }", .pass),
        .init(#"{"tags": {}}"#, "tags.owner: { exists: true }", .fail),
        .init(#"{"public_ip": null}"#, "public_ip: { exists: false }", .pass),
        .init(#"{"public_ip": "1.2.3.4"}"#, "public_ip: { exists: false }", .fail),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(.bool(let wanted))) = check.argument else { return nil }
        return ExistsCheck(check, wanted: wanted)
    }
}

/// `exists: true|false`: present (unknown counts as present) or not.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class ExistsCheck: PlanCheck, @unchecked Sendable {
    let wanted: Bool

    init(_ check: Check, wanted: Bool) {
        self.wanted = wanted
        super.init(check)
    }

    override func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Verdict {
        (actual != nil) == wanted ? .pass : .fail
    }
}
