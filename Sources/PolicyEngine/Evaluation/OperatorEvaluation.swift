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

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func apply(_ op: Operator, actual: Value, operand: Value, pattern: Pattern?) -> Outcome {
        switch op {
        case .equals:
            return .from(Self.equal(actual, operand))
        case .notEquals:
            return .from(!Self.equal(actual, operand))
        case .in, .notIn:
            guard case .array(let options) = operand else { return .error("\(op.rawValue) needs a list, found a \(operand.kindName)") }
            if case .array = actual { return .error("\(op.rawValue) compares one value; for arrays use subset_of or intersects") }
            let found = options.contains { Self.equal(actual, $0) }
            return .from(op == .in ? found : !found)
        case .contains, .notContains:
            let found: Bool
            switch (actual, operand) {
            case (.string(let text), .string(let part)): found = text.contains(part)
            case (.array(let items), _): found = items.contains { Self.equal($0, operand) }
            case (.object(let fields), .string(let key)): found = fields[key] != nil
            default: return .error("\(op.rawValue) needs a string, array or object, found a \(actual.kindName)")
            }
            return .from(op == .contains ? found : !found)
        case .containsAll, .subsetOf, .intersects:
            guard case .array(let listed) = operand else { return .error("\(op.rawValue) needs a list, found a \(operand.kindName)") }
            let items: [Value]
            switch actual {
            case .array(let values): items = values
            case .object(let fields) where op == .containsAll:
                // Keys of an object, as `contains` tests one key: required tags in one check.
                return .from(listed.allSatisfy { wanted in wanted.keyText.map { fields[$0] != nil } ?? false })
            case .object: return .error("\(op.rawValue) needs an array, found an object")
            default:
                if op == .subsetOf { items = [actual] } else { return .error("\(op.rawValue) needs an array, found a \(actual.kindName)") }
            }
            switch op {
            case .containsAll: return .from(listed.allSatisfy { wanted in items.contains { Self.equal($0, wanted) } })
            case .subsetOf: return .from(items.allSatisfy { item in listed.contains { Self.equal(item, $0) } })
            default: return .from(items.contains { item in listed.contains { Self.equal(item, $0) } })
            }
        case .matches, .glob, .startsWith, .endsWith:
            guard case .string(let text) = actual else { return .error("\(op.rawValue) needs a string, found a \(actual.kindName)") }
            guard case .string(let operandText) = operand else {
                return .error("\(op.rawValue) needs a string operand, found a \(operand.kindName)")
            }
            switch op {
            case .startsWith: return .from(text.hasPrefix(operandText))
            case .endsWith: return .from(text.hasSuffix(operandText))
            case .glob: return Self.outcome(of: (pattern ?? .glob(Glob(operandText))).match(text, budget: context.regexBudget))
            default:
                if let pattern { return Self.outcome(of: pattern.match(text, budget: context.regexBudget)) }
                switch Pattern.regex(operandText) {
                case .success(let compiled): return Self.outcome(of: compiled.match(text, budget: context.regexBudget))
                case .failure(let error): return .error("\(error.reason): \(operandText)")
                }
            }
        case .gt, .gte, .lt, .lte:
            switch Self.order(actual, operand) {
            case .success(let sign):
                switch op {
                case .gt: return .from(sign > 0)
                case .gte: return .from(sign >= 0)
                case .lt: return .from(sign < 0)
                default: return .from(sign <= 0)
                }
            case .failure(let reason):
                return .error("\(op.rawValue): \(reason.reason)")
            }
        case .between:
            guard case .array(let bounds) = operand, bounds.count == 2 else {
                return .error("between needs a list of two bounds [low, high]")
            }
            switch (Self.order(actual, bounds[0]), Self.order(actual, bounds[1])) {
            case (.success(let low), .success(let high)): return .from(low >= 0 && high <= 0)
            case (.failure(let reason), _), (_, .failure(let reason)): return .error("between: \(reason.reason)")
            }
        case .versionGte, .versionLt:
            guard let found = VersionNumber(value: actual) else {
                return .error("\(op.rawValue): '\(actual.displayText)' is not a version")
            }
            guard let wanted = VersionNumber(value: operand) else {
                return .error("\(op.rawValue): operand '\(operand.displayText)' is not a version")
            }
            return .from(op == .versionGte ? found >= wanted : found < wanted)
        case .cidrWithin:
            guard case .string(let text) = actual, let block = IPBlock(parsing: text) else {
                return .error("cidr_within: '\(actual.displayText)' is not an IP address or CIDR block")
            }
            let containers: [Value] = operand.arrayValue ?? [operand]
            var parents: [IPBlock] = []
            for container in containers {
                guard case .string(let text) = container, let parsed = IPBlock(parsing: text) else {
                    return .error("cidr_within: operand '\(container.displayText)' is not a CIDR block")
                }
                parents.append(parsed)
            }
            return .from(parents.contains { block.isWithin($0) })
        case .isPublicCidr:
            guard let wanted = operand.boolValue else { return .error("is_public_cidr needs true or false") }
            let addresses: [Value] = actual.arrayValue ?? [actual]
            var anyPublic = false
            for address in addresses {
                guard case .string(let text) = address, let block = IPBlock(parsing: text) else {
                    return .error("is_public_cidr: '\(address.displayText)' is not an IP address or CIDR block")
                }
                if block.reachesPublicSpace { anyPublic = true }
            }
            return .from(anyPublic == wanted)
        case .jurisdictionIn:
            guard case .array(let allowedValues) = operand else {
                return .error("jurisdiction_in needs a list of jurisdictions, found a \(operand.kindName)")
            }
            let allowed = Set(allowedValues.compactMap { $0.stringValue?.uppercased() })
            let codes: [Value] = actual.arrayValue ?? [actual]
            for code in codes {
                guard case .string(let text) = code else {
                    return .error("jurisdiction_in needs region codes, found a \(code.kindName)")
                }
                guard let jurisdictions = context.regions.jurisdictions(of: text) else {
                    return .error("region '\(text)' is not in the region catalog")
                }
                if !jurisdictions.allSatisfy({ allowed.contains($0.uppercased()) }) { return .fail }
            }
            return .pass
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
                right.value(forKey: member.key, hash: member.keyHash).map { equal(member.value, $0) } ?? false
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
