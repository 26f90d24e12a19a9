import PolicyEngine

/// How Azure settings become facets, shared by the Resource Graph / ARM reader and the
/// Terraform reader (`azurerm_*`).
enum AzureFacetRules {
    /// One NSG security rule in neutral form (Resource Graph `properties.securityRules[].properties`,
    /// Terraform `security_rule[]` and `azurerm_network_security_rule`).
    struct SecurityRule {
        var direction: Value?
        var access: Value?
        var protocolName: Value?
        var portRange: Value?
        var portRanges: Value?
        var sourcePrefix: Value?
        var sourcePrefixes: Value?
        var destinationPrefix: Value?
        var destinationPrefixes: Value?
    }

    /// `network.rules` elements of one NSG rule: one per destination port range; `Inbound` is
    /// ingress with the source prefixes as peers, `Outbound` egress with the destination prefixes.
    static func securityRules(_ rule: SecurityRule) -> [Value] {
        if rule.direction?.isUnknown == true { return [FirewallRule.unknownRule(.ingress)] }
        let direction: FirewallRule.Direction = rule.direction?.text?.lowercased() == "outbound" ? .egress : .ingress
        if rule.access?.isUnknown == true { return [FirewallRule.unknownRule(direction)] }
        let peers = direction == .ingress ? FirewallRule.addressPrefixes([rule.sourcePrefix, rule.sourcePrefixes])
            : FirewallRule.addressPrefixes([rule.destinationPrefix, rule.destinationPrefixes])
        var texts: [Value] = rule.portRange.flatMap { $0.isUnknown || $0.text != nil ? [$0] : nil } ?? []
        if let ranges = rule.portRanges { texts += ranges.isUnknown ? [.unknown] : ranges.elements.filter { $0.text != nil } }
        return FirewallRule.portRanges(texts).map { range in
            FirewallRule(direction: direction, allows: rule.access?.text?.lowercased() != "deny", nativeProtocol: rule.protocolName,
                         fromPort: range.from, toPort: range.to, peerLists: [peers]).value
        }
    }

    /// The `network.rules` facet of an NSG's rule list (`unknown` list: one unknown rule per direction).
    static func securityGroup(_ list: Value?, rule: (Value) -> SecurityRule, into resource: inout NormalizedResource) {
        guard let list else { return }
        if list.isUnknown {
            resource[.networkRules] = .array([FirewallRule.unknownRule(.ingress), FirewallRule.unknownRule(.egress)])
            return
        }
        resource[.networkRules] = .array(list.elements.flatMap { securityRules(rule($0)) })
    }

    /// Storage-account SKUs whose data is copied to the paired region.
    static let geoRedundantSuffixes = ["_GRS", "_RAGRS", "_GZRS", "_RAGZRS"]

    /// Replication from a storage SKU (`Standard_RAGRS`) or Terraform replication type (`RAGRS`);
    /// the secondary region when the source names it.
    static func storageReplication(sku: Value?, secondaryLocation: Value?, into resource: inout NormalizedResource) {
        guard let sku else { return }
        if sku.isUnknown {
            resource[.replicationEnabled] = .unknown
            return
        }
        guard let name = sku.text?.uppercased() else { return }
        let suffixed = name.includes("_") ? name : "_" + name
        let geo = geoRedundantSuffixes.contains { suffixed.hasSuffix($0) }
        resource[.replicationEnabled] = .bool(geo)
        guard geo else { return }
        resource[.replicationMode] = .string("geo-sku")
        if let secondary = secondaryLocation {
            resource[.replicationRegions] = secondary.isUnknown ? .unknown : secondary.text.map { .array([.string(LocationCodes.azureLocation($0))]) }
        }
    }

    /// The TLS floor of a storage account: `TLS1_0`…`TLS1_2`; an account without the setting
    /// (created before it existed) accepts TLS 1.0.
    static func storageMinimumTLS(_ setting: Value?, into resource: inout NormalizedResource) {
        guard let setting else {
            resource[.minTLS] = .string("1.0")
            return
        }
        if setting.isUnknown {
            resource[.minTLS] = .unknown
            return
        }
        resource.set(.minTLS, setting.text.flatMap(TLSVersions.normalized).map(Value.string))
        resource.set(.tlsPolicy, setting.stringFacet)
    }

    /// The TLS floor of a SQL or database server: `"1.2"`, or `None`/`Disabled`, which accept TLS 1.0.
    static func serverMinimumTLS(_ setting: Value?, into resource: inout NormalizedResource) {
        guard let setting else { return }
        if setting.isUnknown {
            resource[.minTLS] = .unknown
            return
        }
        guard let text = setting.text else { return }
        resource[.tlsPolicy] = .string(text)
        let lowered = text.lowercased()
        resource.set(.minTLS, lowered == "none" || lowered == "disabled" ? .string("1.0") : TLSVersions.normalized(text).map(Value.string))
    }

    /// Platform encryption with an optional customer key (Azure encrypts storage and disks always).
    static func platformEncryption(customerKey: Value?, into resource: inout NormalizedResource) {
        resource[.atRestEnabled] = .bool(true)
        if let key = customerKey {
            resource[.atRestKeyManagedBy] = key.isUnknown ? .unknown : .string("customer")
            resource.set(.atRestKeyID, key.stringFacet)
        } else {
            resource[.atRestKeyManagedBy] = .string("provider")
        }
    }
}
