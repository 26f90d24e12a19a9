/// A policy's conditions compiled for fast verdicts: a tree of immutable class nodes built once
/// per policy, so evaluating a resource walks references (no copies of condition enums, checks
/// or operands) and the common operators run on operands prepared at compile time. Documents
/// are read in place through pointers (`ValuePointer`): copying a `Value` out of a document
/// costs a reference-count increment and decrement per path step.
///
/// The plan decides the verdict's *status* only. Pass and fail carry no reason, so they are
/// final; for the rare error or unknown the runner evaluates the condition again with
/// `ConditionEvaluator`, whose outcome carries the reason the finding reports. Every node
/// agrees with `ConditionEvaluator` on the status, which the tests check on every operator's
/// examples and on the policy library.
final class EvaluationPlan: Sendable {
    /// The compiled scope filter.
    let filter: PlanNode?
    /// The compiled requirement.
    let requirement: PlanNode

    init(filter: Condition?, requirement: Condition) {
        self.filter = filter.map(PlanNode.compile)
        self.requirement = PlanNode.compile(requirement)
    }
}

/// Where a path leads.
enum Resolution {
    /// A present, non-null value.
    case found(ValuePointer)
    /// Missing, or null (which counts as missing).
    case missing
    /// An unknown value was met on the way.
    case unknown
}

// MARK: - Nodes

/// A condition node. This base class evaluates its condition through `ConditionEvaluator`
/// (joins, and any form without a dedicated node); subclasses evaluate the common forms directly.
///
/// Sendable: nodes are immutable after `init` (only `let`s of Sendable values: conditions, other
/// nodes, `UnretainedList`, `PinnedValue`); unchecked only because the class is not final.
class PlanNode: @unchecked Sendable {
    /// The condition as compiled.
    let condition: Condition

    init(condition: Condition) { self.condition = condition }

    /// The status of the condition with `root` the resource and `current` the element in scope.
    func status(_ evaluator: ConditionEvaluator, root: ValuePointer, current: ValuePointer) -> Verdict {
        evaluator.evaluate(condition, in: ConditionEvaluator.Scope(root: root.pointee, current: current.pointee)).status
    }

    /// The node for a compiled condition.
    static func compile(_ condition: Condition) -> PlanNode {
        switch condition {
        case .all(let children): return JunctionNode(condition: condition, children: children.map(compile), isConjunction: true)
        case .any(let children): return JunctionNode(condition: condition, children: children.map(compile), isConjunction: false)
        case .none(let children):
            return NotNode(condition: condition, child: JunctionNode(condition: .any(children), children: children.map(compile), isConjunction: false))
        case .not(let child): return NotNode(condition: condition, child: compile(child))
        case .field(let test): return FieldNode(condition: condition, test: test)
        case .quantifier(let quantifier): return QuantifierNode(condition: condition, quantifier: quantifier)
        case .related: return PlanNode(condition: condition)
        }
    }
}

/// `all` (a fail ends it; otherwise the worst of error, unknown, pass) or `any` (a pass ends
/// it; otherwise the best of error, unknown, fail).
///
/// Sendable: immutable after `init`, as `PlanNode` says (Swift asks each subclass to restate it).
final class JunctionNode: PlanNode, @unchecked Sendable {
    let children: UnretainedList<PlanNode>
    /// True for `all`.
    let isConjunction: Bool

    init(condition: Condition, children: [PlanNode], isConjunction: Bool) {
        self.children = UnretainedList(children)
        self.isConjunction = isConjunction
        super.init(condition: condition)
    }

    override func status(_ evaluator: ConditionEvaluator, root: ValuePointer, current: ValuePointer) -> Verdict {
        let decisive: Verdict = isConjunction ? .fail : .pass
        var result: Verdict = isConjunction ? .pass : .fail
        for index in 0..<children.count {
            let status = children.withElement(at: index) { $0.status(evaluator, root: root, current: current) }
            if status == decisive { return status }
            if isConjunction ? status.conjunctionRank > result.conjunctionRank : status.disjunctionRank > result.disjunctionRank {
                result = status
            }
        }
        return result
    }
}

/// `not` (and `none`, as the negation of `any`).
///
/// Sendable: immutable after `init`, as `PlanNode` says (Swift asks each subclass to restate it).
final class NotNode: PlanNode, @unchecked Sendable {
    let child: PlanNode

    init(condition: Condition, child: PlanNode) {
        self.child = child
        super.init(condition: condition)
    }

    override func status(_ evaluator: ConditionEvaluator, root: ValuePointer, current: ValuePointer) -> Verdict {
        child.status(evaluator, root: root, current: current).negated
    }
}

/// `path: expectation`.
///
/// Sendable: immutable after `init`, as `PlanNode` says (Swift asks each subclass to restate it).
final class FieldNode: PlanNode, @unchecked Sendable {
    let path: PlanPath
    let expectation: ExpectationPlan

    init(condition: Condition, test: FieldTest) {
        path = PlanPath(test.path)
        expectation = ExpectationPlan(test.expectation)
        super.init(condition: condition)
    }

    override func status(_ evaluator: ConditionEvaluator, root: ValuePointer, current: ValuePointer) -> Verdict {
        switch path.resolve(root: root, current: current) {
        case .found(let actual):
            return expectation.status(evaluator, actual: actual, root: root, current: current)
        case .unknown:
            return InPlace.with(.unknown) { expectation.status(evaluator, actual: $0, root: root, current: current) }
        case .missing:
            guard let defaultValue = expectation.defaultValue else { return expectation.status(evaluator, actual: nil, root: root, current: current) }
            return expectation.status(evaluator, actual: defaultValue.pointer, root: root, current: current)
        }
    }
}

/// `every`, `some`, `count`.
///
/// Sendable: immutable after `init`, as `PlanNode` says (Swift asks each subclass to restate it).
final class QuantifierNode: PlanNode, @unchecked Sendable {
    let kind: Quantifier.Kind
    let path: PlanPath
    let defaultValue: PinnedValue?
    let filter: PlanNode?
    let requirement: PlanNode?
    let comparison: ExpectationPlan?

    init(condition: Condition, quantifier: Quantifier) {
        kind = quantifier.kind
        path = PlanPath(quantifier.path)
        defaultValue = quantifier.defaultValue.map(PinnedValue.init)
        filter = quantifier.filter.map(PlanNode.compile)
        requirement = quantifier.requirement.map(PlanNode.compile)
        comparison = quantifier.comparison.map(ExpectationPlan.init)
        super.init(condition: condition)
    }

    override func status(_ evaluator: ConditionEvaluator, root: ValuePointer, current: ValuePointer) -> Verdict {
        let found: ValuePointer
        switch path.resolve(root: root, current: current) {
        case .found(let value): found = value
        case .unknown: return .unknown
        case .missing:
            guard let defaultValue else { return .fail }
            found = defaultValue.value
        }
        guard case .array(let items) = found.pointee else {
            if case .unknown = found.pointee { return .unknown }
            return .error
        }
        return InPlace.withElements(of: items) { base, count in over(base, count: count, evaluator, root: root, current: current) }
    }

    /// The quantifier over the `count` elements from `base`.
    private func over(_ base: ValuePointer, count: Int, _ evaluator: ConditionEvaluator, root: ValuePointer,
                      current: ValuePointer) -> Verdict {
        switch kind {
        case .every:
            var worst = Verdict.pass
            for position in 0..<count {
                let item = base + position
                if let filter {
                    let selected = filter.status(evaluator, root: root, current: item)
                    if selected == .fail { continue }
                    if selected != .pass {
                        if selected.conjunctionRank > worst.conjunctionRank { worst = selected }
                        continue
                    }
                }
                guard let requirement else { continue }
                let status = requirement.status(evaluator, root: root, current: item)
                if status == .fail { return .fail }
                if status.conjunctionRank > worst.conjunctionRank { worst = status }
            }
            return worst
        case .some:
            var best = Verdict.fail
            for position in 0..<count {
                let item = base + position
                var status = Verdict.pass
                if let filter { status = filter.status(evaluator, root: root, current: item) }
                if status == .pass, let requirement { status = requirement.status(evaluator, root: root, current: item) }
                if status == .pass { return .pass }
                if status.disjunctionRank > best.disjunctionRank { best = status }
            }
            return best
        case .count:
            var matched = 0
            var undecided: Verdict?
            for position in 0..<count {
                let item = base + position
                guard let filter else {
                    matched += 1
                    continue
                }
                switch filter.status(evaluator, root: root, current: item) {
                case .pass: matched += 1
                case .fail, .waived: break
                case .error: undecided = .error
                case .unknown: if undecided == nil { undecided = .unknown }
                }
            }
            if let undecided { return undecided }
            guard let comparison else { return matched > 0 ? .pass : .fail }
            return InPlace.with(.number(Double(matched))) {
                comparison.status(evaluator, actual: $0, root: root, current: current)
            }
        }
    }
}
