/// Every operator of the policy language. Each case documents its meaning; its definition
/// (`OperatorDefinition`, one file per operator) gives the `summary` and `examples` that feed
/// `assay explain`, `docs/policy-language.md` and one parameterized test, and its fast plan check.
///
/// Common rules: an operator on a missing path (or JSON `null`) fails, except `exists: false` and
/// `empty: true`; an `unknown` value (Terraform "known after apply") gives *unknown*; comparing
/// values of the wrong kind (a string with `gt`) is an evaluation *error*, never a silent pass.
public enum Operator: String, CaseIterable, Codable, Sendable {
    /// Equal to the operand (numbers numerically, strings exactly, arrays and objects structurally).
    case equals
    /// Not equal to the operand.
    case notEquals = "not_equals"
    /// One of the listed values.
    case `in`
    /// None of the listed values.
    case notIn = "not_in"
    /// `true`: the path has a non-null value; `false`: it is missing or null.
    case exists
    /// `true`: missing, null, `""`, `[]` or `{}`; `false`: present and non-empty.
    case empty
    /// A string containing the substring, an array containing the element, or an object having the key.
    case contains
    /// The opposite of `contains`.
    case notContains = "not_contains"
    /// An array containing every listed element, or an object having every listed key (required tags:
    /// `tags: { contains_all: [owner, environment] }`).
    case containsAll = "contains_all"
    /// An array whose elements all appear in the list (a scalar counts as a one-element array).
    case subsetOf = "subset_of"
    /// An array sharing at least one element with the list.
    case intersects
    /// A string in which the regular expression finds a match (anchor with `^…$` for a full match).
    case matches
    /// A string fully matching a shell glob (`*`, `?`, `[abc]`).
    case glob
    /// A string starting with the operand.
    case startsWith = "starts_with"
    /// A string ending with the operand.
    case endsWith = "ends_with"
    /// Greater than (numbers, or two dates).
    case gt
    /// Greater than or equal (numbers, or two dates).
    case gte
    /// Less than (numbers, or two dates).
    case lt
    /// Less than or equal (numbers, or two dates).
    case lte
    /// Within `[low, high]`, inclusive (numbers, or dates).
    case between
    /// The length of a string, array or object satisfies the nested expectation.
    case length
    /// A version (`1.2`, `TLSv1.2`, `TLS1_2`) at or above the operand.
    case versionGte = "version_gte"
    /// A version strictly below the operand.
    case versionLt = "version_lt"
    /// A date more than N days before the as-of date (or before the `of:` date).
    case olderThanDays = "older_than_days"
    /// A date no more than N days before the as-of date (or the `of:` date); later dates pass.
    case withinDays = "within_days"
    /// A date no more than N calendar months before the as-of date (or the `of:` date).
    case withinMonths = "within_months"
    /// An IP address or CIDR block inside the operand block (or any block of a list).
    case cidrWithin = "cidr_within"
    /// `true`: the address or block reaches public address space (`0.0.0.0/0` does); `false`: it is private.
    case isPublicCidr = "is_public_cidr"
    /// A number, or a range `{from, to}` (inclusive; a list of either: any of them), that shares at
    /// least one number with the operand: a number, or a list of numbers and `[low, high]` ranges.
    /// Port checks: a rule open on `0-65535` overlaps port 22.
    case overlaps
    /// A region (or multi-region code such as GCS `EU`, KMS `europe`) whose every member region lies
    /// in one of the listed jurisdictions (`EU`, `UK`, `US`, `CH`, … from the region catalog).
    case jurisdictionIn = "jurisdiction_in"

    /// The operator's definition: its summary, examples and fast plan check, one file per
    /// operator in `Sources/PolicyEngine/Operators/`. The switch is the registry: a new case does
    /// not compile until it names its definition.
    var definition: any OperatorDefinition.Type {
        switch self {
        case .equals: return EqualsOperator.self
        case .notEquals: return NotEqualsOperator.self
        case .in: return InOperator.self
        case .notIn: return NotInOperator.self
        case .exists: return ExistsOperator.self
        case .empty: return EmptyOperator.self
        case .contains: return ContainsOperator.self
        case .notContains: return NotContainsOperator.self
        case .containsAll: return ContainsAllOperator.self
        case .subsetOf: return SubsetOfOperator.self
        case .intersects: return IntersectsOperator.self
        case .matches: return MatchesOperator.self
        case .glob: return GlobOperator.self
        case .startsWith: return StartsWithOperator.self
        case .endsWith: return EndsWithOperator.self
        case .gt: return GtOperator.self
        case .gte: return GteOperator.self
        case .lt: return LtOperator.self
        case .lte: return LteOperator.self
        case .between: return BetweenOperator.self
        case .length: return LengthOperator.self
        case .versionGte: return VersionGteOperator.self
        case .versionLt: return VersionLtOperator.self
        case .olderThanDays: return OlderThanDaysOperator.self
        case .withinDays: return WithinDaysOperator.self
        case .withinMonths: return WithinMonthsOperator.self
        case .cidrWithin: return CidrWithinOperator.self
        case .isPublicCidr: return IsPublicCidrOperator.self
        case .overlaps: return OverlapsOperator.self
        case .jurisdictionIn: return JurisdictionInOperator.self
        }
    }

    /// One-line description for `assay explain` and the docs.
    public var summary: String { definition.summary }

    /// Worked examples: a document, a condition, and the outcome. Run by one parameterized test and
    /// printed by `assay explain`. Evaluated with as-of date 2026-06-30.
    public var examples: [OperatorExample] { definition.examples }

    /// True for operators whose argument is a nested expectation rather than an operand.
    public var takesNestedExpectation: Bool { self == .length }

    /// Names other policy tools give these operators (Checkov YAML policies, Cloud Custodian
    /// value filters, OPA/Rego built-ins, symbols), lower-case with `_` for `-`: an unknown
    /// operator spelt one of these ways gets the Assay name as its suggestion.
    public static let otherToolsSpellings: [String: Operator] = [
        "eq": .equals, "equal": .equals, "==": .equals, "is": .equals,
        "ne": .notEquals, "not_equal": .notEquals, "!=": .notEquals,
        "one_of": .in, "within": .in, "value_in": .in, "not_within": .notIn, "not_one_of": .notIn, "not_in_list": .notIn,
        "greater_than": .gt, ">": .gt, "greater": .gt,
        "ge": .gte, ">=": .gte, "greater_than_or_equal": .gte, "greater_or_equal": .gte, "at_least": .gte, "min": .gte,
        "less_than": .lt, "<": .lt, "less": .lt,
        "le": .lte, "<=": .lte, "less_than_or_equal": .lte, "less_or_equal": .lte, "at_most": .lte, "max": .lte,
        "regex": .matches, "regex_match": .matches, "re_match": .matches, "match": .matches,
        "starting_with": .startsWith, "startswith": .startsWith, "prefix": .startsWith,
        "ending_with": .endsWith, "endswith": .endsWith, "suffix": .endsWith,
        "includes": .contains, "has": .contains, "not_includes": .notContains,
        "present": .exists, "not_exists": .exists, "absent": .exists, "is_empty": .empty,
    ]

    /// The operator an unknown name most likely means: the Assay name of another tool's
    /// spelling, a close misspelling of an Assay name, or of another tool's spelling (nil otherwise).
    public static func suggestion(for name: String) -> String? {
        let normalized = name.lowercased().replacingOccurrences(of: "-", with: "_")
        if let known = otherToolsSpellings[normalized] { return known.rawValue }
        if let close = NameSuggester.suggestion(for: name, among: allCases.map(\.rawValue)) { return close }
        return NameSuggester.suggestion(for: normalized, among: otherToolsSpellings.keys.sorted()).flatMap { otherToolsSpellings[$0]?.rawValue }
    }
}

/// One worked example of an operator.
public struct OperatorExample: Sendable {
    /// The resource document, as JSON.
    public let document: String
    /// The condition, as YAML (one `path: expectation` line).
    public let condition: String
    /// The expected outcome.
    public let expected: Verdict

    /// Creates an example.
    public init(_ document: String, _ condition: String, _ expected: Verdict) {
        self.document = document
        self.condition = condition
        self.expected = expected
    }
}
