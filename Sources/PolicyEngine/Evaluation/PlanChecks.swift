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
    func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Outcome.Status {
        var worst = Outcome.Status.pass
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
    func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Outcome.Status {
        evaluator.apply(check, to: actual?.pointee, in: ConditionEvaluator.Scope(root: root.pointee, current: current.pointee)).status
    }

    /// The fastest check that agrees with `ConditionEvaluator.apply` on `check`.
    static func compile(_ check: Check) -> PlanCheck {
        switch (check.op, check.argument) {
        case (.exists, .operand(.literal(.bool(let wanted)))):
            return ExistsCheck(check, wanted: wanted)
        case (.empty, .operand(.literal(.bool(let wanted)))):
            return EmptyCheck(check, wanted: wanted)
        case (.equals, .operand(.literal(let literal))) where !literal.isUnknown:
            return EqualsCheck(check, literal: literal, negated: false)
        case (.notEquals, .operand(.literal(let literal))) where !literal.isUnknown:
            return EqualsCheck(check, literal: literal, negated: true)
        case (.in, .operand(.literal(.array(let options)))):
            return InCheck(check, options: options, negated: false)
        case (.notIn, .operand(.literal(.array(let options)))):
            return InCheck(check, options: options, negated: true)
        case (.versionGte, .operand(.literal(let literal))), (.versionLt, .operand(.literal(let literal))):
            return VersionCheck(check, literal: literal) ?? PlanCheck(check)
        case (.withinDays, .window(.literal(let amount), nil)), (.olderThanDays, .window(.literal(let amount), nil)),
            (.withinMonths, .window(.literal(let amount), nil)):
            return DateWindowCheck(check, amount: amount) ?? PlanCheck(check)
        default:
            return PlanCheck(check)
        }
    }
}

// MARK: - Specialized checks

/// `exists: true|false`: present (unknown counts as present) or not.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class ExistsCheck: PlanCheck, @unchecked Sendable {
    let wanted: Bool

    init(_ check: Check, wanted: Bool) {
        self.wanted = wanted
        super.init(check)
    }

    override func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Outcome.Status {
        (actual != nil) == wanted ? .pass : .fail
    }
}

/// A check against a literal operand: a missing value gives `whenMissing`, an unknown one
/// unknown, and `status(of:)` decides the rest. The subclasses are the fast paths; this class
/// applies the operator through `ConditionEvaluator` (a literal operand needs no scope).
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
class LiteralCheck: PlanCheck, @unchecked Sendable {
    let whenMissing: Outcome.Status

    init(_ check: Check, whenMissing: Outcome.Status = .fail) {
        self.whenMissing = whenMissing
        super.init(check)
    }

    final override func status(_ evaluator: ConditionEvaluator, actual: ValuePointer?, root: ValuePointer, current: ValuePointer) -> Outcome.Status {
        guard let actual else { return whenMissing }
        if case .unknown = actual.pointee { return .unknown }
        return status(of: actual, evaluator)
    }

    /// The status on a present, known value. Subclasses hand `actual.pointee` to a function
    /// taking a `Value`, which borrows it: switching on a pointee, or passing it to an
    /// overridable method, copies it.
    func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
        evaluator.apply(check, to: actual.pointee, in: ConditionEvaluator.Scope(root: actual.pointee, current: actual.pointee)).status
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

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
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

/// `equals` / `not_equals` a literal; strings and booleans compare without the general
/// structural equality.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class EqualsCheck: LiteralCheck, @unchecked Sendable {
    let literal: Value
    let negated: Bool

    init(_ check: Check, literal: Value, negated: Bool) {
        self.literal = literal
        self.negated = negated
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
        Self.equal(actual.pointee, literal) != negated ? .pass : .fail
    }

    private static func equal(_ actual: Value, _ literal: Value) -> Bool {
        let equal: Bool
        switch (actual, literal) {
        case (.string(let found), .string(let wanted)): equal = found == wanted
        case (.bool(let found), .bool(let wanted)): equal = found == wanted
        default: equal = ConditionEvaluator.equal(actual, literal)
        }
        return equal
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

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
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

/// `version_gte` / `version_lt` a literal version, parsed once.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class VersionCheck: LiteralCheck, @unchecked Sendable {
    let wanted: VersionNumber

    /// Nil when the literal is no version (the general path reports that error).
    init?(_ check: Check, literal: Value) {
        guard let wanted = VersionNumber(value: literal) else { return nil }
        self.wanted = wanted
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
        guard let found = VersionNumber(value: actual.pointee) else { return .error }
        return (check.op == .versionGte ? found >= wanted : found < wanted) ? .pass : .fail
    }
}

/// `within_days` / `older_than_days` / `within_months` a literal amount of the as-of date.
///
/// Sendable: immutable after `init`, as `PlanCheck` says (Swift asks each subclass to restate it).
final class DateWindowCheck: LiteralCheck, @unchecked Sendable {
    /// The amount, rounded down.
    let whole: Int

    /// Nil when the amount is not a number within the window limit (the general path reports that error).
    init?(_ check: Check, amount: Value) {
        guard let count = amount.doubleValue, let whole = CivilDate.windowAmount(count) else { return nil }
        self.whole = whole
        super.init(check)
    }

    override func status(of actual: ValuePointer, _ evaluator: ConditionEvaluator) -> Outcome.Status {
        guard let date = CivilDate(value: actual.pointee) else { return .error }
        let anchor = evaluator.context.asOf
        let holds: Bool
        switch check.op {
        case .olderThanDays: holds = anchor.days(since: date) > whole
        case .withinDays: holds = anchor.days(since: date) <= whole
        default: holds = date >= anchor.adding(months: -whole)
        }
        return holds ? .pass : .fail
    }
}
