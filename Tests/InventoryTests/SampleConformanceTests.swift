import Foundation
import Inventory
import PolicyEngine
import Testing

/// Every file of the shared real sample data (`../shared/external-data/resources/`): detected as
/// the right format, read with the expected resource count, or — for the two invalid published
/// files — rejected with the file and position. Counts were taken by reading the samples
/// (items, rows, lines, resource_changes), not from this implementation's output.
@Suite("Shared sample data", .enabled(if: Samples.available, "../shared/external-data/resources is absent: sample conformance skipped"))
struct SampleConformanceTests {
    /// What a sample file must give.
    enum Expected: Sendable {
        /// Read as this format into this many resources (before linking).
        case resources(InputFormat, Int)
        /// Invalid JSON: rejected at this 1-based line and column.
        case malformed(line: Int, column: Int)
        /// Not an inventory export (a CloudTrail event): no inventory reader claims it.
        case notInventory
    }

    static let rdkSingleItems = [
        "ACM_Certificate", "ApiGatewayV2_Api", "ApiGatewayV2_Stage", "ApiGateway_RestApi", "ApiGateway_Stage",
        "AutoScaling_AutoScalingGroup", "AutoScaling_LaunchConfiguration", "AutoScaling_ScalingPolicy", "AutoScaling_ScheduledAction",
        "CLOUDFRONT_DISTRIBUTION", "CLOUDFRONT_STREAMINGDISTRIBUTION", "CloudFormation_Stack", "CloudWatch_Alarm", "Cloudtrail_Trail",
        "CodeBuild_Project", "CodePipeline_Pipeline", "DynamoDB_Table", "EC2_CapacityReservation", "EC2_CustomerGateway", "EC2_EIP",
        "EC2_FlowLog", "EC2_Host", "EC2_Instance", "EC2_InternetGateway", "EC2_LaunchTemplate", "EC2_NatGateway", "EC2_NetworkAcl",
        "EC2_RouteTable", "EC2_SecurityGroup", "EC2_Subnet", "EC2_VPC", "EC2_VPCPeeringConnection", "EC2_VPNConnection", "EC2_VPNGateway",
        "EC2_Volume", "ECR_PublicRepository", "ECR_Repository", "ECS_TaskDefinition", "EKS_Cluster", "ELASTICLOADBALANCING_LOADBALANCER",
        "ElasticBeanstalk_Application", "ElasticBeanstalk_ApplicationVersion", "ElasticBeanstalk_Environment",
        "ElasticLoadBalancingV2_Listener", "ElasticLoadBalancingV2_LoadBalancer", "ElasticSearch_Domain", "Glue_Classifier", "Glue_Job",
        "Glue_MLTransform", "IAM_Group", "IAM_Policy", "IAM_Role", "IAM_User", "KMS_Key", "LAMBDA_FUNCTION", "NetworkFirewall_RuleGroup",
        "OpenSearch_Domain", "R53_HostedZone", "RDS_DBCluster", "RDS_DBClusterSnapshot", "RDS_DBInstance", "RDS_DBSecurityGroup",
        "RDS_DBSnapshot", "RDS_DBSubnetGroup", "RDS_EventSubscription", "Redshift_Cluster", "Redshift_ClusterParameterGroup",
        "Redshift_ClusterSecurityGroup", "Redshift_ClusterSnapshot", "Redshift_ClusterSubnetGroup", "Redshift_EventSubscription",
        "S3_AccountPublicAccessBlock", "S3_Bucket", "SNS_Topic", "SSM_ManagedInstanceInventory", "SSM_ManagedInstanceInventory_Windows",
        "ShieldRegional_Protection", "Shield_Protection",
    ]

    static let expectations: [String: Expected] = {
        var table: [String: Expected] = [
            "aws-api/custodian-placebo.test_appelb_is_https.elasticloadbalancing.DescribeListeners_1.json": .resources(.awsConfig, 1),
            "aws-api/custodian-placebo.test_backup_augment.backup.GetBackupPlan_1.json": .resources(.awsConfig, 1),
            "aws-api/custodian-placebo.test_route53_hostedzone_delete.route53.ListResourceRecordSets_1.json": .resources(.awsRoute53, 3),
            "aws-api/iam-credential-report.test_account_credential_report.csv": .resources(.awsIAMCredentialReport, 21),
            "aws-api/iam-credential-report.test_iam_user_credential_multi_delete.csv": .resources(.awsIAMCredentialReport, 1),
            "aws-api/iam-credential-report.test_iam_user_unused_keys.csv": .resources(.awsIAMCredentialReport, 8),
            "aws-config/custodian-config-items/event-cloudsearch.json": .notInventory,
            "aws-config/custodian-config-items/poll-evaluation.json": .resources(.awsConfig, 0),
            "aws-config/rdk-example-ci/AWS_EC2_NetworkInterface.json": .malformed(line: 88, column: 1),
            "aws-config/rdk-example-ci/AWS_SSM_ManagedInstanceInventory_Linux.json": .malformed(line: 51, column: 41),
            "aws-config/select-resource-config/test_kms_config_source.config.SelectResourceConfig_1.json": .resources(.awsConfig, 1),
            "aws-config/select-resource-config/test_kms_key_related.config.SelectResourceConfig_1.json": .resources(.awsConfig, 3),
            "aws-config/select-resource-config/test_s3_metrics_user_dims.config.SelectResourceConfig_1.json": .resources(.awsConfig, 1),
            "azure/custodian-cassettes/ResourceGraphSource.test_resource_graph_and_arm_sources_storage_are_equivalent.json":
                .resources(.azureResourceGraph, 1),
            "azure/custodian-cassettes/ResourceGraphSource.test_resource_graph_and_arm_sources_vm_are_equivalent.json":
                .resources(.azureResourceGraph, 1),
            "azure/custodian-cassettes/SqlServerTest.test_data_encryption_filter.json": .resources(.azureResourceGraph, 4),
            "azure/custodian-cassettes/StorageTest.test_storage_settings_require_secure_transfer_min_tls_version.json":
                .resources(.azureResourceGraph, 1),
            "gcp-cai/forseti/additional_cai_resources.dump": .resources(.gcpAssetInventory, 54),
            "gcp-cai/forseti/mock_cai_iam_policies.dump": .resources(.gcpAssetInventory, 22),
            "gcp-cai/forseti/mock_cai_resources.dump": .resources(.gcpAssetInventory, 133),
            "terraform/plan-json/checkov__common__runner_registry__plan_with_for_each_for_enrichment__tf_plan.json": .resources(.terraformPlan, 5),
            "terraform/plan-json/checkov__terraform__checks__resource__aws__example_SecretManagerSecretEncrypted__tfplan.json":
                .resources(.terraformPlan, 1),
            "terraform/plan-json/checkov__terraform__parser__resources__plan_booleans__tfplan.json": .resources(.terraformPlan, 2),
            // 55 resource changes, one of them a null_resource (not a cloud provider).
            "terraform/plan-json/checkov__terraform__parser__resources__plan_tags__tfplan.json": .resources(.terraformPlan, 54),
            "terraform/plan-json/checkov__terraform__parser__resources__plan_tags_variety__tfplan.json": .resources(.terraformPlan, 3),
            "terraform/plan-json/checkov__terraform__runner__resources__plan_nested_child_modules_with_connections__tfplan.json":
                .resources(.terraformPlan, 9),
            "terraform/plan-json/checkov__terraform__runner__resources__plan_root_module_resources_no_values__tfplan_route53.json":
                .resources(.terraformPlan, 4),
            "terraform/plan-json/checkov__terraform__runner__resources__plan_with_iam_policies__tfplan.json": .resources(.terraformPlan, 7),
            "terraform/plan-json/checkov__terraform__runner__resources__plan_with_resource_reference__tfplan_extra_ref.json":
                .resources(.terraformPlan, 4),
        ]
        for name in rdkSingleItems { table["aws-config/rdk-example-ci/AWS_\(name).json"] = .resources(.awsConfig, 1) }
        for name in ["app-elb-config-event", "app-elb", "kinesis-stream", "pipeline", "rds-cluster", "rds-from-rule", "s3-from-rule-sans-accelerator",
                     "s3-from-rule", "s3-lifecycle-and-predicate", "s3-lifecycle-null-predicate", "s3-lifecycle", "s3-rep-and-notify",
                     "s3-website-redirect", "s3-website", "s3"] {
            table["aws-config/custodian-config-items/\(name).json"] = .resources(.awsConfig, 1)
        }
        return table
    }()

    /// Every data file on disk (SOURCES.md aside), relative to the resources folder.
    static let filesOnDisk: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: Samples.resources) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: Samples.resource(next), isDirectory: &isDirectory), !isDirectory.boolValue,
                next != "SOURCES.md"
            {
                files.append(next)
            }
        }
        return files.sorted()
    }()

    @Test func everySampleFileHasAnExpectation() {
        #expect(Self.filesOnDisk.count == 122)
        #expect(Set(Self.filesOnDisk) == Set(Self.expectations.keys))
    }

    @Test(arguments: SampleConformanceTests.filesOnDisk)
    func sampleFile(_ relative: String) throws {
        let path = Samples.resource(relative)
        let expected = try #require(Self.expectations[relative])
        let scores = try detectionScores(path)
        switch expected {
        case .resources(let format, let count):
            let best = try #require(scores.max { $0.value < $1.value })
            #expect(best.key == format, "\(relative): detected \(best.key.rawValue) (\(scores))")
            #expect(best.value >= 60)
            let reader = try #require(InventoryReaders.reader(for: format))
            let resources = try read(reader, path)
            #expect(resources.count == count)
            for resource in resources {
                #expect(resource.source.file == path)
                #expect(resource.document.path("source.format")?.stringValue == format.rawValue)
            }
        case .malformed(let line, let column):
            let reader = try #require(InventoryReaders.reader(for: .awsConfig))
            #expect(scores[.awsConfig, default: 0] >= 60)
            do {
                _ = try read(reader, path)
                Issue.record("\(relative) is invalid JSON but was read")
            } catch let error as InventoryError {
                guard case .malformedJSON(let file, let foundLine, let foundColumn, _, _) = error else {
                    Issue.record("expected a JSON syntax error, got \(error)")
                    return
                }
                #expect(file == path)
                #expect(foundLine == line)
                #expect(foundColumn == column)
                #expect(error.diagnostic.description.hasPrefix("\(path):\(line):\(column): error: malformed JSON"))
            }
        case .notInventory:
            #expect(scores.values.allSatisfy { $0 < 60 }, "\(scores)")
            let reader = try #require(InventoryReaders.reader(for: .awsConfig))
            #expect(throws: InventoryError.self) { _ = try read(reader, path) }
        }
    }

    private func detectionScores(_ path: String) throws -> [InputFormat: Int] {
        let head = Array(try InventoryInput.plain(path).readAll().prefix(1 << 16))
        var scores: [InputFormat: Int] = [:]
        for reader in InventoryReaders.all() { scores[reader.format] = reader.detectionScore(sample: head, path: path) }
        return scores
    }
}
