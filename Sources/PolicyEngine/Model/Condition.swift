/// A condition in the policy language: a tree of combinators over field tests, quantifiers and
/// joins. Conditions are built by the loader with source locations and compiled once per run.
public indirect enum Condition: Sendable {
    /// Every child holds (an empty list holds).
    case all([Condition])
    /// At least one child holds.
    case any([Condition])
    /// No child holds.
    case none([Condition])
    /// The child does not hold.
    case not(Condition)
    /// A path compared with an expectation.
    case field(FieldTest)
    /// `every` / `some` / `count` over an array.
    case quantifier(Quantifier)
    /// Resources of another type joined by equal fields.
    case related(RelatedTest)
}

/// `path: expectation`. A final class: conditions are walked for every resource, and a
/// reference moves through the evaluator with one reference-count operation instead of one per
/// field of a struct.
public final class FieldTest: Sendable {
    /// The tested path.
    public let path: FieldPath
    /// What must hold of the value found there.
    public let expectation: Expectation
    /// Where the path key was written.
    public let location: SourceLocation

    /// Creates a field test.
    public init(path: FieldPath, expectation: Expectation, location: SourceLocation) {
        self.path = path
        self.expectation = expectation
        self.location = location
    }
}

/// A conjunction of operator checks, with an optional `default:` used when the value is missing.
public struct Expectation: Sendable {
    /// The checks; all must hold.
    public var checks: [Check]
    /// Value to use when the path is missing.
    public var defaultValue: Value?
    /// The evidence text (`gte 30, default 0`), set by the compiler when every operand is a
    /// literal, so explaining a failure does not rebuild it for every resource.
    public var fixedDescription: String?

    /// Creates an expectation.
    public init(checks: [Check], defaultValue: Value? = nil) {
        self.checks = checks
        self.defaultValue = defaultValue
    }
}

/// One operator applied with its argument.
public struct Check: Sendable {
    /// The operator.
    public var op: Operator
    /// Its argument.
    public var argument: CheckArgument
    /// Where the operator key was written.
    public var location: SourceLocation
    /// A precompiled regex or glob, set by the compiler when the operand is a literal.
    public var pattern: Pattern?

    /// Creates a check.
    public init(op: Operator, argument: CheckArgument, location: SourceLocation, pattern: Pattern? = nil) {
        self.op = op
        self.argument = argument
        self.location = location
        self.pattern = pattern
    }
}

/// The argument of an operator.
public enum CheckArgument: Sendable {
    /// A value (literal, parameter or reference).
    case operand(Operand)
    /// A nested expectation (the `length` operator: `length: { gte: 1 }`).
    case nested(Expectation)
    /// A date window (`within_days: { days: 30, of: { ref: audit_date } }`): an amount and the
    /// reference date (the as-of date when absent).
    case window(amount: Operand, reference: Operand?)
}

/// Where an operand's value comes from.
public indirect enum Operand: Sendable {
    /// A literal written in the policy.
    case literal(Value)
    /// `{ param: name }` or `{ param: name, key: path }` as written; the compiler resolves it.
    case param(name: String, key: FieldPath?, location: SourceLocation)
    /// A resolved keyed parameter: the value of `key` on the resource selects an entry of `table`
    /// (its `default` entry covers other keys).
    case table(name: String, key: FieldPath, table: Fields)
    /// `{ ref: path }`: another field of the same resource (or `$`/`@`-anchored).
    case ref(FieldPath)
    /// `{ lookup: { type, match, path } }`: a field of the one document of another type whose
    /// fields equal the match operands (through the same hash indexes as `related`).
    case lookup(Lookup)
    /// `{ …, times: factor }`: a numeric operand multiplied by a factor (a ratio threshold such
    /// as "DR spend at most 30 % of production spend"). The product is a binary `.number`.
    case product(Operand, factor: Operand)

    /// The rendering in a finding's evidence: a long literal abbreviated (`Value.evidenceText`).
    public var evidenceText: String {
        if case .literal(let value) = self { return value.evidenceText }
        return displayText
    }

    /// A short rendering for evidence and messages.
    public var displayText: String {
        switch self {
        case .literal(let value): return value.displayText
        case .param(let name, let key, _): return key.map { "param \(name)[\($0)]" } ?? "param \(name)"
        case .table(let name, let key, _): return "param \(name)[\(key)]"
        case .ref(let path): return "ref \(path)"
        case .lookup(let lookup): return "lookup \(lookup.type).\(lookup.path)"
        case .product(let base, let factor): return "\(base.displayText) × \(factor.displayText)"
        }
    }
}

/// The target of a `lookup` operand.
public struct Lookup: Sendable {
    /// Type of the looked-up document.
    public var type: String
    /// Field of the looked-up document → operand it must equal.
    public var match: [(path: FieldPath, operand: Operand)]
    /// The field whose value the operand takes.
    public var path: FieldPath
    /// Where the lookup was written.
    public var location: SourceLocation

    /// Creates a lookup.
    public init(type: String, match: [(path: FieldPath, operand: Operand)], path: FieldPath, location: SourceLocation) {
        self.type = type
        self.match = match
        self.path = path
        self.location = location
    }

    /// The index this lookup uses.
    public var indexKey: RelatedIndexKey { RelatedIndexKey(type: type, paths: match.map(\.path)) }
}

/// `every`, `some` and `count` over an array.
public struct Quantifier: Sendable {
    /// Which quantifier.
    public enum Kind: String, Sendable, CaseIterable {
        /// Every element (optionally: every element matching `where`) satisfies `require`.
        case every
        /// At least one element satisfies `require`.
        case some
        /// The number of elements matching `where` satisfies the comparison.
        case count
    }

    /// Which quantifier.
    public var kind: Kind
    /// The array.
    public var path: FieldPath
    /// Used when the array is missing (e.g. `default: []`).
    public var defaultValue: Value?
    /// Element filter.
    public var filter: Condition?
    /// Element requirement (`every`, `some`).
    public var requirement: Condition?
    /// Comparison of the count (`count`), e.g. `gte: 2`.
    public var comparison: Expectation?
    /// Where the quantifier was written.
    public var location: SourceLocation

    /// Creates a quantifier.
    public init(
        kind: Kind, path: FieldPath, defaultValue: Value? = nil, filter: Condition? = nil,
        requirement: Condition? = nil, comparison: Expectation? = nil, location: SourceLocation
    ) {
        self.kind = kind
        self.path = path
        self.defaultValue = defaultValue
        self.filter = filter
        self.requirement = requirement
        self.comparison = comparison
        self.location = location
    }
}

/// `related`: resources of another type whose fields equal the given operands.
public struct RelatedTest: Sendable {
    /// The related resource type.
    public var type: String
    /// Field of the related resource → operand it must equal. Compared by scalar text
    /// (case-sensitive), through a hash index built once per run.
    public var match: [(path: FieldPath, operand: Operand)]
    /// What the related resources must satisfy to count (paths relative to the related resource).
    public var requirement: Condition?
    /// Minimum number of matching related resources (default 1).
    public var minimum: Int
    /// Maximum number, if bounded.
    public var maximum: Int?
    /// Where the `related` key was written.
    public var location: SourceLocation

    /// Creates a join.
    public init(
        type: String, match: [(path: FieldPath, operand: Operand)], requirement: Condition? = nil,
        minimum: Int = 1, maximum: Int? = nil, location: SourceLocation
    ) {
        self.type = type
        self.match = match
        self.requirement = requirement
        self.minimum = minimum
        self.maximum = maximum
        self.location = location
    }

    /// The index this join needs: related type plus the matched paths, in order.
    public var indexKey: RelatedIndexKey {
        RelatedIndexKey(type: type, paths: match.map(\.path))
    }
}

/// Identifies one hash index of related resources.
public struct RelatedIndexKey: Sendable, Hashable {
    /// The related type.
    public var type: String
    /// The matched paths.
    public var paths: [FieldPath]
}
