/// What a policy says about itself for humans and auditors: the fields a `Policy` is declared with
/// and a `PolicyReport` reports unchanged. One value both hold (through `@dynamicMemberLookup`, so
/// `policy.title` and `report.title` read the same field), so a new metadata field is added once.
public struct PolicyMetadata: Sendable, Hashable {
    /// Stable dotted id (`encryption.at_rest.customer_key`), used in every output and in waivers.
    public var id: String
    /// One-line title.
    public var title: String
    /// Severity of a failure.
    public var severity: Severity
    /// Enforcement level.
    public var enforcement: Enforcement
    /// Topic (`encryption`, `tagging`, `cost`, …).
    public var category: String
    /// Control ids per framework key (`soc2: [CC6.1]`).
    public var frameworks: [String: [String]]
    /// Why the policy matters.
    public var description: String
    /// What to change when it fails.
    public var remediation: String

    /// Creates a policy's metadata.
    public init(
        id: String, title: String, severity: Severity, enforcement: Enforcement, category: String = "",
        frameworks: [String: [String]] = [:], description: String = "", remediation: String = ""
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.enforcement = enforcement
        self.category = category
        self.frameworks = frameworks
        self.description = description
        self.remediation = remediation
    }
}
