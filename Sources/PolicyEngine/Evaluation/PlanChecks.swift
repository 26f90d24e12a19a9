/// The checks of an expectation, compiled: all must hold (see `EvaluationPlan`).
final class ExpectationPlan: Sendable {
    let checks: UnretainedList<PlanCheck>
    /// Value used when the path is missing.
    let defaultValue: PinnedValue?

    init(_ expectation: Expectation) {
        checks = UnretainedList(expectation.checks.map(PlanCheck.compile))
        defaultValue = expectation.defaultValue.map(PinnedValue.init)
    }

    /// A fail ends the conjunction; otherwise the worst of error, unknown, pass.
    func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Verdict {
        var worst = Verdict.pass
        for index in 0..<checks.count {
            let status = checks.withElement(at: index) { $0.status(evaluator, actual: actual, root: root, current: current) }
            if status == .fail { return .fail }
            if status.conjunctionRank > worst.conjunctionRank { worst = status }
        }
        return worst
    }
}

/// One operator check. This base class applies it through `ConditionEvaluator` (every
/// operator, every operand form); subclasses run the common operators with literal operands
/// on values prepared at compile time, with the same verdicts.
///
/// Sendable: checks are immutable after `init` (only `let`s of Sendable values: the check, prepared
/// operands); unchecked only because the class is not final.
class PlanCheck: @unchecked Sendable {
    /// The check as compiled.
    let check: Check

    init(_ check: Check) { self.check = check }

    /// The status of the check on the value found (nil = missing or null).
    func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Verdict {
        evaluator.apply(check, to: actual?.pointee, in: ConditionEvaluator.Scope(root: root.pointee, current: current.pointee)).status
    }

    /// The fastest check that agrees with `ConditionEvaluator.apply` on `check`: the operator's
    /// own (`OperatorDefinition.planCheck`, beside the operator's other parts), else this one.
    static func compile(_ check: Check) -> PlanCheck {
        check.op.definition.planCheck(for: check) ?? PlanCheck(check)
    }
}

// MARK: - Checks against a literal

/// A check against a literal operand: a missing value gives `whenMissing`, an unknown one
/// unknown, and `status(of:)` decides the rest. The subclasses are the fast paths; this class
/// applies the operator through `ConditionEvaluator` (a literal operand needs no scope).
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
class LiteralCheck: PlanCheck, @unchecked Sendable {
    let whenMissing: Verdict

    init(_ check: Check, whenMissing: Verdict = .fail) {
        self.whenMissing = whenMissing
        super.init(check)
    }

    final override func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Verdict {
        guard let actual else { return whenMissing }
        if case .unknown = actual.pointee { return .unknown }
        return status(of: actual, evaluator)
    }

    /// The status on a present, known value. Subclasses hand `actual.pointee` to a function
    /// taking a `Value`, which borrows it: switching on a pointee, or passing it to an
    /// overridable method, copies it.
    func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Verdict {
        evaluator.apply(check, to: actual.pointee, in: ConditionEvaluator.Scope(root: actual.pointee, current: actual.pointee)).status
    }
}
