/// What a policy reads of a document, for readers that can keep less of what they do not need
/// (the native record under `attributes` is most of a resource read from AWS Config or a
/// Terraform plan, and no library policy reads it).
extension Policy {
    /// True when some path of the policy has a step named `key`, at any depth and under any
    /// anchor: in the scope filter, the requirement, operands (`ref`, keyed parameters,
    /// lookups), joins, quantifiers and the message templates. Conservative by design: a
    /// quantifier's element path or a join's path on another resource counts too.
    public func hasPathStep(named key: String) -> Bool {
        var found = false
        let visit: (FieldPath) -> Void = { path in
            if !found, path.components.contains(.key(key)) { found = true }
        }
        if let filter = scope.filter { filter.forEachPath(visit) }
        requirement.forEachPath(visit)
        message?.forEachPath(visit)
        unknownMessage?.forEachPath(visit)
        return found
    }
}

extension Condition {
    /// Calls `body` with every field path of the condition, nested conditions included.
    func forEachPath(_ body: (FieldPath) -> Void) {
        switch self {
        case .all(let children), .any(let children), .none(let children):
            for child in children { child.forEachPath(body) }
        case .not(let child):
            child.forEachPath(body)
        case .field(let test):
            body(test.path)
            test.expectation.forEachPath(body)
        case .quantifier(let quantifier):
            body(quantifier.path)
            quantifier.filter?.forEachPath(body)
            quantifier.requirement?.forEachPath(body)
            quantifier.comparison?.forEachPath(body)
        case .related(let related):
            for (path, operand) in related.match {
                body(path)
                operand.forEachPath(body)
            }
            related.requirement?.forEachPath(body)
        }
    }
}

extension Expectation {
    /// Calls `body` with every field path of the checks' arguments.
    func forEachPath(_ body: (FieldPath) -> Void) {
        for check in checks {
            switch check.argument {
            case .operand(let operand): operand.forEachPath(body)
            case .nested(let nested): nested.forEachPath(body)
            case .window(let amount, let reference):
                amount.forEachPath(body)
                reference?.forEachPath(body)
            }
        }
    }
}

extension Operand {
    /// Calls `body` with every field path of the operand.
    func forEachPath(_ body: (FieldPath) -> Void) {
        switch self {
        case .literal: break
        case .param(_, let key, _): if let key { body(key) }
        case .table(_, let key, _): body(key)
        case .ref(let path): body(path)
        case .lookup(let lookup):
            for (path, operand) in lookup.match {
                body(path)
                operand.forEachPath(body)
            }
            body(lookup.path)
        case .product(let base, let factor):
            base.forEachPath(body)
            factor.forEachPath(body)
        }
    }
}

extension MessageTemplate {
    /// Calls `body` with the path of every placeholder and of every path-taking filter.
    func forEachPath(_ body: (FieldPath) -> Void) {
        for part in parts {
            guard case .placeholder(let path, let filters) = part else { continue }
            body(path)
            for filter in filters { if let argument = filter.path { body(argument) } }
        }
    }
}
