/// How bad a failure of a policy is.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case info, low, medium, high, critical

    /// Rank for ordering (`info` lowest).
    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    /// Orders by rank.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a failure does to the run (Sentinel's three enforcement levels).
public enum Enforcement: String, CaseIterable, Codable, Sendable {
    /// Reported, never fails the run.
    case advisory
    /// Fails the run at or above `fail_on`, but may be waived.
    case soft
    /// Fails the run at or above `fail_on`; waivers still apply, with an owner and an expiry.
    case hard
}

/// Which documents a cost policy evaluates: cost groups built from billing exports.
public struct CostScope: Sendable, Hashable, Codable {
    /// Dimensions to group by: `account`, `sub_account`, `service`, `service_category`, `region`,
    /// `charge_category`, `currency`, `resource`, or `tags.<key>`.
    public var groupBy: [String]
    /// How many complete months before the as-of date to evaluate (1 = the last complete month).
    public var lastMonths: Int

    /// Creates a cost scope.
    public init(groupBy: [String], lastMonths: Int = 1) {
        self.groupBy = groupBy
        self.lastMonths = lastMonths
    }
}

/// Which resources a policy applies to.
public struct PolicyScope: Sendable {
    /// Resource types (globs allowed: `database.*`); empty means every non-cost document.
    public var types: [String]
    /// A filter in the condition language; a resource is in scope only when it passes.
    public var filter: Condition?
    /// Set for cost policies: the cost groups to build and evaluate.
    public var cost: CostScope?

    /// Creates a scope.
    public init(types: [String] = [], filter: Condition? = nil, cost: CostScope? = nil) {
        self.types = types
        self.filter = filter
        self.cost = cost
    }
}

/// A declarative policy: metadata for humans and auditors, a scope, and a requirement. The
/// metadata's fields read as the policy's own (`policy.id`, `policy.severity`).
@dynamicMemberLookup
public struct Policy: Sendable {
    /// Id, title, severity, enforcement, category, frameworks, description and remediation.
    public var metadata: PolicyMetadata
    /// Which resources it applies to.
    public var scope: PolicyScope
    /// What must hold for each resource in scope.
    public var requirement: Condition
    /// The failure message template, if any.
    public var message: MessageTemplate?
    /// The message of an *unknown* verdict (what is not known, and why — a derived field can carry
    /// the reason), if any; otherwise the evaluator's reason is shown.
    public var unknownMessage: MessageTemplate?
    /// Parameter defaults.
    public var params: [String: Value]
    /// One-line descriptions of parameters, for `assay explain` and the docs.
    public var paramDocs: [String: String]
    /// Former ids that still name this policy in waivers and baselines.
    public var aliases: [String]
    /// Where the policy was defined.
    public var location: SourceLocation

    /// Creates a policy.
    public init(
        id: String, title: String, severity: Severity, enforcement: Enforcement, category: String = "",
        frameworks: [String: [String]] = [:], description: String = "", remediation: String = "",
        scope: PolicyScope, requirement: Condition, message: MessageTemplate? = nil,
        params: [String: Value] = [:], paramDocs: [String: String] = [:], aliases: [String] = [],
        location: SourceLocation
    ) {
        self.metadata = PolicyMetadata(
            id: id, title: title, severity: severity, enforcement: enforcement, category: category,
            frameworks: frameworks, description: description, remediation: remediation
        )
        self.scope = scope
        self.requirement = requirement
        self.message = message
        self.params = params
        self.paramDocs = paramDocs
        self.aliases = aliases
        self.location = location
    }

    /// A metadata field (`policy.id`, `policy.title`, …).
    @inlinable
    public subscript<Field>(dynamicMember field: WritableKeyPath<PolicyMetadata, Field>) -> Field {
        get { metadata[keyPath: field] }
        set { metadata[keyPath: field] = newValue }
    }

    /// The policy with `unknownMessage` set.
    public func with(unknownMessage: MessageTemplate?) -> Policy {
        var copy = self
        copy.unknownMessage = unknownMessage
        return copy
    }
}
