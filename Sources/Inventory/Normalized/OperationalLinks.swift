public import PolicyEngine
import Synchronization

/// The joins that audit logging, failover readiness, backup coverage and primary/DR consistency
/// need, run by `InventoryNormalizer.link` after its own passes. One walk sorts the resources by
/// the types these joins concern; every join then visits only its own types, so an estate
/// without trails or queues pays for none of them (one without backup selections pays one walk
/// over its data stores, which learn that their plans are not known).
///
/// 1. Audit trails → their destination: `audit.destination_immutable` from the destination's
///    `storage.immutable` and `audit.log_regions` (its region plus its replicas'); both unknown
///    when the destination is not among the inputs.
/// 2. GCP projects: `audit.data_access_logs` from their IAM policy's audit configs.
/// 3. Dead-letter queues learn the queues they serve (`messaging.dead_letter_for`).
/// 4. Terraform Backup vault locks fold into their vault (`backup.vault_locked`).
/// 5. Backup selections → the resources of their account they cover (`backup.plans`,
///    `backup.plan_retention_days`); both unknown, with `backup.plans_unknown_reason`, for AWS
///    stores of accounts the inputs show no selection of.
/// 6. Security groups: `network.rule_keys`, one text per allowed rule; the same application's
///    groups in other regions (`network.counterparts`) and their rule keys.
///
/// `accountRegions` adds one `account.region` document per provider, account and region of the
/// live records (AWS Config, Resource Graph, CAI), naming the applications tagged there, so a
/// policy can require a trail or an alarm where nothing of the kind was exported.
public enum OperationalLinks {
    /// The resources with the joins applied (records folded into others left out).
    public static func link(_ resources: consuming [Resource]) -> [Resource] {
        var pass = OperationalPass(consume resources)
        pass.linkTrails()
        pass.linkProjectAuditConfigs()
        pass.linkDeadLetterQueues()
        pass.foldVaultLocks()
        pass.linkBackupSelections()
        pass.addRuleKeys()
        return pass.result
    }

    /// One `account.region` document per provider, account and region of the resources read
    /// from live exports, naming the applications tagged there. Called once after identity
    /// resolution, so each resource counts once.
    public static func accountRegions(_ resources: [Resource]) -> [Resource] {
        OperationalPass.accountRegions(resources)
    }

    /// The type of the scope documents.
    public static let accountRegionType = ResourceKind.accountRegion.rawValue
}

/// The working state of one `OperationalLinks.link` call.
private struct OperationalPass {
    var resources: [Resource]
    var removed = Set<Int>()
    /// Positions per normalized type, for the types a join reads.
    var byType: [String: [Int]] = [:]
    /// Positions of the Terraform vault locks.
    var vaultLocks: [Int] = []

    static let concerned: [String] = [
        ResourceKind.loggingTrail, .storageBucket, .storageAccount, .accountProject, .messagingQueue, .backupVault, .backupSelection,
        .backupPlan, .networkSecurityGroup,
    ].map(\.rawValue)
    static let liveFormats: Set<String> = [InputFormat.awsConfig.rawValue, InputFormat.azureResourceGraph.rawValue,
                                           InputFormat.gcpAssetInventory.rawValue]

    init(_ resources: consuming [Resource]) {
        // Which records the joins read, decided on every core (a million type names hashed into
        // a set on one thread kept the other core idle), then gathered in order.
        let records = copy resources
        let other = ResourceKind.other.rawValue
        let vaultLock = -1, unconcerned = -2
        let kinds = ParallelMap.map(Array(records.indices), minimumChunk: 8_192) { position -> Int in
            let type = records[position].type
            if let kind = Self.concerned.firstIndex(of: type) { return kind }
            if type == other, records[position].source.format?.hasPrefix("terraform") == true,
               records[position].at(DocumentMemberKeys.nativeType)?.text == "aws_backup_vault_lock_configuration" {
                return vaultLock
            }
            return unconcerned
        }
        self.resources = resources
        var positions = [[Int]](repeating: [], count: Self.concerned.count)
        for (position, kind) in kinds.enumerated() where kind != unconcerned {
            if kind == vaultLock { vaultLocks.append(position) } else { positions[kind].append(position) }
        }
        for (kind, found) in positions.enumerated() where !found.isEmpty { byType[Self.concerned[kind]] = found }
    }

    var result: [Resource] {
        removed.isEmpty ? resources : resources.indices.filter { !removed.contains($0) }.map { resources[$0] }
    }

    func positions(_ kind: ResourceKind) -> [Int] { byType[kind.rawValue] ?? [] }
    func document(_ position: Int) -> Value { resources[position].document }
    mutating func update(_ position: Int, _ change: (inout Value) -> Void) { resources[position].changeDocument(change) }

    /// The resource addresses a Terraform record's attribute refers to (`terraform.references`).
    func references(_ position: Int, _ attribute: String) -> [String] {
        document(position).at("terraform", "references", attribute)?.elements.compactMap(\.text) ?? []
    }

    /// Names a resource answers to: id, native id, name, lower-cased for ARM ids.
    func names(_ position: Int) -> [String] {
        let document = document(position)
        let id = resources[position].id
        return [ResourceKey.of(id), document.at("native_id")?.text, document.at("name")?.text].compactMap { $0 }
    }

    // MARK: - 1. Trails

    mutating func linkTrails() {
        let trails = positions(.loggingTrail)
        guard !trails.isEmpty else { return }
        // Stores by name; a trail joins the store of its own input file first (the same bucket
        // may also come from another export), else any.
        var destinations: [String: [Int]] = [:]
        for position in positions(.storageBucket) + positions(.storageAccount) {
            for name in Set(names(position)) { destinations[name, default: []].append(position) }
        }
        for trail in trails {
            guard let destination = document(trail).facet(.auditDestination)?.text else { continue }
            if destination.lowercased().contains("/microsoft.operationalinsights/workspaces/") {
                // A Log Analytics workspace: queryable, not immutable, in one region.
                update(trail) { $0.setFacet(.auditDestinationImmutable, .bool(false)) }
                continue
            }
            // The store of the trail's own file first; then, as identity resolution will fill the
            // gaps of one record from another, a record of the same store that states its immutability.
            let file = resources[trail].source.file
            let candidates = (destinations[ResourceKey.of(destination)] ?? []).sorted { (resources[$0].source.file == file ? 0 : 1, $0) < (resources[$1].source.file == file ? 0 : 1, $1) }
            let stating = candidates.first { document($0).facet(.storageImmutable).map { !$0.isUnknown } ?? false }
            guard let store = stating ?? candidates.first else {
                update(trail) { target in
                    target.setFacet(.auditDestinationImmutable, .unknown)
                    target.setFacet(.auditLogRegions, .unknown)
                }
                continue
            }
            let immutable = document(store).facet(.storageImmutable) ?? .unknown
            // Where the logs are: likewise from a record that knows the store's replication.
            let placed = candidates.first { candidate in
                let copies = document(candidate)
                return copies.facet(.replicationEnabled).map { !$0.isUnknown } ?? false && copies.facet(.replicationRegions)?.isUnknown != true
            }
            let stored = document(placed ?? store)
            var regions: Value = .unknown
            if let home = stored.at("region")?.text {
                switch stored.facet(.replicationRegions) {
                case .unknown?: regions = .unknown
                case let copies?: regions = .array(Set([home] + copies.elements.compactMap(\.text)).sorted().map(Value.string))
                case nil: regions = stored.facet(.replicationEnabled) == .unknown ? .unknown : .array([.string(home)])
                }
            }
            update(trail) { target in
                target.setFacet(.auditDestinationImmutable, immutable)
                target.setFacet(.auditLogRegions, regions)
            }
        }
    }

    // MARK: - 2. GCP audit configs

    /// `iam_policy.auditConfigs` (`audit_configs` in snake_case exports): the log types of the
    /// `allServices` entry; an IAM policy without one configures none.
    mutating func linkProjectAuditConfigs() {
        for project in positions(.accountProject) {
            guard let policy = document(project).at("iam_policy") else { continue }
            let configs = (policy.at("auditConfigs") ?? policy.at("audit_configs"))?.elements ?? []
            let all = configs.first { $0.at("service")?.text == "allServices" }
            let entries = (all?.at("auditLogConfigs") ?? all?.at("audit_log_configs"))?.elements ?? []
            let types = entries.compactMap { ($0.at("logType") ?? $0.at("log_type"))?.text }
            update(project) { $0.setFacet(.auditDataAccessLogs, .array(Set(types).sorted().map(Value.string))) }
        }
    }

    // MARK: - 3. Dead-letter queues

    mutating func linkDeadLetterQueues() {
        let queues = positions(.messagingQueue)
        let sources = queues.filter { document($0).facet(.deadLetterTarget)?.text != nil }
        guard !sources.isEmpty else { return }
        var byName: [String: Int] = [:]
        for position in queues {
            for name in names(position) where byName[name] == nil { byName[name] = position }
        }
        var served: [Int: [String]] = [:]
        for source in sources {
            guard let target = document(source).facet(.deadLetterTarget)?.text, let queue = byName[target] else { continue }
            served[queue, default: []].append(resources[source].id)
        }
        for (queue, list) in served {
            update(queue) { $0.setFacet(.deadLetterFor, .array(Set(list).sorted().map(Value.string))) }
        }
    }

    // MARK: - 4. Vault locks

    mutating func foldVaultLocks() {
        guard !vaultLocks.isEmpty else { return }
        var vaults: [String: Int] = [:]
        for position in positions(.backupVault) {
            for name in names(position) where vaults[name] == nil { vaults[name] = position }
        }
        for lock in vaultLocks {
            let attributes = document(lock).at("attributes")
            guard let name = attributes?.at("backup_vault_name")?.text, let vault = vaults[name] else { continue }
            let minimum = attributes?.at("min_retention_days")?.numberFacet
            update(vault) { target in
                target.setFacet(.backupVaultLocked, .bool(true))
                if let minimum { target.setFacet(.backupVaultMinRetentionDays, minimum) }
            }
            resources[vault].mergedSources.append(resources[lock].source)
            removed.insert(lock)
        }
        for vault in positions(.backupVault) where document(vault).facet(.backupVaultLocked) == nil
            && document(vault).at("source", "format")?.text?.hasPrefix("terraform") == true
        {
            update(vault) { $0.setFacet(.backupVaultLocked, .bool(false)) }
        }
    }

    // MARK: - 5. Backup selections

    /// A selection covers, as AWS Backup does, the resources of its own account (when both name
    /// theirs) whose ARN it names (`*` wildcards;
    /// in Terraform also through references) or that carry one of its tags — and, of those, the
    /// ones meeting every condition (`StringEquals`, `StringNotEquals`, `StringLike`,
    /// `StringNotLike`) and not named by its `NotResources`. Plans are named by id, ARN, name or
    /// address.
    ///
    /// An AWS store no selection takes is in no plan only when the inputs could show one: when
    /// they hold no Backup selection at all, or none of the store's account while every selection
    /// names its account (a selection covers its own account's resources only), the store's
    /// `backup.plans` and `backup.plan_retention_days` are unknown and
    /// `backup.plans_unknown_reason` says which records are missing.
    mutating func linkBackupSelections() {
        let selections = positions(.backupSelection)
        let scope = BackupSelectionScope(selections.map { document($0) })
        guard !selections.isEmpty else {
            markPlansUnknown(scope)
            return
        }
        var plans: [String: Int] = [:]
        for position in positions(.backupPlan) {
            var keys = names(position)
            if let address = document(position).at("terraform", "address")?.text { keys.append(address) }
            if let planID = document(position).at("attributes", "configuration", "BackupPlanId")?.text
                ?? document(position).at("attributes", "id")?.text { keys.append(planID) }
            if let arn = LocationCodes.ARN(resources[position].id), let last = arn.resource.split(separator: ":").last { keys.append(String(last)) }
            for key in keys where plans[key] == nil { plans[key] = position }
        }
        struct Rule {
            var plan: String
            /// The selection's account; a selection takes its own account's resources only.
            var account: String?
            var retention: Double?
            var exact: Set<String>
            var patterns: [String]
            var excluded: [String]
            var anyTag: [(String, String)]
            var allConditions: [(BackupConditionOperator, String, String)]
        }
        func pairs(_ value: Value?) -> [(BackupConditionOperator, String, String)] {
            (value?.elements ?? []).compactMap { pair in
                let condition = pair.at("operator")?.text.flatMap(BackupConditionOperator.init(rawValue:)) ?? .stringEquals
                return pair.at("key")?.text.map { (condition, $0, pair.at("value")?.text ?? "") }
            }
        }
        var rules: [Rule] = []
        for selection in selections {
            let selected = document(selection)
            // A plan's id is known only after apply in a plan: follow the configuration reference.
            guard let planReference = selected.facet(.backupSelectionPlan)?.text ?? references(selection, "plan_id").first else { continue }
            let plan = plans[planReference]
            let planName = plan.map { resources[$0].id } ?? planReference
            let retention = plan.flatMap { document($0).facet(.backupRetentionDays)?.doubleValue }
            let arns = (selected.facet(.backupSelectionResources)?.elements.compactMap(\.text) ?? []) + references(selection, "resources")
            rules.append(Rule(plan: planName, account: selected.at("account")?.text, retention: retention, exact: Set(arns.filter { !$0.contains("*") }),
                              patterns: arns.filter { $0.contains("*") },
                              excluded: (selected.facet(.backupSelectionExcludedResources)?.elements.compactMap(\.text) ?? [])
                                  + references(selection, "not_resources"),
                              anyTag: pairs(selected.facet(.backupSelectionTags)).map { ($0.1, $0.2) },
                              allConditions: pairs(selected.facet(.backupSelectionConditions))))
        }
        guard !rules.isEmpty else {
            markPlansUnknown(scope)
            return
        }
        for position in resources.indices where Self.backupStores.contains(resources[position].type) {
            let id = resources[position].id
            let address = document(position).at("terraform", "address")?.text
            let tags = document(position).at("tags")
            let account = document(position).at("account")?.text
            var covering: [String] = []
            var longest: Double?
            for rule in rules where rule.account == nil || account == nil || rule.account == account {
                // AWS Backup: (named resources or any listed tag) and every condition.
                let named = rule.exact.contains(id) || address.map { rule.exact.contains($0) } == true || rule.patterns.contains { OperationalLinks.glob($0, matches: id) }
                let tagged = rule.anyTag.contains { tags?.at($0.0)?.text == $0.1 }
                let meetsConditions = rule.allConditions.allSatisfy { $0.0.isMet(actual: tags?.at($0.1)?.text, value: $0.2) }
                let excluded = rule.excluded.contains { OperationalLinks.glob($0, matches: id) || $0 == address }
                guard named || tagged, meetsConditions, !excluded else { continue }
                covering.append(rule.plan)
                if let days = rule.retention { longest = max(longest ?? days, days) }
            }
            guard !covering.isEmpty else {
                if let reason = scope.unknownReason(provider: document(position).at("provider")?.text, account: account) {
                    update(position) { $0.setPlansUnknown(reason) }
                }
                continue
            }
            update(position) { target in
                target.setFacet(.backupPlans, .array(Set(covering).sorted().map(Value.string)))
                if let longest { target.setFacet(.backupPlanRetentionDays, .number(longest)) }
            }
        }
    }

    /// The data stores a Backup selection can take.
    static let backupStores = Set([ResourceKind.databaseInstance, .databaseCluster, .databaseTable, .databaseWarehouse, .storageBucket,
                                   .computeVolume, .computeInstance, .storageAccount].map(\.rawValue))

    /// No selection takes any store: every AWS store whose account the inputs cannot show
    /// selections of gets unknown plans.
    /// Checked and written on every core, each store in place: with no selection among the
    /// inputs every AWS store gets the same three facets, and a million of them took a second on
    /// one thread. Then a store without a `backup` group yet is given one group built once and
    /// shared (a reference, not a new object of three members for each of a million stores).
    mutating func markPlansUnknown(_ scope: BackupSelectionScope) {
        let sharedGroup = scope.any ? nil : Value.backupGroupOfUnknownPlans(BackupSelectionScope.noSelection)
        ParallelMap.updateEach(&resources, minimumChunk: 8_192) { _, resource in
            guard Self.backupStores.contains(resource.type),
                  let reason = scope.unknownReason(provider: resource.at(DocumentMemberKeys.provider)?.text,
                                                   account: resource.at(DocumentMemberKeys.account)?.text)
            else { return }
            if let sharedGroup, resource.at(Value.backupGroupKey) == nil {
                resource.setMember(Value.backupGroupKey.objectKey, sharing: sharedGroup)
            } else {
                resource.setPlansUnknown(reason)
            }
        }
    }

    // MARK: - 6. Rule keys

    mutating func addRuleKeys() {
        let groups = positions(.networkSecurityGroup)
        guard !groups.isEmpty else { return }
        var keysByGroup: [Int: Value] = [:]
        for group in groups {
            guard let rules = document(group).facet(.networkRules) else { continue }
            let keys: Value = rules.isUnknown ? .unknown : .array(Self.ruleKeys(rules).map(Value.string))
            keysByGroup[group] = keys
            update(group) { $0.setFacet(.networkRuleKeys, keys) }
        }
        // The same application's groups in other regions: what the DR region must mirror.
        struct Owner: Hashable { var provider: String; var application: String }
        var byOwner: [Owner: [Int]] = [:]
        for group in groups where keysByGroup[group] != nil {
            let document = document(group)
            guard let provider = document.at("provider")?.text, let application = document.at("tags", "application")?.text,
                document.at("region")?.text != nil
            else { continue }
            byOwner[Owner(provider: provider, application: application), default: []].append(group)
        }
        for members in byOwner.values where members.count > 1 {
            for group in members {
                let region = document(group).at("region")?.text
                let others = members.filter { document($0).at("region")?.text != region }
                guard !others.isEmpty else { continue }
                let names = Set(others.map { other in
                    "\(document(other).at("name")?.text ?? resources[other].id) (\(document(other).at("region")?.text ?? "?"))"
                })
                var keys = Set<String>()
                var unknown = false
                for other in others {
                    guard let otherKeys = keysByGroup[other], !otherKeys.isUnknown else {
                        unknown = true
                        continue
                    }
                    keys.formUnion(otherKeys.elements.compactMap(\.text))
                }
                update(group) { target in
                    target.setFacet(.networkCounterparts, .array(names.sorted().map(Value.string)))
                    target.setFacet(.networkCounterpartRuleKeys, unknown ? .unknown : .array(keys.sorted().map(Value.string)))
                }
            }
        }
    }

    /// `direction protocol ports peer` per allowed rule and peer; private blocks read `private`.
    static func ruleKeys(_ rules: Value) -> [String] {
        var keys = Set<String>()
        for rule in rules.elements where rule.at("action")?.text != "deny" {
            let direction = rule.at("direction")?.text ?? "?"
            let proto = rule.at("protocol")?.text ?? "?"
            let ports = rule.at("ports").map { ports in
                let from = ports.at("from")?.text ?? "?"
                let to = ports.at("to")?.text ?? "?"
                return from == to ? from : "\(from)-\(to)"
            } ?? "-"
            let peers = (rule.at("sources") ?? rule.at("destinations"))?.elements.compactMap(\.text) ?? []
            for peer in peers.isEmpty ? ["-"] : peers {
                let shown = IPBlock(parsing: peer).map { $0.reachesPublicSpace ? peer : "private" } ?? peer
                keys.insert("\(direction) \(proto) \(ports) \(shown)")
            }
        }
        return keys.sorted()
    }

    // MARK: - 7. Accounts and regions

    /// A provider, account and region of the live records.
    private struct Scope: Hashable, Sendable {
        var provider: String
        var account: String
        var region: String
    }

    /// The scopes of some resources: the applications tagged there, and the first resource's source.
    private typealias ScopesFound = [Scope: (applications: Set<String>, source: SourceReference)]

    static func accountRegions(_ resources: [Resource]) -> [Resource] {
        // Each range of resources on its own core; the ranges joined in order, so that a scope's
        // source is still that of its first resource in the whole input.
        let parts = ParallelMap.chunks(count: resources.count, minimumChunk: 16_384) { range in [scopes(of: resources, in: range)] }
        var found: ScopesFound = [:]
        for part in parts {
            for (scope, entry) in part[0] {
                if found[scope] == nil { found[scope] = entry } else { found[scope]?.applications.formUnion(entry.applications) }
            }
        }
        var documents: [Resource] = []
        for (scope, entry) in found.sorted(by: { ($0.key.provider, $0.key.account, $0.key.region) < ($1.key.provider, $1.key.account, $1.key.region) }) {
            var fields = Fields()
            fields["name"] = .string("\(scope.account) \(scope.region)")
            fields["provider"] = .string(scope.provider)
            fields["account"] = .string(scope.account)
            fields["region"] = .string(scope.region)
            fields["applications"] = .array(entry.applications.sorted().map(Value.string))
            let id = "\(scope.provider):\(scope.account):\(scope.region)"
            documents.append(Resource(id: id, type: OperationalLinks.accountRegionType, document: .object(fields), source: entry.source))
        }
        return documents
    }

    /// The tag naming a resource's application, interned once.
    private static let applicationTag = DocumentKey("application")

    /// The scopes of `resources[range]` read from live exports (multi- and dual-region codes left out).
    private static func scopes(of resources: [Resource], in range: Range<Int>) -> ScopesFound {
        var found: ScopesFound = [:]
        // Runs of one format and of one scope are long (exports group by region): compare with
        // the previous record's before hashing.
        var lastFormat: String?
        var lastFormatIsLive = false
        var lastScope: Scope?
        var lastApplications = Set<String>()
        func flush() {
            guard let scope = lastScope, !lastApplications.isEmpty else { return }
            found[scope]?.applications.formUnion(lastApplications)
            lastApplications.removeAll(keepingCapacity: true)
        }
        // Each resource read where it lies: iterating the array copied every resource (a
        // reference count per member).
        resources.withElementView { view in
            for index in range {
                view.withElement(at: index) { resource in
                    guard let format = resource.source.format else { return }
                    if format != lastFormat {
                        lastFormat = format
                        lastFormatIsLive = liveFormats.contains(format)
                    }
                    typealias Key = DocumentMemberKeys
                    guard lastFormatIsLive, let provider = resource.at(Key.provider)?.stringValue,
                        let account = resource.at(Key.account)?.stringValue,
                        let region = resource.at(Key.region)?.stringValue, region != "global", !region.isEmpty
                    else { return }
                    if lastScope?.region != region || lastScope?.account != account || lastScope?.provider != provider {
                        flush()
                        let scope = Scope(provider: provider, account: account, region: region)
                        // Multi- and dual-region codes (GCS `EU`, `EUR4`) are no region an alarm or a trail lives in.
                        if found[scope] == nil, (RegionCatalogData.locationKind(of: region) ?? .region) == .region {
                            found[scope] = (applications: [], source: SourceReference(file: resource.source.file))
                        }
                        lastScope = scope
                    }
                    if let application = resource.at(Key.tags, applicationTag)?.stringValue, !application.isEmpty {
                        lastApplications.insert(application)
                    }
                }
            }
        }
        flush()
        return found
    }
}

extension OperationalLinks {
    /// `*` matches any run of characters (AWS Backup selection ARNs and `Like` conditions).
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]), text.hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= parts[parts.count - 1].count
    }
}

/// Which AWS accounts the inputs show Backup selections of: a store of another account cannot be
/// said to be in no plan, because a selection covers its own account's resources only.
struct BackupSelectionScope {
    /// Accounts of the selections that name theirs.
    var accounts = Set<String>()
    /// Whether a selection does not name its account (a Terraform plan): it may be any account's.
    var anyWithoutAccount = false
    /// Whether the inputs hold any selection.
    var any = false

    init(_ selections: [Value]) {
        for selection in selections {
            any = true
            if let account = selection.at("account")?.text, !account.isEmpty { accounts.insert(account) } else { anyWithoutAccount = true }
        }
    }

    /// The reason per account without selections, made once and shared by that account's
    /// stores (asked from every core, `markPlansUnknown`).
    private let reasons = ReasonTable()

    /// Why the plans of an AWS store not taken by any selection are not known; nil when the
    /// inputs could show its selections (so it is in no plan), or for other providers' stores.
    func unknownReason(provider: String?, account: String?) -> Value? {
        guard provider == "aws" else { return nil }
        guard any else { return Self.noSelection }
        guard !anyWithoutAccount, let account, !account.isEmpty, !accounts.contains(account) else { return nil }
        return reasons.reason(for: account) {
            let shown = accounts.sorted().joined(separator: ", ")
            return .string(
                "the inputs hold AWS Backup selections of account\(accounts.count == 1 ? "" : "s") \(shown) only, none of account \(account) (a selection covers its own account's resources only)")
        }
    }

    /// Reasons by account, made at the first ask and then shared.
    private final class ReasonTable: Sendable {
        private let table = Mutex<[String: Value]>([:])

        func reason(for account: String, _ make: () -> Value) -> Value {
            table.withLock { table in
                if let known = table[account] { return known }
                let made = make()
                table[account] = made
                return made
            }
        }
    }

    /// The reason when no selection is among the inputs, one value shared by every store.
    static let noSelection: Value = .string(
        "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told")
}

extension Value {
    /// Marks a store's backup plans, and their retention, as not known, with the reason.
    fileprivate mutating func setPlansUnknown(_ reason: Value) {
        setFacet(.backupPlans, .unknown)
        setFacet(.backupPlanRetentionDays, .unknown)
        setFacet(.backupPlansUnknownReason, reason)
    }

    /// The group the three facets `setPlansUnknown` writes live in (`backup`).
    fileprivate static let backupGroupKey = Facet.backupPlans.keys[0]

    /// The `backup` group `setPlansUnknown(reason)` makes in a document that has none.
    fileprivate static func backupGroupOfUnknownPlans(_ reason: Value) -> Value {
        var document = Value.object(Fields())
        document.setPlansUnknown(reason)
        return document.at(backupGroupKey) ?? .null
    }
}

extension Resource {
    /// `document.setPlansUnknown(reason)` with only the `backup` group unpacked (the three
    /// facets are its members): every AWS store of a run whose inputs show no Backup selection
    /// of its account gets them, a million documents changed without unpacking them.
    fileprivate mutating func setPlansUnknown(_ reason: Value) {
        changeMember(Value.backupGroupKey.objectKey) { $0.setPlansUnknown(reason) }
    }
}
