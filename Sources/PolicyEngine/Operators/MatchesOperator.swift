/// `matches`: A string in which the regular expression finds a match (anchor with `^…$` for a full match).
enum MatchesOperator: OperatorDefinition {
    static let summary = "A string in which the regular expression finds a match (anchor with ^…$ for a full match)."

    static let examples: [OperatorExample] = [
        .init(#"{"tags": {"cost-center": "CC-1049"}}"#, #"tags["cost-center"]: { matches: "^CC-[0-9]{4}$" }"#, .pass),
        .init(#"{"tags": {"cost-center": "1049"}}"#, #"tags["cost-center"]: { matches: "^CC-[0-9]{4}$" }"#, .fail),
        .init(#"{"port": 443}"#, #"port: { matches: "^4" }"#, .error),
    ]

    /// The evaluation of the string operators `matches`, `glob`, `starts_with` and `ends_with`
    /// (one family: a string value, a string operand); `pattern` is the one compiled with the
    /// policy, when the operand was a literal.
    static func evaluate(_ op: Operator, actual: Value, operand: Value, pattern: Pattern?, budget: RegexBudget) -> Outcome {
        guard case .string(let text) = actual else { return .error("\(op.rawValue) needs a string, found a \(actual.kindName)") }
        guard case .string(let operandText) = operand else {
            return .error("\(op.rawValue) needs a string operand, found a \(operand.kindName)")
        }
        switch op {
        case .startsWith: return .from(text.hasPrefix(operandText))
        case .endsWith: return .from(text.hasSuffix(operandText))
        case .glob: return ConditionEvaluator.outcome(of: (pattern ?? .glob(Glob(operandText))).match(text, budget: budget))
        default:
            if let pattern { return ConditionEvaluator.outcome(of: pattern.match(text, budget: budget)) }
            switch Pattern.regex(operandText) {
            case .success(let compiled): return ConditionEvaluator.outcome(of: compiled.match(text, budget: budget))
            case .failure(let error): return .error("\(error.reason): \(operandText)")
            }
        }
    }
}
