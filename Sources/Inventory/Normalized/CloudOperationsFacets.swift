import PolicyEngine

/// Facets of the Azure and Google resources that audit logging and failover readiness read —
/// activity-log diagnostic settings, scale sets and managed instance groups, metric alerts and
/// alert policies, immutable storage, Pub/Sub dead-letter topics — from Resource Graph / ARM
/// rows, CAI assets and Terraform `azurerm_*`/`google_*` values. Types they do not concern are
/// left alone.
enum CloudOperationsFacets {
    // MARK: - Azure

    /// A Resource Graph / ARM row (`p.` = `properties`).
    static func azure(type: String, row: Value, properties: Value, into resource: inout NormalizedResource) {
        switch type {
        case "microsoft.insights/diagnosticsettings":
            // Only a subscription's own setting exports the activity log; a resource's setting
            // exports that resource's logs and is not an audit trail.
            diagnosticSetting(scope: resource.id.lowercased().text(before: "/providers/microsoft.insights"),
                              logs: properties.ci("logs"), storage: properties.ci("storageAccountId"),
                              workspace: properties.ci("workspaceId"), into: &resource)
        case "microsoft.storage/storageaccounts":
            if let enabled = properties.ci("immutableStorageWithVersioning", "enabled")?.boolFacet {
                resource[.storageImmutable] = enabled
            } else if properties.ci("encryption") != nil {
                resource[.storageImmutable] = .bool(false)
            }
        case "microsoft.compute/virtualmachinescalesets":
            // `zones` is a top-level member of the row; a scale set without it is in no zone.
            zones(row.ci("zones") ?? .array([]), into: &resource)
        case "microsoft.documentdb/databaseaccounts":
            let policy = properties.ci("backupPolicy")
            cosmosAccount(
                backupType: policy?.ci("type"), retentionHours: policy?.ci("periodicModeProperties", "backupRetentionIntervalInHours"),
                customerKey: properties.ci("keyVaultKeyUri"),
                locations: (properties.ci("locations")?.elements ?? []).map {
                    ($0.ci("locationName"), $0.ci("failoverPriority"), $0.ci("isZoneRedundant"))
                }, into: &resource)
        case "microsoft.insights/metricalerts":
            globalAlert(enabled: properties.ci("enabled"), metric: properties.ci("criteria", "allOf")?.elements.first?.ci("metricName"), into: &resource)
        case "microsoft.recoveryservices/vaults", "microsoft.dataprotection/backupvaults":
            resource[.backupVaultLocked] = immutableVault(properties.ci("securitySettings", "immutabilitySettings", "state"))
        default:
            break
        }
    }

    /// An Azure vault's immutability (`properties.securitySettings.immutabilitySettings.state`,
    /// Recovery Services and Backup vaults alike) as `backup.vault_locked`: `Locked` (irreversible,
    /// as AWS Backup Vault Lock's compliance mode) and `Unlocked` (immutability on but reversible,
    /// as governance mode, which AWS items count as locked too) refuse deleting recovery points
    /// before their retention; `Disabled` does not. A row without the state (API versions before
    /// immutable vaults, `az resource list` without properties) does not say: unknown.
    static func immutableVault(_ state: Value?) -> Value {
        switch state?.text?.lowercased() {
        case "locked", "unlocked": return .bool(true)
        case "disabled": return .bool(false)
        default: return .unknown
        }
    }

    /// `azurerm_*` Terraform values.
    static func azureTerraform(type: String, values: Value, into resource: inout NormalizedResource) {
        switch type {
        case "azurerm_monitor_diagnostic_setting":
            let logs = (values.at("enabled_log")?.elements ?? []).map { block -> Value in
                var fields = Fields()
                fields["enabled"] = .bool(true)
                fields["category"] = block.at("category")
                return .object(fields)
            } + (values.at("log")?.elements ?? [])
            diagnosticSetting(scope: values.at("target_resource_id")?.text, logs: .array(logs), storage: values.at("storage_account_id"),
                              workspace: values.at("log_analytics_workspace_id"), into: &resource)
        case "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set", "azurerm_orchestrated_virtual_machine_scale_set":
            zones(values.at("zones") ?? .array([]), into: &resource)
        case "azurerm_cosmosdb_account":
            let backup = values.at("backup")?.firstBlock
            cosmosAccount(
                backupType: backup?.at("type"), retentionHours: backup?.at("retention_in_hours"), customerKey: values.at("key_vault_key_id"),
                locations: (values.at("geo_location")?.elements ?? []).map { ($0.at("location"), $0.at("failover_priority"), $0.at("zone_redundant")) },
                into: &resource)
        case "azurerm_monitor_metric_alert":
            globalAlert(enabled: values.at("enabled"), metric: values.at("criteria")?.firstBlock?.at("metric_name"), into: &resource)
        case "azurerm_storage_account":
            if let policy = values.at("immutability_policy")?.firstBlock {
                resource[.storageImmutable] = policy.isUnknown ? .unknown : .bool(policy.at("state")?.text != "Disabled")
            } else if values.at("immutability_policy") != nil {
                resource[.storageImmutable] = .bool(false)
            }
        default:
            break
        }
    }

    // MARK: - Shared rules

    /// Zones a group spreads over, sorted and without repeats; unknown stays unknown.
    static func zones(_ value: Value?, into resource: inout NormalizedResource) {
        guard let list = value?.stringListFacet else { return }
        resource[.computeZones] = list.isUnknown ? .unknown : .array(Set(list.elements.compactMap(\.text)).sorted().map(Value.string))
    }

    /// Azure metric alerts and Cloud Monitoring alert policies are global resources; they act
    /// unless disabled (the services' default is enabled).
    private static func globalAlert(enabled: Value?, metric: Value?, into resource: inout NormalizedResource) {
        resource.region = "global"
        resource[.alarmActionsEnabled] = enabled?.boolFacet ?? .bool(true)
        resource.set(.alarmMetric, metric?.stringFacet)
    }

    /// A Cosmos DB account: always encrypted and backed up — `Continuous` backups restore to any
    /// point in time, `Periodic` ones are kept `retention` hours —, zone-redundant when its write
    /// region (failover priority 0) is, replicated to its other regions.
    private static func cosmosAccount(
        backupType: Value?, retentionHours: Value?, customerKey: Value?, locations: [(name: Value?, priority: Value?, zoneRedundant: Value?)],
        into resource: inout NormalizedResource
    ) {
        AzureFacetRules.platformEncryption(customerKey: customerKey?.stringFacet, into: &resource)
        resource[.backupEnabled] = .bool(true)
        if let backupType {
            let continuous = backupType.text?.lowercased() == "continuous"
            resource[.backupPITR] = backupType.isUnknown ? .unknown : .bool(continuous)
            if !continuous, let hours = retentionHours?.numberFacet {
                resource[.backupRetentionDays] = hours.isUnknown ? .unknown : .number((hours.doubleValue ?? 0) / 24)
            }
        }
        guard !locations.isEmpty else { return }
        let write = locations.first { $0.priority?.doubleValue == 0 } ?? locations[0]
        resource.set(.multiAZ, write.zoneRedundant?.boolFacet)
        let home = resource.region
        let others = Set(locations.compactMap { $0.name?.text.map(LocationCodes.azureLocation) }).subtracting(home.map { [$0] } ?? []).sorted()
        resource[.replicationEnabled] = .bool(!others.isEmpty)
        if !others.isEmpty {
            resource[.replicationRegions] = .array(others.map(Value.string))
            resource[.replicationMode] = .string("multi-region-location")
        }
    }

    /// A diagnostic setting whose scope is a subscription (`/subscriptions/<id>`) is the
    /// subscription's activity-log export: an audit trail over every region of the subscription.
    private static func diagnosticSetting(scope: String?, logs: Value?, storage: Value?, workspace: Value?, into resource: inout NormalizedResource) {
        guard let scope, let subscription = LocationCodes.segment(after: "subscriptions", in: scope),
            scope.lowercased().trimmingSlashes == "subscriptions/\(subscription.lowercased())"
        else {
            resource.kind = .other
            return
        }
        resource.account = subscription
        resource.region = "global"
        resource[.auditAllRegions] = .bool(true)
        let entries = logs?.elements ?? []
        resource[.auditEnabled] = logs?.isUnknown == true ? .unknown : .bool(entries.contains { $0.ci("enabled")?.boolFacet == .bool(true) })
        resource.set(.auditDestination, (storage ?? workspace)?.stringFacet)
    }

    // MARK: - Google

    /// A CAI asset's `resource.data` (`d.`).
    static func google(type: String, data: Value, into resource: inout NormalizedResource) {
        switch type {
        case "compute.googleapis.com/InstanceGroupManager", "compute.googleapis.com/RegionInstanceGroupManager":
            // Groups carry no labels of their own: the labels they give every instance stand for them.
            if resource.tags.isEmpty { resource.tags = tagMap(data.at("allInstancesConfig", "properties", "labels")) }
            if type == "compute.googleapis.com/RegionInstanceGroupManager" {
                let names = (data.at("distributionPolicy", "zones")?.elements ?? []).compactMap { $0.at("zone")?.text.map(LocationCodes.lastSegment) }
                zones(.array(names.map(Value.string)), into: &resource)
                return
            }
            // A zonal group: its one zone.
            zones(.array([data.at("zone")?.text.map(LocationCodes.lastSegment) ?? resource.zone].compactMap { $0 }.map(Value.string)), into: &resource)
        case "monitoring.googleapis.com/AlertPolicy":
            globalAlert(enabled: data.at("enabled"), metric: data.at("conditions")?.elements.first?.at("displayName"), into: &resource)
        case "storage.googleapis.com/Bucket":
            resource[.storageImmutable] = .bool(data.at("retentionPolicy", "isLocked")?.boolValue == true)
        case "pubsub.googleapis.com/Subscription":
            resource.set(.deadLetterTarget, data.at("deadLetterPolicy", "deadLetterTopic")?.stringFacet)
        default:
            break
        }
    }

    /// `google_*` Terraform values.
    static func googleTerraform(type: String, values: Value, into resource: inout NormalizedResource) {
        switch type {
        case "google_compute_instance_group_manager", "google_compute_region_instance_group_manager":
            let zonal = type == "google_compute_instance_group_manager"
            zones(values.at(zonal ? "zone" : "distribution_policy_zones"), into: &resource)
            if resource.tags.isEmpty { resource.tags = tagMap(values.at("all_instances_config")?.firstBlock?.at("labels")) }
        case "google_monitoring_alert_policy":
            globalAlert(enabled: values.at("enabled"), metric: values.at("display_name"), into: &resource)
        case "google_storage_bucket":
            if let policy = values.at("retention_policy") {
                resource[.storageImmutable] = policy.isUnknown ? .unknown : .bool(policy.firstBlock?.at("is_locked")?.boolValue == true)
            }
        case "google_pubsub_subscription":
            if let policy = values.at("dead_letter_policy") {
                resource.set(.deadLetterTarget, policy.isUnknown ? .unknown : policy.firstBlock?.at("dead_letter_topic")?.stringFacet)
            }
        default:
            break
        }
    }
}

private extension String {
    /// Without leading and trailing slashes.
    var trimmingSlashes: String {
        var text = Substring(self)
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
