/// Every operator of the policy language. Each case documents its meaning; `summary` and
/// `examples` feed `assay explain`, `docs/policy-language.md` and one parameterized test.
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

    /// One-line description for `assay explain` and the docs.
    public var summary: String {
        switch self {
        case .equals: return "Equal to the operand (numbers numerically, strings exactly, arrays and objects structurally)."
        case .notEquals: return "Not equal to the operand (a missing value still fails: use `default:` to allow it)."
        case .in: return "One of the listed values."
        case .notIn: return "None of the listed values."
        case .exists: return "`true`: the path has a non-null value; `false`: it is missing or null."
        case .empty: return "`true`: missing, null, \"\", [] or {}; `false`: present and non-empty."
        case .contains: return "A string containing the substring, an array containing the element, or an object having the key."
        case .notContains: return "A string not containing the substring, or an array not containing the element."
        case .containsAll: return "An array containing every listed element, or an object having every listed key."
        case .subsetOf: return "An array whose elements all appear in the list (a scalar counts as a one-element array)."
        case .intersects: return "An array sharing at least one element with the list."
        case .matches: return "A string in which the regular expression finds a match (anchor with ^…$ for a full match)."
        case .glob: return "A string fully matching a shell glob (*, ?, [abc])."
        case .startsWith: return "A string starting with the operand."
        case .endsWith: return "A string ending with the operand."
        case .gt: return "Greater than the operand (two numbers, or two dates)."
        case .gte: return "Greater than or equal to the operand (two numbers, or two dates)."
        case .lt: return "Less than the operand (two numbers, or two dates)."
        case .lte: return "Less than or equal to the operand (two numbers, or two dates)."
        case .between: return "Within [low, high], inclusive (numbers or dates)."
        case .length: return "The length of a string, array or object satisfies the nested expectation."
        case .versionGte: return "A version (1.2, TLSv1.2, TLS1_2) at or above the operand."
        case .versionLt: return "A version strictly below the operand."
        case .olderThanDays: return "A date more than N days before the as-of date (or before the `of:` date)."
        case .withinDays: return "A date no more than N days before the as-of date (or the `of:` date); later dates pass."
        case .withinMonths: return "A date no more than N calendar months before the as-of date (or the `of:` date)."
        case .cidrWithin: return "An IP address or CIDR block inside the operand block (or any block of a list)."
        case .isPublicCidr: return "`true`: the address or block reaches public address space; `false`: it stays private."
        case .overlaps:
            return "A number or range {from, to} (or a list of them) sharing a number with the operand: numbers and [low, high] ranges."
        case .jurisdictionIn:
            return "A region or multi-region code whose every member region lies in one of the listed jurisdictions."
        }
    }

    /// Worked examples: a document, a condition, and the outcome. Run by one parameterized test and
    /// printed by `assay explain`. Evaluated with as-of date 2026-06-30.
    public var examples: [OperatorExample] {
        switch self {
        case .equals:
            return [
                .init(#"{"tags": {"environment": "prod"}}"#, "tags.environment: { equals: prod }", .pass),
                .init(#"{"tags": {"environment": "dev"}}"#, "tags.environment: prod", .fail),
                .init(#"{"port": 443}"#, "port: { equals: 443.0 }", .pass),
                .init(#"{"tags": {}}"#, "tags.environment: { equals: prod }", .fail),
            ]
        case .notEquals:
            return [
                .init(#"{"protocol": "HTTPS"}"#, "protocol: { not_equals: HTTP }", .pass),
                .init(#"{"protocol": "HTTP"}"#, "protocol: { not_equals: HTTP }", .fail),
                .init(#"{}"#, "protocol: { not_equals: HTTP }", .fail),
                .init(#"{}"#, "protocol: { not_equals: HTTP, default: HTTPS }", .pass),
            ]
        case .in:
            return [
                .init(#"{"region": "eu-west-1"}"#, "region: { in: [eu-west-1, eu-central-1] }", .pass),
                .init(#"{"region": "us-east-1"}"#, "region: { in: [eu-west-1, eu-central-1] }", .fail),
                .init(#"{"region": "eu-west-1"}"#, "region: { in: eu-west-1 }", .error),
            ]
        case .notIn:
            return [
                .init(#"{"tags": {"environment": "prod"}}"#, "tags.environment: { not_in: [sandbox, scratch] }", .pass),
                .init(#"{"tags": {"environment": "sandbox"}}"#, "tags.environment: { not_in: [sandbox, scratch] }", .fail),
            ]
        case .exists:
            return [
                .init(#"{"tags": {"owner": "team-a"}}"#, "tags.owner: { exists: true }", .pass),
                .init(#"{"tags": {}}"#, "tags.owner: { exists: true }", .fail),
                .init(#"{"public_ip": null}"#, "public_ip: { exists: false }", .pass),
                .init(#"{"public_ip": "1.2.3.4"}"#, "public_ip: { exists: false }", .fail),
            ]
        case .empty:
            return [
                .init(#"{"replication": {"regions": []}}"#, "replication.regions: { empty: true }", .pass),
                .init(#"{}"#, "replication.regions: { empty: true }", .pass),
                .init(#"{"tags": {"owner": ""}}"#, "tags.owner: { empty: false }", .fail),
                .init(#"{"tags": {"owner": "team-a"}}"#, "tags.owner: { empty: false }", .pass),
            ]
        case .contains:
            return [
                .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { contains: eu-central-1 }", .pass),
                .init(#"{"name": "payments-prod-db"}"#, "name: { contains: prod }", .pass),
                .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { contains: eu-central-1 }", .fail),
                .init(#"{"tags": {"owner": "team-a"}}"#, "tags: { contains: owner }", .pass),
                .init(#"{"port": 443}"#, "port: { contains: 4 }", .error),
            ]
        case .notContains:
            return [
                .init(#"{"actions": ["s3:GetObject"]}"#, "actions: { not_contains: \"*\" }", .pass),
                .init(#"{"actions": ["*"]}"#, "actions: { not_contains: \"*\" }", .fail),
            ]
        case .containsAll:
            return [
                .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { contains_all: [eu-west-1, eu-central-1] }", .pass),
                .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { contains_all: [eu-west-1, eu-central-1] }", .fail),
                .init(#"{"tags": {"owner": "team-a", "environment": "prod"}}"#, "tags: { contains_all: [owner, environment] }", .pass),
                .init(#"{"tags": {"owner": "team-a"}}"#, "tags: { contains_all: [owner, environment] }", .fail),
            ]
        case .subsetOf:
            return [
                .init(#"{"replication": {"regions": ["eu-west-1"]}}"#, "replication.regions: { subset_of: [eu-west-1, eu-central-1] }", .pass),
                .init(#"{"replication": {"regions": ["eu-west-1", "us-east-1"]}}"#, "replication.regions: { subset_of: [eu-west-1, eu-central-1] }", .fail),
                .init(#"{"region": "eu-west-1"}"#, "region: { subset_of: [eu-west-1] }", .pass),
            ]
        case .intersects:
            return [
                .init(#"{"regions": ["us-east-1", "eu-west-1"]}"#, "regions: { intersects: [eu-west-1, eu-central-1] }", .pass),
                .init(#"{"regions": ["us-east-1"]}"#, "regions: { intersects: [eu-west-1, eu-central-1] }", .fail),
            ]
        case .matches:
            return [
                .init(#"{"tags": {"cost-center": "CC-1049"}}"#, #"tags["cost-center"]: { matches: "^CC-[0-9]{4}$" }"#, .pass),
                .init(#"{"tags": {"cost-center": "1049"}}"#, #"tags["cost-center"]: { matches: "^CC-[0-9]{4}$" }"#, .fail),
                .init(#"{"port": 443}"#, #"port: { matches: "^4" }"#, .error),
            ]
        case .glob:
            return [
                .init(#"{"id": "arn:aws:s3:::legacy-logs"}"#, #"id: { glob: "arn:aws:s3:::legacy-*" }"#, .pass),
                .init(#"{"id": "arn:aws:s3:::payments"}"#, #"id: { glob: "arn:aws:s3:::legacy-*" }"#, .fail),
            ]
        case .startsWith:
            return [
                .init(#"{"tls_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}"#, "tls_policy: { starts_with: ELBSecurityPolicy-TLS13 }", .pass),
                .init(#"{"tls_policy": "ELBSecurityPolicy-2016-08"}"#, "tls_policy: { starts_with: ELBSecurityPolicy-TLS13 }", .fail),
            ]
        case .endsWith:
            return [
                .init(#"{"sku": "Standard_RAGRS"}"#, "sku: { ends_with: GRS }", .pass),
                .init(#"{"sku": "Standard_LRS"}"#, "sku: { ends_with: GRS }", .fail),
            ]
        case .gt:
            return [
                .init(#"{"backup": {"retention_days": 35}}"#, "backup.retention_days: { gt: 30 }", .pass),
                .init(#"{"backup": {"retention_days": 30}}"#, "backup.retention_days: { gt: 30 }", .fail),
                .init(#"{"backup": {"retention_days": "35"}}"#, "backup.retention_days: { gt: 30 }", .error),
                .init(#"{"tested": "2026-06-01", "changed": "2026-05-01"}"#, "tested: { gt: { ref: changed } }", .pass),
            ]
        case .gte:
            return [
                .init(#"{"backup": {"retention_days": 30}}"#, "backup.retention_days: { gte: 30 }", .pass),
                .init(#"{"backup": {"retention_days": 7}}"#, "backup.retention_days: { gte: 30 }", .fail),
            ]
        case .lt:
            return [
                .init(#"{"dns": {"ttl": 30}}"#, "dns.ttl: { lt: 60 }", .pass),
                .init(#"{"dns": {"ttl": 300}}"#, "dns.ttl: { lt: 60 }", .fail),
            ]
        case .lte:
            return [
                .init(#"{"dns": {"ttl": 60}}"#, "dns.ttl: { lte: 60 }", .pass),
                .init(#"{"dns": {"ttl": 61}}"#, "dns.ttl: { lte: 60 }", .fail),
                .init(#"{}"#, "dns.ttl: { lte: 60 }", .fail),
            ]
        case .between:
            return [
                .init(#"{"backup": {"retention_days": 35}}"#, "backup.retention_days: { between: [7, 35] }", .pass),
                .init(#"{"backup": {"retention_days": 90}}"#, "backup.retention_days: { between: [7, 35] }", .fail),
                .init(#"{"backup": {"retention_days": 9}}"#, "backup.retention_days: { between: [7] }", .error),
            ]
        case .length:
            return [
                .init(#"{"replication": {"regions": ["eu-west-1", "eu-central-1"]}}"#, "replication.regions: { length: { gte: 2 } }", .pass),
                .init(#"{"replication": {"regions": []}}"#, "replication.regions: { length: { gte: 1 } }", .fail),
            ]
        case .versionGte:
            return [
                .init(#"{"encryption": {"in_transit": {"min_tls": "TLSv1.2"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .pass),
                .init(#"{"encryption": {"in_transit": {"min_tls": "TLS1_0"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .fail),
                .init(#"{"encryption": {"in_transit": {"min_tls": "modern"}}}"#, #"encryption.in_transit.min_tls: { version_gte: "1.2" }"#, .error),
            ]
        case .versionLt:
            return [
                .init(#"{"engine_version": "13.4"}"#, #"engine_version: { version_lt: "14" }"#, .pass),
                .init(#"{"engine_version": "15.2"}"#, #"engine_version: { version_lt: "14" }"#, .fail),
            ]
        case .olderThanDays:
            return [
                .init(#"{"last_rotated": "2025-01-10"}"#, "last_rotated: { older_than_days: 365 }", .pass),
                .init(#"{"last_rotated": "2026-06-01"}"#, "last_rotated: { older_than_days: 365 }", .fail),
                .init(#"{"last_rotated": "soon"}"#, "last_rotated: { older_than_days: 365 }", .error),
            ]
        case .withinDays:
            return [
                .init(#"{"last_reviewed_at": "2026-05-15"}"#, "last_reviewed_at: { within_days: 90 }", .pass),
                .init(#"{"last_reviewed_at": "2025-12-01T09:30:00Z"}"#, "last_reviewed_at: { within_days: 90 }", .fail),
                .init(#"{"tested": "2026-08-20", "audit": "2026-09-01"}"#, "tested: { within_days: { days: 30, of: { ref: audit } } }", .pass),
                .init(#"{"tested": "2026-03-01", "audit": "2026-09-01"}"#, "tested: { within_days: { days: 30, of: { ref: audit } } }", .fail),
            ]
        case .withinMonths:
            return [
                .init(#"{"last_test": "2026-01-15"}"#, "last_test: { within_months: 6 }", .pass),
                .init(#"{"last_test": "2025-12-29"}"#, "last_test: { within_months: 6 }", .fail),
            ]
        case .cidrWithin:
            return [
                .init(#"{"cidr": "10.1.2.0/24"}"#, "cidr: { cidr_within: 10.0.0.0/8 }", .pass),
                .init(#"{"cidr": "192.168.0.0/16"}"#, "cidr: { cidr_within: [10.0.0.0/8, 172.16.0.0/12] }", .fail),
            ]
        case .isPublicCidr:
            return [
                .init(#"{"source": "0.0.0.0/0"}"#, "source: { is_public_cidr: false }", .fail),
                .init(#"{"source": "10.0.0.0/16"}"#, "source: { is_public_cidr: false }", .pass),
                .init(#"{"source": "2600:1f18::/32"}"#, "source: { is_public_cidr: true }", .pass),
            ]
        case .overlaps:
            return [
                .init(#"{"ports": {"from": 0, "to": 65535}}"#, "ports: { overlaps: [22, 3389] }", .pass),
                .init(#"{"ports": {"from": 443, "to": 443}}"#, "ports: { overlaps: [22, 3389] }", .fail),
                .init(#"{"ports": 8080}"#, "ports: { overlaps: [[8000, 8100]] }", .pass),
                .init(#"{"ports": {"from": 22}}"#, "ports: { overlaps: [22] }", .error),
            ]
        case .jurisdictionIn:
            return [
                .init(#"{"region": "eu-west-1"}"#, "region: { jurisdiction_in: [EU] }", .pass),
                .init(#"{"location": "EU"}"#, "location: { jurisdiction_in: [EU] }", .pass),
                .init(#"{"region": "us-east-1"}"#, "region: { jurisdiction_in: [EU, UK] }", .fail),
                .init(#"{"region": "atlantis-1"}"#, "region: { jurisdiction_in: [EU] }", .error),
            ]
        }
    }

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
    public let expected: Outcome.Status

    /// Creates an example.
    public init(_ document: String, _ condition: String, _ expected: Outcome.Status) {
        self.document = document
        self.condition = condition
        self.expected = expected
    }
}
