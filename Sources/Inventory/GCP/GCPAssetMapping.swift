import PolicyEngine

/// Maps one Cloud Asset Inventory asset (snake_case export or camelCase API spelling) to the
/// normalized model. `resource.data` is the service's own REST representation (camelCase).
enum GCPAssetMapping {
    /// Normalized kind per asset type.
    static let kinds: [String: ResourceKind] = [
        "storage.googleapis.com/Bucket": .storageBucket,
        "sqladmin.googleapis.com/Instance": .databaseInstance,
        "cloudkms.googleapis.com/CryptoKey": .kmsKey,
        "cloudkms.googleapis.com/KeyRing": .kmsVault,
        "compute.googleapis.com/Disk": .computeVolume,
        "compute.googleapis.com/RegionDisk": .computeVolume,
        "compute.googleapis.com/Instance": .computeInstance,
        "compute.googleapis.com/Network": .networkVPC,
        "compute.googleapis.com/Subnetwork": .networkSubnet,
        "compute.googleapis.com/Firewall": .networkSecurityGroup,
        "compute.googleapis.com/SslCertificate": .certificate,
        "compute.googleapis.com/BackendService": .networkLoadBalancer,
        "compute.googleapis.com/RegionBackendService": .networkLoadBalancer,
        "bigquery.googleapis.com/Dataset": .analyticsDataset,
        "bigtableadmin.googleapis.com/Table": .databaseTable,
        "dns.googleapis.com/ManagedZone": .dnsZone,
        "iam.googleapis.com/ServiceAccount": .identityPrincipal,
        "iam.googleapis.com/ServiceAccountKey": .identityCredential,
        "cloudresourcemanager.googleapis.com/Organization": .accountOrganization,
        "cloudresourcemanager.googleapis.com/Folder": .accountFolder,
        "cloudresourcemanager.googleapis.com/Project": .accountProject,
        "container.googleapis.com/Cluster": .containerCluster,
        "pubsub.googleapis.com/Topic": .messagingTopic,
        "pubsub.googleapis.com/Subscription": .messagingQueue,
        "compute.googleapis.com/InstanceGroupManager": .computeScalingGroup,
        "compute.googleapis.com/RegionInstanceGroupManager": .computeScalingGroup,
        "monitoring.googleapis.com/AlertPolicy": .monitoringAlarm,
    ]

    /// Asset types that are not tied to a region.
    static let globalTypes: Set<String> = [
        "dns.googleapis.com/ManagedZone", "dns.googleapis.com/Policy", "iam.googleapis.com/ServiceAccount", "iam.googleapis.com/ServiceAccountKey",
        "iam.googleapis.com/Role", "cloudresourcemanager.googleapis.com/Organization", "cloudresourcemanager.googleapis.com/Folder",
        "cloudresourcemanager.googleapis.com/Project", "cloudbilling.googleapis.com/BillingAccount", "compute.googleapis.com/Network",
        "compute.googleapis.com/Firewall", "compute.googleapis.com/Project", "compute.googleapis.com/Image", "compute.googleapis.com/Snapshot",
        "compute.googleapis.com/GlobalAddress", "compute.googleapis.com/GlobalForwardingRule", "compute.googleapis.com/BackendBucket",
        "compute.googleapis.com/BackendService", "compute.googleapis.com/HealthCheck", "compute.googleapis.com/HttpHealthCheck",
        "compute.googleapis.com/HttpsHealthCheck", "compute.googleapis.com/SslCertificate", "compute.googleapis.com/TargetHttpProxy",
        "compute.googleapis.com/TargetHttpsProxy", "compute.googleapis.com/TargetSslProxy", "compute.googleapis.com/TargetTcpProxy",
        "compute.googleapis.com/UrlMap", "compute.googleapis.com/SecurityPolicy", "compute.googleapis.com/License",
        "compute.googleapis.com/InstanceTemplate", "serviceusage.googleapis.com/Service", "pubsub.googleapis.com/Topic",
        "pubsub.googleapis.com/Subscription", "monitoring.googleapis.com/AlertPolicy",
    ]

    /// The normalized resource of an asset line.
    static func resource(_ asset: Value, file: String, pointer: String?, line: Int?) throws(InventoryError) -> NormalizedResource {
        guard let name = asset.at("name")?.text, let nativeType = (asset.at("asset_type") ?? asset.at("assetType"))?.text else {
            throw .invalidRecord(file: file, line: line, pointer: pointer, reason: "a Cloud Asset Inventory asset needs `name` and `asset_type`")
        }
        let type = assetType(nativeType)
        let data = asset.at("resource", "data") ?? .object(Fields())
        var resource = NormalizedResource(
            id: name, provider: .gcp, kind: kinds[type] ?? .other, nativeType: nativeType, attributes: asset, format: .gcpAssetInventory,
            source: SourceReference(file: file, pointer: pointer, line: line))
        resource.nativeID = LocationCodes.lastSegment(name)
        resource.name = data.at("name")?.text.map(LocationCodes.lastSegment) ?? data.at("displayName")?.text ?? resource.nativeID
        resource.account = account(asset, name: name)
        resource.capturedAt = (asset.at("update_time") ?? asset.at("updateTime"))?.text
        resource.tags = tagMap(data.at("labels") ?? data.at("settings", "userLabels"))
        if let policy = asset.at("iam_policy") ?? asset.at("iamPolicy") { resource.extras["iam_policy"] = policy }
        locate(&resource, asset: asset, type: type, data: data, name: name)
        // An IAM-policy export line describes access only: no settings to read facets from.
        if asset.at("resource") != nil { facets(type: type, data: data, into: &resource) }
        return resource
    }

    /// Services whose legacy type prefix is not the API host's first label.
    private static let legacyServiceHosts = [
        "sql": "sqladmin", "kms": "cloudkms", "resourcemanager": "cloudresourcemanager", "billing": "cloudbilling",
        "bigtable": "bigtableadmin",
    ]

    /// The current asset type for a legacy name of the first Cloud Asset Inventory releases
    /// (`google.compute.Instance` → `compute.googleapis.com/Instance`,
    /// `google.cloud.sql.Instance` → `sqladmin.googleapis.com/Instance`); current names unchanged.
    static func assetType(_ name: String) -> String {
        guard name.hasPrefix("google."), !name.contains("/") else { return name }
        var parts = name.split(separator: ".").map(String.init)
        parts.removeFirst()
        if parts.first == "cloud", parts.count > 2 { parts.removeFirst() }
        guard parts.count == 2, let kind = parts.last, kind.first?.isUppercase == true else { return name }
        let service = parts[0]
        return "\(legacyServiceHosts[service] ?? service).googleapis.com/\(kind)"
    }

    // MARK: - Account and location

    /// The project: `ancestors[0]`, else `resource.parent`, else the `projects/<id>` segment of the name.
    private static func account(_ asset: Value, name: String) -> String? {
        if let first = asset.at("ancestors")?.elements.first?.text, first.hasPrefix("projects/") { return String(first.dropFirst(9)) }
        if let parent = asset.at("resource", "parent")?.text, let project = LocationCodes.segment(after: "projects", in: parent) { return project }
        return LocationCodes.segment(after: "projects", in: name)
    }

    private static func locate(_ resource: inout NormalizedResource, asset: Value, type: String, data: Value, name: String) {
        let candidates: [String?] = [
            asset.at("resource", "location")?.text, data.at("location")?.text, data.at("zone")?.text, data.at("gceZone")?.text,
            data.at("region")?.text, LocationCodes.segment(after: "zones", in: name), LocationCodes.segment(after: "regions", in: name),
            LocationCodes.segment(after: "locations", in: name),
        ]
        guard let found = candidates.lazy.compactMap({ $0 }).first else {
            if globalTypes.contains(type) || name.includes("/global/") { resource.region = "global" }
            return
        }
        let code = LocationCodes.lastSegment(found)
        if let region = LocationCodes.gcpRegion(ofZone: code), RegionCatalogData.standard.region(region) != nil {
            resource.zone = code.lowercased()
            resource.region = region
        } else {
            resource.region = LocationCodes.gcpLocation(code)
        }
    }

    // MARK: - Facets

    private static func facets(type: String, data: Value, into resource: inout NormalizedResource) {
        switch type {
        case "storage.googleapis.com/Bucket":
            GCPFacetRules.defaultEncryption(kmsKey: data.at("encryption", "defaultKmsKeyName"), into: &resource)
            GCPFacetRules.bucketLocation(data.at("location"), dataLocations: data.at("customPlacementConfig", "dataLocations"), into: &resource)
            resource.set(.versioning, data.at("versioning", "enabled")?.boolFacet)
        case "sqladmin.googleapis.com/Instance":
            let settings = data.at("settings")
            let backup = settings?.at("backupConfiguration")
            GCPFacetRules.sqlInstance(
                GCPFacetRules.SQLSettings(
                    engine: data.at("databaseVersion"), availabilityType: settings?.at("availabilityType"), backupEnabled: backup?.at("enabled"),
                    pointInTimeRecovery: backup?.at("pointInTimeRecoveryEnabled"), binaryLog: backup?.at("binaryLogEnabled"),
                    retainedBackups: backup?.at("backupRetentionSettings", "retainedBackups"),
                    requireSSL: settings?.at("ipConfiguration", "requireSsl"), sslMode: settings?.at("ipConfiguration", "sslMode"),
                    kmsKey: data.at("diskEncryptionConfiguration", "kmsKeyName"), replicaNames: data.at("replicaNames")),
                into: &resource)
            resource.set(.deletionProtection, settings?.at("deletionProtectionEnabled")?.boolFacet)
        case "cloudkms.googleapis.com/CryptoKey":
            GCPFacetRules.cryptoKey(rotationPeriod: data.at("rotationPeriod"), into: &resource)
        case "compute.googleapis.com/Disk", "compute.googleapis.com/RegionDisk":
            GCPFacetRules.defaultEncryption(kmsKey: data.at("diskEncryptionKey", "kmsKeyName"), into: &resource)
        case "bigquery.googleapis.com/Dataset":
            GCPFacetRules.defaultEncryption(kmsKey: data.at("defaultEncryptionConfiguration", "kmsKeyName"), into: &resource)
        case "compute.googleapis.com/Firewall":
            GCPFacetRules.firewall(direction: data.ci("direction"), sources: data.ci("sourceRanges"), destinations: data.ci("destinationRanges"),
                                   allowed: data.ci("allowed"), denied: data.ci("denied"), disabled: data.ci("disabled"),
                                   entry: { ($0.ci("IPProtocol"), $0.ci("ports")) }, into: &resource)
        case "iam.googleapis.com/ServiceAccount":
            resource[.principalType] = .string("service_account")
        case "iam.googleapis.com/ServiceAccountKey":
            resource.set(.identityCreatedAt, data.at("validAfterTime")?.stringFacet)
        default:
            break
        }
        CloudOperationsFacets.google(type: type, data: data, into: &resource)
    }
}
