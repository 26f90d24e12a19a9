import PolicyEngine

/// The normalized facets: a closed vocabulary of dotted document paths that every reader fills
/// from its own native fields, so that one policy reads the same path in every cloud.
///
/// Facets are tri-state: a value (`true`/`false`, a number, …) when the source says so, absent
/// when the source says nothing (absent is never false), and `unknown` when the source says the
/// value is not known yet (Terraform `after_unknown`); the engine turns operators on `unknown`
/// into an *unknown* verdict.
public enum Facet: String, CaseIterable, Codable, Sendable {
    // MARK: - Encryption at rest
    /// Whether stored data is encrypted.
    case atRestEnabled = "encryption.at_rest.enabled"
    /// The key encrypting the data (ARN, key URI or name).
    case atRestKeyID = "encryption.at_rest.key_id"
    /// `provider` (a key the cloud manages) or `customer` (a key the customer manages).
    case atRestKeyManagedBy = "encryption.at_rest.key_managed_by"
    /// The algorithm as the source names it (`AES256`, `aws:kms`).
    case atRestAlgorithm = "encryption.at_rest.algorithm"
    /// Regions where the key is usable: the key's region plus its replicas (set by `link`).
    case atRestKeyRegions = "encryption.at_rest.key_regions"

    // MARK: - Encryption in transit
    /// Whether plain-text access is refused or redirected.
    case httpsOnly = "encryption.in_transit.https_only"
    /// The lowest TLS version accepted: `"1.0"`, `"1.1"`, `"1.2"` or `"1.3"`.
    case minTLS = "encryption.in_transit.min_tls"
    /// The named TLS policy (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021`).
    case tlsPolicy = "encryption.in_transit.tls_policy"
    /// The listener protocol (`HTTP`, `HTTPS`, `TLS`, `TCP`).
    case transitProtocol = "encryption.in_transit.protocol"
    /// The listener port.
    case transitPort = "encryption.in_transit.port"

    // MARK: - Replication
    /// Whether data is copied to another place.
    case replicationEnabled = "replication.enabled"
    /// Regions holding the copies (destination regions; member regions of a multi-region).
    case replicationRegions = "replication.regions"
    /// Destinations as the source names them (bucket ARNs, replica identifiers).
    case replicationTargets = "replication.targets"
    /// How: `crr`, `geo-sku`, `global-table`, `global-database`, `read-replica`, `multi-region-location`, `dual-region`.
    case replicationMode = "replication.mode"

    // MARK: - Backup
    /// Whether backups are taken.
    case backupEnabled = "backup.enabled"
    /// How long backups are kept, in days (the longest rule of a plan).
    case backupRetentionDays = "backup.retention_days"
    /// Whether point-in-time recovery is on.
    case backupPITR = "backup.pitr"
    /// Regions backups are copied to.
    case backupCopyRegions = "backup.copy_regions"
    /// Retention tiers: `[{name, retention_days, cold_after_days}]` (one per backup-plan rule).
    case backupTiers = "backup.tiers"
    /// Earliest move of backups to cold storage, in days.
    case backupColdStorageAfterDays = "backup.cold_storage_after_days"

    // MARK: - Keys
    /// For keys: `provider` (cloud-managed) or `customer`.
    case kmsManagedBy = "kms.managed_by"
    /// Whether the key is a multi-region key.
    case kmsMultiRegion = "kms.multi_region"
    /// `primary`, `replica` or `single`.
    case kmsRole = "kms.role"
    /// Region of the primary key.
    case kmsPrimaryRegion = "kms.primary_region"
    /// ARN of the primary key of a multi-region set.
    case kmsPrimaryKeyID = "kms.primary_key_id"
    /// For replicas: the primary key's ARN.
    case kmsReplicaOf = "kms.replica_of"
    /// For primaries: the regions of the replicas.
    case kmsReplicaRegions = "kms.replica_regions"
    /// Whether automatic rotation is on.
    case kmsRotationEnabled = "kms.rotation_enabled"
    /// Days between automatic rotations.
    case kmsRotationPeriodDays = "kms.rotation_period_days"

    // MARK: - DNS
    /// Record type (`A`, `CNAME`, …).
    case dnsRecordType = "dns.record_type"
    /// Time to live, in seconds (absent for alias records).
    case dnsTTL = "dns.ttl"
    /// `simple`, `failover`, `weighted`, `latency`, `geolocation`, `geoproximity`, `multivalue`, `cidr`.
    case dnsRouting = "dns.routing"
    /// For failover records: `PRIMARY` or `SECONDARY`.
    case dnsFailoverRole = "dns.failover_role"
    /// Whether the record is an alias to another AWS resource.
    case dnsAlias = "dns.alias"
    /// The health check the record uses.
    case dnsHealthCheck = "dns.health_check"

    // MARK: - Identity
    /// `root`, `user`, `role`, `group` or `service_account`.
    case principalType = "identity.principal_type"
    /// When the principal was created.
    case identityCreatedAt = "identity.created_at"
    /// The principal's latest sign-in or key use.
    case identityLastUsedAt = "identity.last_used_at"
    /// Whether console sign-in with a password is possible.
    case passwordEnabled = "identity.password_enabled"
    /// Last console sign-in.
    case passwordLastUsedAt = "identity.password_last_used_at"
    /// Whether an MFA device is active.
    case mfaActive = "identity.mfa_active"
    /// Number of active access keys.
    case accessKeysActive = "identity.access_keys_active"
    /// Access keys: `[{id, active, last_rotated_at, last_used_at}]`.
    case accessKeys = "identity.access_keys"
    /// Last access review (from a `last-reviewed` tag; no export carries it).
    case lastReviewedAt = "identity.last_reviewed_at"
    /// Whether the principal holds administrator rights.
    case privileged = "identity.privileged"

    // MARK: - Databases and storage
    /// Whether a standby or replica sits in another availability zone.
    case multiAZ = "database.multi_az"
    /// Engine name (`mysql`, `aurora-postgresql`, `POSTGRES_15`).
    case databaseEngine = "database.engine"
    /// Engine version.
    case databaseEngineVersion = "database.engine_version"
    /// Whether the server refuses unencrypted connections.
    case tlsEnforced = "database.tls_enforced"
    /// Whether deletion protection is on.
    case deletionProtection = "database.deletion_protection"
    /// Whether object versioning is on.
    case versioning = "storage.versioning"
    /// Whether a load balancer refuses deletion until the protection is turned off.
    case loadBalancerDeletionProtection = "network.deletion_protection"

    // MARK: - Network
    /// Firewall rules of a security group, NSG or firewall: `[{direction, action, protocol, ports,
    /// sources | destinations}]` — `direction` `ingress`/`egress`, `action` `allow`/`deny`,
    /// `protocol` `tcp`/`udp`/`icmp`/`all`/…, `ports` `{from, to}` (inclusive; absent for ICMP),
    /// `sources` (ingress) or `destinations` (egress) the CIDR blocks the rule names.
    case networkRules = "network.rules"

    // MARK: - Audit logging
    /// Whether an audit trail records every region of its account (CloudTrail multi-region trail;
    /// an Azure subscription's activity-log export, which is subscription-wide).
    case auditAllRegions = "audit.all_regions"
    /// Whether the trail signs digest files so tampering with delivered logs is detectable.
    case auditLogValidation = "audit.log_validation"
    /// Whether the trail is an organization trail (it records every member account).
    case auditOrganization = "audit.organization"
    /// Whether the trail is logging (a stopped trail records nothing).
    case auditEnabled = "audit.enabled"
    /// Where the logs go: the S3 bucket name, or the Azure storage account / workspace id.
    case auditDestination = "audit.destination"
    /// Whether the logs land in immutable storage (set by `link` from the destination bucket's
    /// `storage.immutable`; unknown when the destination is not among the inputs).
    case auditDestinationImmutable = "audit.destination_immutable"
    /// Regions holding the logs: the destination bucket's region plus its replicas' (set by `link`).
    case auditLogRegions = "audit.log_regions"
    /// GCP projects: the Data Access audit log types configured for `allServices`
    /// (`ADMIN_READ`, `DATA_READ`, `DATA_WRITE`; set by `link` from the IAM policy's audit configs).
    case auditDataAccessLogs = "audit.data_access_logs"
    /// Whether stored objects cannot be deleted or overwritten before their retention ends
    /// (S3 Object Lock, Azure immutable storage, a locked GCS retention policy).
    case storageImmutable = "storage.immutable"

    // MARK: - Failover readiness
    /// Zones a scaling group (auto-scaling group, scale set, managed instance group) spreads over.
    case computeZones = "compute.zones"
    /// The queue or topic that receives messages a consumer fails to process.
    case deadLetterTarget = "messaging.dead_letter_target"
    /// For dead-letter queues: the queues whose failed messages they receive (set by `link`).
    case deadLetterFor = "messaging.dead_letter_for"
    /// Alarms: the metric namespace or signal the alarm watches (`AWS/SQS`, the metric name).
    case alarmMetric = "monitoring.metric"
    /// Alarms: whether the alarm notifies or acts when it fires.
    case alarmActionsEnabled = "monitoring.actions_enabled"

    // MARK: - Backup coverage
    /// Backup plans whose selections cover the resource, by ARN or by tag (set by `link`).
    case backupPlans = "backup.plans"
    /// The longest retention, in days, of the backup plans covering the resource (set by `link`).
    case backupPlanRetentionDays = "backup.plan_retention_days"
    /// Why `backup.plans` is unknown: the inputs hold no Backup selection that could take the
    /// resource (none at all, or none of its account) (set by `link`).
    case backupPlansUnknownReason = "backup.plans_unknown_reason"
    /// Backup vaults: whether a vault lock stops backups being deleted before their retention.
    case backupVaultLocked = "backup.vault_locked"
    /// Backup vaults: the lock's minimum retention in days.
    case backupVaultMinRetentionDays = "backup.vault_min_retention_days"
    /// Backup selections: the plan they assign resources to.
    case backupSelectionPlan = "backup.selection.plan"
    /// Backup selections: the resource ARNs they name (`*` wildcards allowed).
    case backupSelectionResources = "backup.selection.resources"
    /// Backup selections: tags of which any one selects a resource, `[{key, value}]`.
    case backupSelectionTags = "backup.selection.tags"
    /// Backup selections: the resource ARNs they exclude (`*` wildcards allowed).
    case backupSelectionExcludedResources = "backup.selection.excluded_resources"
    /// Backup selections: conditions a selected resource must all meet, `[{key, value, operator?}]`
    /// (no operator: the tag equals the value; else `StringNotEquals`, `StringLike`, `StringNotLike`).
    case backupSelectionConditions = "backup.selection.conditions"

    // MARK: - Network rule consistency
    /// One text per allowed rule and peer of `network.rules` (`ingress tcp 443 0.0.0.0/0`; private
    /// blocks read `private`, so two regions' address plans compare equal), to compare a primary
    /// region's rules with its DR region's (set by `link` on security groups).
    case networkRuleKeys = "network.rule_keys"
    /// Security groups of the same application (`application` tag) and provider in other regions,
    /// as `name (region)` (set by `link`).
    case networkCounterparts = "network.counterparts"
    /// The rule keys of those counterparts together (set by `link`; unknown when one is unknown).
    case networkCounterpartRuleKeys = "network.counterpart_rule_keys"

    /// The path's keys.
    public var components: [String] { Self.componentTable[ordinal] }

    /// The path's keys, interned (the readers' lookups and writes).
    var keys: [DocumentKey] { Self.keyTable[ordinal] }

    /// The path's keys as the document's keys (`Resource.resolve`).
    var objectKeys: [ObjectKey] { Self.objectKeyTable[ordinal] }

    /// Split once, in `allCases` order: facets are read and written for every resource.
    private static let componentTable: [[String]] = allCases.map { $0.rawValue.split(separator: ".").map(String.init) }

    /// Split and interned once, in `allCases` order.
    private static let keyTable: [[DocumentKey]] = componentTable.map { $0.map(DocumentKey.init) }
    private static let objectKeyTable: [[ObjectKey]] = keyTable.map { $0.map(\.objectKey) }

    /// What kind of value the facet holds, for the docs.
    public var valueKind: String {
        switch self {
        case .atRestEnabled, .httpsOnly, .replicationEnabled, .backupEnabled, .backupPITR, .kmsMultiRegion,
            .kmsRotationEnabled, .dnsAlias, .passwordEnabled, .mfaActive, .privileged, .multiAZ, .tlsEnforced,
            .deletionProtection, .versioning, .loadBalancerDeletionProtection, .auditAllRegions, .auditLogValidation,
            .auditOrganization, .auditEnabled, .auditDestinationImmutable, .storageImmutable, .alarmActionsEnabled, .backupVaultLocked:
            return "boolean"
        case .transitPort, .backupRetentionDays, .backupColdStorageAfterDays, .kmsRotationPeriodDays, .dnsTTL,
            .accessKeysActive, .backupPlanRetentionDays, .backupVaultMinRetentionDays:
            return "number"
        case .atRestKeyRegions, .replicationRegions, .replicationTargets, .backupCopyRegions, .kmsReplicaRegions, .auditLogRegions,
            .auditDataAccessLogs, .computeZones, .deadLetterFor, .backupPlans, .backupSelectionResources, .backupSelectionExcludedResources, .networkRuleKeys, .networkCounterparts, .networkCounterpartRuleKeys:
            return "list of strings"
        case .backupTiers, .accessKeys, .networkRules, .backupSelectionTags, .backupSelectionConditions:
            return "list of objects"
        case .identityCreatedAt, .identityLastUsedAt, .passwordLastUsedAt, .lastReviewedAt:
            return "timestamp (ISO 8601)"
        default:
            return "string"
        }
    }
}
