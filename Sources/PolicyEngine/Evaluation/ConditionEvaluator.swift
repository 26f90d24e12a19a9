/// What the engine needs besides the documents: the as-of date, the region catalog and the regex budget.
public struct EvaluationContext: Sendable {
    /// The evaluation date; every date rule is relative to it. Never read from the clock here.
    public var asOf: CivilDate
    /// Region facts for `jurisdiction_in`.
    public var regions: RegionCatalog
    /// The work the run may spend on regular expressions (shared by every thread of the run).
    public var regexBudget: RegexBudget

    /// Creates a context.
    public init(asOf: CivilDate, regions: RegionCatalog = RegionCatalog(), regexBudget: RegexBudget = RegexBudget()) {
        self.asOf = asOf
        self.regions = regions
        self.regexBudget = regexBudget
    }
}

/// One piece of evidence for a non-passing verdict: which field, what value, what was expected.
public struct Evidence: Sendable, Hashable {
    /// The field path, with element indexes inside quantifiers (`replication.regions[1]`).
    public var path: String
    /// The value found (nil when missing).
    public var actual: Value?
    /// The expectation, e.g. `version_gte 1.2`.
    public var expected: String
    /// The verdict of this leaf.
    public var status: Verdict
    /// Why, for errors and unknowns.
    public var note: String?

    /// Creates evidence.
    public init(path: String, actual: Value?, expected: String, status: Verdict, note: String? = nil) {
        self.path = path
        self.actual = actual
        self.expected = expected
        self.status = status
        self.note = note
    }
}

/// Evaluates compiled conditions against documents. Synchronous and pure: safe to call from many
/// threads at once.
public struct ConditionEvaluator: Sendable {
    /// The run's documents and join indexes.
    public let corpus: ResourceCorpus
    /// The as-of date and region catalog.
    public let context: EvaluationContext

    /// Creates an evaluator.
    public init(corpus: ResourceCorpus, context: EvaluationContext) {
        self.corpus = corpus
        self.context = context
    }

    /// The documents a path can start from.
    struct Scope {
        /// `$`: the resource being evaluated.
        var root: Value
        /// The current element / related resource / resource.
        var current: Value

        func resolve(_ path: FieldPath) -> Value? {
            path.resolve(from: path.anchor == .root ? root : current)
        }
    }

    /// Evaluates `condition` on a resource document.
    public func evaluate(_ condition: Condition, on document: Value) -> Outcome {
        evaluate(condition, in: Scope(root: document, current: document))
    }

    /// The evidence behind a non-passing verdict of `condition` on `document` (at most `limit` items).
    public func explain(_ condition: Condition, on document: Value, limit: Int = 20) -> [Evidence] {
        var collector = EvidenceCollector(limit: limit)
        explain(condition, in: Scope(root: document, current: document), negated: false, prefix: "", into: &collector)
        return collector.items
    }

    // MARK: - Evaluation

    func evaluate(_ condition: Condition, in scope: Scope) -> Outcome {
        switch condition {
        case .all(let children):
            var worst = Outcome.pass
            for child in children {
                let outcome = evaluate(child, in: scope)
                if outcome.status == .fail { return outcome }
                if outcome.conjunctionRank > worst.conjunctionRank { worst = outcome }
            }
            return worst
        case .any(let children):
            var best = Outcome.fail
            for child in children {
                let outcome = evaluate(child, in: scope)
                if outcome.status == .pass { return outcome }
                if outcome.disjunctionRank > best.disjunctionRank { best = outcome }
            }
            return best
        case .none(let children):
            return evaluate(.any(children), in: scope).negated
        case .not(let child):
            return evaluate(child, in: scope).negated
        case .field(let test):
            return evaluate(test, in: scope)
        case .quantifier(let quantifier):
            return evaluate(quantifier, in: scope)
        case .related(let related):
            return evaluate(related, in: scope)
        }
    }

    func evaluate(_ test: FieldTest, in scope: Scope) -> Outcome {
        let actual = scope.resolve(test.path) ?? test.expectation.defaultValue
        let outcome = check(test.expectation, actual: actual, in: scope)
        // Name the field: the reader may not know it yet (a plan), or it may rest on a resource the
        // inputs do not include (a joined destination).
        if outcome.status == .unknown, actual?.isUnknown == true {
            return .unknown("\(test.path) is not known yet (known after apply, or it rests on a resource the inputs do not include)")
        }
        return outcome
    }

    func check(_ expectation: Expectation, actual: Value?, in scope: Scope) -> Outcome {
        expectation.checks.withElementView { checks in
            var worst = Outcome.pass
            for index in checks.indices {
                let outcome = apply(checks[index], to: actual, in: scope)
                if outcome.status == .fail { return outcome }
                if outcome.conjunctionRank > worst.conjunctionRank { worst = outcome }
            }
            return worst
        }
    }

    func elements(of quantifier: Quantifier, in scope: Scope) -> Result<[Value], Outcome> {
        switch scope.resolve(quantifier.path) ?? quantifier.defaultValue {
        case .array(let items)?: return .success(items)
        case .unknown?: return .failure(.unknown("\(quantifier.path) is not known yet"))
        case nil: return .failure(.fail)
        case let other?:
            return .failure(.error("\(quantifier.kind.rawValue) needs an array at \(quantifier.path), found a \(other.kindName)"))
        }
    }

    func evaluate(_ quantifier: Quantifier, in scope: Scope) -> Outcome {
        let items: [Value]
        switch elements(of: quantifier, in: scope) {
        case .success(let found): items = found
        case .failure(let outcome): return outcome
        }
        switch quantifier.kind {
        case .every:
            var worst = Outcome.pass
            for item in items {
                let elementScope = Scope(root: scope.root, current: item)
                if let filter = quantifier.filter {
                    let selected = evaluate(filter, in: elementScope)
                    if selected.status == .fail { continue }
                    if selected.status != .pass {
                        if selected.conjunctionRank > worst.conjunctionRank { worst = selected }
                        continue
                    }
                }
                guard let requirement = quantifier.requirement else { continue }
                let outcome = evaluate(requirement, in: elementScope)
                if outcome.status == .fail { return outcome }
                if outcome.conjunctionRank > worst.conjunctionRank { worst = outcome }
            }
            return worst
        case .some:
            var best = Outcome.fail
            for item in items {
                let elementScope = Scope(root: scope.root, current: item)
                var outcome = Outcome.pass
                if let filter = quantifier.filter { outcome = evaluate(filter, in: elementScope) }
                if outcome.status == .pass, let requirement = quantifier.requirement {
                    outcome = evaluate(requirement, in: elementScope)
                }
                if outcome.status == .pass { return outcome }
                if outcome.disjunctionRank > best.disjunctionRank { best = outcome }
            }
            return best
        case .count:
            var matched = 0
            var undecided: Outcome?
            for item in items {
                guard let filter = quantifier.filter else {
                    matched += 1
                    continue
                }
                let outcome = evaluate(filter, in: Scope(root: scope.root, current: item))
                switch outcome.status {
                case .pass: matched += 1
                case .fail, .waived: break
                case .error, .unknown: if undecided == nil || outcome.status == .error { undecided = outcome }
                }
            }
            if let undecided { return undecided }
            guard let comparison = quantifier.comparison else { return .from(matched > 0) }
            return check(comparison, actual: .number(Double(matched)), in: scope)
        }
    }

    func joinValues(_ related: RelatedTest, in scope: Scope) -> Result<[Value], Outcome> {
        var values: [Value] = []
        values.reserveCapacity(related.match.count)
        for (path, operand) in related.match {
            switch resolve(operand, in: scope) {
            case .success(let value?):
                if value.isUnknown { return .failure(.unknown("join value for \(path) is not known yet")) }
                values.append(value)
            case .success(nil):
                return .failure(.fail)
            case .failure(let outcome):
                return .failure(outcome)
            }
        }
        return .success(values)
    }

    func evaluate(_ related: RelatedTest, in scope: Scope) -> Outcome {
        let values: [Value]
        switch joinValues(related, in: scope) {
        case .success(let found): values = found
        case .failure(let outcome): return outcome
        }
        let candidates = corpus.joined(related.indexKey, values: values)
        var matched = 0
        var undecided: Outcome?
        if related.requirement == nil { matched = candidates.count }
        for position in candidates {
            guard let requirement = related.requirement else { break }
            let outcome = evaluate(requirement, in: Scope(root: scope.root, current: corpus.document(at: position)))
            switch outcome.status {
            case .pass: matched += 1
            case .fail, .waived: break
            case .error, .unknown: if undecided == nil || outcome.status == .error { undecided = outcome }
            }
            // Stop as soon as the verdict is settled, so a join key that thousands of resources share
            // costs what the verdict needs, not a pass over the whole group for every resource: past
            // `max` the answer is fail, and without `max` reaching `min` is a pass (undecided
            // candidates cannot change either).
            if let maximum = related.maximum, matched > maximum { return .fail }
            if related.maximum == nil && matched >= related.minimum { return .pass }
        }
        let enough = matched >= related.minimum
        let notTooMany = related.maximum.map { matched <= $0 } ?? true
        if enough && notTooMany { return .pass }
        if !notTooMany { return .fail }
        return undecided ?? .fail
    }

    // MARK: - Operands

    func resolve(_ operand: Operand, in scope: Scope) -> Result<Value?, Outcome> {
        switch operand {
        case .literal(let value):
            return .success(value)
        case .ref(let path):
            return .success(scope.resolve(path))
        case .table(let name, let key, let table):
            guard let keyValue = scope.resolve(key) else {
                return .failure(.error("parameter \(name) is keyed by \(key), which is missing on this resource"))
            }
            if keyValue.isUnknown { return .failure(.unknown("\(key) is not known yet")) }
            guard let text = keyValue.keyText else {
                return .failure(.error("parameter \(name) is keyed by \(key), which is a \(keyValue.kindName), not a scalar"))
            }
            if let entry = table[text] ?? table["default"] { return .success(entry) }
            return .failure(.error("parameter \(name) has no entry for \(key) = '\(text)' (and no 'default' entry)"))
        case .lookup(let lookup):
            var values: [Value] = []
            for (_, matchOperand) in lookup.match {
                switch resolve(matchOperand, in: scope) {
                case .success(let value?):
                    if value.isUnknown { return .failure(.unknown("lookup value for \(lookup.type) is not known yet")) }
                    values.append(value)
                case .success(nil): return .success(nil)
                case .failure(let outcome): return .failure(outcome)
                }
            }
            let found = corpus.joined(lookup.indexKey, values: values)
            if found.isEmpty { return .success(nil) }
            guard found.count == 1 else {
                return .failure(.error("lookup of \(lookup.type) matched \(found.count) documents; add match fields so that one document matches"))
            }
            return .success(lookup.path.resolve(from: corpus.document(at: found[0])))
        case .product(let base, let factor):
            let baseValue: Value
            switch resolve(base, in: scope) {
            case .success(let value?): baseValue = value
            case .success(nil): return .success(nil)
            case .failure(let outcome): return .failure(outcome)
            }
            if baseValue.isUnknown { return .success(.unknown) }
            guard case .success(let factorValue?) = resolve(factor, in: scope), let multiplier = factorValue.doubleValue else {
                return .failure(.error("times needs a number"))
            }
            guard let number = baseValue.doubleValue else {
                return .failure(.error("times needs a numeric operand, found a \(baseValue.kindName)"))
            }
            return .success(.number(number * multiplier))
        case .param(let name, _, _):
            return .failure(.error("parameter \(name) was not resolved (internal: policy not compiled)"))
        }
    }
}

/// Collects evidence up to a limit.
struct EvidenceCollector {
    let limit: Int
    var items: [Evidence] = []

    var isFull: Bool { items.count >= limit }

    mutating func add(_ evidence: Evidence) {
        if items.count < limit { items.append(evidence) }
    }
}
