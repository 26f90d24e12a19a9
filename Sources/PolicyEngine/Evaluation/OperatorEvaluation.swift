// MARK: - Operator semantics

extension ConditionEvaluator {
    /// Applies one operator check to the value found (nil = missing or null).
    func apply(_ item: Check, to actual: Value?, in scope: Scope) -> Outcome {
        switch item.op {
        case .exists:
            guard case .operand(let operand) = item.argument, case .success(let flag?) = resolve(operand, in: scope),
                let wanted = flag.boolValue
            else { return .error("exists needs true or false") }
            return .from((actual != nil) == wanted)
        case .empty:
            guard case .operand(let operand) = item.argument, case .success(let flag?) = resolve(operand, in: scope),
                let wanted = flag.boolValue
            else { return .error("empty needs true or false") }
            if actual?.isUnknown == true { return .unknown("value is not known yet") }
            return .from(Self.isEmpty(actual) == wanted)
        default:
            break
        }
        guard let actual else { return .fail }
        if actual.isUnknown { return .unknown("value is not known yet (known after apply)") }

        switch item.argument {
        case .nested(let expectation):
            // `length`
            switch actual {
            case .string(let text): return check(expectation, actual: .number(Double(text.count)), in: scope)
            case .array(let items): return check(expectation, actual: .number(Double(items.count)), in: scope)
            case .object(let fields): return check(expectation, actual: .number(Double(fields.count)), in: scope)
            default: return .error("length needs a string, array or object, found a \(actual.kindName)")
            }
        case .window(let amountOperand, let referenceOperand):
            return applyDateWindow(item.op, actual: actual, amount: amountOperand, reference: referenceOperand, in: scope)
        case .operand(.literal(let literal)):
            // The common case: a literal operand needs no resolution.
            if literal.isUnknown { return .unknown("operand is not known yet") }
            return apply(item.op, actual: actual, operand: literal, pattern: item.pattern)
        case .operand(let operand):
            let resolved: Value
            switch resolve(operand, in: scope) {
            case .success(let value?): resolved = value
            case .success(nil): return .fail
            case .failure(let outcome): return outcome
            }
            if resolved.isUnknown { return .unknown("\(operand.displayText) is not known yet") }
            return apply(item.op, actual: actual, operand: resolved, pattern: item.pattern)
        }
    }

    static func isEmpty(_ value: Value?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .string(let text)?: return text.isEmpty
        case .array(let items)?: return items.isEmpty
        case .object(let fields)?: return fields.isEmpty
        default: return false
        }
    }

    /// Applies `op` to a present, known value and its resolved operand: the registry of the
    /// operators' evaluations, each in its operator's file (`Operators/`).
    func apply(_ op: Operator, actual: Value, operand: Value, pattern: Pattern?) -> Outcome {
        switch op {
        case .equals:
            return EqualsOperator.evaluate(actual: actual, operand: operand)
        case .notEquals:
            return NotEqualsOperator.evaluate(actual: actual, operand: operand)
        case .in:
            return InOperator.evaluate(actual: actual, operand: operand, negated: false)
        case .notIn:
            return InOperator.evaluate(actual: actual, operand: operand, negated: true)
        case .contains, .notContains:
            return ContainsOperator.evaluate(op, actual: actual, operand: operand)
        case .containsAll, .subsetOf, .intersects:
            return ContainsAllOperator.evaluate(op, actual: actual, operand: operand)
        case .matches, .glob, .startsWith, .endsWith:
            return MatchesOperator.evaluate(op, actual: actual, operand: operand, pattern: pattern, budget: context.regexBudget)
        case .gt, .gte, .lt, .lte:
            return GtOperator.evaluate(op, actual: actual, operand: operand)
        case .between:
            return BetweenOperator.evaluate(actual: actual, operand: operand)
        case .versionGte, .versionLt:
            return VersionGteOperator.evaluate(op, actual: actual, operand: operand)
        case .cidrWithin:
            return CidrWithinOperator.evaluate(actual: actual, operand: operand)
        case .isPublicCidr:
            return IsPublicCidrOperator.evaluate(actual: actual, operand: operand)
        case .overlaps:
            return OverlapsOperator.evaluate(actual: actual, operand: operand)
        case .jurisdictionIn:
            return JurisdictionInOperator.evaluate(actual: actual, operand: operand, regions: context.regions)
        case .exists, .empty, .length, .olderThanDays, .withinDays, .withinMonths:
            return .error("\(op.rawValue) was given an argument of the wrong form")
        }
    }

    /// A pattern match as a verdict; an exhausted regular-expression budget is an `error`, never pass or fail.
    static func outcome(of match: PatternMatch) -> Outcome {
        switch match {
        case .matched: return .pass
        case .notMatched: return .fail
        case .exhausted(let reason): return .error(reason)
        }
    }

    func applyDateWindow(_ op: Operator, actual: Value, amount: Operand, reference: Operand?, in scope: Scope) -> Outcome {
        guard let date = CivilDate(value: actual) else {
            return .error("\(op.rawValue): '\(actual.displayText)' is not a date")
        }
        let count: Int
        switch resolve(amount, in: scope) {
        case .success(let value?):
            guard let number = value.doubleValue, number.isFinite else {
                return .error("\(op.rawValue) needs a number of \(op == .withinMonths ? "months" : "days"), found '\(value.displayText)'")
            }
            guard let whole = CivilDate.windowAmount(number) else {
                return .error("\(op.rawValue): the amount \(value.displayText) is out of range (at most \(CivilDate.maximumWindow) in magnitude)")
            }
            count = whole
        case .success(nil): return .error("\(op.rawValue): the amount \(amount.displayText) is missing")
        case .failure(let outcome): return outcome
        }
        var anchor = context.asOf
        if let reference {
            switch resolve(reference, in: scope) {
            case .success(let value?):
                if value.isUnknown { return .unknown("reference date is not known yet") }
                guard let parsed = CivilDate(value: value) else {
                    return .error("\(op.rawValue): reference '\(value.displayText)' is not a date")
                }
                anchor = parsed
            case .success(nil): return .fail
            case .failure(let outcome): return outcome
            }
        }
        let whole = count
        switch op {
        case .olderThanDays: return .from(anchor.days(since: date) > whole)
        case .withinDays: return .from(anchor.days(since: date) <= whole)
        default: return .from(date >= anchor.adding(months: -whole))
        }
    }

    // MARK: - Comparisons

    /// Structural equality; numbers compare numerically across `.number` and `.decimal`.
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number, .decimal), (.decimal, .number), (.decimal, .decimal), (.number, .number):
            if case .success(let sign) = compareNumbers(lhs, rhs) { return sign == 0 }
            return false
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.members.allSatisfy { member in
                right.value(for: member.objectKey).map { equal(member.value, $0) } ?? false
            }
        default:
            return lhs == rhs
        }
    }

    static func compareNumbers(_ lhs: Value, _ rhs: Value) -> Result<Int, ComparisonFailure> {
        // NaN is unordered: it would compare as "equal" below and pass `gte`, `lte` and `equals`.
        if case .number(let number) = lhs, number.isNaN { return .failure(ComparisonFailure("NaN is not a number that can be compared")) }
        if case .number(let number) = rhs, number.isNaN { return .failure(ComparisonFailure("NaN is not a number that can be compared")) }
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            return .success(left < right ? -1 : (left > right ? 1 : 0))
        case (.decimal(let left), .decimal(let right)):
            return .success(left < right ? -1 : (left > right ? 1 : 0))
        case (.decimal(let left), .number(let right)):
            guard let converted = FixedDecimal(exactly: right) else {
                return .success(left.doubleValue < right ? -1 : (left.doubleValue > right ? 1 : 0))
            }
            return .success(left < converted ? -1 : (left > converted ? 1 : 0))
        case (.number, .decimal):
            return compareNumbers(rhs, lhs).map { -$0 }
        default:
            return .failure(ComparisonFailure("cannot compare a \(lhs.kindName) with a \(rhs.kindName)"))
        }
    }

    /// Ordering for gt/gte/lt/lte/between: two numbers, or two dates (strings or epoch numbers
    /// when the other side is a date string).
    static func order(_ lhs: Value, _ rhs: Value) -> Result<Int, ComparisonFailure> {
        switch (lhs, rhs) {
        case (.number, .number), (.number, .decimal), (.decimal, .number), (.decimal, .decimal):
            return compareNumbers(lhs, rhs)
        case (.string(let left), .string(let right)):
            guard let leftDate = CivilDate(parsing: left) else { return .failure(ComparisonFailure("'\(left)' is neither a number nor a date")) }
            guard let rightDate = CivilDate(parsing: right) else { return .failure(ComparisonFailure("'\(right)' is neither a number nor a date")) }
            return .success(leftDate < rightDate ? -1 : (leftDate > rightDate ? 1 : 0))
        default:
            return .failure(ComparisonFailure("cannot order a \(lhs.kindName) ('\(lhs.displayText)') against a \(rhs.kindName) ('\(rhs.displayText)')"))
        }
    }
}

/// Why two values cannot be ordered.
struct ComparisonFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
