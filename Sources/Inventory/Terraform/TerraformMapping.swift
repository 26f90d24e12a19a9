import PolicyEngine

/// Maps one Terraform resource instance to the normalized model: identity, location, account,
/// tags and the `terraform` block here; facets in `TerraformAWSFacets` and
/// `TerraformAzureGoogleFacets`. Resources of providers other than aws, azurerm and google
/// (null, random, tls, kubernetes …) are not cloud inventory and are skipped.
enum TerraformMapping {
    /// Normalized kind per Terraform resource type.
    static let kinds: [String: ResourceKind] = [
        "aws_s3_bucket": .storageBucket,
        "aws_s3_bucket_server_side_encryption_configuration": .storageBucketConfig,
        "aws_s3_bucket_replication_configuration": .storageBucketConfig,
        "aws_s3_bucket_versioning": .storageBucketConfig,
        "aws_s3_bucket_policy": .storageBucketConfig,
        "aws_db_instance": .databaseInstance,
        "aws_rds_cluster": .databaseCluster,
        "aws_neptune_cluster": .databaseCluster,
        "aws_docdb_cluster": .databaseCluster,
        "aws_ebs_volume": .computeVolume,
        "aws_instance": .computeInstance,
        "aws_kms_key": .kmsKey,
        "aws_kms_replica_key": .kmsKey,
        "aws_kms_replica_external_key": .kmsKey,
        "aws_lb_listener": .networkListener,
        "aws_alb_listener": .networkListener,
        "aws_lb": .networkLoadBalancer,
        "aws_alb": .networkLoadBalancer,
        "aws_elb": .networkLoadBalancer,
        "aws_dynamodb_table": .databaseTable,
        "aws_backup_plan": .backupPlan,
        "aws_iam_user": .identityPrincipal,
        "aws_iam_role": .identityPrincipal,
        "aws_iam_group": .identityGroup,
        "aws_iam_policy": .identityPolicy,
        "aws_cloudfront_distribution": .cdnDistribution,
        "aws_opensearch_domain": .searchDomain,
        "aws_elasticsearch_domain": .searchDomain,
        "aws_route53_record": .dnsRecord,
        "aws_route53_zone": .dnsZone,
        "aws_lambda_function": .computeFunction,
        "aws_redshift_cluster": .databaseWarehouse,
        "aws_sqs_queue": .messagingQueue,
        "aws_sns_topic": .messagingTopic,
        "aws_kinesis_stream": .messagingStream,
        "aws_eks_cluster": .containerCluster,
        "aws_secretsmanager_secret": .secretsSecret,
        "aws_vpc": .networkVPC,
        "aws_default_vpc": .networkVPC,
        "aws_subnet": .networkSubnet,
        "aws_security_group": .networkSecurityGroup,
        "aws_security_group_rule": .networkSecurityGroupRule,
        "aws_vpc_security_group_ingress_rule": .networkSecurityGroupRule,
        "aws_vpc_security_group_egress_rule": .networkSecurityGroupRule,
        "aws_internet_gateway": .networkGateway,
        "aws_nat_gateway": .networkGateway,
        "aws_acm_certificate": .certificate,
        "aws_s3_bucket_object_lock_configuration": .storageBucketConfig,
        "aws_cloudtrail": .loggingTrail,
        "aws_autoscaling_group": .computeScalingGroup,
        "aws_cloudwatch_metric_alarm": .monitoringAlarm,
        "aws_backup_vault": .backupVault,
        "aws_backup_selection": .backupSelection,
        "azurerm_monitor_diagnostic_setting": .loggingTrail,
        "azurerm_linux_virtual_machine_scale_set": .computeScalingGroup,
        "azurerm_windows_virtual_machine_scale_set": .computeScalingGroup,
        "azurerm_orchestrated_virtual_machine_scale_set": .computeScalingGroup,
        "azurerm_monitor_metric_alert": .monitoringAlarm,
        "azurerm_cosmosdb_account": .databaseCluster,
        "google_compute_instance_group_manager": .computeScalingGroup,
        "google_compute_region_instance_group_manager": .computeScalingGroup,
        "google_monitoring_alert_policy": .monitoringAlarm,
        "azurerm_storage_account": .storageAccount,
        "azurerm_mssql_server": .databaseServer,
        "azurerm_sql_server": .databaseServer,
        "azurerm_postgresql_flexible_server": .databaseInstance,
        "azurerm_mysql_flexible_server": .databaseInstance,
        "azurerm_managed_disk": .computeVolume,
        "azurerm_linux_virtual_machine": .computeInstance,
        "azurerm_windows_virtual_machine": .computeInstance,
        "azurerm_virtual_machine": .computeInstance,
        "azurerm_key_vault": .kmsVault,
        "azurerm_dns_zone": .dnsZone,
        "azurerm_resource_group": .accountResourceGroup,
        "azurerm_network_security_group": .networkSecurityGroup,
        "azurerm_network_security_rule": .networkSecurityGroupRule,
        "azurerm_virtual_network": .networkVPC,
        "azurerm_subnet": .networkSubnet,
        "azurerm_application_gateway": .networkLoadBalancer,
        "azurerm_kubernetes_cluster": .containerCluster,
        "google_storage_bucket": .storageBucket,
        "google_sql_database_instance": .databaseInstance,
        "google_kms_crypto_key": .kmsKey,
        "google_kms_key_ring": .kmsVault,
        "google_compute_disk": .computeVolume,
        "google_compute_region_disk": .computeVolume,
        "google_compute_instance": .computeInstance,
        "google_dns_managed_zone": .dnsZone,
        "google_dns_record_set": .dnsRecord,
        "google_service_account": .identityPrincipal,
        "google_service_account_key": .identityCredential,
        "google_bigquery_dataset": .analyticsDataset,
        "google_compute_network": .networkVPC,
        "google_compute_subnetwork": .networkSubnet,
        "google_compute_firewall": .networkSecurityGroup,
        "google_container_cluster": .containerCluster,
        "google_project": .accountProject,
        "google_pubsub_topic": .messagingTopic,
        "google_pubsub_subscription": .messagingQueue,
    ]

    /// The `attributes` paths the linking and identity passes read of a resource's values
    /// (parameter groups and their users, vault locks, backup plan ids, Azure resource groups),
    /// kept when the run's policies read no `attributes`.
    static let linkedAttributes: [[DocumentKey]] = [
        ["name"], ["id"], ["parameter"], ["parameter_group_name"], ["db_cluster_parameter_group_name"],
        ["backup_vault_name"], ["min_retention_days"], ["resource_group_name"],
    ].map { $0.map(DocumentKey.init) }

    /// The normalized resource, or nil for resources of non-cloud providers.
    static func resource(_ record: TerraformResourceRecord, context: TerraformContext, format: InputFormat, file: String) -> NormalizedResource? {
        let provider: CloudProvider
        switch record.providerShortName {
        case "aws": provider = .aws
        case "azurerm": provider = .azure
        case "google": provider = .gcp
        default: return nil
        }
        let values = record.values
        let kind = kinds[record.type] ?? (record.type.hasPrefix("azurerm_dns_") && record.type.hasSuffix("_record") ? .dnsRecord : .other)
        var resource = NormalizedResource(
            id: identifier(record, provider: provider), provider: provider, kind: kind, nativeType: record.type,
            attributes: values, format: format, source: SourceReference(file: file, pointer: record.pointer, terraformAddress: record.address))
        resource.nativeID = nativeID(record)
        resource.name = (values.at("name") ?? values.at("bucket") ?? values.at("identifier") ?? values.at("function_name"))?.text
        resource.terraform = terraformBlock(record, context: context)
        switch provider {
        case .aws:
            locateAWS(&resource, record: record, context: context)
            resource.tags = tagMap(values.at("tags_all")?.objectValue.map(Value.object) ?? values.at("tags"))
            TerraformAWSFacets.apply(record, into: &resource)
        case .azure:
            locateAzure(&resource, record: record)
            resource.tags = tagMap(values.at("tags"))
            TerraformAzureGoogleFacets.applyAzure(record, into: &resource)
        case .gcp:
            locateGoogle(&resource, record: record, context: context)
            resource.tags = tagMap(values.at("effective_labels")?.objectValue.map(Value.object) ?? values.at("labels"))
            TerraformAzureGoogleFacets.applyGoogle(record, into: &resource)
        }
        if let reviewed = AWSConfigMapping.reviewDate(in: resource.tags) { resource[.lastReviewedAt] = .string(reviewed) }
        return resource
    }

    // MARK: - Identity

    private static func identifier(_ record: TerraformResourceRecord, provider: CloudProvider) -> String {
        let values = record.values
        switch (provider, record.type) {
        case (.aws, "aws_s3_bucket"):
            if let bucket = values.at("bucket")?.text { return "arn:aws:s3:::\(bucket)" }
        case (.aws, "aws_route53_record"):
            // The Route 53 reader's key, so the plan's record and the exported record set are one
            // resource (only for a fully qualified name: a relative one needs the zone's name).
            if let name = values.at("name")?.text, name.contains("."), let type = values.at("type")?.text {
                let qualified = name.hasSuffix(".") ? name : name + "."
                return "route53/\(qualified)/\(type)" + (values.at("set_identifier")?.text.map { "/\($0)" } ?? "")
            }
        case (.gcp, "google_storage_bucket"):
            if let bucket = values.at("name")?.text { return "//storage.googleapis.com/\(bucket)" }
        default:
            break
        }
        if provider == .aws, let arn = values.at("arn")?.text, arn.hasPrefix("arn:") { return arn }
        if provider == .azure, let id = values.at("id")?.text, id.hasPrefix("/subscriptions/") { return id }
        return record.address
    }

    private static func nativeID(_ record: TerraformResourceRecord) -> String? {
        let values = record.values
        if record.type.hasPrefix("aws_s3_bucket") { return values.at("bucket")?.text }
        return (values.at("id") ?? values.at("name"))?.text
    }

    /// `{address, module, type, actions, references}`.
    static func terraformBlock(_ record: TerraformResourceRecord, context: TerraformContext) -> Value {
        // Built from its members, the keys interned once (a block for every resource of a plan).
        var members: [Fields.Member] = []
        members.reserveCapacity(5)
        members.append(BlockKeys.address, .string(record.address))
        members.append(BlockKeys.module, record.moduleAddress.map(Value.string))
        members.append(BlockKeys.type, .string(record.type))
        members.append(BlockKeys.actions, record.actions.map(actionsMember))
        members.append(BlockKeys.references, referencesMember(address: record.address, moduleAddress: record.moduleAddress, context: context))
        return .object(Fields(unsorted: members))
    }

    /// The Terraform block's member names, interned once.
    enum BlockKeys {
        static let address = DocumentKey("address")
        static let module = DocumentKey("module")
        static let type = DocumentKey("type")
        static let actions = DocumentKey("actions")
        static let references = DocumentKey("references")
        /// `terraform.references`, which `TerraformDocument.finish` adds once the configuration is read.
        static let referencesPath = [DocumentMemberKeys.terraform, references]
    }

    /// The Terraform block's `actions` member. A plan's resources nearly all have one of a few
    /// one-action lists, so those are shared, not allocated again for every resource.
    static func actionsMember(_ actions: [String]) -> Value {
        if actions.count == 1, let shared = singleActions[actions[0]] { return shared }
        return .array(actions.map(Value.string))
    }

    private static let singleActions: [String: Value] = Dictionary(
        uniqueKeysWithValues: ["create", "update", "no-op", "read", "delete", "forget"].map { ($0, Value.array([.string($0)])) })

    /// The Terraform block's `references` member: the referenced resource addresses per attribute
    /// path the configuration gives for the resource at `address`; nil when it gives none.
    static func referencesMember(address: String, moduleAddress: String?, context: TerraformContext) -> Value? {
        let references = context.references(address: address, moduleAddress: moduleAddress)
        guard !references.isEmpty else { return nil }
        return .object(Fields(references.map { ($0.key, Value.array($0.value.map(Value.string))) }))
    }

    // MARK: - Location

    /// Types that are global in AWS.
    private static func isGlobalAWS(_ type: String) -> Bool {
        type.hasPrefix("aws_iam_") || type.hasPrefix("aws_cloudfront_") || type.hasPrefix("aws_route53_")
    }

    private static func locateAWS(_ resource: inout NormalizedResource, record: TerraformResourceRecord, context: TerraformContext) {
        let values = record.values
        if let arn = values.at("arn")?.text.flatMap(LocationCodes.ARN.init), !arn.account.isEmpty { resource.account = arn.account }
        if isGlobalAWS(record.type) {
            resource.region = "global"
            return
        }
        if let zone = values.at("availability_zone")?.text, let region = LocationCodes.awsRegion(ofZone: zone) {
            resource.zone = zone
            resource.region = region
            return
        }
        if let region = values.at("region")?.text {
            resource.region = region
        } else if let region = values.at("arn")?.text.flatMap(LocationCodes.ARN.init)?.regionCode, !region.isEmpty {
            resource.region = region
        } else {
            resource.region = context.providerRegion(address: record.address, providerShortName: "aws")
        }
    }

    private static func locateAzure(_ resource: inout NormalizedResource, record: TerraformResourceRecord) {
        let values = record.values
        if let id = values.at("id")?.text, id.hasPrefix("/subscriptions/") {
            resource.account = LocationCodes.segment(after: "subscriptions", in: id)
        }
        if record.type.hasPrefix("azurerm_dns_") {
            resource.region = "global"
        } else if let location = values.at("location")?.text {
            resource.region = LocationCodes.azureLocation(location)
        }
    }

    private static func locateGoogle(_ resource: inout NormalizedResource, record: TerraformResourceRecord, context: TerraformContext) {
        let values = record.values
        resource.account = values.at("project")?.text
        if record.type.hasPrefix("google_dns_") || record.type.hasPrefix("google_service_account") || record.type == "google_project" {
            resource.region = "global"
        } else if let zone = values.at("zone")?.text, let region = LocationCodes.gcpRegion(ofZone: zone) {
            resource.zone = LocationCodes.lastSegment(zone)
            resource.region = region
        } else if let location = (values.at("location") ?? values.at("region"))?.text {
            resource.region = LocationCodes.gcpLocation(location)
        } else if let ring = values.at("key_ring")?.text, let location = LocationCodes.segment(after: "locations", in: ring) {
            resource.region = LocationCodes.gcpLocation(location)
        } else if record.type != "google_kms_crypto_key" {
            resource.region = context.providerRegion(address: record.address, providerShortName: "google")
        }
    }
}
