public import PolicyEngine

/// Which resources had usage charges in the billing exports over a window of complete months,
/// by sub-account (AWS usage account, Azure subscription, GCP project): the evidence behind the
/// idle-DR check (docs/billing.md, "Idle DR resources").
///
/// A resource is matched when its `id`, `native_id` or `name` equals a billed resource id
/// (case-insensitive; CUR `lineItem/ResourceId`, FOCUS `ResourceId`, Azure `ResourceId`). Whether
/// it had usage is *unknown* — never "idle" — when no billing line of its account falls in the
/// window, or when none of that account's lines carries a resource id.
public struct BillingResourceUsage: Sendable {
    /// The grouping the cost stage builds for this check.
    public static let groupBy = ["sub_account", "resource"]

    /// One account's evidence.
    struct AccountUsage: Sendable {
        /// Lowercased resource ids with usage charges in the window.
        var used: Set<String> = []
        /// Lines of the account that carry a resource id.
        var linesWithResource = 0
    }

    /// `YYYY-MM to YYYY-MM`, the window's first and last month.
    public let window: String
    /// Evidence by normalized account; nil when no billing export was read.
    let accounts: [String: AccountUsage]?

    /// The evidence of the `groupBy` groups in the `months` complete months before `asOf`; nil
    /// groups mean no billing export was read.
    public init(groups: [CostGroupKey: CostBucket]?, asOf: CivilDate, months: Int) {
        let window = CostAggregator.window(asOf: asOf, months: months)
        self.window = (window.first?.description ?? "") + " to " + (window.last?.description ?? "")
        guard let groups else {
            accounts = nil
            return
        }
        let selected = Set(window)
        var accounts: [String: AccountUsage] = [:]
        for (key, bucket) in groups where selected.contains(key.month) && key.values.count == 2 {
            let account = Self.normalizedAccount(key.values[0] ?? "")
            var usage = accounts[account, default: AccountUsage()]
            if let resource = key.values[1] {
                usage.linesWithResource += bucket.lines
                if !bucket.usage.isZero || !bucket.coveredList.isZero { usage.used.insert(resource.lowercased()) }
            }
            accounts[account] = usage
        }
        self.accounts = accounts
    }

    /// The account as both sides spell it: lowercased, and an Azure `/subscriptions/<id>` path
    /// reduced to the subscription id.
    public static func normalizedAccount(_ text: String) -> String {
        let lowered = text.lowercased()
        guard let range = lowered.range(of: "/subscriptions/") else { return lowered }
        return String(lowered[range.upperBound...].prefix { $0 != "/" })
    }

    /// Adds `billing: {usage_charges, window, usage_unknown_reason}` to every inventory resource
    /// (one with a `provider`) whose tag `environmentTag` is `drEnvironment`; others are left alone.
    public func annotate(_ resources: inout [Resource], environmentTag: String, drEnvironment: String) {
        guard let tag = DRTag(environmentTag: environmentTag, drEnvironment: drEnvironment) else { return }
        for index in resources.indices where tag.matches(resources[index]) {
            guard var fields = resources[index].document.objectValue else { continue }
            fields["billing"] = .object(evidence(for: resources[index]))
            resources[index].document = .object(fields)
        }
    }

    /// True for the document of an inventory resource tagged as DR (the document, not the
    /// `Resource`: callers read the resources in place, and a `Resource` handed over is a copy,
    /// a reference count per member).
    public static func isDR(document: Value, environmentTag: String, drEnvironment: String) -> Bool {
        DRTag(environmentTag: environmentTag, drEnvironment: drEnvironment)?.matches(document) ?? false
    }

    /// `isDR`'s test with its keys interned once, for the passes over every resource.
    struct DRTag {
        let provider: ObjectKey
        let tags: ObjectKey
        let environment: ObjectKey
        let drEnvironment: String

        /// Nil when no document can match: no document of the process has a member named
        /// `environmentTag`, `tags` or `provider` (every member's key is interned).
        init?(environmentTag: String, drEnvironment: String) {
            guard let environment = ObjectKey(existing: environmentTag), let tags = ObjectKey(existing: "tags"),
                  let provider = ObjectKey(existing: "provider") else { return nil }
            self.provider = provider
            self.tags = tags
            self.environment = environment
            self.drEnvironment = drEnvironment
        }

        /// True for a document with a `provider` (even null) whose tag is the DR environment.
        func matches(_ document: Value) -> Bool {
            guard case .object(let fields) = document, case .object(let tagFields)? = fields.value(for: tags),
                  case .string(let text)? = tagFields.value(for: environment), text == drEnvironment else { return false }
            return fields.value(for: provider) != nil
        }

        /// `matches(resource.document)`, read without unpacking the document.
        func matches(_ resource: Resource) -> Bool {
            guard case .string(let text)? = resource.resolve(tags, environment), text == drEnvironment else { return false }
            return resource.hasMember(provider)
        }
    }

    /// True when one of `resources` is an inventory resource tagged as DR (`isDR`). Looked for
    /// on every core (each range stops at its first): an estate without DR tags is read to the
    /// end. The array is shared only until this returns, so the caller's next change to it is
    /// made in place.
    public static func containsDR(_ resources: [Resource], environmentTag: String, drEnvironment: String) -> Bool {
        guard let tag = DRTag(environmentTag: environmentTag, drEnvironment: drEnvironment) else { return false }
        return ParallelMap.chunks(count: resources.count, minimumChunk: 16_384) { range in
            [range.contains { tag.matches(resources[$0]) }]
        }.contains { $0.contains(true) }
    }

    /// The `billing` object of one resource.
    func evidence(for resource: Resource) -> Fields {
        var fields = Fields()
        fields["window"] = .string(window)
        func unknown(_ reason: String) -> Fields {
            fields["usage_charges"] = .unknown
            fields["usage_unknown_reason"] = .string(reason)
            return fields
        }
        guard let accounts else { return unknown("no billing export was read in this run") }
        guard let accountText = resource.document["account"]?.stringValue, !accountText.isEmpty else {
            return unknown("the inventory does not name its account, so its billing lines cannot be found")
        }
        guard let account = accounts[Self.normalizedAccount(accountText)] else {
            return unknown("no billing line of account \(accountText) in \(window) (its billing export was not among the inputs)")
        }
        guard account.linesWithResource > 0 else {
            return unknown("the billing lines of account \(accountText) in \(window) carry no resource ids")
        }
        let keys = ["id", "native_id", "name"].compactMap { resource.document[$0]?.stringValue?.lowercased() }
        fields["usage_charges"] = .bool(keys.contains { account.used.contains($0) })
        return fields
    }
}
