/// A policy ready to evaluate: parameters substituted, patterns compiled, joins listed.
public struct CompiledPolicy: Sendable {
    /// The policy as loaded.
    public let policy: Policy
    /// Parameter values in effect (defaults merged with overrides).
    public let params: [String: Value]
    /// The scope filter, compiled.
    public let filter: Condition?
    /// The requirement, compiled.
    public let requirement: Condition
    /// Join indexes this policy needs.
    public let joins: Set<RelatedIndexKey>
    /// Compiled type globs of the scope.
    public let typePatterns: [String]
    /// The filter and requirement as an evaluation plan (fast verdicts).
    let plan: EvaluationPlan
}

/// Errors found while compiling a loaded policy against the run's parameters.
public enum PolicyCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An operand names a parameter the policy does not declare.
    case unknownParameter(name: String, policy: String, location: SourceLocation, suggestion: String?)
    /// A keyed parameter is not a map.
    case keyedParameterNotAMap(name: String, policy: String, location: SourceLocation)
    /// A regular expression does not compile.
    case invalidPattern(pattern: String, reason: String, location: SourceLocation)
    /// An override names a parameter the policy does not declare.
    case unknownOverride(name: String, policy: String, suggestion: String?)

    /// Where the problem is, when it has a place.
    public var location: SourceLocation? {
        switch self {
        case .unknownParameter(_, _, let location, _), .keyedParameterNotAMap(_, _, let location),
            .invalidPattern(_, _, let location):
            return location
        case .unknownOverride:
            return nil
        }
    }

    /// The message without location.
    public var message: String {
        switch self {
        case .unknownParameter(let name, let policy, _, let suggestion):
            return "policy \(policy) uses parameter '\(name)', which it does not declare under params"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .keyedParameterNotAMap(let name, let policy, _):
            return "policy \(policy): parameter '\(name)' is used with key: but its value is not a map"
        case .invalidPattern(let pattern, let reason, _):
            return "\(reason): \(pattern)"
        case .unknownOverride(let name, let policy, let suggestion):
            return "parameter override '\(name)' does not exist in policy \(policy)"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        }
    }

    /// `file:line:column: message`, or the message alone.
    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}

/// Compiles policies: substitutes parameters (policy defaults, then overrides), precompiles
/// regexes and globs, and collects the join indexes to build.
public enum PolicyCompiler {
    /// Compiles one policy with parameter overrides (already filtered to this policy).
    public static func compile(_ policy: Policy, overrides: [String: Value] = [:]) throws(PolicyCompileError) -> CompiledPolicy {
        var params = policy.params
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard params[name] != nil else {
                throw .unknownOverride(name: name, policy: policy.id,
                                       suggestion: NameSuggester.suggestion(for: name, among: policy.params.keys.sorted()))
            }
            params[name] = value
        }
        var compiler = Compilation(policy: policy, params: params)
        let filter = try policy.scope.filter.map { (condition) throws(PolicyCompileError) in try compiler.compile(condition) }
        let requirement = try compiler.compile(policy.requirement)
        return CompiledPolicy(policy: policy, params: params, filter: filter, requirement: requirement,
                              joins: compiler.joins, typePatterns: policy.scope.types,
                              plan: EvaluationPlan(filter: filter, requirement: requirement))
    }

    private struct Compilation {
        let policy: Policy
        let params: [String: Value]
        var joins: Set<RelatedIndexKey> = []

        mutating func compile(_ condition: Condition) throws(PolicyCompileError) -> Condition {
            switch condition {
            case .all(let children): return .all(try compileAll(children))
            case .any(let children): return .any(try compileAll(children))
            case .none(let children): return .none(try compileAll(children))
            case .not(let child): return .not(try compile(child))
            case .field(let test):
                return .field(FieldTest(path: test.path, expectation: try compile(test.expectation), location: test.location))
            case .quantifier(var quantifier):
                quantifier.filter = try quantifier.filter.map { (condition) throws(PolicyCompileError) in try compile(condition) }
                quantifier.requirement = try quantifier.requirement.map { (condition) throws(PolicyCompileError) in try compile(condition) }
                quantifier.comparison = try quantifier.comparison.map { (expectation) throws(PolicyCompileError) in try compile(expectation) }
                return .quantifier(quantifier)
            case .related(var related):
                var match: [(path: FieldPath, operand: Operand)] = []
                for (path, operand) in related.match { match.append((path, try compile(operand))) }
                related.match = match
                related.requirement = try related.requirement.map { (condition) throws(PolicyCompileError) in try compile(condition) }
                joins.insert(related.indexKey)
                return .related(related)
            }
        }

        mutating func compileAll(_ children: [Condition]) throws(PolicyCompileError) -> [Condition] {
            var compiled: [Condition] = []
            compiled.reserveCapacity(children.count)
            for child in children { compiled.append(try compile(child)) }
            return compiled
        }

        mutating func compile(_ expectation: Expectation) throws(PolicyCompileError) -> Expectation {
            var result = expectation
            var checks: [Check] = []
            for var item in expectation.checks {
                switch item.argument {
                case .operand(let operand):
                    let compiled = try compile(operand)
                    item.argument = .operand(compiled)
                    if case .literal(.string(let text)) = compiled {
                        if item.op == .matches {
                            switch Pattern.regex(text) {
                            case .success(let pattern): item.pattern = pattern
                            case .failure(let error): throw .invalidPattern(pattern: text, reason: error.reason, location: item.location)
                            }
                        } else if item.op == .glob {
                            item.pattern = .glob(Glob(text))
                        }
                    }
                case .nested(let nested):
                    item.argument = .nested(try compile(nested))
                case .window(let amount, let reference):
                    item.argument = .window(amount: try compile(amount),
                                            reference: try reference.map { (operand) throws(PolicyCompileError) in try compile(operand) })
                }
                checks.append(item)
            }
            result.checks = checks
            let literalOnly = checks.allSatisfy { item in
                switch item.argument {
                case .operand(.literal): return true
                case .nested(let nested): return nested.fixedDescription != nil
                default: return false
                }
            }
            if literalOnly { result.fixedDescription = ExpectationText.describe(result) }
            return result
        }

        mutating func compile(_ operand: Operand) throws(PolicyCompileError) -> Operand {
            switch operand {
            case .lookup(var lookup):
                var match: [(path: FieldPath, operand: Operand)] = []
                for (path, inner) in lookup.match { match.append((path, try compile(inner))) }
                lookup.match = match
                joins.insert(lookup.indexKey)
                return .lookup(lookup)
            case .product(let base, let factor):
                return .product(try compile(base), factor: try compile(factor))
            case .literal, .ref, .table:
                return operand
            case .param:
                break
            }
            guard case .param(let name, let key, let location) = operand else { return operand }
            guard let value = params[name] else {
                throw .unknownParameter(name: name, policy: policy.id, location: location,
                                        suggestion: NameSuggester.suggestion(for: name, among: params.keys.sorted()))
            }
            guard let key else { return .literal(value) }
            guard case .object(let table) = value else {
                throw .keyedParameterNotAMap(name: name, policy: policy.id, location: location)
            }
            return .table(name: name, key: key, table: table)
        }
    }
}
