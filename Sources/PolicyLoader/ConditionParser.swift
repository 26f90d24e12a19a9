public import PolicyEngine

/// Builds `Condition` trees from YAML, keeping the location of every key.
///
/// Forms (see docs/policy-language.md): a mapping is a conjunction of its entries; an entry is a
/// combinator (`all`, `any`, `none`, `not`), a quantifier (`every`, `some`, `count`), a join
/// (`related`), or `path: expectation`. An expectation is a literal (equality), an operand
/// (`{param: …}`, `{ref: …}`), or a mapping of operators plus an optional `default:`.
enum ConditionParser {
    /// Keys with a meaning of their own in a condition mapping.
    static let reservedKeys = ["all", "any", "none", "not", "every", "some", "count", "related"]

    /// Parses a condition mapping.
    static func condition(_ node: YAMLNode) throws(LoadError) -> Condition {
        let entries = try node.mapping("a condition (a mapping of path: expectation, or all/any/none/not/every/some/count/related)")
        guard !entries.isEmpty else { throw node.error(.invalidValue(message: "empty condition")) }
        var parts: [Condition] = []
        for entry in entries { parts.append(try self.entry(entry.key, keyNode: entry.keyNode, value: entry.value)) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private static func entry(_ key: String, keyNode: YAMLNode, value: YAMLNode) throws(LoadError) -> Condition {
        switch key {
        case "all", "any", "none":
            var children: [Condition] = []
            for item in try value.sequence("a list of conditions under '\(key)'") { children.append(try condition(item)) }
            switch key {
            case "all": return .all(children)
            case "any": return .any(children)
            default: return .none(children)
            }
        case "not":
            return .not(try condition(value))
        case "every", "some", "count":
            return .quantifier(try quantifier(key, keyNode: keyNode, value: value))
        case "related":
            return .related(try related(keyNode: keyNode, value: value))
        default:
            let path = try self.path(key, at: keyNode)
            return .field(FieldTest(path: path, expectation: try expectation(value), location: keyNode.location))
        }
    }

    /// Parses a path, reporting the column of the problem.
    static func path(_ text: String, at node: YAMLNode) throws(LoadError) -> FieldPath {
        do {
            return try FieldPath(parsing: text)
        } catch {
            let location = node.location.movedRight(by: error.offset)
            throw node.source.error(.invalidValue(message: "invalid path '\(text)': \(error.reason)"), at: location)
        }
    }

    // MARK: - Expectations

    /// Parses an expectation: a literal, an operand, or a mapping of operators.
    static func expectation(_ node: YAMLNode) throws(LoadError) -> Expectation {
        guard node.isMapping, !isOperand(node) else {
            let check = Check(op: .equals, argument: .operand(try operand(node)), location: node.location)
            return Expectation(checks: [check])
        }
        var checks: [Check] = []
        var fallback: Value?
        for entry in try node.mapping("operators") {
            if entry.key == "default" {
                fallback = try entry.value.value()
                continue
            }
            guard let op = Operator(rawValue: entry.key) else {
                let suggestion = NameSuggester.suggestion(for: entry.key, among: ["default"]) ?? Operator.suggestion(for: entry.key)
                throw entry.keyNode.error(.unknownOperator(name: entry.key, suggestion: suggestion))
            }
            checks.append(Check(op: op, argument: try argument(for: op, node: entry.value), location: entry.keyNode.location))
        }
        guard !checks.isEmpty else {
            throw node.error(.invalidValue(message: "an expectation needs at least one operator (a 'default' alone tests nothing)"))
        }
        return Expectation(checks: checks, defaultValue: fallback)
    }

    private static func argument(for op: Operator, node: YAMLNode) throws(LoadError) -> CheckArgument {
        switch op {
        case .length:
            return .nested(try expectation(node))
        case .olderThanDays, .withinDays, .withinMonths:
            let unit = op == .withinMonths ? "months" : "days"
            if node.isMapping && !isOperand(node) {
                let entries = try node.mapping("{ \(unit): N, of: DATE }")
                try node.checkKeys(entries, allowed: [unit, "of"], section: "\(op.rawValue)")
                guard let amount = entries.first(where: { $0.key == unit }) else {
                    throw node.error(.missingKey(key: unit, section: op.rawValue))
                }
                let reference = try entries.first(where: { $0.key == "of" }).map { (entry) throws(LoadError) in try operand(entry.value) }
                return .window(amount: try operand(amount.value), reference: reference)
            }
            return .window(amount: try operand(node), reference: nil)
        case .exists, .empty, .isPublicCidr:
            let parsed = try operand(node)
            if case .literal(let value) = parsed, value.boolValue == nil {
                throw node.error(.wrongType(expected: "true or false for '\(op.rawValue)'", found: node.kindName))
            }
            return .operand(parsed)
        default:
            return .operand(try operand(node))
        }
    }

    // MARK: - Operands

    /// True for operand mappings: `{param: …}`, `{param: …, key: …}`, `{ref: …}`, `{lookup: …}`,
    /// each optionally with `times: …`.
    static func isOperand(_ node: YAMLNode) -> Bool {
        guard let entries = try? node.mapping("operand") else { return false }
        var keys = Set(entries.map(\.key))
        keys.remove("times")
        return keys == ["ref"] || keys == ["param"] || keys == ["param", "key"] || keys == ["lookup"]
    }

    /// Parses an operand: a literal, `{param: name}`, `{param: name, key: path}`, `{ref: path}` or
    /// `{lookup: {type, match, path}}`, optionally with `times: factor`.
    static func operand(_ node: YAMLNode) throws(LoadError) -> Operand {
        guard isOperand(node) else {
            if node.isMapping, let entries = try? node.mapping("operand"),
                entries.contains(where: { ["param", "ref", "lookup"].contains($0.key) }) {
                let keys = entries.map(\.key).joined(separator: ", ")
                throw node.error(.invalidValue(message: "an operand is {param: NAME}, {param: NAME, key: PATH}, {ref: PATH} or {lookup: {type, match, path}}, optionally with times: FACTOR; found keys \(keys)"))
            }
            return .literal(try node.value())
        }
        let entries = try node.mapping("operand")
        let base: Operand
        if let reference = entries.first(where: { $0.key == "ref" }) {
            base = .ref(try path(try reference.value.string("a path"), at: reference.value))
        } else if let lookupEntry = entries.first(where: { $0.key == "lookup" }) {
            base = .lookup(try lookup(lookupEntry.value))
        } else {
            guard let name = entries.first(where: { $0.key == "param" }) else { throw node.error(.missingKey(key: "param", section: "operand")) }
            let key = try entries.first(where: { $0.key == "key" }).map { (entry) throws(LoadError) in
                try path(try entry.value.string("a path"), at: entry.value)
            }
            base = .param(name: try name.value.string("a parameter name"), key: key, location: name.value.location)
        }
        guard let times = entries.first(where: { $0.key == "times" }) else { return base }
        return .product(base, factor: try operand(times.value))
    }

    private static func lookup(_ node: YAMLNode) throws(LoadError) -> Lookup {
        let entries = try node.mapping("a mapping with type, match and path")
        try node.checkKeys(entries, allowed: ["type", "match", "path"], section: "'lookup'")
        guard let typeEntry = entries.first(where: { $0.key == "type" }) else { throw node.error(.missingKey(key: "type", section: "'lookup'")) }
        guard let matchEntry = entries.first(where: { $0.key == "match" }) else { throw node.error(.missingKey(key: "match", section: "'lookup'")) }
        guard let pathEntry = entries.first(where: { $0.key == "path" }) else { throw node.error(.missingKey(key: "path", section: "'lookup'")) }
        return Lookup(type: try typeEntry.value.string("a resource type"), match: try matchFields(matchEntry.value),
                      path: try path(try pathEntry.value.string("a path"), at: pathEntry.value), location: node.location)
    }

    /// `match:` of `related` and `lookup`: path of the other document → operand.
    private static func matchFields(_ node: YAMLNode) throws(LoadError) -> [(path: FieldPath, operand: Operand)] {
        var match: [(path: FieldPath, operand: Operand)] = []
        for entry in try node.mapping("a mapping of path: operand") {
            match.append((try path(entry.key, at: entry.keyNode), try operand(entry.value)))
        }
        guard !match.isEmpty else { throw node.error(.invalidValue(message: "'match' needs at least one field")) }
        return match
    }

    // MARK: - Quantifiers and joins

    private static func quantifier(_ kind: String, keyNode: YAMLNode, value: YAMLNode) throws(LoadError) -> Quantifier {
        let entries = try value.mapping("a mapping with path and require")
        let base = ["path", "where", "default"]
        let kindValue = Quantifier.Kind(rawValue: kind) ?? .every
        let allowed = kindValue == .count ? base + Operator.allCases.map(\.rawValue) : base + ["require"]
        try value.checkKeys(entries, allowed: allowed, section: "'\(kind)'")
        guard let pathEntry = entries.first(where: { $0.key == "path" }) else { throw value.error(.missingKey(key: "path", section: "'\(kind)'")) }
        let arrayPath = try path(try pathEntry.value.string("a path"), at: pathEntry.value)
        let filter = try entries.first(where: { $0.key == "where" }).map { (entry) throws(LoadError) in try condition(entry.value) }
        let fallback = try entries.first(where: { $0.key == "default" }).map { (entry) throws(LoadError) in try entry.value.value() }
        var requirement: Condition?
        var comparison: Expectation?
        if kindValue == .count {
            var checks: [Check] = []
            for entry in entries where Operator(rawValue: entry.key) != nil {
                guard let op = Operator(rawValue: entry.key) else { continue }
                checks.append(Check(op: op, argument: try argument(for: op, node: entry.value), location: entry.keyNode.location))
            }
            comparison = checks.isEmpty ? nil : Expectation(checks: checks)
        } else {
            guard let requireEntry = entries.first(where: { $0.key == "require" }) else {
                throw value.error(.missingKey(key: "require", section: "'\(kind)'"))
            }
            requirement = try condition(requireEntry.value)
        }
        return Quantifier(kind: kindValue, path: arrayPath, defaultValue: fallback, filter: filter, requirement: requirement,
                          comparison: comparison, location: keyNode.location)
    }

    private static func related(keyNode: YAMLNode, value: YAMLNode) throws(LoadError) -> RelatedTest {
        let entries = try value.mapping("a mapping with type and match")
        try value.checkKeys(entries, allowed: ["type", "match", "require", "min", "max"], section: "'related'")
        guard let typeEntry = entries.first(where: { $0.key == "type" }) else { throw value.error(.missingKey(key: "type", section: "'related'")) }
        guard let matchEntry = entries.first(where: { $0.key == "match" }) else { throw value.error(.missingKey(key: "match", section: "'related'")) }
        let match = try matchFields(matchEntry.value)
        let requirement = try entries.first(where: { $0.key == "require" }).map { (entry) throws(LoadError) in try condition(entry.value) }
        let minimum = try entries.first(where: { $0.key == "min" }).map { (entry) throws(LoadError) in try entry.value.integer() } ?? 1
        let maximum = try entries.first(where: { $0.key == "max" }).map { (entry) throws(LoadError) in try entry.value.integer() }
        if minimum < 0 || (maximum.map { $0 < minimum } ?? false) {
            throw value.error(.invalidValue(message: "'related' needs 0 ≤ min ≤ max"))
        }
        return RelatedTest(type: try typeEntry.value.string("a resource type"), match: match, requirement: requirement,
                           minimum: minimum, maximum: maximum, location: keyNode.location)
    }
}

/// Parses standalone condition text (as written under `require:`), for tools and tests that
/// evaluate conditions outside a policy file: `assay explain` examples, the docs checker.
public enum ConditionText {
    /// Parses YAML condition text; `file` names it in errors.
    public static func parse(_ yaml: String, file: String = "<condition>") throws(LoadError) -> Condition {
        let documents = try YAMLNode.documents(text: yaml, file: file)
        guard documents.count == 1, let root = documents.first else {
            throw LoadError(.invalidValue(message: "expected exactly one condition"), at: SourceLocation(file: file, line: 1, column: 1))
        }
        return try ConditionParser.condition(root)
    }

    /// Parses a whole policy from YAML text (one policy document).
    public static func policy(_ yaml: String, file: String = "<policy>") throws(LoadError) -> Policy {
        let documents = try YAMLNode.documents(text: yaml, file: file)
        guard documents.count == 1, let root = documents.first else {
            throw LoadError(.invalidValue(message: "expected exactly one policy"), at: SourceLocation(file: file, line: 1, column: 1))
        }
        return try PolicyParser.policy(root, inheritedVersion: false)
    }
}
