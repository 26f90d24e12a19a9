/// `in`: One of the listed values.
enum InOperator: OperatorDefinition {
    static let summary = "One of the listed values."

    static let examples: [OperatorExample] = [
        .init(#"{"region": "eu-west-1"}"#, "region: { in: [eu-west-1, eu-central-1] }", .pass),
        .init(#"{"region": "us-east-1"}"#, "region: { in: [eu-west-1, eu-central-1] }", .fail),
        .init(#"{"region": "eu-west-1"}"#, "region: { in: eu-west-1 }", .error),
    ]

    /// The general evaluation of `in` (or, `negated`, of `not_in`): the operand must be a list,
    /// the value one scalar.
    static func evaluate(actual: Value, operand: Value, negated: Bool) -> Outcome {
        let name = negated ? Operator.notIn.rawValue : Operator.in.rawValue
        guard case .array(let options) = operand else { return .error("\(name) needs a list, found a \(operand.kindName)") }
        if case .array = actual { return .error("\(name) compares one value; for arrays use subset_of or intersects") }
        let found = options.contains { ConditionEvaluator.equal(actual, $0) }
        return .from(found != negated)
    }

    static func planCheck(for check: Check) -> PlanCheck? {
        guard case .operand(.literal(.array(let options))) = check.argument else { return nil }
        return InCheck(check, options: options, negated: false)
    }
}

/// `in` / `not_in` a literal list; a list of strings is searched as strings.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class InCheck: LiteralCheck, @unchecked Sendable {
    let options: [Value]
    /// The options when every one is a string.
    let strings: [String]?
    let negated: Bool

    init(_ check: Check, options: [Value], negated: Bool) {
        self.options = options
        let strings = options.compactMap(\.stringValue)
        self.strings = strings.count == options.count ? strings : nil
        self.negated = negated
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        guard let found = Self.contains(actual.pointee, options: options, strings: strings) else { return .error }
        return found != negated ? .pass : .fail
    }

    /// Nil for an array (`in` compares one value).
    private static func contains(_ actual: Value, options: [Value], strings: [String]?) -> Bool? {
        let found: Bool
        switch actual {
        case .array: return nil
        case .string(let text) where strings != nil: found = strings?.contains(text) ?? false
        default:
            // A non-string never equals a string option; other lists use the general equality.
            found = strings == nil && options.contains { ConditionEvaluator.equal(actual, $0) }
        }
        return found
    }
}
