import PolicyEngine

/// Facets of `azurerm_*` and `google_*` Terraform resources.
enum TerraformAzureGoogleFacets {
    static func applyAzure(_ record: TerraformResourceRecord, into resource: inout NormalizedResource) {
        let values = record.values
        switch record.type {
        case "azurerm_storage_account":
            let customerKey = values.at("customer_managed_key")?.firstBlock
            AzureFacetRules.platformEncryption(customerKey: customerKey.map { $0.isUnknown ? .unknown : $0.at("key_vault_key_id") ?? .string("customer key") },
                                               into: &resource)
            AzureFacetRules.storageMinimumTLS(values.at("min_tls_version"), into: &resource)
            resource.set(.httpsOnly, (values.at("https_traffic_only_enabled") ?? values.at("enable_https_traffic_only"))?.boolFacet)
            AzureFacetRules.storageReplication(sku: values.at("account_replication_type"), secondaryLocation: values.at("secondary_location"),
                                               into: &resource)
        case "azurerm_mssql_server", "azurerm_sql_server":
            AzureFacetRules.serverMinimumTLS(values.at("minimum_tls_version"), into: &resource)
        case "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server":
            AzureFacetRules.platformEncryption(customerKey: values.at("customer_managed_key")?.firstBlock?.at("key_vault_key_id"), into: &resource)
            resource.set(.backupRetentionDays, values.at("backup_retention_days")?.numberFacet)
            if resource[.backupRetentionDays] != nil { resource[.backupEnabled] = .bool(true) }
            resource.set(.databaseEngineVersion, values.at("version")?.stringFacet)
            if let mode = values.at("high_availability")?.firstBlock?.at("mode") {
                resource[.multiAZ] = mode.isUnknown ? .unknown : .bool(mode.text == "ZoneRedundant")
            } else if values.at("high_availability") != nil {
                resource[.multiAZ] = .bool(false)
            }
        case "azurerm_network_security_group":
            AzureFacetRules.securityGroup(values.at("security_rule"), rule: azureRule, into: &resource)
        case "azurerm_network_security_rule":
            resource[.networkRules] = .array(AzureFacetRules.securityRules(azureRule(values)))
        case "azurerm_managed_disk":
            AzureFacetRules.platformEncryption(customerKey: values.at("disk_encryption_set_id"), into: &resource)
        default:
            if resource.kind == .dnsRecord {
                resource.set(.dnsTTL, values.at("ttl")?.numberFacet)
                resource[.dnsRouting] = .string("simple")
            }
        }
        CloudOperationsFacets.azureTerraform(type: record.type, values: values, into: &resource)
    }

    /// A `security_rule` block or an `azurerm_network_security_rule`.
    private static func azureRule(_ block: Value) -> AzureFacetRules.SecurityRule {
        AzureFacetRules.SecurityRule(
            direction: block.at("direction"), access: block.at("access"), protocolName: block.at("protocol"),
            portRange: block.at("destination_port_range"), portRanges: block.at("destination_port_ranges"),
            sourcePrefix: block.at("source_address_prefix"), sourcePrefixes: block.at("source_address_prefixes"),
            destinationPrefix: block.at("destination_address_prefix"), destinationPrefixes: block.at("destination_address_prefixes"))
    }

    static func applyGoogle(_ record: TerraformResourceRecord, into resource: inout NormalizedResource) {
        let values = record.values
        switch record.type {
        case "google_storage_bucket":
            GCPFacetRules.defaultEncryption(kmsKey: values.at("encryption")?.firstBlock?.at("default_kms_key_name"), into: &resource)
            GCPFacetRules.bucketLocation(values.at("location"), dataLocations: values.at("custom_placement_config")?.firstBlock?.at("data_locations"),
                                         into: &resource)
            resource.set(.versioning, values.at("versioning")?.firstBlock?.at("enabled")?.boolFacet)
        case "google_sql_database_instance":
            let settings = values.at("settings")?.firstBlock
            let backup = settings?.at("backup_configuration")?.firstBlock
            let network = settings?.at("ip_configuration")?.firstBlock
            GCPFacetRules.sqlInstance(
                GCPFacetRules.SQLSettings(
                    engine: values.at("database_version"), availabilityType: settings?.at("availability_type"),
                    backupEnabled: backup?.at("enabled"), pointInTimeRecovery: backup?.at("point_in_time_recovery_enabled"),
                    binaryLog: backup?.at("binary_log_enabled"),
                    retainedBackups: backup?.at("backup_retention_settings")?.firstBlock?.at("retained_backups"),
                    requireSSL: network?.at("require_ssl"), sslMode: network?.at("ssl_mode"), kmsKey: values.at("encryption_key_name"),
                    replicaNames: values.at("replica_names")),
                into: &resource)
            if let tags = settings?.at("user_labels"), resource.tags.isEmpty { resource.tags = tagMap(tags) }
            // The instance's own protection (`settings.deletion_protection_enabled`), not Terraform's
            // `deletion_protection`, which only stops `terraform destroy`.
            resource.set(.deletionProtection, settings?.at("deletion_protection_enabled")?.boolFacet)
        case "google_kms_crypto_key":
            GCPFacetRules.cryptoKey(rotationPeriod: values.at("rotation_period"), into: &resource)
        case "google_compute_disk", "google_compute_region_disk":
            GCPFacetRules.defaultEncryption(kmsKey: values.at("disk_encryption_key")?.firstBlock?.at("kms_key_self_link"), into: &resource)
        case "google_dns_record_set":
            resource.set(.dnsTTL, values.at("ttl")?.numberFacet)
            resource.set(.dnsRecordType, values.at("type")?.stringFacet)
            let policy = values.at("routing_policy")?.firstBlock
            let routing = policy?.at("primary_backup")?.firstBlock != nil ? "failover"
                : policy?.at("wrr")?.firstBlock != nil ? "weighted" : policy?.at("geo")?.firstBlock != nil ? "geolocation" : "simple"
            resource[.dnsRouting] = .string(routing)
        case "google_compute_firewall":
            GCPFacetRules.firewall(direction: values.at("direction"), sources: values.at("source_ranges"), destinations: values.at("destination_ranges"),
                                   allowed: values.at("allow"), denied: values.at("deny"), disabled: values.at("disabled"),
                                   entry: { ($0.at("protocol"), $0.at("ports")) }, into: &resource)
        case "google_service_account":
            resource[.principalType] = .string("service_account")
        default:
            break
        }
        CloudOperationsFacets.googleTerraform(type: record.type, values: values, into: &resource)
    }
}
