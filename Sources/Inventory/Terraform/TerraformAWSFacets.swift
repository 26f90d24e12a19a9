import PolicyEngine

/// Facets of `aws_*` Terraform resources (attribute names from the AWS provider schema;
/// nested blocks are one-element arrays).
enum TerraformAWSFacets {
    static func apply(_ record: TerraformResourceRecord, into resource: inout NormalizedResource) {
        let values = record.values
        switch record.type {
        case "aws_s3_bucket": bucket(values, &resource)
        case "aws_s3_bucket_server_side_encryption_configuration": bucketEncryption(values.at("rule"), &resource)
        case "aws_s3_bucket_replication_configuration": bucketReplication(values.at("rule"), &resource)
        case "aws_s3_bucket_versioning":
            if let status = values.at("versioning_configuration")?.firstBlock?.at("status") {
                resource[.versioning] = status.isUnknown ? .unknown : .bool(status.text == "Enabled")
            }
        case "aws_s3_bucket_policy":
            resource.set(.httpsOnly, AWSPolicyFacts.deniesInsecureTransport(values.at("policy")))
        case "aws_db_instance":
            AWSFacetRules.encryption(enabled: values.at("storage_encrypted"), key: values.at("kms_key_id"), into: &resource)
            AWSFacetRules.retention(values.at("backup_retention_period"), pitrFollows: true, into: &resource)
            database(values, &resource)
        case "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster":
            AWSFacetRules.encryption(enabled: values.at("storage_encrypted"), key: values.at("kms_key_id"), into: &resource)
            AWSFacetRules.retention(values.at("backup_retention_period"), pitrFollows: true, into: &resource)
            database(values, &resource)
            if let global = values.at("global_cluster_identifier")?.stringFacet {
                resource[.replicationEnabled] = global.isUnknown ? .unknown : .bool(true)
                resource[.replicationMode] = .string("global-database")
            }
        case "aws_ebs_volume", "aws_redshift_cluster":
            AWSFacetRules.encryption(enabled: values.at("encrypted"), key: values.at("kms_key_id"), into: &resource)
            if record.type == "aws_redshift_cluster" {
                AWSFacetRules.retention(values.at("automated_snapshot_retention_period"), pitrFollows: false, into: &resource)
            }
        case "aws_kms_key": key(values, &resource)
        case "aws_kms_replica_key", "aws_kms_replica_external_key": replicaKey(values, &resource)
        case "aws_lb_listener", "aws_alb_listener":
            let actions = (values.at("default_action")?.elements ?? []).map { ($0.at("type"), $0.at("redirect")?.firstBlock?.at("protocol")) }
            AWSFacetRules.listener(protocol: values.at("protocol"), port: values.at("port"), policy: values.at("ssl_policy"), actions: actions,
                                   into: &resource)
        case "aws_dynamodb_table": table(values, home: resource.region, &resource)
        case "aws_backup_plan": backupPlan(values, &resource)
        case "aws_iam_user", "aws_iam_role":
            resource[.principalType] = .string(record.type == "aws_iam_user" ? "user" : "role")
            resource.set(.identityCreatedAt, values.at("create_date")?.stringFacet)
        case "aws_cloudfront_distribution":
            let behaviors = (values.at("default_cache_behavior")?.elements ?? []) + (values.at("ordered_cache_behavior")?.elements ?? [])
            AWSFacetRules.distribution(minimumProtocol: values.at("viewer_certificate")?.firstBlock?.at("minimum_protocol_version"),
                                       viewerPolicies: behaviors.compactMap { $0.at("viewer_protocol_policy") }, into: &resource)
        case "aws_opensearch_domain", "aws_elasticsearch_domain":
            let atRest = values.at("encrypt_at_rest")?.firstBlock
            let endpoint = values.at("domain_endpoint_options")?.firstBlock
            AWSFacetRules.searchDomain(enabled: atRest?.at("enabled"), key: atRest?.at("kms_key_id"), enforceHTTPS: endpoint?.at("enforce_https"),
                                       policy: endpoint?.at("tls_security_policy"), into: &resource)
        case "aws_route53_record": record53(values, &resource)
        case "aws_sqs_queue", "aws_sns_topic":
            if let key = values.at("kms_master_key_id")?.stringFacet {
                AWSFacetRules.encryption(enabled: .bool(true), key: key, into: &resource)
            } else if let managed = values.at("sqs_managed_sse_enabled")?.boolFacet {
                resource[.atRestEnabled] = managed
                if managed == .bool(true) { resource[.atRestKeyManagedBy] = .string("provider") }
            }
        case "aws_kinesis_stream":
            let encrypted = values.at("encryption_type").map { $0.isUnknown ? Value.unknown : .bool($0.text == "KMS") }
            AWSFacetRules.encryption(enabled: encrypted, key: values.at("kms_key_id"), into: &resource)
        case "aws_lb", "aws_alb":
            resource.set(.loadBalancerDeletionProtection, values.at("enable_deletion_protection")?.boolFacet)
        case "aws_security_group":
            AWSFacetRules.securityGroupRules(ingress: values.at("ingress"), egress: values.at("egress"), read: inlineRule, into: &resource)
        case "aws_security_group_rule":
            let direction: FirewallRule.Direction = values.at("type")?.text == "egress" ? .egress : .ingress
            resource[.networkRules] = values.at("type")?.isUnknown == true ? .unknown : FirewallRule.facet([inlineRule(direction, values)])
        case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
            let direction: FirewallRule.Direction = record.type.hasSuffix("egress_rule") ? .egress : .ingress
            let rule = AWSFacetRules.permission(direction, protocol: values.at("ip_protocol"), from: values.at("from_port"), to: values.at("to_port"),
                                                peers: [values.at("cidr_ipv4"), values.at("cidr_ipv6")])
            resource[.networkRules] = FirewallRule.facet([rule])
        case "aws_secretsmanager_secret":
            AWSFacetRules.encryption(enabled: .bool(true), key: values.at("kms_key_id"), into: &resource)
        default:
            break
        }
        AWSOperationsFacets.terraform(type: record.type, values: values, into: &resource)
    }

    // MARK: - Storage

    /// Inline bucket settings (provider ≤ 3 arguments, still computed attributes in v4+ state).
    private static func bucket(_ values: Value, _ resource: inout NormalizedResource) {
        inlineBlock(values.at("server_side_encryption_configuration"), unknown: [.atRestEnabled], off: .atRestEnabled, &resource) {
            bucketEncryption($0.at("rule"), &$1)
        }
        inlineBlock(values.at("replication_configuration"), unknown: [.replicationEnabled, .replicationRegions], off: .replicationEnabled,
                    &resource) {
            bucketReplication($0.at("rules"), &$1)
        }
        if let versioning = values.at("versioning") {
            resource.set(.versioning, versioning.isUnknown ? .unknown : versioning.firstBlock?.at("enabled")?.boolFacet)
        }
        if let policy = values.at("policy") {
            resource.set(.httpsOnly, AWSPolicyFacts.deniesInsecureTransport(policy))
        }
    }

    /// A computed nested block of the bucket: unknown makes `unknown` facets unknown, an empty
    /// list turns `off` false, a block is read by `read`.
    private static func inlineBlock(
        _ value: Value?, unknown: [Facet], off: Facet, _ resource: inout NormalizedResource, read: (Value, inout NormalizedResource) -> Void
    ) {
        guard let value else { return }
        if value.isUnknown {
            for facet in unknown { resource[facet] = .unknown }
        } else if let block = value.firstBlock {
            read(block, &resource)
        } else {
            resource[off] = .bool(false)
        }
    }

    /// `rule[0].apply_server_side_encryption_by_default[0].{sse_algorithm, kms_master_key_id}`.
    private static func bucketEncryption(_ rules: Value?, _ resource: inout NormalizedResource) {
        guard let rules else { return }
        guard let rule = rules.firstBlock else { return }
        guard !rule.isUnknown, let defaults = rule.at("apply_server_side_encryption_by_default") else {
            resource[.atRestEnabled] = .unknown
            return
        }
        guard let settings = defaults.firstBlock, !settings.isUnknown else {
            resource[.atRestEnabled] = defaults.isUnknown ? .unknown : .bool(false)
            return
        }
        let algorithm = settings.at("sse_algorithm")
        let key = settings.at("kms_master_key_id")
        resource[.atRestEnabled] = .bool(true)
        resource.set(.atRestAlgorithm, algorithm?.stringFacet)
        resource.set(.atRestKeyID, key?.stringFacet)
        if algorithm?.isUnknown == true {
            resource[.atRestKeyManagedBy] = .unknown
        } else {
            resource[.atRestKeyManagedBy] = algorithm?.text?.hasPrefix("aws:kms") == true
                ? AWSPolicyFacts.keyManagedBy(key?.stringFacet) ?? .string("provider") : .string("provider")
        }
    }

    /// Replication rules: `rule[]` (v4 resource) or `rules[]` (inline), destinations as bucket ARNs.
    private static func bucketReplication(_ rules: Value?, _ resource: inout NormalizedResource) {
        guard let rules else { return }
        if rules.isUnknown {
            resource[.replicationEnabled] = .unknown
            return
        }
        let enabled = rules.elements.filter { $0.at("status")?.text == "Enabled" }
        resource[.replicationEnabled] = .bool(!enabled.isEmpty)
        guard !enabled.isEmpty else { return }
        resource[.replicationMode] = .string("crr")
        let destinations = enabled.compactMap { $0.at("destination")?.firstBlock?.at("bucket") }
        if destinations.contains(where: \.isUnknown) {
            resource[.replicationTargets] = .unknown
        } else {
            resource[.replicationTargets] = .array(Set(destinations.compactMap(\.text)).sorted().map(Value.string))
        }
    }

    // MARK: - Databases and tables

    private static func database(_ values: Value, _ resource: inout NormalizedResource) {
        AWSFacetRules.database(multiAZ: values.at("multi_az"), engine: values.at("engine"), version: values.at("engine_version"),
                               deletionProtection: values.at("deletion_protection"), into: &resource)
    }

    private static func table(_ values: Value, home: String?, _ resource: inout NormalizedResource) {
        resource[.atRestEnabled] = .bool(true)
        let sse = values.at("server_side_encryption")?.firstBlock
        if sse?.at("enabled")?.boolFacet == .bool(true), let key = sse?.at("kms_key_arn")?.stringFacet {
            resource[.atRestKeyID] = key
            resource.set(.atRestKeyManagedBy, AWSPolicyFacts.keyManagedBy(key))
        } else if sse?.isUnknown == true || sse?.at("enabled")?.isUnknown == true {
            resource[.atRestKeyManagedBy] = .unknown
        } else {
            resource[.atRestKeyManagedBy] = .string("provider")
        }
        if let pitr = values.at("point_in_time_recovery") {
            resource[.backupPITR] = pitr.isUnknown ? .unknown : pitr.firstBlock?.at("enabled")?.boolFacet ?? .bool(false)
        }
        let replicas = values.at("replica")
        AWSFacetRules.globalTable(
            replicaRegions: replicas.map { $0.isUnknown ? .unknown : .array($0.elements.compactMap { $0.at("region_name") }) }, home: home,
            into: &resource)
    }

    // MARK: - Keys and backup plans

    private static func key(_ values: Value, _ resource: inout NormalizedResource) {
        resource[.kmsManagedBy] = .string("customer")
        let multiRegion = values.at("multi_region")?.boolFacet ?? .bool(false)
        resource[.kmsMultiRegion] = multiRegion
        switch multiRegion {
        case .bool(true):
            resource[.kmsRole] = .string("primary")
            resource.set(.kmsPrimaryKeyID, values.at("arn")?.stringFacet)
            resource.set(.kmsPrimaryRegion, resource.region.map(Value.string))
        case .unknown:
            resource[.kmsRole] = .unknown
        default:
            resource[.kmsRole] = .string("single")
        }
        resource.set(.kmsRotationEnabled, values.at("enable_key_rotation")?.boolFacet)
        if resource[.kmsRotationEnabled] == .bool(true) {
            resource.set(.kmsRotationPeriodDays, values.at("rotation_period_in_days")?.numberFacet)
        }
    }

    private static func replicaKey(_ values: Value, _ resource: inout NormalizedResource) {
        resource[.kmsManagedBy] = .string("customer")
        resource[.kmsMultiRegion] = .bool(true)
        resource[.kmsRole] = .string("replica")
        let primary = values.at("primary_key_arn")?.stringFacet
        resource.set(.kmsReplicaOf, primary)
        resource.set(.kmsPrimaryKeyID, primary)
        if let region = primary?.text.flatMap(LocationCodes.ARN.init)?.region, !region.isEmpty {
            resource[.kmsPrimaryRegion] = .string(region)
        }
    }

    private static func backupPlan(_ values: Value, _ resource: inout NormalizedResource) {
        let rules = (values.at("rule")?.elements ?? []).map { rule in
            let lifecycle = rule.at("lifecycle")?.firstBlock
            return AWSFacetRules.BackupRule(
                name: rule.at("rule_name"), retentionDays: lifecycle?.at("delete_after_days"), coldAfterDays: lifecycle?.at("cold_storage_after"),
                copyTargets: AWSFacetRules.copyTargets(rule.at("copy_action"), destination: "destination_vault_arn"),
                continuous: rule.at("enable_continuous_backup")?.boolFacet == .bool(true))
        }
        AWSFacetRules.backupPlan(rules, into: &resource)
    }

    // MARK: - Network

    /// An `ingress`/`egress` block of `aws_security_group`, or an `aws_security_group_rule`:
    /// `protocol`, `from_port`, `to_port`, `cidr_blocks`, `ipv6_cidr_blocks`.
    private static func inlineRule(_ direction: FirewallRule.Direction, _ block: Value) -> FirewallRule {
        AWSFacetRules.permission(direction, protocol: block.at("protocol"), from: block.at("from_port"), to: block.at("to_port"),
                                 peers: [block.at("cidr_blocks"), block.at("ipv6_cidr_blocks")])
    }

    // MARK: - DNS

    private static func record53(_ values: Value, _ resource: inout NormalizedResource) {
        resource.set(.dnsRecordType, values.at("type")?.stringFacet)
        resource.set(.dnsTTL, values.at("ttl")?.numberFacet)
        let alias = values.at("alias")?.firstBlock
        resource[.dnsAlias] = .bool(alias != nil)
        resource.set(.dnsHealthCheck, values.at("health_check_id")?.stringFacet)
        let policies: [(String, String)] = [
            ("failover_routing_policy", "failover"), ("weighted_routing_policy", "weighted"), ("latency_routing_policy", "latency"),
            ("geolocation_routing_policy", "geolocation"), ("geoproximity_routing_policy", "geoproximity"), ("cidr_routing_policy", "cidr"),
        ]
        var routing = "simple"
        for (attribute, name) in policies where values.at(attribute)?.firstBlock != nil {
            routing = name
            break
        }
        if values.at("multivalue_answer_routing_policy")?.boolValue == true { routing = "multivalue" }
        resource[.dnsRouting] = .string(routing)
        if routing == "failover" {
            resource.set(.dnsFailoverRole, values.at("failover_routing_policy")?.firstBlock?.at("type")?.stringFacet)
        }
    }
}
