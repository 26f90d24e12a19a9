public import PolicyEngine

/// The post-read step over all resources of a run: joins that need more than one record, across
/// formats and files. Call it once after every input is read, before evaluating:
///
/// 1. Supplements merge into every resource they describe (same `id`): IAM credential-report
///    rows into the AWS Config and Terraform users; CAI IAM-policy lines into the resource.
/// 2. Terraform S3 setting resources (`aws_s3_bucket_server_side_encryption_configuration`,
///    `…_replication_configuration`, `…_versioning`, `…_policy`) fold into their bucket of the same
///    plan, found by configuration reference or bucket name; their facets replace the bucket's.
/// 3. Azure SQL encryption protectors fold into their server (customer- or service-managed TDE key).
/// 4. Terraform RDS parameter groups set `database.tls_enforced` on the databases that use them
///    (`rds.force_ssl` / `require_secure_transport` = 1).
/// 5. KMS replica keys join their primary: the primary's `kms.replica_regions` gains the
///    replica's region, the replica learns the primary's region and rotation.
/// 6. S3 replication destinations (bucket ARNs, which carry no region) resolve to the
///    destination buckets' regions; a destination that is not among the inputs makes
///    `replication.regions` unknown (never a silent pass).
/// 7. Encrypted resources whose key is among the inputs get `encryption.at_rest.key_regions`
///    (the key's region plus its replicas) and the key's `managed_by`.
/// 8. The joins of `OperationalLinks` (audit-trail destinations, dead-letter queues, backup
///    selections, rule keys).
public enum InventoryNormalizer {
    /// The linked resources, in input order, without the records folded into others.
    public static func link(_ resources: [Resource]) -> [Resource] {
        var linker = Linker(resources)
        linker.mergeSupplements()
        linker.foldBucketSettings()
        linker.foldEncryptionProtectors()
        linker.applyParameterGroups()
        linker.linkReplicaKeys()
        linker.resolveReplicationRegions()
        linker.resolveKeyRegions()
        // Handed over as the last use (the linker lets go of it), so the operations joins update
        // the records in place instead of copying the array.
        let linked = linker.result
        linker = Linker([])
        return OperationalLinks.link(consume linked)
    }
}

/// The working state of one `link` call.
private struct Linker {
    var resources: [Resource]
    var removed = Set<Int>()
    /// Each resource's `native_type`, read once: several passes select by it.
    let nativeTypes: [String?]

    init(_ resources: [Resource]) {
        self.resources = resources
        nativeTypes = resources.map { $0.document.at("native_type")?.text }
    }

    var result: [Resource] { removed.isEmpty ? resources : resources.indices.filter { !removed.contains($0) }.map { resources[$0] } }

    // MARK: - Lookups

    func document(_ index: Int) -> Value { resources[index].document }
    func format(_ index: Int) -> String? { document(index).at("source", "format")?.text }
    func address(_ index: Int) -> String? { document(index).at("terraform", "address")?.text }
    func nativeType(_ index: Int) -> String? { nativeTypes[index] }

    /// Referenced addresses of a resource whose reference path ends with one of `suffixes`.
    func references(_ index: Int, endingWith suffixes: [String]) -> [String] {
        guard let table = document(index).at("terraform", "references")?.objectValue else { return [] }
        return table.filter { member in suffixes.contains { member.key == $0 || member.key.hasSuffix("." + $0) } }
            .flatMap { $0.value.elements.compactMap(\.text) }
    }

    func isAWSBucket(_ index: Int) -> Bool {
        resources[index].type == ResourceKind.storageBucket.rawValue && document(index).at("provider")?.text == "aws"
    }

    func isKey(_ index: Int) -> Bool { resources[index].type == ResourceKind.kmsKey.rawValue }

    func live(_ predicate: (Int) -> Bool) -> [Int] { resources.indices.filter { !removed.contains($0) && predicate($0) } }

    func index(by key: (Int) -> [String], where predicate: (Int) -> Bool) -> [String: Int] {
        var table: [String: Int] = [:]
        for position in live(predicate) {
            for value in key(position) where table[value] == nil { table[value] = position }
        }
        return table
    }

    mutating func update(_ index: Int, _ change: (inout Value) -> Void) {
        change(&resources[index].document)
    }

    // MARK: - 1. Supplements

    mutating func mergeSupplements() {
        let supplements = live(isSupplement)
        guard !supplements.isEmpty else { return }
        // Only the ids that have a supplement are indexed (not every resource of a large estate).
        let supplemented = Set(supplements.map { resources[$0].id })
        var bases: [String: [Int]] = [:]
        for position in live({ !self.isSupplement($0) && supplemented.contains(self.resources[$0].id) }) {
            bases[resources[position].id, default: []].append(position)
        }
        for position in supplements {
            guard let targets = bases[resources[position].id] else { continue }
            let supplement = document(position)
            for base in targets {
                merge(supplement, into: base)
                // The row is one of the resource's records: it stays listed among its sources.
                resources[base].mergedSources.append(resources[position].source)
            }
            removed.insert(position)
        }
    }

    /// Copies a supplement's identity facts (where the base has none) and IAM policy.
    mutating func merge(_ supplement: Value, into base: Int) {
        update(base) { target in
            for facet in Facet.allCases where facet.rawValue.hasPrefix("identity.") && target.facet(facet) == nil {
                target.setFacet(facet, supplement.facet(facet))
            }
            if let policy = supplement.at("iam_policy") { target.set(policy, at: ["iam_policy"]) }
        }
    }

    func isSupplement(_ index: Int) -> Bool {
        switch format(index) {
        case InputFormat.awsIAMCredentialReport.rawValue?: return true
        case InputFormat.gcpAssetInventory.rawValue?: return document(index).at("attributes", "resource") == nil
        default: return false
        }
    }

    // MARK: - 2. Terraform S3 bucket settings

    mutating func foldBucketSettings() {
        let settings = live({ self.resources[$0].type == ResourceKind.storageBucketConfig.rawValue })
        guard !settings.isEmpty else { return }
        // Addresses and names are looked up within the setting's own input file: the same bucket
        // may also come from another export (an AWS Config snapshot), which must not absorb the
        // plan's settings.
        let files = resources.map(\.source.file)
        func fileKey(_ index: Int, _ name: String) -> String { files[index] + "\u{1F}" + name }
        let byAddress = index(by: { position in self.address(position).map { [fileKey(position, $0)] } ?? [] }, where: isAWSBucket)
        let byName = index(by: { position in self.document(position).at("native_id")?.text.map { [fileKey(position, $0)] } ?? [] },
                           where: isAWSBucket)
        for position in settings {
            let referenced = references(position, endingWith: ["bucket"]).filter { !$0.isEmpty }
            let bucket = referenced.lazy.compactMap { byAddress[fileKey(position, $0)] }.first
                ?? document(position).at("native_id")?.text.flatMap { byName[fileKey(position, $0)] }
            guard let bucket else { continue }
            let setting = document(position)
            update(bucket) { target in
                // A setting resource replaces the bucket's whole group (a computed inline block may
                // have left unknown members behind).
                for group in [["replication"], ["encryption", "at_rest"]] where setting.value(at: group) != nil {
                    target.set(nil, at: group[...])
                }
                for facet in Facet.allCases {
                    if let value = setting.facet(facet) { target.setFacet(facet, value) }
                }
                let settings = (target.at("terraform", "settings")?.arrayValue ?? []) + [setting.at("terraform", "address") ?? .null]
                target.set(.array(settings), at: ["terraform", "settings"])
                if let references = setting.at("terraform", "references")?.objectValue {
                    for member in references where member.key != "bucket" {
                        target.set(member.value, at: ["terraform", "references", member.key])
                    }
                }
            }
            removed.insert(position)
        }
    }

    // MARK: - 3. Azure SQL encryption protectors

    mutating func foldEncryptionProtectors() {
        let protectors = live({ self.nativeType($0) == "microsoft.sql/servers/encryptionprotector" })
        guard !protectors.isEmpty else { return }
        let servers = index(by: { [self.resources[$0].id.lowercased()] }, where: { self.resources[$0].type == ResourceKind.databaseServer.rawValue })
        for position in protectors {
            let id = resources[position].id.lowercased()
            guard let serverID = id.text(before: "/encryptionprotector"), let server = servers[serverID] else { continue }
            let properties = document(position).at("attributes")?.ci("properties")
            let customer = properties?.ci("serverKeyType")?.text == "AzureKeyVault"
            update(server) { target in
                target.setFacet(.atRestKeyManagedBy, .string(customer ? "customer" : "provider"))
                if customer { target.setFacet(.atRestKeyID, properties?.ci("uri")?.stringFacet) }
            }
            removed.insert(position)
        }
    }

    // MARK: - 4. Terraform RDS parameter groups

    mutating func applyParameterGroups() {
        let isGroup: (Int) -> Bool = { ["aws_db_parameter_group", "aws_rds_cluster_parameter_group"].contains(self.nativeType($0) ?? "") }
        guard resources.indices.contains(where: isGroup) else { return }
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, where: isGroup)
        let byName = index(by: { self.document($0).at("attributes", "name")?.text.map { [$0] } ?? [] }, where: isGroup)
        guard !byAddress.isEmpty || !byName.isEmpty else { return }
        for position in live({ ["aws_db_instance", "aws_rds_cluster"].contains(self.nativeType($0) ?? "") }) {
            guard document(position).facet(.tlsEnforced) == nil else { continue }
            let attributes = document(position).at("attributes")
            let groupName = (attributes?.at("parameter_group_name") ?? attributes?.at("db_cluster_parameter_group_name"))?.text
            let referenced = references(position, endingWith: ["parameter_group_name", "db_cluster_parameter_group_name"])
            guard let group = referenced.lazy.compactMap({ byAddress[$0] }).first ?? groupName.flatMap({ byName[$0] }) else { continue }
            let parameters = document(group).at("attributes", "parameter")?.elements ?? []
            let enforced = parameters.contains { parameter in
                let name = parameter.at("name")?.text ?? ""
                let value = parameter.at("value")?.text?.lowercased() ?? ""
                return (name == "rds.force_ssl" || name == "require_secure_transport") && (value == "1" || value == "on")
            }
            update(position) { $0.setFacet(.tlsEnforced, .bool(enforced)) }
        }
    }

    // MARK: - 5. KMS replicas

    mutating func linkReplicaKeys() {
        let replicas = live({ self.isKey($0) && self.document($0).facet(.kmsRole) == .string("replica") })
        guard !replicas.isEmpty else { return }
        let byID = index(by: { [self.resources[$0].id] }, where: isKey)
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, where: isKey)
        for replica in replicas {
            let declared = document(replica).facet(.kmsReplicaOf)?.text
            let referenced = references(replica, endingWith: ["primary_key_arn"])
            guard let primary = declared.flatMap({ byID[$0] }) ?? referenced.lazy.compactMap({ byAddress[$0] }).first, primary != replica else { continue }
            let primaryDocument = document(primary)
            let replicaRegion = document(replica).at("region")?.text
            update(replica) { target in
                if target.facet(.kmsPrimaryRegion)?.text == nil, let region = primaryDocument.at("region") { target.setFacet(.kmsPrimaryRegion, region) }
                if target.facet(.kmsReplicaOf)?.text == nil { target.setFacet(.kmsReplicaOf, .string(primaryDocument.at("id")?.text ?? "")) }
                if target.facet(.kmsPrimaryKeyID)?.text == nil { target.setFacet(.kmsPrimaryKeyID, target.facet(.kmsReplicaOf)) }
                if target.facet(.kmsRotationEnabled) == nil { target.setFacet(.kmsRotationEnabled, primaryDocument.facet(.kmsRotationEnabled)) }
            }
            update(primary) { target in
                var regions = Set(target.facet(.kmsReplicaRegions)?.elements.compactMap(\.text) ?? [])
                if let replicaRegion { regions.insert(replicaRegion) }
                target.setFacet(.kmsReplicaRegions, .array(regions.sorted().map(Value.string)))
                target.setFacet(.kmsRole, .string("primary"))
                target.setFacet(.kmsMultiRegion, .bool(true))
            }
        }
    }

    // MARK: - 6. S3 replication regions

    mutating func resolveReplicationRegions() {
        let replicated = live({ self.isAWSBucket($0) && self.document($0).facet(.replicationMode) == .string("crr") })
        guard !replicated.isEmpty else { return }
        let byID = index(by: { [self.resources[$0].id] }, where: isAWSBucket)
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, where: isAWSBucket)
        for position in replicated {
            var targets = document(position).facet(.replicationTargets)
            if targets == nil || targets?.isUnknown == true {
                let referenced = references(position, endingWith: ["destination.bucket"]).compactMap { byAddress[$0] }
                if !referenced.isEmpty { targets = .array(referenced.map { .string(resources[$0].id) }) }
            }
            guard let list = targets?.arrayValue else {
                update(position) { $0.setFacet(.replicationRegions, .unknown) }
                continue
            }
            let home = document(position).at("region")?.text
            let regions = list.compactMap { $0.text.flatMap { byID[$0] }.flatMap { self.document($0).at("region")?.text } }
            update(position) { target in
                target.setFacet(.replicationTargets, .array(list))
                guard regions.count == list.count, !list.isEmpty else {
                    target.setFacet(.replicationRegions, .unknown)
                    return
                }
                let distinct = Set(regions).sorted()
                target.setFacet(.replicationRegions, .array(distinct.map(Value.string)))
                if distinct == [home] { target.setFacet(.replicationMode, .string("srr")) }
            }
        }
    }

    // MARK: - 7. Key regions

    mutating func resolveKeyRegions() {
        var byReference: [String: Int] = [:]
        var ambiguous = Set<String>()
        for key in live(isKey) {
            for name in Self.keyNames(resources[key].id) {
                if byReference[name] != nil && byReference[name] != key { ambiguous.insert(name) }
                if byReference[name] == nil { byReference[name] = key }
            }
        }
        for name in ambiguous where !name.hasPrefix("arn:") && !name.hasPrefix("//") { byReference[name] = nil }
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, where: isKey)
        let byID = index(by: { [self.resources[$0].id] }, where: isKey)
        guard !byReference.isEmpty else { return }
        for position in live({ !self.isKey($0) && self.document($0).facet(.atRestEnabled) == .bool(true) }) {
            let keyID = document(position).facet(.atRestKeyID)
            let found = keyID?.text.flatMap { text in Self.keyNames(text).lazy.compactMap { byReference[$0] }.first }
                ?? references(position, endingWith: ["kms_key_id", "kms_master_key_id", "kms_key_arn"]).lazy.compactMap { byAddress[$0] }.first
            guard let key = found else { continue }
            let keyDocument = document(key)
            let regions = keyRegions(key, keysByID: byID)
            update(position) { target in
                if keyID?.text == nil { target.setFacet(.atRestKeyID, keyDocument.at("id")) }
                target.setFacet(.atRestKeyRegions, .array(regions.map(Value.string)))
                if let managedBy = keyDocument.facet(.kmsManagedBy) { target.setFacet(.atRestKeyManagedBy, managedBy) }
            }
        }
    }

    /// Where a key can decrypt: its own region and its replicas'; a replica answers for its
    /// whole multi-region set (its primary's region and the primary's replicas).
    func keyRegions(_ key: Int, keysByID: [String: Int]) -> [String] {
        var keyDocument = document(key)
        if keyDocument.facet(.kmsRole) == .string("replica"), let primary = keyDocument.facet(.kmsReplicaOf)?.text,
            let primaryIndex = keysByID[primary]
        {
            keyDocument = document(primaryIndex)
        }
        var regions = Set(keyDocument.facet(.kmsReplicaRegions)?.elements.compactMap(\.text) ?? [])
        if let region = keyDocument.at("region")?.text, region != "global" { regions.insert(region) }
        return regions.sorted()
    }

    /// The names a key answers to: its id, a GCP key without the `//cloudkms.googleapis.com/`
    /// prefix or with a `/cryptoKeyVersions/N` suffix, an AWS key's bare key id.
    static func keyNames(_ reference: String) -> [String] {
        var names = [reference]
        var text = reference
        if let key = text.text(before: "/cryptoKeyVersions/") {
            text = key
            names.append(text)
        }
        let prefix = "//cloudkms.googleapis.com/"
        if text.hasPrefix(prefix) {
            names.append(String(text.dropFirst(prefix.count)))
        } else if text.hasPrefix("projects/") {
            names.append(prefix + text)
        }
        if text.hasPrefix("arn:"), let keyID = text.text(after: ":key/") {
            names.append(keyID)
        }
        return names
    }
}
