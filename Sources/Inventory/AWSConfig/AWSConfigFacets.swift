import PolicyEngine

/// The facets of AWS Config items, one function per resource type (field paths per
/// `shared/spec/formats/RESOURCES.md` §1.2; `c.` is `configuration`, `s.` `supplementaryConfiguration`).
enum AWSConfigFacets {
    static func apply(type: String, item: ConfigurationItem, to resource: inout NormalizedResource) {
        let configuration = item.configuration
        switch type {
        case "AWS::S3::Bucket": bucket(item, &resource)
        case "AWS::RDS::DBInstance": databaseInstance(configuration, region: resource.region, &resource)
        case "AWS::RDS::DBCluster": databaseCluster(configuration, region: resource.region, &resource)
        case "AWS::EC2::Volume":
            encryption(enabled: configuration.at("encrypted"), key: configuration.at("kmsKeyId"), &resource)
        case "AWS::KMS::Key": key(item, &resource)
        case "AWS::ElasticLoadBalancingV2::Listener": listener(configuration, &resource)
        case "AWS::DynamoDB::Table": table(item, region: resource.region, &resource)
        case "AWS::Backup::BackupPlan": backupPlan(configuration, &resource)
        case "AWS::IAM::User": principal(configuration, type: "user", inlinePolicies: "userPolicyList", &resource)
        case "AWS::IAM::Role": principal(configuration, type: "role", inlinePolicies: "rolePolicyList", &resource)
        case "AWS::CloudFront::Distribution": distribution(configuration, &resource)
        case "AWS::OpenSearch::Domain", "AWS::Elasticsearch::Domain": searchDomain(configuration, &resource)
        case "AWS::Redshift::Cluster":
            encryption(enabled: configuration.at("encrypted"), key: configuration.at("kmsKeyId"), &resource)
            AWSFacetRules.retention(configuration.at("automatedSnapshotRetentionPeriod"), pitrFollows: false, into: &resource)
        case "AWS::SQS::Queue":
            managedKeyEncryption(key: configuration.ci("KmsMasterKeyId"), serviceManaged: configuration.ci("SqsManagedSseEnabled"), &resource)
        case "AWS::SNS::Topic":
            managedKeyEncryption(key: configuration.ci("KmsMasterKeyId"), serviceManaged: nil, &resource)
        case "AWS::ElasticLoadBalancingV2::LoadBalancer":
            // `LoadBalancerAttributes` is a list of `{key, value}` with string values.
            let attributes = item.supplementary?.at("LoadBalancerAttributes")?.elements ?? []
            let protection = attributes.first { $0.ci("key")?.text == "deletion_protection.enabled" }
            resource.set(.loadBalancerDeletionProtection, protection?.ci("value")?.boolFacet)
        case "AWS::EC2::SecurityGroup":
            // Items of Config's first versions carry no `resourceName` (AWS's RDK sample): the group's name is `groupName`.
            if resource.name == nil { resource.name = configuration.at("groupName")?.text }
            AWSFacetRules.securityGroupRules(ingress: configuration.at("ipPermissions"), egress: configuration.at("ipPermissionsEgress"),
                                             read: permission, into: &resource)
        case "AWS::Kinesis::Stream":
            let encrypted = configuration.ci("StreamEncryption", "EncryptionType")?.text.map { Value.bool($0 == "KMS") }
            encryption(enabled: encrypted, key: configuration.ci("StreamEncryption", "KeyId"), &resource)
        default:
            break
        }
        AWSOperationsFacets.config(type: type, item: item, into: &resource)
    }

    // MARK: - Shared shapes

    private static func encryption(enabled: Value?, key: Value?, _ resource: inout NormalizedResource) {
        AWSFacetRules.encryption(enabled: enabled, key: key, into: &resource)
    }

    /// Services that encrypt with a named key or a service-managed key (SQS, SNS).
    private static func managedKeyEncryption(key: Value?, serviceManaged: Value?, _ resource: inout NormalizedResource) {
        if let key = key?.stringFacet {
            encryption(enabled: .bool(true), key: key, &resource)
        } else if let managed = serviceManaged?.boolFacet {
            resource[.atRestEnabled] = managed
            if managed == .bool(true) { resource[.atRestKeyManagedBy] = .string("provider") }
        }
    }

    // MARK: - Storage

    private static func bucket(_ item: ConfigurationItem, _ resource: inout NormalizedResource) {
        guard let supplementary = item.supplementary?.objectValue else { return }
        // An S3 item lists its bucket settings; a missing setting means it is not configured.
        let describesBucket = supplementary.unorderedMembers.contains { $0.key.hasPrefix("Bucket") || $0.key == "AccessControlList" }
        if let rule = item.supplementary?.at("ServerSideEncryptionConfiguration", "rules")?.elements.first {
            let defaults = rule.at("applyServerSideEncryptionByDefault")
            let algorithm = defaults?.at("sseAlgorithm")?.text
            let key = defaults?.at("kmsMasterKeyID")
            resource[.atRestEnabled] = .bool(true)
            resource.set(.atRestAlgorithm, algorithm.map(Value.string))
            resource.set(.atRestKeyID, key?.stringFacet)
            resource[.atRestKeyManagedBy] = algorithm?.hasPrefix("aws:kms") == true
                ? AWSPolicyFacts.keyManagedBy(key?.stringFacet) ?? .string("provider") : .string("provider")
        } else if describesBucket {
            resource[.atRestEnabled] = .bool(false)
        }
        if let policy = item.supplementary?.at("BucketPolicy") {
            resource[.httpsOnly] = policy.at("policyText").map { AWSPolicyFacts.deniesInsecureTransport($0) ?? .bool(false) } ?? .bool(false)
        }
        if let replication = item.supplementary?.at("BucketReplicationConfiguration") {
            let rules = replication.at("rules").map { $0.objectValue.map { $0.map(\.value) } ?? $0.elements } ?? []
            let enabled = rules.filter { $0.ci("status")?.text == "Enabled" }
            let targets = enabled.compactMap { ($0.at("destinationConfig", "bucketARN") ?? $0.ci("destination", "bucket"))?.text }
            resource[.replicationEnabled] = .bool(!enabled.isEmpty)
            if !targets.isEmpty {
                resource[.replicationTargets] = .array(Set(targets).sorted().map(Value.string))
                resource[.replicationMode] = .string("crr")
            }
        } else if describesBucket {
            resource[.replicationEnabled] = .bool(false)
        }
        if let status = item.supplementary?.at("BucketVersioningConfiguration", "status")?.text {
            resource[.versioning] = .bool(status == "Enabled")
        }
    }

    // MARK: - Databases

    private static func databaseInstance(_ configuration: Value, region: String?, _ resource: inout NormalizedResource) {
        encryption(enabled: configuration.at("storageEncrypted"), key: configuration.at("kmsKeyId"), &resource)
        AWSFacetRules.retention(configuration.at("backupRetentionPeriod"), pitrFollows: true, into: &resource)
        let copies = configuration.at("dBInstanceAutomatedBackupsReplications")?.elements
            .compactMap { $0.at("dBInstanceAutomatedBackupsArn")?.text } ?? []
        if !copies.isEmpty {
            resource[.backupCopyRegions] = .array(AWSFacetRules.regions(ofIdentifiers: copies, home: nil).map(Value.string))
        }
        databaseFacts(configuration, &resource)
        AWSFacetRules.readReplicas(configuration.at("readReplicaDBInstanceIdentifiers"), home: region, into: &resource)
    }

    private static func databaseCluster(_ configuration: Value, region: String?, _ resource: inout NormalizedResource) {
        encryption(enabled: configuration.at("storageEncrypted"), key: configuration.at("kmsKeyId"), &resource)
        AWSFacetRules.retention(configuration.at("backupRetentionPeriod"), pitrFollows: true, into: &resource)
        databaseFacts(configuration, &resource)
        AWSFacetRules.readReplicas(configuration.at("readReplicaIdentifiers"), home: region, into: &resource)
        if let global = configuration.at("globalClusterIdentifier")?.text {
            resource[.replicationEnabled] = .bool(true)
            resource[.replicationMode] = .string("global-database")
            resource[.replicationTargets] = .array([.string(global)])
        }
    }

    private static func databaseFacts(_ configuration: Value, _ resource: inout NormalizedResource) {
        AWSFacetRules.database(multiAZ: configuration.at("multiAZ"), engine: configuration.at("engine"),
                               version: configuration.at("engineVersion"), deletionProtection: configuration.at("deletionProtection"),
                               into: &resource)
    }

    private static func table(_ item: ConfigurationItem, region: String?, _ resource: inout NormalizedResource) {
        let configuration = item.configuration
        resource[.atRestEnabled] = .bool(true)
        if let sse = configuration.at("ssedescription"), sse.at("ssetype")?.text == "KMS" {
            let key = sse.at("kmsmasterKeyArn")
            resource.set(.atRestKeyID, key?.stringFacet)
            resource[.atRestKeyManagedBy] = AWSPolicyFacts.keyManagedBy(key) ?? .string("provider")
        } else {
            resource[.atRestKeyManagedBy] = .string("provider")
        }
        if let status = item.supplementary?.at("ContinuousBackupsDescription", "pointInTimeRecoveryDescription", "pointInTimeRecoveryStatus")?.text {
            resource[.backupPITR] = .bool(status == "ENABLED")
        }
        AWSFacetRules.globalTable(replicaRegions: configuration.at("replicas").map { .array($0.elements.compactMap { $0.at("regionName") }) },
                                  home: region, into: &resource)
    }

    // MARK: - Keys, backup plans, identities

    private static func key(_ item: ConfigurationItem, _ resource: inout NormalizedResource) {
        let configuration = item.configuration
        switch configuration.at("keyManager")?.text {
        case "AWS": resource[.kmsManagedBy] = .string("provider")
        case "CUSTOMER": resource[.kmsManagedBy] = .string("customer")
        default: break
        }
        resource.set(.kmsMultiRegion, configuration.at("multiRegion")?.boolFacet)
        let layout = configuration.at("multiRegionConfiguration")
        let primary = layout?.at("primaryKey")
        switch layout?.at("multiRegionKeyType")?.text {
        case "PRIMARY":
            resource[.kmsRole] = .string("primary")
            let replicaRegions = layout?.at("replicaKeys")?.elements.compactMap { $0.at("region")?.text } ?? []
            resource[.kmsReplicaRegions] = .array(Set(replicaRegions).sorted().map(Value.string))
        case "REPLICA":
            resource[.kmsRole] = .string("replica")
            resource.set(.kmsReplicaOf, primary?.at("arn")?.stringFacet)
        default:
            if configuration.at("multiRegion")?.boolValue == false { resource[.kmsRole] = .string("single") }
        }
        resource.set(.kmsPrimaryRegion, primary?.at("region")?.stringFacet)
        resource.set(.kmsPrimaryKeyID, primary?.at("arn")?.stringFacet)
        resource.set(.kmsRotationEnabled, item.supplementary?.at("KeyRotationStatus")?.boolFacet)
        resource.set(.kmsRotationPeriodDays, configuration.at("rotationPeriodInDays")?.numberFacet)
    }

    /// Backup plan rules: Config spells them `BackupPlanRule`, the Backup API `Rules`.
    private static func backupPlan(_ configuration: Value, _ resource: inout NormalizedResource) {
        let plan = configuration.at("BackupPlan") ?? configuration
        if resource.name == nil { resource.name = plan.at("BackupPlanName")?.text }
        let rules = ((plan.at("BackupPlanRule") ?? plan.at("Rules"))?.elements ?? []).map { rule in
            AWSFacetRules.BackupRule(
                name: rule.at("RuleName"), retentionDays: rule.at("Lifecycle", "DeleteAfterDays"),
                coldAfterDays: rule.at("Lifecycle", "MoveToColdStorageAfterDays"),
                copyTargets: AWSFacetRules.copyTargets(rule.at("CopyActions"), destination: "DestinationBackupVaultArn"),
                continuous: rule.at("EnableContinuousBackup")?.boolFacet == .bool(true))
        }
        AWSFacetRules.backupPlan(rules, into: &resource)
    }

    private static func principal(_ configuration: Value, type: String, inlinePolicies: String, _ resource: inout NormalizedResource) {
        resource[.principalType] = .string(type)
        resource.set(.identityCreatedAt, timestampText(configuration.at("createDate")).map(Value.string))
        resource.set(.identityLastUsedAt, timestampText(configuration.at("roleLastUsed", "lastUsedDate")).map(Value.string))
        guard let attached = configuration.at("attachedManagedPolicies") else { return }
        let administrator = attached.elements.contains { AWSPolicyFacts.isAdministratorPolicy($0.at("policyArn")?.text) }
        let inline = configuration.at(inlinePolicies)?.elements.contains { AWSPolicyFacts.grantsEverything($0.at("policyDocument")) } ?? false
        resource[.privileged] = .bool(administrator || inline)
    }

    // MARK: - Network

    /// One `ipPermissions[]` entry: `ipProtocol`, `fromPort`, `toPort`, and the blocks in
    /// `ipRanges` (strings, snapshot spelling), `ipv4Ranges[].cidrIp` and `ipv6Ranges[].cidrIpv6`.
    private static func permission(_ direction: FirewallRule.Direction, _ entry: Value) -> FirewallRule {
        let ipv4 = entry.at("ipv4Ranges")?.elements.compactMap { $0.at("cidrIp") } ?? []
        let ipv6 = entry.at("ipv6Ranges")?.elements.compactMap { $0.at("cidrIpv6") ?? ($0.text.map(Value.string)) } ?? []
        return AWSFacetRules.permission(direction, protocol: entry.at("ipProtocol"), from: entry.at("fromPort"), to: entry.at("toPort"),
                                        peers: [entry.at("ipRanges"), .array(ipv4), .array(ipv6)])
    }

    // MARK: - Endpoints

    private static func listener(_ configuration: Value, _ resource: inout NormalizedResource) {
        let actions = (configuration.ci("DefaultActions")?.elements ?? []).map { ($0.ci("Type"), $0.ci("RedirectConfig", "Protocol")) }
        AWSFacetRules.listener(protocol: configuration.ci("Protocol"), port: configuration.ci("Port"), policy: configuration.ci("SslPolicy"),
                               actions: actions, into: &resource)
    }

    private static func distribution(_ configuration: Value, _ resource: inout NormalizedResource) {
        guard let settings = configuration.ci("distributionConfig") else { return }
        let behaviors = [settings.ci("defaultCacheBehavior")].compactMap { $0 } + (settings.ci("cacheBehaviors", "items")?.elements ?? [])
        AWSFacetRules.distribution(minimumProtocol: settings.ci("viewerCertificate", "minimumProtocolVersion"),
                                   viewerPolicies: behaviors.compactMap { $0.ci("viewerProtocolPolicy") }, into: &resource)
    }

    private static func searchDomain(_ configuration: Value, _ resource: inout NormalizedResource) {
        AWSFacetRules.searchDomain(
            enabled: configuration.ci("EncryptionAtRestOptions", "Enabled"), key: configuration.ci("EncryptionAtRestOptions", "KmsKeyId"),
            enforceHTTPS: configuration.ci("DomainEndpointOptions", "EnforceHTTPS"),
            policy: configuration.ci("DomainEndpointOptions", "TLSSecurityPolicy"), into: &resource)
    }
}
