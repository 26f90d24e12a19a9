import PolicyEngine

/// How AWS settings become facets, shared by the AWS Config and Terraform readers: each reader
/// pulls the native values out of its own field names, and these rules turn them into facets the
/// same way. Every rule passes `.unknown` (Terraform "known after apply") through to the facet.
enum AWSFacetRules {
    /// At-rest encryption from an `enabled` flag and an optional key: without a key the
    /// service's AWS-managed key is used; with one, see `AWSPolicyFacts.keyManagedBy`.
    static func encryption(enabled: Value?, key: Value?, into resource: inout NormalizedResource) {
        guard let enabled = enabled?.boolFacet else { return }
        resource[.atRestEnabled] = enabled
        guard enabled == .bool(true) else { return }
        resource.set(.atRestKeyID, key?.stringFacet)
        resource[.atRestKeyManagedBy] = AWSPolicyFacts.keyManagedBy(key?.stringFacet) ?? .string("provider")
    }

    /// Automated-backup retention in days (0 = backups off); RDS point-in-time recovery follows it.
    static func retention(_ days: Value?, pitrFollows: Bool, into resource: inout NormalizedResource) {
        guard let days = days?.numberFacet else { return }
        resource[.backupRetentionDays] = days
        let enabled: Value = days.isUnknown ? .unknown : .bool((days.doubleValue ?? 0) > 0)
        resource[.backupEnabled] = enabled
        if pitrFollows { resource[.backupPITR] = enabled }
    }

    /// Regions of identifiers: an ARN's region field, `home` for plain identifiers.
    static func regions(ofIdentifiers identifiers: [String], home: String?) -> [String] {
        Set(identifiers.compactMap { identifier in
            guard let arn = LocationCodes.ARN(identifier) else { return home }
            return arn.region.isEmpty ? home : arn.region
        }).sorted()
    }

    /// Read replicas: identifiers (same region) or ARNs (cross-region).
    static func readReplicas(_ identifiers: Value?, home: String?, into resource: inout NormalizedResource) {
        guard let identifiers else { return }
        if identifiers.isUnknown {
            resource[.replicationEnabled] = .unknown
            return
        }
        let replicas = identifiers.elements.compactMap(\.text)
        resource[.replicationEnabled] = .bool(!replicas.isEmpty)
        guard !replicas.isEmpty else { return }
        resource[.replicationTargets] = .array(replicas.map(Value.string))
        resource[.replicationRegions] = .array(regions(ofIdentifiers: replicas, home: home).map(Value.string))
        resource[.replicationMode] = .string("read-replica")
    }

    /// DynamoDB global-table replicas: the replica regions other than the table's own.
    static func globalTable(replicaRegions: Value?, home: String?, into resource: inout NormalizedResource) {
        guard let replicaRegions else { return }
        if replicaRegions.isUnknown {
            resource[.replicationEnabled] = .unknown
            return
        }
        let regions = Set(replicaRegions.elements.compactMap(\.text)).subtracting(home.map { [$0] } ?? []).sorted()
        resource[.replicationEnabled] = .bool(!regions.isEmpty)
        guard !regions.isEmpty else { return }
        resource[.replicationRegions] = .array(regions.map(Value.string))
        resource[.replicationMode] = .string("global-table")
    }

    /// One backup-plan rule in neutral form.
    struct BackupRule {
        var name: Value?
        var retentionDays: Value?
        var coldAfterDays: Value?
        /// Copy destinations (vault ARNs) as the export shows them: nil for a copy action without
        /// a destination, `.unknown` for one not known yet (Terraform "known after apply").
        var copyTargets: [Value?]
        var continuous: Bool
    }

    /// The destinations of a rule's copy actions (`destination` names the ARN field); a copy-action
    /// list that is itself unknown yields one unknown destination.
    static func copyTargets(_ actions: Value?, destination: String) -> [Value?] {
        guard let actions else { return [] }
        if actions.isUnknown { return [.unknown] }
        return actions.elements.map { $0.at(destination) }
    }

    /// Backup-plan facets: a tier per rule, the longest retention, the earliest cold move,
    /// copy destinations' regions, continuous backup (point-in-time recovery).
    static func backupPlan(_ rules: [BackupRule], into resource: inout NormalizedResource) {
        resource[.backupEnabled] = .bool(!rules.isEmpty)
        var longest: Double?
        var coldest: Double?
        var tiers: [Value] = []
        for rule in rules {
            var tier = Fields()
            tier["name"] = rule.name?.stringFacet
            tier["retention_days"] = rule.retentionDays?.numberFacet
            tier["cold_after_days"] = rule.coldAfterDays?.numberFacet
            tiers.append(.object(tier))
            if let days = rule.retentionDays?.numberFacet?.doubleValue { longest = max(longest ?? days, days) }
            if let days = rule.coldAfterDays?.numberFacet?.doubleValue { coldest = min(coldest ?? days, days) }
        }
        resource[.backupTiers] = .array(tiers)
        resource.set(.backupRetentionDays, longest.map(Value.number))
        resource.set(.backupColdStorageAfterDays, coldest.map(Value.number))
        // Copy regions rest on the destinations' ARNs: a destination the export does not show
        // (missing, unknown, or an identifier without a region) makes the whole list unknown, so a
        // residency check cannot pass on the copies it can see.
        var copyRegions = Set<String>()
        var resolved = true
        for target in rules.flatMap(\.copyTargets) {
            guard let text = target?.text, let arn = LocationCodes.ARN(text), !arn.region.isEmpty else {
                resolved = false
                continue
            }
            copyRegions.insert(arn.region)
        }
        resource[.backupCopyRegions] = resolved ? .array(copyRegions.sorted().map(Value.string)) : .unknown
        resource[.backupPITR] = .bool(rules.contains(where: \.continuous))
    }

    /// ELBv2 listener: protocol, port, TLS policy; HTTP counts as HTTPS-only when every default
    /// action redirects to HTTPS.
    static func listener(
        protocol transport: Value?, port: Value?, policy: Value?, actions: [(type: Value?, redirectProtocol: Value?)],
        into resource: inout NormalizedResource
    ) {
        resource.set(.transitProtocol, transport?.stringFacet)
        resource.set(.transitPort, port?.numberFacet)
        if let policy = policy?.stringFacet {
            resource[.tlsPolicy] = policy
            resource.set(.minTLS, policy.isUnknown ? .unknown : policy.text.flatMap(TLSVersions.elbPolicy).map(Value.string))
        }
        if transport?.isUnknown == true {
            resource[.httpsOnly] = .unknown
            return
        }
        switch transport?.text?.uppercased() {
        case "HTTPS", "TLS":
            resource[.httpsOnly] = .bool(true)
        case "HTTP":
            if actions.contains(where: { $0.type?.isUnknown == true || $0.redirectProtocol?.isUnknown == true }) {
                resource[.httpsOnly] = .unknown
                return
            }
            let redirects = !actions.isEmpty && actions.allSatisfy {
                $0.type?.text?.lowercased() == "redirect" && $0.redirectProtocol?.text?.uppercased() == "HTTPS"
            }
            resource[.httpsOnly] = .bool(redirects)
        default:
            break
        }
    }

    /// CloudFront: the viewer certificate's minimum protocol, and HTTPS-only when every cache
    /// behavior redirects or refuses HTTP.
    static func distribution(minimumProtocol: Value?, viewerPolicies: [Value], into resource: inout NormalizedResource) {
        if let version = minimumProtocol?.stringFacet {
            resource[.tlsPolicy] = version
            resource.set(.minTLS, version.isUnknown ? .unknown : version.text.flatMap(TLSVersions.normalized).map(Value.string))
        }
        guard !viewerPolicies.isEmpty else { return }
        if viewerPolicies.contains(where: \.isUnknown) {
            resource[.httpsOnly] = .unknown
            return
        }
        resource[.httpsOnly] = .bool(viewerPolicies.allSatisfy { $0.text == "redirect-to-https" || $0.text == "https-only" })
    }

    /// OpenSearch / Elasticsearch domain.
    static func searchDomain(enabled: Value?, key: Value?, enforceHTTPS: Value?, policy: Value?, into resource: inout NormalizedResource) {
        encryption(enabled: enabled, key: key, into: &resource)
        resource.set(.httpsOnly, enforceHTTPS?.boolFacet)
        if let policy = policy?.stringFacet {
            resource[.tlsPolicy] = policy
            resource.set(.minTLS, policy.isUnknown ? .unknown : policy.text.flatMap(TLSVersions.openSearchPolicy).map(Value.string))
        }
    }

    /// Database engine facts.
    static func database(multiAZ: Value?, engine: Value?, version: Value?, deletionProtection: Value?, into resource: inout NormalizedResource) {
        resource.set(.multiAZ, multiAZ?.boolFacet)
        resource.set(.databaseEngine, engine?.stringFacet)
        resource.set(.databaseEngineVersion, version?.stringFacet)
        resource.set(.deletionProtection, deletionProtection?.boolFacet)
    }
}
