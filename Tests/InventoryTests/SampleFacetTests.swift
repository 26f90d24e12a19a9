import Inventory
import PolicyEngine
import Testing

/// Facets read from the real samples, per format. Expected values were read off the sample
/// files (see `shared/spec/formats/RESOURCES.md` §7 for what each one covers).
@Suite("Facets of the shared samples", .enabled(if: Samples.available, "../shared/external-data/resources is absent: sample facets skipped"))
struct SampleFacetTests {
    let config = AWSConfigReader()

    func only(_ reader: any ExportReader, _ relative: String) throws -> Value {
        let resources = try read(reader, Samples.resource(relative))
        try #require(resources.count == 1)
        return resources[0].document
    }

    // MARK: - AWS Config

    @Test func snapshotSpellingS3BucketWithSecureTransportPolicy() throws {
        let bucket = try only(config, "aws-config/rdk-example-ci/AWS_S3_Bucket.json")
        #expect(bucket.path("id") == .string("arn:aws:s3:::mborch-test-bucket-config-item"))
        #expect(bucket.path("type") == .string("storage.bucket"))
        #expect(bucket.path("account") == .string("934654633380"))
        #expect(bucket.path("region") == .string("us-east-1"))
        #expect(bucket.path("jurisdictions") == .array([.string("US")]))
        #expect(bucket.path("encryption.in_transit.https_only") == .bool(true))
        #expect(bucket.path("encryption.at_rest.enabled") == .bool(false))
        #expect(bucket.path("storage.versioning") == .bool(true))
        // The bucket policy arrives as a JSON string and is decoded in the attributes.
        #expect(bucket.path("attributes.supplementaryConfiguration.BucketPolicy.policyText.Statement")?.arrayValue?.count == 1)
    }

    @Test func apiSpellingWithStringConfigurationAndDoubleEncodedACL() throws {
        let resources = InventoryNormalizer.link(try read(config, Samples.resource("aws-config/custodian-config-items/s3-rep-and-notify.json")))
        let bucket = try resource("arn:aws:s3:::testing-99", in: resources)
        #expect(bucket.path("account") == .string("644160558196"))
        #expect(bucket.path("replication.enabled") == .bool(true))
        #expect(bucket.path("replication.targets") == .array([.string("arn:aws:s3:::testing-west")]))
        // testing-west is not among the inputs: its region cannot be known, so neither is the destination's.
        #expect(bucket.path("replication.regions") == .unknown)
        #expect(bucket.path("storage.versioning") == .bool(true))
        #expect(bucket.path("encryption.in_transit.https_only") == .bool(false))
        #expect(bucket.path("attributes.supplementaryConfiguration.AccessControlList.grantList")?.arrayValue?.count == 2)
        #expect(bucket.path("attributes.configuration.name") == .string("testing-99"))
    }

    @Test func ruleEventInsideInvokingEventString() throws {
        let database = try only(config, "aws-config/custodian-config-items/rds-from-rule.json")
        #expect(database.path("id") == .string("arn:aws:rds:us-east-1:644160558196:db:c7n-data-index"))
        #expect(database.path("type") == .string("database.instance"))
        #expect(database.path("encryption.at_rest.enabled") == .bool(false))
        #expect(database.path("database.multi_az") == .bool(false))
        #expect(database.path("database.engine") == .string("postgres"))
        #expect(database.path("backup.retention_days") == .number(7))
        #expect(database.path("tags.workload-type") == .string("other"))
        #expect(database.path("zone") == .string("us-east-1e"))
        #expect(database.path("source.pointer") == .string("/invokingEvent/configurationItem"))
    }

    @Test func apiHistoryClusterWithStringConfiguration() throws {
        let cluster = try only(config, "aws-config/custodian-config-items/rds-cluster.json")
        #expect(cluster.path("type") == .string("database.cluster"))
        #expect(cluster.path("encryption.at_rest.enabled") == .bool(true))
        #expect(cluster.path("encryption.at_rest.key_id") == .string("arn:aws:kms:us-east-1:644160558196:key/b10f842a-feb7-4318-92d5-0640a75b7688"))
        #expect(cluster.path("database.engine") == .string("aurora-postgresql"))
        #expect(cluster.path("backup.retention_days") == .number(7))
        #expect(cluster.path("tags.Owner") == .string("Mc-Mcslice"))
        #expect(cluster.path("source.pointer") == .string("/configurationItems/0"))
    }

    @Test func scheduledNotificationCarriesNoItem() throws {
        #expect(try read(config, Samples.resource("aws-config/custodian-config-items/poll-evaluation.json")).isEmpty)
    }

    @Test func rdkDatabasesVolumesAndTables() throws {
        let instance = try only(config, "aws-config/rdk-example-ci/AWS_RDS_DBInstance.json")
        #expect(instance.path("database.multi_az") == .bool(true))
        #expect(instance.path("backup.retention_days") == .number(7))
        #expect(instance.path("backup.pitr") == .bool(true))
        #expect(instance.path("encryption.at_rest.enabled") == .bool(true))
        #expect(instance.path("location_kind") == .string("region"))
        let cluster = try only(config, "aws-config/rdk-example-ci/AWS_RDS_DBCluster.json")
        #expect(cluster.path("backup.retention_days") == .number(1))
        #expect(cluster.path("database.multi_az") == .bool(false))
        let volume = try only(config, "aws-config/rdk-example-ci/AWS_EC2_Volume.json")
        #expect(volume.path("encryption.at_rest.enabled") == .bool(true))
        #expect(volume.path("zone") == .string("us-east-1c"))
        #expect(volume.path("location_kind") == .string("zone"))
        let table = try only(config, "aws-config/rdk-example-ci/AWS_DynamoDB_Table.json")
        #expect(table.path("backup.pitr") == .bool(false))
        #expect(table.path("encryption.at_rest.key_managed_by") == .string("provider"))
        #expect(table.path("replication") == nil)
    }

    @Test func rdkKeysIdentitiesAndEndpoints() throws {
        let key = try only(config, "aws-config/rdk-example-ci/AWS_KMS_Key.json")
        #expect(key.path("kms.managed_by") == .string("provider"))
        #expect(key.path("kms.multi_region") == .bool(false))
        #expect(key.path("kms.role") == .string("single"))
        let user = try only(config, "aws-config/rdk-example-ci/AWS_IAM_User.json")
        #expect(user.path("identity.principal_type") == .string("user"))
        #expect(user.path("identity.privileged") == .bool(true))
        #expect(user.path("identity.created_at") == .string("2016-09-22T05:55:07.000Z"))
        #expect(user.path("region") == .string("global"))
        #expect(user.path("jurisdictions") == nil)
        let role = try only(config, "aws-config/rdk-example-ci/AWS_IAM_Role.json")
        #expect(role.path("identity.principal_type") == .string("role"))
        #expect(role.path("identity.privileged") == .bool(false))
        let listener = try only(config, "aws-config/rdk-example-ci/AWS_ElasticLoadBalancingV2_Listener.json")
        #expect(listener.path("encryption.in_transit.https_only") == .bool(false))
        #expect(listener.path("encryption.in_transit.port") == .number(80))
        let cdn = try only(config, "aws-config/rdk-example-ci/AWS_CLOUDFRONT_DISTRIBUTION.json")
        #expect(cdn.path("encryption.in_transit.min_tls") == .string("1.0"))
        #expect(cdn.path("encryption.in_transit.https_only") == .bool(false))
        #expect(cdn.path("location_kind") == .string("global"))
        for file in ["AWS_OpenSearch_Domain.json", "AWS_ElasticSearch_Domain.json"] {
            let search = try only(config, "aws-config/rdk-example-ci/\(file)")
            #expect(search.path("type") == .string("search.domain"))
            #expect(search.path("encryption.in_transit.min_tls") == .string("1.0"))
            #expect(search.path("encryption.in_transit.https_only") == .bool(true))
            #expect(search.path("encryption.at_rest.enabled") == .bool(true))
        }
        let zone = try only(config, "aws-config/rdk-example-ci/AWS_R53_HostedZone.json")
        #expect(zone.path("type") == .string("dns.zone"))
        #expect(zone.path("tags.cost_center") == .string("payroll"))
        let function = try only(config, "aws-config/rdk-example-ci/AWS_LAMBDA_FUNCTION.json")
        #expect(function.path("type") == .string("compute.function"))
    }

    @Test func selectResourceConfigRows() throws {
        let key = try only(config, "aws-config/select-resource-config/test_kms_config_source.config.SelectResourceConfig_1.json")
        #expect(key.path("native_type") == .string("AWS::KMS::Key"))
        #expect(key.path("kms.rotation_enabled") == .bool(false))
        #expect(key.path("kms.managed_by") == .string("customer"))
        #expect(key.path("tags.ConfigTesting") == .string("Test"))
        #expect(key.path("region") == .string("us-east-2"))
        let queues = try read(config, Samples.resource("aws-config/select-resource-config/test_kms_key_related.config.SelectResourceConfig_1.json"))
        let alias = try resource("arn:aws:sqs:us-east-1:644160558196:test-kms-alias", in: queues)
        #expect(alias.path("encryption.at_rest.key_managed_by") == .string("provider"))
        let keyed = try resource("arn:aws:sqs:us-east-1:644160558196:test-kms-id", in: queues)
        #expect(keyed.path("encryption.at_rest.key_managed_by") == .string("customer"))
        let bucket = try only(config, "aws-config/select-resource-config/test_s3_metrics_user_dims.config.SelectResourceConfig_1.json")
        #expect(bucket.path("id") == .string("arn:aws:s3:::c7n-ssm-build"))
        #expect(bucket.path("region") == .string("us-east-2"))
        #expect(bucket.path("storage.versioning") == .bool(false))
    }

    @Test func awsAPIAnswersForConfigTypes() throws {
        let plan = try only(config, "aws-api/custodian-placebo.test_backup_augment.backup.GetBackupPlan_1.json")
        #expect(plan.path("type") == .string("backup.plan"))
        #expect(plan.path("name") == .string("test"))
        #expect(plan.path("backup.retention_days") == .number(180))
        #expect(plan.path("backup.cold_storage_after_days") == .number(90))
        let tiers = try #require(plan.path("backup.tiers")?.arrayValue)
        #expect(tiers.count == 2)
        #expect(tiers[0].path("retention_days") == .number(21))
        #expect(tiers[0].path("cold_after_days") == nil)
        #expect(tiers[1].path("name") == .string("weekly-archive"))
        #expect(tiers[1].path("cold_after_days") == .number(90))
        let listener = try only(config, "aws-api/custodian-placebo.test_appelb_is_https.elasticloadbalancing.DescribeListeners_1.json")
        #expect(listener.path("encryption.in_transit.protocol") == .string("HTTP"))
        #expect(listener.path("encryption.in_transit.https_only") == .bool(false))
    }

    // MARK: - Route 53 and IAM credential reports

    @Test func route53RecordSets() throws {
        let records = try read(Route53RecordSetReader(), Samples.resource("aws-api/custodian-placebo.test_route53_hostedzone_delete.route53.ListResourceRecordSets_1.json"))
        #expect(records.map { $0.document.path("dns.ttl") } == [.number(172800), .number(900), .number(300)])
        #expect(records.map { $0.document.path("dns.record_type") } == [.string("NS"), .string("SOA"), .string("A")])
        #expect(records.allSatisfy { $0.document.path("dns.routing") == .string("simple") && $0.document.path("region") == .string("global") })
    }

    @Test func credentialReports() throws {
        let reader = IAMCredentialReportReader()
        let account = try read(reader, Samples.resource("aws-api/iam-credential-report.test_account_credential_report.csv"))
        let root = try resource("arn:aws:iam::644160558196:root", in: account)
        #expect(root.path("identity.principal_type") == .string("root"))
        #expect(root.path("identity.mfa_active") == .bool(true))
        #expect(root.path("identity.password_enabled") == nil)
        let andrew = try resource("arn:aws:iam::644160558196:user/andrew", in: account)
        #expect(andrew.path("identity.access_keys_active") == .number(2))
        #expect(andrew.path("identity.mfa_active") == .bool(false))
        #expect(andrew.path("identity.last_used_at") == .string("2016-11-16T14:10:34+00:00"))
        let unused = try read(reader, Samples.resource("aws-api/iam-credential-report.test_iam_user_unused_keys.csv"))
        let kaleb = try resource("arn:aws:iam::619193117841:user/kaleb", in: unused)
        // password_last_used is no_information: absent, not a date.
        #expect(kaleb.path("identity.password_last_used_at") == nil)
        #expect(kaleb.path("identity.password_enabled") == .bool(true))
        let keys = try #require(kaleb.path("identity.access_keys")?.arrayValue)
        #expect(keys.first?.path("active") == .bool(true))
        #expect(keys.first?.path("last_used_at") == nil)
    }

    // MARK: - Terraform

    @Test func planWithProviderRegionAndUnknownAttributes() throws {
        let resources = InventoryNormalizer.link(
            try read(TerraformPlanReader(), Samples.resource("terraform/plan-json/checkov__terraform__parser__resources__plan_tags__tfplan.json")))
        let database = try resource("aws_db_instance.default", in: resources)
        #expect(database.path("region") == .string("us-west-2"))
        #expect(database.path("encryption.at_rest.enabled") == .bool(false))
        #expect(database.path("backup.retention_days") == .number(0))
        #expect(database.path("backup.enabled") == .bool(false))
        // The parameter group in the plan sets neither rds.force_ssl nor require_secure_transport.
        #expect(database.path("database.tls_enforced") == .bool(false))
        let volume = try resource("aws_ebs_volume.web_host_storage", in: resources)
        #expect(volume.path("encryption.at_rest.enabled") == .unknown)
        #expect(volume.path("zone") == .string("us-west-2a"))
        let logs = try resource("arn:aws:s3:::123456789123-acme-corp-logs", in: resources)
        #expect(logs.path("encryption.at_rest.algorithm") == .string("aws:kms"))
        let data = try resource("arn:aws:s3:::123456789123-acme-corp-data", in: resources)
        #expect(data.path("encryption.at_rest.enabled") == .bool(false))
        #expect(data.path("storage.versioning") == .unknown)
        let key = try resource("aws_kms_key.logs_key", in: resources)
        #expect(key.path("kms.rotation_enabled") == .bool(false))
        #expect(!resources.contains { $0.document.path("native_type") == .string("null_resource") })
    }

    @Test func planWithChildModulesCountAndForEach() throws {
        let nested = try read(
            TerraformPlanReader(),
            Samples.resource("terraform/plan-json/checkov__terraform__runner__resources__plan_nested_child_modules_with_connections__tfplan.json"))
        let addresses = Set(nested.compactMap { $0.document.path("terraform.address")?.stringValue })
        #expect(addresses.contains("module.s3_bucket.aws_s3_bucket.this[0]"))
        #expect(addresses.contains("module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket"))
        #expect(nested.allSatisfy { $0.document.path("region") == .string("us-west-2") })
        let acl = try resource("module.s3_bucket.aws_s3_bucket_acl.this[0]", in: nested)
        #expect(acl.path("terraform.references.bucket")?.arrayValue?.contains(.string("module.s3_bucket.aws_s3_bucket.this[0]")) == true)
        let forEach = try read(
            TerraformPlanReader(),
            Samples.resource("terraform/plan-json/checkov__common__runner_registry__plan_with_for_each_for_enrichment__tf_plan.json"))
        #expect(Set(forEach.map(\.id)).isSuperset(of: [#"aws_route53_zone.example["example2.eu"]"#, #"module.sg["awful_example"].aws_security_group.bad"#]))
        let zone = try resource(#"aws_route53_zone.example["example.com"]"#, in: forEach)
        #expect(zone.path("type") == .string("dns.zone"))
        #expect(zone.path("terraform.module") == nil)
    }

    @Test func planProviderAliasesAndOtherClouds() throws {
        let aliased = try read(
            TerraformPlanReader(),
            Samples.resource("terraform/plan-json/checkov__terraform__runner__resources__plan_root_module_resources_no_values__tfplan_route53.json"))
        #expect(try resource("aws_cloudwatch_log_group.aws_route53_example_com", in: aliased).path("region") == .string("us-east-1"))
        #expect(try resource("aws_route53_zone.example_com", in: aliased).path("region") == .string("global"))
        let azure = try read(
            TerraformPlanReader(),
            Samples.resource("terraform/plan-json/checkov__terraform__runner__resources__plan_with_resource_reference__tfplan_extra_ref.json"))
        #expect(try resource("azurerm_resource_group.test", in: azure).path("region") == .string("canadacentral"))
        #expect(try resource("azurerm_resource_group.test", in: azure).path("provider") == .string("azure"))
        let google = try read(TerraformPlanReader(), Samples.resource("terraform/plan-json/checkov__terraform__parser__resources__plan_booleans__tfplan.json"))
        let instance = try resource("google_compute_instance.default", in: google)
        #expect(instance.path("zone") == .string("us-central1-c"))
        #expect(instance.path("region") == .string("us-central1"))
    }

    @Test func planDynamoDBTableWithCustomerKey() throws {
        let resources = try read(TerraformPlanReader(), Samples.resource("terraform/plan-json/checkov__terraform__parser__resources__plan_tags_variety__tfplan.json"))
        let table = try resource("aws_dynamodb_table.basic-dynamodb-table", in: resources)
        #expect(table.path("encryption.at_rest.key_managed_by") == .string("customer"))
        #expect(table.path("backup.pitr") == .bool(true))
    }

    // MARK: - GCP Cloud Asset Inventory

    @Test func caiMultiRegionBucketsSQLKeysAndDisks() throws {
        let reader = GCPAssetInventoryReader()
        let assets = try read(reader, Samples.resource("gcp-cai/forseti/mock_cai_resources.dump"))
        let bucket = try resource("//storage.googleapis.com/bucket1", in: assets)
        #expect(bucket.path("region") == .string("US"))
        #expect(bucket.path("location_kind") == .string("multi-region"))
        #expect(bucket.path("jurisdictions") == .array([.string("US")]))
        #expect(bucket.path("replication.regions")?.arrayValue?.contains(.string("us-central1")) == true)
        #expect(bucket.path("account") == .string("1043"))
        let sql = try resource("//cloudsql.googleapis.com/projects/project2/instances/forseti", in: assets)
        #expect(sql.path("region") == .string("us-west1"))
        #expect(sql.path("backup.enabled") == .bool(true))
        #expect(sql.path("backup.pitr") == .bool(true))
        let key = try resource("//cloudkms.googleapis.com/projects/project2/locations/us/keyRings/test-kr/cryptoKeys/test-key", in: assets)
        #expect(key.path("kms.rotation_period_days") == .number(90))
        #expect(key.path("kms.multi_region") == .bool(true))
        let disk = try resource("//compute.googleapis.com/projects/project1/zones/us-central1-c/disks/iap_instance1", in: assets)
        #expect(disk.path("zone") == .string("us-central1-c"))
        #expect(disk.path("region") == .string("us-central1"))
        #expect(disk.path("encryption.at_rest.key_managed_by") == .string("provider"))
        let policies = try read(reader, Samples.resource("gcp-cai/forseti/mock_cai_iam_policies.dump"))
        let linked = InventoryNormalizer.link(assets + policies)
        #expect(linked.count == 133)
        let withPolicy = try resource("//storage.googleapis.com/bucket1", in: linked)
        #expect(withPolicy.path("iam_policy.bindings")?.arrayValue?.isEmpty == false)
        #expect(withPolicy.path("encryption.at_rest.enabled") == .bool(true))
    }

    // MARK: - Azure

    @Test func resourceGraphTableAndARMListDescribeTheSameAccount() throws {
        let path = Samples.resource("azure/custodian-cassettes/ResourceGraphSource.test_resource_graph_and_arm_sources_storage_are_equivalent.json")
        let account = try only(AzureResourceGraphReader(), "azure/custodian-cassettes/ResourceGraphSource.test_resource_graph_and_arm_sources_storage_are_equivalent.json")
        #expect(account.path("source.pointer") == .string("/interactions/1/response/body/data/data/rows/0"))
        // Each recorded answer on its own: the ARM list (canonical-case type) and the ARG table (lower-case type).
        let answers = try RecordedAnswers.split(path)
        #expect(answers.count == 2)
        var facets: [[Value?]] = []
        for answer in answers {
            let resource = try #require(try read(AzureResourceGraphReader(), answer).first).document
            #expect(resource.path("native_type") == .string("microsoft.storage/storageaccounts"))
            facets.append(["encryption.in_transit.https_only", "encryption.in_transit.min_tls", "encryption.at_rest.key_managed_by",
                           "replication.enabled", "region"].map { resource.path($0) })
        }
        #expect(facets[0] == facets[1])
        #expect(facets[0] == [.bool(false), .string("1.0"), .string("provider"), .bool(false), .string("southcentralus")])
    }

    @Test func storageTLSUpdateAndSQLEncryptionProtectors() throws {
        let tls = try RecordedAnswers.split(Samples.resource("azure/custodian-cassettes/StorageTest.test_storage_settings_require_secure_transfer_min_tls_version.json"))
        let before = try #require(try read(AzureResourceGraphReader(), tls[0]).first).document
        #expect(before.path("encryption.in_transit.min_tls") == .string("1.0"))
        #expect(before.path("encryption.in_transit.tls_policy") == .string("TLS1_0"))
        let after = try only(AzureResourceGraphReader(), "azure/custodian-cassettes/StorageTest.test_storage_settings_require_secure_transfer_min_tls_version.json")
        #expect(after.path("encryption.in_transit.min_tls") == .string("1.2"))
        #expect(after.path("encryption.in_transit.https_only") == .bool(true))
        let sql = InventoryNormalizer.link(try read(AzureResourceGraphReader(), Samples.resource("azure/custodian-cassettes/SqlServerTest.test_data_encryption_filter.json")))
        #expect(sql.count == 2)
        let vaultKeyed = try #require(sql.first { $0.id.hasSuffix("cfb-guhvauzm-test-sql-server") }).document
        #expect(vaultKeyed.path("encryption.at_rest.key_managed_by") == .string("customer"))
        #expect(vaultKeyed.path("encryption.in_transit.min_tls") == .string("1.2"))
        let serviceKeyed = try #require(sql.first { $0.id.hasSuffix("cfb-oapcxbui-test-sql-server-1") }).document
        #expect(serviceKeyed.path("encryption.at_rest.key_managed_by") == .string("provider"))
    }
}
