import Inventory
import PolicyEngine
import Testing

/// The facets and joins of audit logging, failover readiness, backup coverage and primary/DR rule
/// consistency (issue 14): trails, scaling groups, alarms, queues, Backup vaults and selections,
/// rule keys and the `account.region` documents — from AWS Config (AWS's own sample items and the
/// example estate), Terraform, Resource Graph and CAI.
@Suite("Operations facets")
struct OperationsFacetTests {
    static func strings(_ values: [String]) -> Value { .array(values.map(Value.string)) }

    // MARK: - Public samples (awslabs/aws-config-rdk example_ci, Apache-2.0)

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkCloudTrailTrail() throws {
        // APJCCloudTrail: multi-region, log-file validation on, delivered to a bucket not in the sample.
        let read = try read(AWSConfigReader(), Samples.resource("aws-config/rdk-example-ci/AWS_Cloudtrail_Trail.json"))
        let linked = InventoryNormalizer.link(read)
        let trail = try resource("arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", in: linked)
        #expect(trail.path("type") == .string("logging.trail"))
        #expect(trail.path("audit.all_regions") == .bool(true))
        #expect(trail.path("audit.log_validation") == .bool(true))
        #expect(trail.path("audit.organization") == .bool(false))
        #expect(trail.path("audit.destination") == .string("mborch-apjc-cloudtrail-bucket"))
        // The bucket is not among the inputs: immutability and regions are unknown, never a pass.
        #expect(trail.path("audit.destination_immutable") == .unknown)
        #expect(trail.path("audit.log_regions") == .unknown)
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkAutoScalingGroupInOneZone() throws {
        let resources = try read(AWSConfigReader(), Samples.resource("aws-config/rdk-example-ci/AWS_AutoScaling_AutoScalingGroup.json"))
        let group = try #require(resources.first).document
        #expect(group.path("type") == .string("compute.scaling_group"))
        #expect(group.path("compute.zones") == Self.strings(["us-east-2a"]))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkCloudWatchAlarm() throws {
        let resources = try read(AWSConfigReader(), Samples.resource("aws-config/rdk-example-ci/AWS_CloudWatch_Alarm.json"))
        let alarm = try #require(resources.first).document
        #expect(alarm.path("type") == .string("monitoring.alarm"))
        #expect(alarm.path("region") == .string("us-east-1"))
        #expect(alarm.path("monitoring.actions_enabled") != nil)
        #expect(alarm.path("monitoring.metric")?.stringValue?.isEmpty == false)
    }

    // MARK: - The example estate

    @Test func exampleEstateJoins() throws {
        let config = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"))
        // Config items do not say whether a bucket has Object Lock: with the snapshot alone the
        // legacy trail's immutability is unknown ...
        let alone = try resource("arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy-reporting-trail", in: InventoryNormalizer.link(config))
        #expect(alone.path("audit.destination_immutable") == .unknown)
        // ... and the plan's record of the same bucket says it has none (object_lock_enabled = false).
        let linked = InventoryNormalizer.link(config + (try read(TerraformPlanReader(), Samples.fixture("terraform-plan.json"))))
        // The legacy trail delivers to an ordinary bucket of the estate: not immutable, one region.
        let legacy = try resource("arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy-reporting-trail", in: linked)
        #expect(legacy.path("audit.all_regions") == .bool(false))
        #expect(legacy.path("audit.log_validation") == .bool(false))
        #expect(legacy.path("audit.destination_immutable") == .bool(false))
        #expect(legacy.path("audit.log_regions") == Self.strings(["eu-west-1"]))
        // The organization's trail delivers to the log-archive account's bucket, not exported.
        let audit = try resource("arn:aws:cloudtrail:eu-west-1:111122223333:trail/acme-audit-trail", in: linked)
        #expect(audit.path("audit.destination_immutable") == .unknown)
        // A replicated bucket's copies count as log regions.
        // Dead-letter queues learn whom they serve; the source names its target.
        let orders = try resource("arn:aws:sqs:eu-west-1:111122223333:checkout-orders", in: linked)
        #expect(orders.path("messaging.dead_letter_target") == .string("arn:aws:sqs:eu-west-1:111122223333:checkout-orders-dlq"))
        let dlq = try resource("arn:aws:sqs:eu-west-1:111122223333:checkout-orders-dlq", in: linked)
        #expect(dlq.path("messaging.dead_letter_for") == Self.strings(["arn:aws:sqs:eu-west-1:111122223333:checkout-orders"]))
        #expect(try resource("arn:aws:sqs:eu-west-1:111122223333:payments-events", in: linked).path("messaging.dead_letter_target") == nil)
        // Vault locks.
        #expect(try resource("arn:aws:backup:eu-west-1:111122223333:backup-vault:acme-prod-vault", in: linked).path("backup.vault_locked") == .bool(true))
        #expect(try resource("arn:aws:backup:eu-west-1:111122223333:backup-vault:acme-legacy-vault", in: linked).path("backup.vault_locked") == .bool(false))
        // The selection names the ledger by ARN and payments-db through a wildcard; checkout-db is in no plan.
        let plan = "arn:aws:backup:eu-west-1:111122223333:backup-plan:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9"
        let ledger = try resource("arn:aws:s3:::acme-payments-ledger", in: linked)
        #expect(ledger.path("backup.plans") == Self.strings([plan]))
        #expect(ledger.path("backup.plan_retention_days") == .number(2555))
        #expect(try resource("arn:aws:rds:eu-west-1:111122223333:db:payments-db", in: linked).path("backup.plans") == Self.strings([plan]))
        #expect(try resource("arn:aws:rds:eu-central-1:111122223333:db:checkout-db", in: linked).path("backup.plans") == nil)
        // Scaling groups.
        let etl = linked.first { $0.document["name"]?.stringValue == "legacy-reporting-etl-asg" }.map(\.document)
        #expect(etl?.path("compute.zones") == Self.strings(["eu-west-1a"]))
        // Checkout's ALB group in eu-west-1 allows HTTP, its DR counterpart does not; private blocks compare equal.
        let primary = try resource("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0c4e6a8b1d3f5a7c9", in: linked)
        #expect(primary.path("network.counterparts") == Self.strings(["checkout-web-alb-sg (eu-central-1)"]))
        let primaryKeys = (primary.path("network.rule_keys")?.arrayValue ?? []).compactMap { $0.stringValue }
        let drKeys = (primary.path("network.counterpart_rule_keys")?.arrayValue ?? []).compactMap { $0.stringValue }
        #expect(!primaryKeys.isEmpty && !drKeys.isEmpty)
        #expect(primaryKeys.contains("ingress tcp 80 0.0.0.0/0"))
        #expect(!drKeys.contains("ingress tcp 80 0.0.0.0/0"))
        #expect(primaryKeys.contains("ingress tcp 5432 private") && drKeys.contains("ingress tcp 5432 private"))
        #expect(Set(drKeys).isSubset(of: Set(primaryKeys)))
    }

    @Test func accountRegionsFromLiveRecords() throws {
        let config = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"))
        let scopes = OperationalLinks.accountRegions(InventoryNormalizer.link(config))
        #expect(scopes.map(\.id) == ["aws:111122223333:eu-central-1", "aws:111122223333:eu-west-1", "aws:111122223333:us-east-1"])
        let central = try resource("aws:111122223333:eu-central-1", in: scopes)
        #expect(central.path("type") == .string("account.region"))
        #expect(central.path("applications")?.arrayValue?.contains(.string("payments-api")) == true)
        // Terraform describes what will exist, not where the estate runs: no documents from a plan alone.
        let plan = try read(TerraformPlanReader(), Samples.fixture("terraform-plan.json"))
        #expect(OperationalLinks.accountRegions(InventoryNormalizer.link(plan)).isEmpty)
    }

    // MARK: - Terraform

    @Test func terraformPlanTrailsVaultsQueuesAndSelections() throws {
        let plan = #"""
            {"format_version": "1.2", "terraform_version": "1.9.8",
             "configuration": {"root_module": {"resources": [
               {"address": "aws_backup_selection.critical", "mode": "managed", "type": "aws_backup_selection", "name": "critical",
                "expressions": {"plan_id": {"references": ["aws_backup_plan.daily.id", "aws_backup_plan.daily"]},
                                "resources": {"references": ["aws_db_instance.orders.arn", "aws_db_instance.orders"]}}}]}},
             "resource_changes": [
               {"address": "aws_cloudtrail.main", "mode": "managed", "type": "aws_cloudtrail", "name": "main",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"name": "main", "s3_bucket_name": "acme-trail-logs", "is_multi_region_trail": true, "enable_log_file_validation": true,
                            "is_organization_trail": false, "enable_logging": true, "region": "eu-west-1"},
                  "after_unknown": {"arn": true, "id": true}}},
               {"address": "aws_s3_bucket.trail_logs", "mode": "managed", "type": "aws_s3_bucket", "name": "trail_logs",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"bucket": "acme-trail-logs", "object_lock_enabled": true, "region": "eu-west-1"},
                  "after_unknown": {"arn": true, "id": true}}},
               {"address": "aws_backup_vault.main", "mode": "managed", "type": "aws_backup_vault", "name": "main",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"name": "acme-vault", "region": "eu-west-1"}, "after_unknown": {"arn": true}}},
               {"address": "aws_backup_vault.open", "mode": "managed", "type": "aws_backup_vault", "name": "open",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"name": "acme-open-vault", "region": "eu-west-1"}, "after_unknown": {"arn": true}}},
               {"address": "aws_backup_vault_lock_configuration.main", "mode": "managed", "type": "aws_backup_vault_lock_configuration", "name": "main",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"backup_vault_name": "acme-vault", "min_retention_days": 7, "max_retention_days": 1200, "changeable_for_days": 3},
                  "after_unknown": {"id": true}}},
               {"address": "aws_backup_plan.daily", "mode": "managed", "type": "aws_backup_plan", "name": "daily",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"name": "daily", "rule": [{"rule_name": "daily", "target_vault_name": "acme-vault", "lifecycle": [{"delete_after_days": 35}]}]},
                  "after_unknown": {"arn": true, "id": true}}},
               {"address": "aws_backup_selection.critical", "mode": "managed", "type": "aws_backup_selection", "name": "critical",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"name": "critical", "iam_role_arn": "arn:aws:iam::111122223333:role/backup", "selection_tag": []},
                  "after_unknown": {"plan_id": true, "resources": true, "id": true}}},
               {"address": "aws_db_instance.orders", "mode": "managed", "type": "aws_db_instance", "name": "orders",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"identifier": "orders", "backup_retention_period": 7, "region": "eu-west-1"},
                  "after_unknown": {"arn": true, "id": true}}},
               {"address": "aws_sqs_queue.orders", "mode": "managed", "type": "aws_sqs_queue", "name": "orders",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"name": "orders", "region": "eu-west-1"},
                  "after_unknown": {"redrive_policy": true, "arn": true}}},
               {"address": "aws_sqs_queue.events", "mode": "managed", "type": "aws_sqs_queue", "name": "events",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"name": "events", "region": "eu-west-1",
                            "redrive_policy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:events-dlq\",\"maxReceiveCount\":4}"},
                  "after_unknown": {"arn": true}}},
               {"address": "aws_autoscaling_group.web", "mode": "managed", "type": "aws_autoscaling_group", "name": "web",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"name": "web", "vpc_zone_identifier": ["subnet-1", "subnet-2"], "region": "eu-west-1"},
                  "after_unknown": {"availability_zones": true, "arn": true}}}
             ]}
            """#
        let linked = InventoryNormalizer.link(try read(TerraformPlanReader(), Temporary.write(plan, to: "plan.json", in: Temporary.folder())))
        let trail = try resource("aws_cloudtrail.main", in: linked)
        #expect(trail.path("type") == .string("logging.trail"))
        #expect(trail.path("audit.all_regions") == .bool(true))
        #expect(trail.path("audit.enabled") == .bool(true))
        // Joined to the planned bucket of that name: Object Lock on, one region.
        #expect(trail.path("audit.destination_immutable") == .bool(true))
        #expect(trail.path("audit.log_regions") == Self.strings(["eu-west-1"]))
        // The lock folds into its vault (and is no resource of its own); a vault without one is unlocked.
        let vault = try resource("aws_backup_vault.main", in: linked)
        #expect(vault.path("backup.vault_locked") == .bool(true))
        #expect(vault.path("backup.vault_min_retention_days") == .number(7))
        #expect(try resource("aws_backup_vault.open", in: linked).path("backup.vault_locked") == .bool(false))
        #expect(!linked.contains { $0.id == "aws_backup_vault_lock_configuration.main" })
        // The selection's plan and resources are known after apply: followed through the references.
        let orders = try resource("aws_db_instance.orders", in: linked)
        #expect(orders.path("backup.plans") == Self.strings(["aws_backup_plan.daily"]))
        #expect(orders.path("backup.plan_retention_days") == .number(35))
        // Redrive policies: unknown until apply, or the JSON's target.
        #expect(try resource("aws_sqs_queue.orders", in: linked).path("messaging.dead_letter_target") == .unknown)
        #expect(try resource("aws_sqs_queue.events", in: linked).path("messaging.dead_letter_target")
            == .string("arn:aws:sqs:eu-west-1:111122223333:events-dlq"))
        // Zones computed from the subnets at apply.
        #expect(try resource("aws_autoscaling_group.web", in: linked).path("compute.zones") == .unknown)
    }

    @Test func terraformSelectionsByTagAndCondition() throws {
        // The "Selecting Backups By Tag" and "By Conditions" examples of the aws_backup_selection
        // documentation (hashicorp/terraform-provider-aws, website/docs/r/backup_selection.html.markdown,
        // commit 0413c661ec1b94f3033c98f3fbd1e8c1b2725589, MPL-2.0), as a state would hold them.
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {"resources": [
               {"address": "aws_backup_plan.example", "mode": "managed", "type": "aws_backup_plan", "name": "example",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"id": "abcd1234", "arn": "arn:aws:backup:us-east-1:123456789012:backup-plan:abcd1234", "name": "tf_example_backup_plan",
                           "rule": [{"rule_name": "tf_example_backup_rule", "target_vault_name": "example", "lifecycle": [{"delete_after_days": 14}]}]}},
               {"address": "aws_backup_selection.by_tag", "mode": "managed", "type": "aws_backup_selection", "name": "by_tag",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"id": "efgh5678", "name": "tf_example_backup_selection", "plan_id": "abcd1234", "resources": [], "not_resources": [],
                           "selection_tag": [{"type": "STRINGEQUALS", "key": "foo", "value": "bar"}], "condition": []}},
               {"address": "aws_backup_selection.by_condition", "mode": "managed", "type": "aws_backup_selection", "name": "by_condition",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"id": "ijkl9012", "name": "tf_example_backup_selection", "plan_id": "abcd1234", "resources": ["*"], "selection_tag": [],
                           "condition": [{"string_equals": [{"key": "aws:ResourceTag/Component", "value": "rds"}], "string_like": [], "string_not_equals": [],
                                          "string_not_like": []}]}},
               {"address": "aws_ebs_volume.tagged", "mode": "managed", "type": "aws_ebs_volume", "name": "tagged",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"arn": "arn:aws:ec2:us-east-1:123456789012:volume/vol-1", "availability_zone": "us-east-1a", "tags": {"foo": "bar"}}},
               {"address": "aws_db_instance.component", "mode": "managed", "type": "aws_db_instance", "name": "component",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"arn": "arn:aws:rds:us-east-1:123456789012:db:orders", "identifier": "orders", "tags": {"Component": "rds"}}},
               {"address": "aws_db_instance.other", "mode": "managed", "type": "aws_db_instance", "name": "other",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"arn": "arn:aws:rds:us-east-1:123456789012:db:reports", "identifier": "reports", "tags": {"Component": "reporting"}}}
             ]}}}
            """#
        let linked = InventoryNormalizer.link(try read(TerraformStateReader(), Temporary.write(state, to: "state.json", in: Temporary.folder())))
        let plan = "arn:aws:backup:us-east-1:123456789012:backup-plan:abcd1234"
        let volume = try resource("arn:aws:ec2:us-east-1:123456789012:volume/vol-1", in: linked)
        #expect(volume.path("backup.plans") == Self.strings([plan]))
        #expect(volume.path("backup.plan_retention_days") == .number(14))
        // `resources = ["*"]` takes every resource, but only those meeting the condition.
        #expect(try resource("arn:aws:rds:us-east-1:123456789012:db:orders", in: linked).path("backup.plans") == Self.strings([plan]))
        #expect(try resource("arn:aws:rds:us-east-1:123456789012:db:reports", in: linked).path("backup.plans") == nil)
        let byCondition = try resource("aws_backup_selection.by_condition", in: linked)
        #expect(byCondition.path("backup.selection.conditions") == .array([.object(Fields([("key", .string("Component")), ("value", .string("rds"))]))]))
    }

    /// AWS Backup applies every condition operator and the `NotResources` exclusions (AWS
    /// Backup's "Assigning resources" rules; Terraform `aws_backup_selection` blocks): a store a
    /// `StringNotEquals`, `StringLike`, `StringNotLike` condition or `not_resources` leaves out is
    /// not covered. Before, only `StringEquals` was applied and all these counted as covered.
    @Test func backupSelectionConditionOperatorsAndExclusions() throws {
        func database(_ name: String, _ tags: String) -> String {
            #"{"address": "aws_db_instance.\#(name)", "mode": "managed", "type": "aws_db_instance", "name": "\#(name)", "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"arn": "arn:aws:rds:us-east-1:123456789012:db:\#(name)", "identifier": "\#(name)", "tags": \#(tags)}}"#
        }
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {"resources": [
               {"address": "aws_backup_plan.example", "mode": "managed", "type": "aws_backup_plan", "name": "example",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"id": "abcd1234", "arn": "arn:aws:backup:us-east-1:123456789012:backup-plan:abcd1234", "name": "plan",
                           "rule": [{"rule_name": "daily", "target_vault_name": "example", "lifecycle": [{"delete_after_days": 35}]}]}},
               {"address": "aws_backup_selection.databases", "mode": "managed", "type": "aws_backup_selection", "name": "databases",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"id": "sel1", "name": "databases", "plan_id": "abcd1234", "resources": ["arn:aws:rds:*:*:db:*"],
                           "not_resources": ["arn:aws:rds:us-east-1:123456789012:db:archive"], "selection_tag": [],
                           "condition": [{"string_equals": [], "string_like": [{"key": "aws:ResourceTag/Component", "value": "rd*"}],
                                          "string_not_equals": [{"key": "aws:ResourceTag/Environment", "value": "dev"}],
                                          "string_not_like": [{"key": "aws:ResourceTag/Owner", "value": "test-*"}]}]}},
            """# + [database("orders", #"{"Component": "rds", "Environment": "prod"}"#),
                   database("reports", #"{"Component": "reporting", "Environment": "prod"}"#),
                   database("staging", #"{"Component": "rds-replica", "Environment": "dev"}"#),
                   database("archive", #"{"Component": "rds", "Environment": "prod"}"#),
                   database("tester", #"{"Component": "rds", "Environment": "prod", "Owner": "test-bob"}"#),
                   database("untagged", "{}")].joined(separator: ",\n") + "]}}}"
        let linked = InventoryNormalizer.link(try read(TerraformStateReader(), Temporary.write(state, to: "state.json", in: Temporary.folder())))
        let plan = "arn:aws:backup:us-east-1:123456789012:backup-plan:abcd1234"
        func plans(_ name: String) throws -> Value? { try resource("arn:aws:rds:us-east-1:123456789012:db:\(name)", in: linked).path("backup.plans") }
        #expect(try plans("orders") == Self.strings([plan]), "every condition met")
        #expect(try plans("reports") == nil, "StringLike rd* does not match reporting")
        #expect(try plans("staging") == nil, "StringNotEquals dev")
        #expect(try plans("archive") == nil, "named by not_resources")
        #expect(try plans("tester") == nil, "StringNotLike test-*")
        #expect(try plans("untagged") == nil, "no Component tag is like nothing")
        let selection = try resource("aws_backup_selection.databases", in: linked)
        #expect(selection.path("backup.selection.excluded_resources") == Self.strings(["arn:aws:rds:us-east-1:123456789012:db:archive"]))
        #expect(selection.path("backup.selection.conditions") == .array([
            .object(Fields([("key", .string("Environment")), ("value", .string("dev")), ("operator", .string("StringNotEquals"))])),
            .object(Fields([("key", .string("Component")), ("value", .string("rd*")), ("operator", .string("StringLike"))])),
            .object(Fields([("key", .string("Owner")), ("value", .string("test-*")), ("operator", .string("StringNotLike"))])),
        ]))
    }

    /// AWS Config's `AWS::Backup::BackupSelection` item carries the same operators under
    /// `Conditions` (the CloudFormation schema's `StringEquals`, `StringNotEquals`, `StringLike`,
    /// `StringNotLike` lists of `ConditionKey`/`ConditionValue`) and `NotResources`.
    @Test func configBackupSelectionReadsEveryConditionOperator() throws {
        let snapshot = #"""
            {"fileVersion": "1.0", "configurationItems": [
              {"configurationItemVersion": "1.3", "configurationItemStatus": "ResourceDiscovered", "resourceType": "AWS::Backup::BackupSelection",
               "resourceId": "sel1", "ARN": "arn:aws:backup:us-east-1:123456789012:backup-selection:sel1", "awsRegion": "us-east-1",
               "awsAccountId": "123456789012", "configurationItemCaptureTime": "2026-11-20T10:00:00.000Z",
               "configuration": {"BackupPlanId": "abcd1234", "BackupSelection": {"SelectionName": "databases", "Resources": ["arn:aws:rds:*:*:db:*"],
                 "NotResources": ["arn:aws:rds:us-east-1:123456789012:db:archive"],
                 "Conditions": {"StringEquals": [{"ConditionKey": "aws:ResourceTag/Tier", "ConditionValue": "0"}],
                                "StringNotLike": [{"ConditionKey": "aws:ResourceTag/Owner", "ConditionValue": "test-*"}]}}}}]}
            """#
        let read = try read(AWSConfigReader(), Temporary.write(Array(snapshot.utf8), to: "snapshot.json", in: Temporary.folder()))
        let selection = try resource("arn:aws:backup:us-east-1:123456789012:backup-selection:sel1", in: read)
        #expect(selection.path("backup.selection.excluded_resources") == Self.strings(["arn:aws:rds:us-east-1:123456789012:db:archive"]))
        #expect(selection.path("backup.selection.conditions") == .array([
            .object(Fields([("key", .string("Tier")), ("value", .string("0"))])),
            .object(Fields([("key", .string("Owner")), ("value", .string("test-*")), ("operator", .string("StringNotLike"))])),
        ]))
    }

    /// A store no selection takes is "in no plan" only when the inputs could show a selection of
    /// its account: with none at all among the inputs, or none of its account (selections cover
    /// their own account's resources only), its plans and their retention are unknown, with the
    /// reason. A Terraform selection names no account, so with one every AWS store is judged.
    @Test func storesWithoutSelectionsOfTheirAccountAreNotKnown() throws {
        func item(_ type: String, _ id: String, account: String, _ configuration: String) -> String {
            #"{"configurationItemVersion": "1.3", "configurationItemStatus": "OK", "resourceType": "\#(type)", "resourceId": "\#(id)", "#
                + #""ARN": "arn:aws:rds:us-east-1:\#(account):db:\#(id)", "awsRegion": "us-east-1", "awsAccountId": "\#(account)", "#
                + #""configurationItemCaptureTime": "2026-11-20T10:00:00.000Z", "tags": {"backup": "daily"}, "configuration": \#(configuration)}"#
        }
        func snapshot(_ items: [String]) throws -> [Resource] {
            let text = #"{"fileVersion": "1.0", "configurationItems": ["# + items.joined(separator: ",") + "]}"
            return try read(AWSConfigReader(), Temporary.write(text, to: "snapshot.json", in: Temporary.folder()))
        }
        let database = #"{"dBInstanceIdentifier": "db", "engine": "postgres", "backupRetentionPeriod": 7}"#
        let selection = item("AWS::Backup::BackupSelection", "sel1", account: "111122223333",
                             #"{"BackupPlanId": "plan1", "BackupSelection": {"SelectionName": "daily", "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": "backup", "ConditionValue": "daily"}]}}"#)
        let noSelection = "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told"

        // No selection at all among the inputs.
        let alone = InventoryNormalizer.link(try snapshot([item("AWS::RDS::DBInstance", "orders", account: "111122223333", database)]))
        let orders = try resource("arn:aws:rds:us-east-1:111122223333:db:orders", in: alone)
        #expect(orders.path("backup.plans") == .unknown)
        #expect(orders.path("backup.plan_retention_days") == .unknown)
        #expect(orders.path("backup.plans_unknown_reason") == .string(noSelection))
        #expect(orders.path("backup.retention_days") == .number(7), "the store's own backups stay known")

        // Stores with no backup group of their own get the group alone (one group shared by all of
        // them), and a store with one keeps its members beside the three.
        let buckets = (1...3).map { #"{"id": "arn:aws:s3:::b\#($0)", "type": "storage.bucket", "provider": "aws", "account": "111122223333", "region": "us-east-1"}"# }
        let normalized = InventoryNormalizer.link(try read(JSONRecordReader(),
            Temporary.write("[" + buckets.joined(separator: ",") + "]", to: "inventory.json", in: Temporary.folder())))
        for index in 1...3 {
            let bucket = try resource("arn:aws:s3:::b\(index)", in: normalized)
            #expect(bucket.path("backup") == .object(Fields([("plans", .unknown), ("plan_retention_days", .unknown),
                                                              ("plans_unknown_reason", .string(noSelection))])))
        }

        // Selections of account 1111… only: its store is taken, the other account's is not known.
        let mixed = InventoryNormalizer.link(try snapshot([
            selection, item("AWS::RDS::DBInstance", "orders", account: "111122223333", database),
            item("AWS::RDS::DBInstance", "ledger", account: "444455556666", database),
        ]))
        #expect(try resource("arn:aws:rds:us-east-1:111122223333:db:orders", in: mixed).path("backup.plans") == Self.strings(["plan1"]))
        let ledger = try resource("arn:aws:rds:us-east-1:444455556666:db:ledger", in: mixed)
        #expect(ledger.path("backup.plans") == .unknown)
        #expect(ledger.path("backup.plans_unknown_reason") == .string(
            "the inputs hold AWS Backup selections of account 111122223333 only, none of account 444455556666 (a selection covers its own account's resources only)"))

        // A selection of the store's own account that does not take it: in no plan (absent, fails).
        let untagged = #"{"dBInstanceIdentifier": "scratch", "engine": "postgres"}"#
        var scratchItem = item("AWS::RDS::DBInstance", "scratch", account: "111122223333", untagged)
        scratchItem = scratchItem.replacingOccurrences(of: #""tags": {"backup": "daily"}"#, with: #""tags": {}"#)
        let judged = InventoryNormalizer.link(try snapshot([selection, scratchItem]))
        let scratch = try resource("arn:aws:rds:us-east-1:111122223333:db:scratch", in: judged)
        #expect(scratch.path("backup.plans") == nil)
        #expect(scratch.path("backup.plans_unknown_reason") == nil)

        // A Terraform selection names no account: every AWS store is judged, the other account's too.
        let terraform = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {"resources": [
              {"address": "aws_backup_selection.daily", "mode": "managed", "type": "aws_backup_selection", "name": "daily",
               "provider_name": "registry.terraform.io/hashicorp/aws",
               "values": {"id": "sel2", "name": "daily", "plan_id": "plan2", "resources": ["arn:aws:rds:eu-west-1:777788889999:db:*"], "selection_tag": []}}]}}}
            """#
        let withTerraform = InventoryNormalizer.link(
            try snapshot([item("AWS::RDS::DBInstance", "ledger", account: "444455556666", database)])
                + (try read(TerraformStateReader(), Temporary.write(terraform, to: "state.json", in: Temporary.folder()))))
        let judgedLedger = try resource("arn:aws:rds:us-east-1:444455556666:db:ledger", in: withTerraform)
        #expect(judgedLedger.path("backup.plans") == nil)
        #expect(judgedLedger.path("backup.plans_unknown_reason") == nil)
    }

    // MARK: - Azure and Google

    @Test func resourceGraphActivityLogScaleSetsAndAlerts() throws {
        let rows = #"""
            {"value": [
              {"id": "/subscriptions/s1/providers/microsoft.insights/diagnosticSettings/activity-to-archive", "name": "activity-to-archive",
               "type": "Microsoft.Insights/diagnosticSettings",
               "properties": {"storageAccountId": "/subscriptions/s1/resourceGroups/ops/providers/Microsoft.Storage/storageAccounts/acmeauditarchive",
                 "logs": [{"category": "Administrative", "enabled": true}, {"category": "Policy", "enabled": false}]}},
              {"id": "/subscriptions/s1/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv1/providers/microsoft.insights/diagnosticSettings/kv-logs",
               "name": "kv-logs", "type": "Microsoft.Insights/diagnosticSettings",
               "properties": {"workspaceId": "/subscriptions/s1/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/ops",
                 "logs": [{"category": "AuditEvent", "enabled": true}]}},
              {"id": "/subscriptions/s1/resourceGroups/ops/providers/Microsoft.Storage/storageAccounts/acmeauditarchive", "name": "acmeauditarchive",
               "type": "Microsoft.Storage/storageAccounts", "location": "westeurope", "sku": {"name": "Standard_GRS"},
               "properties": {"secondaryLocation": "northeurope", "immutableStorageWithVersioning": {"enabled": true}, "encryption": {"keySource": "Microsoft.Storage"}}},
              {"id": "/subscriptions/s1/resourceGroups/app/providers/Microsoft.Compute/virtualMachineScaleSets/web", "name": "web",
               "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope", "zones": ["2", "1"], "properties": {}},
              {"id": "/subscriptions/s1/resourceGroups/app/providers/Microsoft.Compute/virtualMachineScaleSets/batch", "name": "batch",
               "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope", "properties": {}},
              {"id": "/subscriptions/s1/resourceGroups/app/providers/Microsoft.DocumentDB/databaseAccounts/orders", "name": "orders",
               "type": "Microsoft.DocumentDB/databaseAccounts", "location": "West Europe",
               "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": 240, "backupRetentionIntervalInHours": 168}},
                 "locations": [{"locationName": "West Europe", "failoverPriority": 0, "isZoneRedundant": true},
                               {"locationName": "North Europe", "failoverPriority": 1, "isZoneRedundant": false}]}},
              {"id": "/subscriptions/s1/resourceGroups/app/providers/microsoft.insights/metricalerts/web-cpu", "name": "web-cpu",
               "type": "Microsoft.Insights/metricAlerts", "location": "global",
               "properties": {"enabled": false, "criteria": {"allOf": [{"metricName": "Percentage CPU"}]}}}
            ]}
            """#
        let linked = InventoryNormalizer.link(try read(AzureResourceGraphReader(), Temporary.write(rows, to: "arm.json", in: Temporary.folder())))
        let export = try resource("/subscriptions/s1/providers/microsoft.insights/diagnosticSettings/activity-to-archive", in: linked)
        #expect(export.path("type") == .string("logging.trail"))
        #expect(export.path("account") == .string("s1"))
        #expect(export.path("audit.all_regions") == .bool(true))
        #expect(export.path("audit.enabled") == .bool(true))
        #expect(export.path("audit.destination_immutable") == .bool(true))
        #expect(export.path("audit.log_regions") == Self.strings(["northeurope", "westeurope"]))
        // A resource's own diagnostic setting is not an audit trail.
        let keyVaultLogs = try resource(
            "/subscriptions/s1/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv1/providers/microsoft.insights/diagnosticSettings/kv-logs", in: linked)
        #expect(keyVaultLogs.path("type") == .string("other"))
        #expect(try resource("/subscriptions/s1/resourceGroups/app/providers/Microsoft.Compute/virtualMachineScaleSets/web", in: linked)
            .path("compute.zones") == Self.strings(["1", "2"]))
        #expect(try resource("/subscriptions/s1/resourceGroups/app/providers/Microsoft.Compute/virtualMachineScaleSets/batch", in: linked)
            .path("compute.zones") == .array([]))
        // Cosmos DB: periodic backups (no point in time), a week's retention, zone-redundant write region, a replica region.
        let cosmos = try resource("/subscriptions/s1/resourceGroups/app/providers/Microsoft.DocumentDB/databaseAccounts/orders", in: linked)
        #expect(cosmos.path("type") == .string("database.cluster"))
        #expect(cosmos.path("backup.pitr") == .bool(false))
        #expect(cosmos.path("backup.retention_days") == .number(7))
        #expect(cosmos.path("database.multi_az") == .bool(true))
        #expect(cosmos.path("replication.regions") == Self.strings(["northeurope"]))
        #expect(cosmos.path("encryption.at_rest.enabled") == .bool(true))
        let alert = try resource("/subscriptions/s1/resourceGroups/app/providers/microsoft.insights/metricalerts/web-cpu", in: linked)
        #expect(alert.path("type") == .string("monitoring.alarm"))
        #expect(alert.path("region") == .string("global"))
        #expect(alert.path("monitoring.actions_enabled") == .bool(false))
    }

    @Test func resourceGraphVaultImmutability() throws {
        // Resource Graph rows (lower-case types): each immutability state, an unknown state value,
        // and a row without properties (`az graph query` projecting id, name, type only).
        let rows = #"""
            {"count": 5, "data": [
              {"id": "/subscriptions/s1/resourceGroups/bk/providers/Microsoft.RecoveryServices/vaults/rsv-locked", "name": "rsv-locked",
               "type": "microsoft.recoveryservices/vaults", "location": "westeurope", "subscriptionId": "s1",
               "properties": {"securitySettings": {"immutabilitySettings": {"state": "Locked"}}}},
              {"id": "/subscriptions/s1/resourceGroups/bk/providers/Microsoft.RecoveryServices/vaults/rsv-unlocked", "name": "rsv-unlocked",
               "type": "microsoft.recoveryservices/vaults", "location": "northeurope", "subscriptionId": "s1",
               "properties": {"securitySettings": {"immutabilitySettings": {"state": "Unlocked"}, "softDeleteSettings": {"softDeleteState": "AlwaysON"}}}},
              {"id": "/subscriptions/s1/resourceGroups/bk/providers/Microsoft.DataProtection/backupVaults/bv-disabled", "name": "bv-disabled",
               "type": "microsoft.dataprotection/backupvaults", "location": "westeurope", "subscriptionId": "s1",
               "properties": {"securitySettings": {"immutabilitySettings": {"state": "Disabled"}}}},
              {"id": "/subscriptions/s1/resourceGroups/bk/providers/Microsoft.DataProtection/backupVaults/bv-future", "name": "bv-future",
               "type": "microsoft.dataprotection/backupvaults", "location": "westeurope", "subscriptionId": "s1",
               "properties": {"securitySettings": {"immutabilitySettings": {"state": "SomethingNew"}}}},
              {"id": "/subscriptions/s1/resourceGroups/bk/providers/Microsoft.RecoveryServices/vaults/rsv-bare", "name": "rsv-bare",
               "type": "microsoft.recoveryservices/vaults", "location": "westeurope", "subscriptionId": "s1"}
            ]}
            """#
        let linked = InventoryNormalizer.link(try read(AzureResourceGraphReader(), Temporary.write(rows, to: "arg.json", in: Temporary.folder())))
        let expected: [(String, Value)] = [
            ("RecoveryServices/vaults/rsv-locked", .bool(true)), ("RecoveryServices/vaults/rsv-unlocked", .bool(true)),
            ("DataProtection/backupVaults/bv-disabled", .bool(false)), ("DataProtection/backupVaults/bv-future", .unknown),
            ("RecoveryServices/vaults/rsv-bare", .unknown),
        ]
        for (path, locked) in expected {
            let vault = try resource("/subscriptions/s1/resourceGroups/bk/providers/Microsoft." + path, in: linked)
            #expect(vault.path("type") == .string("backup.vault"), "\(path)")
            #expect(vault.path("backup.vault_locked") == locked, "\(path)")
        }
    }

    @Test func exampleEstateGoogleAuditConfigAndRegionalGroup() throws {
        let linked = InventoryNormalizer.link(try read(GCPAssetInventoryReader(), Samples.fixture("gcp-cai.jsonl")))
        let project = try resource("//cloudresourcemanager.googleapis.com/projects/482913710045", in: linked)
        // Only the allServices entry counts; storage's own DATA_READ/DATA_WRITE do not.
        #expect(project.path("audit.data_access_logs") == Self.strings(["ADMIN_READ"]))
        let group = try resource("//compute.googleapis.com/projects/acme-retail-prod/regions/europe-west1/instanceGroupManagers/identity-api-mig", in: linked)
        #expect(group.path("type") == .string("compute.scaling_group"))
        #expect(group.path("compute.zones") == Self.strings(["europe-west1-b", "europe-west1-c", "europe-west1-d"]))
        // The labels the group gives its instances stand for the group's own (it has none).
        #expect(group.path("tags.application") == .string("identity-service"))
    }

    @Test func terraformGoogleAndAzureFacets() throws {
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {"resources": [
               {"address": "google_compute_region_instance_group_manager.api", "mode": "managed", "type": "google_compute_region_instance_group_manager",
                "name": "api", "provider_name": "registry.terraform.io/hashicorp/google",
                "values": {"name": "api", "region": "europe-west1", "distribution_policy_zones": ["europe-west1-c", "europe-west1-b"]}},
               {"address": "google_pubsub_subscription.orders", "mode": "managed", "type": "google_pubsub_subscription", "name": "orders",
                "provider_name": "registry.terraform.io/hashicorp/google",
                "values": {"name": "orders", "dead_letter_policy": [{"dead_letter_topic": "projects/p1/topics/orders-dead", "max_delivery_attempts": 5}]}},
               {"address": "google_storage_bucket.audit", "mode": "managed", "type": "google_storage_bucket", "name": "audit",
                "provider_name": "registry.terraform.io/hashicorp/google",
                "values": {"name": "audit", "location": "EU", "retention_policy": [{"is_locked": true, "retention_period": 31536000}]}},
               {"address": "azurerm_monitor_diagnostic_setting.activity", "mode": "managed", "type": "azurerm_monitor_diagnostic_setting",
                "name": "activity", "provider_name": "registry.terraform.io/hashicorp/azurerm",
                "values": {"name": "activity", "target_resource_id": "/subscriptions/s1", "log_analytics_workspace_id": "/subscriptions/s1/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/ops",
                           "enabled_log": [{"category": "Administrative"}]}},
               {"address": "azurerm_linux_virtual_machine_scale_set.web", "mode": "managed", "type": "azurerm_linux_virtual_machine_scale_set",
                "name": "web", "provider_name": "registry.terraform.io/hashicorp/azurerm",
                "values": {"name": "web", "location": "westeurope", "zones": ["1"]}}
             ]}}}
            """#
        let linked = InventoryNormalizer.link(try read(TerraformStateReader(), Temporary.write(state, to: "state.json", in: Temporary.folder())))
        #expect(try resource("google_compute_region_instance_group_manager.api", in: linked).path("compute.zones")
            == Self.strings(["europe-west1-b", "europe-west1-c"]))
        #expect(try resource("google_pubsub_subscription.orders", in: linked).path("messaging.dead_letter_target") == .string("projects/p1/topics/orders-dead"))
        #expect(try resource("//storage.googleapis.com/audit", in: linked).path("storage.immutable") == .bool(true))
        let activity = try resource("azurerm_monitor_diagnostic_setting.activity", in: linked)
        #expect(activity.path("type") == .string("logging.trail"))
        #expect(activity.path("account") == .string("s1"))
        #expect(activity.path("audit.enabled") == .bool(true))
        // A Log Analytics workspace is not immutable storage.
        #expect(activity.path("audit.destination_immutable") == .bool(false))
        #expect(try resource("azurerm_linux_virtual_machine_scale_set.web", in: linked).path("compute.zones") == Self.strings(["1"]))
    }
}
