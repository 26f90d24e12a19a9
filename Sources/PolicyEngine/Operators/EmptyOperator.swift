/// `empty`: `true`: missing, null, `""`, `[]` or `{}`; `false`: present and non-empty.
enum EmptyOperator: OperatorDefinition {
    static let summary = "`true`: missing, null, \"\", [] or {}; `false`: present and non-empty."

    static let examples: [OperatorExample] = [
        .init(#"{"replication": {"regions": []}}"#, "replication.regions: { empty: true }", .pass),
        .init(#"{}"#, "replication.regions: { empty: true }", .pass),
        .init(#"{"tags": {"owner": ""}}"#, "tags.owner: { empty: false }", .fail),
        .init(#"{"tags": {"owner": "team-a"}}"#, "tags.owner: { empty: false }", .pass),
    ]

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(.bool(let wanted))) = check.argument else { return nil }
        return EmptyCheck(check, wanted: wanted)
    }
}

/// `empty: true|false`: missing, null, "", [] and {} are empty.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class EmptyCheck: LiteralCheck, @unchecked Sendable {
    let wanted: Bool

    init(_ check: Check, wanted: Bool) {
        self.wanted = wanted
        super.init(check, whenMissing: wanted ? .pass : .fail)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        Self.isEmpty(actual.pointee) == wanted ? .pass : .fail
    }

    private static func isEmpty(_ actual: Value) -> Bool {
        let empty: Bool
        switch actual {
        case .null: empty = true
        case .string(let text): empty = text.isEmpty
        case .array(let items): empty = items.isEmpty
        case .object(let fields): empty = fields.isEmpty
        default: empty = false
        }
        return empty
    }
}
