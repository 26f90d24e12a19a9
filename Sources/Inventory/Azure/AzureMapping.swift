import PolicyEngine

/// Maps one Azure resource (an ARG row, an ARM object, or a PowerShell `Get-AzResource` object)
/// to the normalized model. Keys and types match case-insensitively: ARG writes
/// `microsoft.storage/storageaccounts` and `properties`, ARM `Microsoft.Storage/storageAccounts`,
/// PowerShell `ResourceType` and `Properties`.
enum AzureMapping {
    /// Normalized kind per lower-case resource type.
    static let kinds: [String: ResourceKind] = [
        "microsoft.storage/storageaccounts": .storageAccount,
        "microsoft.sql/servers": .databaseServer,
        "microsoft.dbforpostgresql/flexibleservers": .databaseInstance,
        "microsoft.dbformysql/flexibleservers": .databaseInstance,
        "microsoft.compute/disks": .computeVolume,
        "microsoft.compute/virtualmachines": .computeInstance,
        "microsoft.keyvault/vaults": .kmsVault,
        "microsoft.network/dnszones": .dnsZone,
        "microsoft.network/applicationgateways": .networkLoadBalancer,
        "microsoft.network/loadbalancers": .networkLoadBalancer,
        "microsoft.network/networksecuritygroups": .networkSecurityGroup,
        "microsoft.network/virtualnetworks": .networkVPC,
        "microsoft.containerservice/managedclusters": .containerCluster,
        "microsoft.resources/subscriptions/resourcegroups": .accountResourceGroup,
        "microsoft.insights/diagnosticsettings": .loggingTrail,
        "microsoft.compute/virtualmachinescalesets": .computeScalingGroup,
        "microsoft.insights/metricalerts": .monitoringAlarm,
        "microsoft.documentdb/databaseaccounts": .databaseCluster,
        "microsoft.recoveryservices/vaults": .backupVault,
        "microsoft.dataprotection/backupvaults": .backupVault,
    ]

    /// The normalized resource of one row.
    static func resource(_ row: Value, file: String, pointer: String?) throws(InventoryError) -> NormalizedResource {
        guard let id = (row.ci("id") ?? row.ci("ResourceId"))?.text, let rawType = (row.ci("type") ?? row.ci("ResourceType"))?.text else {
            throw .invalidRecord(file: file, line: nil, pointer: pointer, reason: "an Azure resource needs `id` and `type`")
        }
        let type = rawType.lowercased()
        let kind = kinds[type] ?? (type.hasPrefix("microsoft.network/dnszones/") ? .dnsRecord : .other)
        var resource = NormalizedResource(
            id: id, provider: .azure, kind: kind, nativeType: type, attributes: row, format: .azureResourceGraph,
            source: SourceReference(file: file, pointer: pointer))
        resource.name = (row.ci("name") ?? row.ci("ResourceName"))?.text
        resource.nativeID = resource.name
        resource.account = (row.ci("subscriptionId"))?.text ?? LocationCodes.segment(after: "subscriptions", in: id)
        if type.hasPrefix("microsoft.network/dnszones") {
            resource.region = "global"
        } else if let location = row.ci("location")?.text {
            resource.region = LocationCodes.azureLocation(location)
        }
        resource.tags = tagMap(row.ci("tags"))
        if let reviewed = AWSConfigMapping.reviewDate(in: resource.tags) { resource[.lastReviewedAt] = .string(reviewed) }
        facets(type: type, row: row, properties: row.ci("properties") ?? .object(Fields()), into: &resource)
        return resource
    }

    private static func facets(type: String, row: Value, properties: Value, into resource: inout NormalizedResource) {
        switch type {
        case "microsoft.storage/storageaccounts":
            let encryption = properties.ci("encryption")
            let customerKey = encryption?.ci("keySource")?.text?.lowercased() == "microsoft.keyvault"
            AzureFacetRules.platformEncryption(
                customerKey: customerKey ? (encryption?.ci("keyvaultproperties", "keyname") ?? .string("customer key")) : nil, into: &resource)
            AzureFacetRules.storageMinimumTLS(properties.ci("minimumTlsVersion"), into: &resource)
            resource.set(.httpsOnly, properties.ci("supportsHttpsTrafficOnly")?.boolFacet)
            AzureFacetRules.storageReplication(sku: row.ci("sku", "name"), secondaryLocation: properties.ci("secondaryLocation"), into: &resource)
        case "microsoft.sql/servers":
            AzureFacetRules.serverMinimumTLS(properties.ci("minimalTlsVersion"), into: &resource)
        case "microsoft.dbforpostgresql/flexibleservers", "microsoft.dbformysql/flexibleservers":
            let customerKey = properties.ci("dataEncryption", "type")?.text == "AzureKeyVault"
            AzureFacetRules.platformEncryption(
                customerKey: customerKey ? (properties.ci("dataEncryption", "primaryKeyURI") ?? .string("customer key")) : nil, into: &resource)
            if let days = properties.ci("backup", "backupRetentionDays")?.numberFacet {
                resource[.backupRetentionDays] = days
                resource[.backupEnabled] = .bool(true)
            }
            if let mode = properties.ci("highAvailability", "mode")?.text { resource[.multiAZ] = .bool(mode == "ZoneRedundant") }
            resource.set(.databaseEngineVersion, properties.ci("version")?.stringFacet)
        case "microsoft.compute/disks":
            let encryptionType = properties.ci("encryption", "type")?.text ?? ""
            AzureFacetRules.platformEncryption(
                customerKey: encryptionType.includes("CustomerKey") ? (properties.ci("encryption", "diskEncryptionSetId") ?? .string("customer key")) : nil,
                into: &resource)
        case "microsoft.network/networksecuritygroups":
            AzureFacetRules.securityGroup(properties.ci("securityRules"), rule: { entry in
                let rule = entry.ci("properties") ?? entry
                return AzureFacetRules.SecurityRule(
                    direction: rule.ci("direction"), access: rule.ci("access"), protocolName: rule.ci("protocol"),
                    portRange: rule.ci("destinationPortRange"), portRanges: rule.ci("destinationPortRanges"),
                    sourcePrefix: rule.ci("sourceAddressPrefix"), sourcePrefixes: rule.ci("sourceAddressPrefixes"),
                    destinationPrefix: rule.ci("destinationAddressPrefix"), destinationPrefixes: rule.ci("destinationAddressPrefixes"))
            }, into: &resource)
        case "microsoft.network/applicationgateways":
            let policy = properties.ci("sslPolicy")
            if let version = policy?.ci("minProtocolVersion")?.text {
                resource[.tlsPolicy] = .string(version)
                resource.set(.minTLS, TLSVersions.normalized(version).map(Value.string))
            } else if let name = policy?.ci("policyName")?.text {
                resource[.tlsPolicy] = .string(name)
                resource.set(.minTLS, TLSVersions.appGatewayPolicy(name).map(Value.string))
            }
        default:
            if resource.kind == .dnsRecord {
                resource.set(.dnsTTL, properties.ci("TTL")?.numberFacet)
                resource[.dnsRecordType] = .string(LocationCodes.lastSegment(type).uppercased())
                resource[.dnsRouting] = .string("simple")
            }
        }
        CloudOperationsFacets.azure(type: type, row: row, properties: properties, into: &resource)
    }
}
