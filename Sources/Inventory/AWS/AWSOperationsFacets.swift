import PolicyEngine

/// Facets of the AWS resources that audit logging, failover readiness and backup coverage read —
/// CloudTrail trails, auto-scaling groups, CloudWatch alarms, Backup vaults and selections, SQS
/// dead-letter queues, S3 Object Lock — for AWS Config items (`config`) and Terraform `aws_*`
/// values (`terraform`). Each reader pulls its own field names; the shared rules below turn them
/// into facets the same way and pass `.unknown` (Terraform "known after apply") through.
enum AWSOperationsFacets {
    // MARK: - AWS Config

    /// Config items (`c.` configuration, `s.` supplementary configuration); types it does not
    /// concern are left alone.
    static func config(type: String, item: ConfigurationItem, into resource: inout NormalizedResource) {
        let configuration = item.configuration
        switch type {
        case "AWS::CloudTrail::Trail":
            // DescribeTrails spelling in Config (`isMultiRegionTrail`, `logFileValidationEnabled`);
            // CloudFormation's `EnableLogFileValidation`/`IsLogging` in resource-schema items.
            trail(multiRegion: configuration.ci("isMultiRegionTrail"),
                  validation: configuration.ci("logFileValidationEnabled") ?? configuration.ci("EnableLogFileValidation"),
                  organization: configuration.ci("isOrganizationTrail"),
                  logging: configuration.ci("isLogging") ?? item.supplementary?.ci("IsLogging"),
                  bucket: configuration.ci("s3BucketName"), into: &resource)
        case "AWS::AutoScaling::AutoScalingGroup":
            CloudOperationsFacets.zones(configuration.ci("availabilityZones"), into: &resource)
        case "AWS::CloudWatch::Alarm":
            alarm(namespace: configuration.ci("namespace"), metric: configuration.ci("metricName"),
                  actionsEnabled: configuration.ci("actionsEnabled"), into: &resource)
        case "AWS::Backup::BackupVault":
            // The vault's lock (`LockConfiguration` in the resource schema; `Locked` and
            // `MinRetentionDays` in DescribeBackupVault answers). A vault item without either is unlocked.
            let lock = configuration.ci("LockConfiguration")
            let locked = configuration.ci("Locked")?.boolFacet ?? (lock != nil ? .bool(true) : nil)
            if resource.name == nil { resource.name = configuration.ci("BackupVaultName")?.text }
            if let locked {
                resource[.backupVaultLocked] = locked
            } else if configuration.ci("BackupVaultName") != nil {
                resource[.backupVaultLocked] = .bool(false)
            }
            resource.set(.backupVaultMinRetentionDays, (lock?.ci("MinRetentionDays") ?? configuration.ci("MinRetentionDays"))?.numberFacet)
        case "AWS::Backup::BackupSelection":
            let selection = configuration.ci("BackupSelection") ?? configuration
            if resource.name == nil { resource.name = selection.ci("SelectionName")?.text }
            let pair: (Value) -> (Value?, Value?) = { ($0.ci("ConditionKey"), $0.ci("ConditionValue")) }
            let conditions = BackupConditionOperator.allCases.flatMap { condition in
                (selection.ci("Conditions", condition.rawValue)?.elements ?? []).map { (condition, $0.ci("ConditionKey"), $0.ci("ConditionValue")) }
            }
            backupSelection(plan: configuration.ci("BackupPlanId"), resources: selection.ci("Resources"), excluded: selection.ci("NotResources"),
                            tags: (selection.ci("ListOfTags")?.elements ?? []).map(pair), conditions: conditions, into: &resource)
        case "AWS::SQS::Queue":
            // `RedrivePolicy` is a JSON string in the queue's attributes.
            let redrive = configuration.ci("RedrivePolicy").map { EmbeddedJSON.decode($0) }
            resource.set(.deadLetterTarget, redrive?.ci("deadLetterTargetArn")?.stringFacet)
        case "AWS::S3::Bucket":
            let lock = item.supplementary?.ci("BucketObjectLockConfiguration") ?? item.supplementary?.ci("ObjectLockConfiguration")
            if let enabled = lock?.ci("objectLockEnabled") {
                resource[.storageImmutable] = .bool(enabled.text == "Enabled")
            }
        default:
            break
        }
    }

    // MARK: - Terraform

    /// `aws_*` values (nested blocks are one-element arrays).
    static func terraform(type: String, values: Value, into resource: inout NormalizedResource) {
        switch type {
        case "aws_cloudtrail":
            trail(multiRegion: values.at("is_multi_region_trail"), validation: values.at("enable_log_file_validation"),
                  organization: values.at("is_organization_trail"), logging: values.at("enable_logging"),
                  bucket: values.at("s3_bucket_name"), into: &resource)
        case "aws_autoscaling_group":
            // `availability_zones` is computed from `vpc_zone_identifier` in state; a plan may
            // not know it yet (unknown), and subnets alone name no zone (left absent).
            CloudOperationsFacets.zones(values.at("availability_zones"), into: &resource)
        case "aws_cloudwatch_metric_alarm":
            alarm(namespace: values.at("namespace"), metric: values.at("metric_name"), actionsEnabled: values.at("actions_enabled"),
                  into: &resource)
        case "aws_backup_vault":
            // A vault's lock is its own resource (`aws_backup_vault_lock_configuration`), joined by `link`.
            resource.name = resource.name ?? values.at("name")?.text
        case "aws_backup_selection":
            let pair: (Value) -> (Value?, Value?) = { ($0.at("key"), $0.at("value")) }
            let conditions = (values.at("condition")?.elements ?? []).flatMap { block in
                BackupConditionOperator.allCases.flatMap { condition in
                    (block.at(condition.terraformKey)?.elements ?? []).map { (condition, $0.at("key"), $0.at("value")) }
                }
            }
            backupSelection(plan: values.at("plan_id"), resources: values.at("resources"), excluded: values.at("not_resources"),
                            tags: (values.at("selection_tag")?.elements ?? []).map(pair), conditions: conditions, into: &resource)
        case "aws_sqs_queue":
            if let redrive = values.at("redrive_policy") {
                resource.set(.deadLetterTarget, redrive.isUnknown ? .unknown : EmbeddedJSON.decode(redrive).at("deadLetterTargetArn")?.stringFacet)
            }
        case "aws_s3_bucket":
            if let enabled = values.at("object_lock_enabled")?.boolFacet {
                resource[.storageImmutable] = enabled
            } else if let block = values.at("object_lock_configuration")?.firstBlock, let enabled = block.at("object_lock_enabled") {
                resource[.storageImmutable] = enabled.isUnknown ? .unknown : .bool(enabled.text == "Enabled")
            }
        case "aws_s3_bucket_object_lock_configuration":
            // `object_lock_enabled` defaults to "Enabled"; the resource exists only to lock.
            let enabled = values.at("object_lock_enabled")
            resource[.storageImmutable] = enabled?.isUnknown == true ? .unknown : .bool((enabled?.text ?? "Enabled") == "Enabled")
        default:
            break
        }
    }

    // MARK: - Shared rules

    static func trail(multiRegion: Value?, validation: Value?, organization: Value?, logging: Value?, bucket: Value?,
                      into resource: inout NormalizedResource) {
        // CloudTrail's defaults: single-region, no validation, not an organization trail, logging on.
        resource[.auditAllRegions] = multiRegion?.boolFacet ?? .bool(false)
        resource[.auditLogValidation] = validation?.boolFacet ?? .bool(false)
        resource[.auditOrganization] = organization?.boolFacet ?? .bool(false)
        resource.set(.auditEnabled, logging?.boolFacet)
        resource.set(.auditDestination, bucket?.stringFacet)
    }

    static func alarm(namespace: Value?, metric: Value?, actionsEnabled: Value?, into resource: inout NormalizedResource) {
        let parts = [namespace?.text, metric?.text].compactMap { $0 }
        if !parts.isEmpty { resource[.alarmMetric] = .string(parts.joined(separator: " ")) }
        // Alarms act by default (`ActionsEnabled` defaults to true).
        resource[.alarmActionsEnabled] = actionsEnabled?.boolFacet ?? .bool(true)
    }

    /// A selection's plan, named and excluded resource ARNs (`*` wildcards; `NotResources`,
    /// `not_resources`), tags of which any one selects a resource (`ListOfTags`, `selection_tag`)
    /// and conditions every one of which a selected resource must meet (`Conditions.StringEquals`,
    /// `StringNotEquals`, `StringLike`, `StringNotLike`; `condition[].string_equals` … in
    /// Terraform). Tag keys lose the `aws:ResourceTag/` prefix conditions write; a condition other
    /// than `StringEquals` carries its `operator`.
    static func backupSelection(plan: Value?, resources: Value?, excluded: Value?, tags: [(Value?, Value?)],
                                conditions: [(BackupConditionOperator, Value?, Value?)], into resource: inout NormalizedResource) {
        resource.set(.backupSelectionPlan, plan?.stringFacet)
        if let resources = resources?.stringListFacet { resource[.backupSelectionResources] = resources }
        if let excluded = excluded?.stringListFacet, excluded.elements.isEmpty == false { resource[.backupSelectionExcludedResources] = excluded }
        func pairs(_ list: [(BackupConditionOperator, Value?, Value?)]) -> Value {
            .array(list.compactMap { condition, key, value in
                guard var key = key?.text else { return nil }
                if key.hasPrefix("aws:ResourceTag/") { key.removeFirst("aws:ResourceTag/".count) }
                var fields = Fields()
                fields["key"] = .string(key)
                fields["value"] = value?.stringFacet ?? .string("")
                if condition != .stringEquals { fields["operator"] = .string(condition.rawValue) }
                return .object(fields)
            })
        }
        resource[.backupSelectionTags] = pairs(tags.map { (.stringEquals, $0.0, $0.1) })
        if !conditions.isEmpty { resource[.backupSelectionConditions] = pairs(conditions) }
    }
}

/// The condition operators of an AWS Backup selection (`Conditions` in the API and AWS Config,
/// `condition` blocks in Terraform), as AWS Backup applies them to a resource's tags.
enum BackupConditionOperator: String, CaseIterable, Sendable {
    case stringEquals = "StringEquals"
    case stringNotEquals = "StringNotEquals"
    case stringLike = "StringLike"
    case stringNotLike = "StringNotLike"

    /// The Terraform block of the operator (`condition { string_like { … } }`).
    var terraformKey: String {
        switch self {
        case .stringEquals: "string_equals"
        case .stringNotEquals: "string_not_equals"
        case .stringLike: "string_like"
        case .stringNotLike: "string_not_like"
        }
    }

    /// Whether a resource whose tag has `actual` (nil: the resource lacks the tag) meets the
    /// condition on `value`. `*` in a `Like` value matches any run of characters; a missing tag
    /// equals and is like nothing, so the `Not` operators hold for it.
    func isMet(actual: String?, value: String) -> Bool {
        switch self {
        case .stringEquals: actual == value
        case .stringNotEquals: actual != value
        case .stringLike: actual.map { OperationalLinks.glob(value, matches: $0) } ?? false
        case .stringNotLike: !(actual.map { OperationalLinks.glob(value, matches: $0) } ?? false)
        }
    }
}
