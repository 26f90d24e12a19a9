// MARK: - Evidence for non-passing verdicts

extension ConditionEvaluator {
    /// Records the leaves responsible for `condition`'s verdict. Only called on nodes whose verdict
    /// is "bad" for their polarity (not pass when positive, not fail when negated), and recurses
    /// only into children that are bad themselves, so passing branches never add noise.
    func explain(_ condition: Condition, in scope: Scope, negated: Bool, prefix: String, into collector: inout EvidenceCollector) {
        guard !collector.isFull else { return }
        switch condition {
        case .all(let children), .any(let children):
            for child in children where Self.checksItself(child) || isBad(evaluate(child, in: scope), negated: negated) {
                explain(child, in: scope, negated: negated, prefix: prefix, into: &collector)
            }
        case .none(let children):
            for child in children where Self.checksItself(child) || isBad(evaluate(child, in: scope), negated: !negated) {
                explain(child, in: scope, negated: !negated, prefix: prefix, into: &collector)
            }
        case .not(let child):
            explain(child, in: scope, negated: !negated, prefix: prefix, into: &collector)
        case .field(let test):
            let found = scope.resolve(test.path)
            let actual = found ?? test.expectation.defaultValue
            let outcome = check(test.expectation, actual: actual, in: scope)
            guard isBad(outcome, negated: negated) else { return }
            let path = join(prefix, test.path)
            let expected = describe(test.expectation, negated: negated, in: scope)
            collector.add(Evidence(path: path, actual: found, expected: expected, status: outcome.status, note: outcome.reason))
        case .quantifier(let quantifier):
            explain(quantifier, in: scope, negated: negated, prefix: prefix, into: &collector)
        case .related(let related):
            let outcome = evaluate(related, in: scope)
            guard isBad(outcome, negated: negated) else { return }
            var values: [String] = []
            var summary: Value?
            if case .success(let found) = joinValues(related, in: scope) {
                values = found.map(\.displayText)
                let candidates = corpus.joined(related.indexKey, values: found)
                let satisfying = candidates.filter { position in
                    guard let requirement = related.requirement else { return true }
                    return evaluate(requirement, in: Scope(root: scope.root, current: corpus.document(at: position))).status == .pass
                }
                let ids = satisfying.prefix(3).map { corpus.resources[$0].id }.joined(separator: ", ")
                summary = .string("\(candidates.count) joined, \(satisfying.count) satisfying" + (ids.isEmpty ? "" : " (\(ids))"))
            }
            let joinText = zip(related.match, values).map { "\($0.path)=\($1)" }.joined(separator: ", ")
            let count = related.minimum == 1 && related.maximum == nil ? "at least one" : "min \(related.minimum)"
                + (related.maximum.map { ", max \($0)" } ?? "")
            let expected = (negated ? "no " : "") + "\(count) related \(related.type) with \(joinText.isEmpty ? "the join values" : joinText)"
                + (related.requirement == nil ? "" : " satisfying its requirement")
            collector.add(Evidence(path: prefix.isEmpty ? "related \(related.type)" : prefix, actual: summary, expected: expected,
                                   status: outcome.status, note: outcome.reason))
        }
    }

    private func explain(_ quantifier: Quantifier, in scope: Scope, negated: Bool, prefix: String, into collector: inout EvidenceCollector) {
        let outcome = evaluate(quantifier, in: scope)
        guard isBad(outcome, negated: negated) else { return }
        let arrayPath = join(prefix, quantifier.path)
        let items: [Value]
        switch elements(of: quantifier, in: scope) {
        case .success(let found): items = found
        case .failure(let failure):
            let found = scope.resolve(quantifier.path)
            collector.add(Evidence(path: arrayPath, actual: found, expected: "an array for \(quantifier.kind.rawValue)",
                                   status: failure.status, note: failure.reason ?? (found == nil ? "missing" : nil)))
            return
        }
        switch quantifier.kind {
        case .every where !negated, .some where negated:
            // The elements that break the rule.
            for (position, item) in items.enumerated() {
                let elementScope = Scope(root: scope.root, current: item)
                if let filter = quantifier.filter, evaluate(filter, in: elementScope).status == .fail { continue }
                guard let requirement = quantifier.requirement else { continue }
                if isBad(evaluate(requirement, in: elementScope), negated: negated) {
                    explain(requirement, in: elementScope, negated: negated, prefix: "\(arrayPath)[\(position)]", into: &collector)
                }
            }
        default:
            let described: String
            if quantifier.kind == .count {
                let comparison = quantifier.comparison.map { describe($0, negated: negated, in: scope) } ?? "more than 0"
                described = "count of matching elements: \(comparison)"
            } else {
                described = negated ? "no element satisfying the requirement" : "some element satisfying the requirement"
            }
            collector.add(Evidence(path: arrayPath, actual: .array(items), expected: described, status: outcome.status, note: outcome.reason))
        }
    }

    /// True for the conditions whose explanation evaluates them and stops when they are not bad
    /// (a field test, a quantifier, a related-resource test): evaluating them before explaining
    /// them would only repeat that (a failing message's evidence is rendered for every finding).
    private static func checksItself(_ condition: Condition) -> Bool {
        switch condition {
        case .field, .quantifier, .related: return true
        case .all, .any, .none, .not: return false
        }
    }

    private func isBad(_ outcome: Outcome, negated: Bool) -> Bool {
        negated ? outcome.status != .fail : outcome.status != .pass
    }

    private func join(_ prefix: String, _ path: FieldPath) -> String {
        if prefix.isEmpty || path.anchor == .root { return path.description }
        if path.isAnchorOnly { return prefix }
        let text = path.description
        return text.hasPrefix("[") ? prefix + text : prefix + "." + text
    }

    /// `version_gte 1.2, default TLS1_0` style rendering of an expectation, with parameters and
    /// references shown with the values they resolved to for this resource.
    func describe(_ expectation: Expectation, negated: Bool, in scope: Scope) -> String {
        if let fixed = expectation.fixedDescription { return negated ? "not (\(fixed))" : fixed }
        var parts: [String] = expectation.checks.map { item in
            switch item.argument {
            case .operand(let operand): return "\(item.op.rawValue) \(describe(operand, in: scope))"
            case .nested(let nested): return "\(item.op.rawValue) (\(describe(nested, negated: false, in: scope)))"
            case .window(let amount, let reference):
                return "\(item.op.rawValue) \(describe(amount, in: scope))" + (reference.map { " of \(describe($0, in: scope))" } ?? "")
            }
        }
        if let fallback = expectation.defaultValue { parts.append("default \(fallback.displayText)") }
        let text = parts.joined(separator: ", ")
        return negated ? "not (\(text))" : text
    }

    /// An operand as `value` or `value (param name[key=…])` / `value (ref path)`.
    func describe(_ operand: Operand, in scope: Scope) -> String {
        switch operand {
        case .literal(let value):
            return value.evidenceText
        case .table(let name, let key, _):
            let keyText = scope.resolve(key)?.displayText ?? "missing"
            switch resolve(operand, in: scope) {
            case .success(let value?): return "\(value.evidenceText) (\(name)[\(key)=\(keyText)])"
            default: return "\(name)[\(key)=\(keyText)]"
            }
        case .ref(let path):
            return "\(scope.resolve(path)?.evidenceText ?? "missing") (ref \(path))"
        case .lookup, .product:
            switch resolve(operand, in: scope) {
            case .success(let value?): return "\(value.evidenceText) (\(operand.displayText))"
            default: return operand.displayText
            }
        case .param:
            return operand.displayText
        }
    }
}

/// Text of expectations whose operands are all literals (computed once at compile time).
enum ExpectationText {
    static func describe(_ expectation: Expectation) -> String {
        var parts: [String] = expectation.checks.map { item in
            switch item.argument {
            case .operand(let operand): return "\(item.op.rawValue) \(operand.evidenceText)"
            case .nested(let nested): return "\(item.op.rawValue) (\(nested.fixedDescription ?? describe(nested)))"
            case .window(let amount, let reference):
                return "\(item.op.rawValue) \(amount.displayText)" + (reference.map { " of \($0.displayText)" } ?? "")
            }
        }
        if let fallback = expectation.defaultValue { parts.append("default \(fallback.displayText)") }
        return parts.joined(separator: ", ")
    }
}
