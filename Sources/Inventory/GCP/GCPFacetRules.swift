import PolicyEngine

/// How Google Cloud settings become facets, shared by the Cloud Asset Inventory reader (REST
/// camelCase `resource.data`) and the Terraform reader (`google_*`).
enum GCPFacetRules {
    /// A VPC firewall: one rule per protocol entry and port range of `allowed` (allow) and `denied`
    /// (deny), with `sourceRanges` (ingress, the default) or `destinationRanges` (egress) as peers.
    /// A disabled firewall enforces nothing and has no rules; an unknown entry list is one unknown rule.
    static func firewall(direction: Value?, sources: Value?, destinations: Value?, allowed: Value?, denied: Value?, disabled: Value?,
                         entry: (Value) -> (protocolName: Value?, ports: Value?), into resource: inout NormalizedResource) {
        if disabled?.boolFacet == .bool(true) {
            resource[.networkRules] = .array([])
            return
        }
        if direction?.isUnknown == true || disabled?.isUnknown == true {
            resource[.networkRules] = .array([FirewallRule.unknownRule(.ingress)])
            return
        }
        let way: FirewallRule.Direction = direction?.text?.uppercased() == "EGRESS" ? .egress : .ingress
        var rules: [Value] = []
        for (list, allows) in [(allowed, true), (denied, false)] {
            guard let list else { continue }
            if list.isUnknown {
                rules.append(FirewallRule.unknownRule(way))
                continue
            }
            for element in list.elements {
                let (protocolName, ports) = entry(element)
                let texts: [Value] = ports.map { $0.isUnknown ? [.unknown] : $0.elements.isEmpty ? ($0.text.map { [.string($0)] } ?? []) : $0.elements } ?? []
                for range in FirewallRule.portRanges(texts) {
                    rules.append(FirewallRule(direction: way, allows: allows, nativeProtocol: protocolName, fromPort: range.from, toPort: range.to,
                                              peerLists: [way == .ingress ? sources : destinations]).value)
                }
            }
        }
        resource[.networkRules] = .array(rules)
    }

    /// Google encrypts everything at rest; a named Cloud KMS key makes it customer-managed.
    static func defaultEncryption(kmsKey: Value?, into resource: inout NormalizedResource) {
        AzureFacetRules.platformEncryption(customerKey: kmsKey, into: &resource)
    }

    /// A bucket's location: a region, a predefined dual- or multi-region, or a custom
    /// dual-region (`customPlacementConfig.dataLocations`). Dual- and multi-regions replicate
    /// across their member regions.
    static func bucketLocation(_ location: Value?, dataLocations: Value?, into resource: inout NormalizedResource) {
        guard let location else { return }
        if location.isUnknown {
            resource[.replicationEnabled] = .unknown
            return
        }
        guard let code = location.text else { return }
        resource.region = LocationCodes.gcpLocation(code)
        let custom = (dataLocations?.elements ?? []).compactMap(\.text).map { $0.lowercased() }
        if custom.count >= 2 {
            resource.locationKind = .dualRegion
            replicated(across: custom, mode: "dual-region", into: &resource)
            return
        }
        switch RegionCatalogData.locationKind(of: code) {
        case .dualRegion?:
            resource.locationKind = .dualRegion
            replicated(across: RegionCatalogData.standard.memberRegions(of: code) ?? [], mode: "dual-region", into: &resource)
        case .multiRegion?:
            resource.locationKind = .multiRegion
            replicated(across: RegionCatalogData.standard.memberRegions(of: code) ?? [], mode: "multi-region-location", into: &resource)
        default:
            resource[.replicationEnabled] = .bool(false)
        }
    }

    private static func replicated(across regions: [String], mode: String, into resource: inout NormalizedResource) {
        resource[.replicationEnabled] = .bool(true)
        resource[.replicationMode] = .string(mode)
        resource[.replicationRegions] = .array(regions.sorted().map(Value.string))
    }

    /// A Cloud SQL instance in neutral form.
    struct SQLSettings {
        var engine: Value?
        var availabilityType: Value?
        var backupEnabled: Value?
        var pointInTimeRecovery: Value?
        var binaryLog: Value?
        var retainedBackups: Value?
        var requireSSL: Value?
        var sslMode: Value?
        var kmsKey: Value?
        var replicaNames: Value?
    }

    /// Cloud SQL facets. Retained backups are daily, so their count is the retention in days.
    static func sqlInstance(_ settings: SQLSettings, into resource: inout NormalizedResource) {
        defaultEncryption(kmsKey: settings.kmsKey, into: &resource)
        resource.set(.databaseEngine, settings.engine?.stringFacet)
        if let availability = settings.availabilityType {
            resource[.multiAZ] = availability.isUnknown ? .unknown : .bool(availability.text == "REGIONAL")
        }
        resource.set(.backupEnabled, settings.backupEnabled?.boolFacet)
        if let pitr = settings.pointInTimeRecovery?.boolFacet ?? settings.binaryLog?.boolFacet {
            resource[.backupPITR] = pitr
        }
        resource.set(.backupRetentionDays, settings.retainedBackups?.numberFacet)
        if let mode = settings.sslMode {
            resource[.tlsEnforced] = mode.isUnknown ? .unknown : .bool(mode.text != "ALLOW_UNENCRYPTED_AND_ENCRYPTED")
        } else if let require = settings.requireSSL?.boolFacet {
            resource[.tlsEnforced] = require
        }
        if let replicas = settings.replicaNames {
            let names = replicas.elements.compactMap(\.text)
            resource[.replicationEnabled] = .bool(!names.isEmpty)
            if !names.isEmpty {
                resource[.replicationTargets] = .array(names.map(Value.string))
                resource[.replicationMode] = .string("read-replica")
            }
        }
    }

    /// A Cloud KMS crypto key: customer-managed, single key, multi-region by location, rotation.
    static func cryptoKey(rotationPeriod: Value?, into resource: inout NormalizedResource) {
        resource[.kmsManagedBy] = .string("customer")
        resource[.kmsRole] = .string("single")
        if let region = resource.region { resource[.kmsMultiRegion] = .bool(RegionCatalogData.locationKind(of: region) == .multiRegion) }
        keyRotation(rotationPeriod, into: &resource)
    }

    /// Rotation from a duration text (`"7776000s"`).
    private static func keyRotation(_ period: Value?, into resource: inout NormalizedResource) {
        guard let period else {
            resource[.kmsRotationEnabled] = .bool(false)
            return
        }
        if period.isUnknown {
            resource[.kmsRotationEnabled] = .unknown
            return
        }
        guard let text = period.text, text.hasSuffix("s"), let seconds = Double(text.dropLast()) else { return }
        resource[.kmsRotationEnabled] = .bool(true)
        resource[.kmsRotationPeriodDays] = .number((seconds / 86_400).rounded())
    }
}
