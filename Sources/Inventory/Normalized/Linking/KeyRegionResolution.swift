import PolicyEngine

/// Link pass 7: Encrypted resources whose key is among the inputs get `encryption.at_rest.key_regions`
/// (the key's region plus its replicas) and the key's `managed_by`.
enum KeyRegionResolution: LinkPass {
    static func run(_ linker: inout Linker) { linker.resolveKeyRegions() }
}

extension Linker {
    mutating func resolveKeyRegions() {
        var byReference: [String: Int] = [:]
        var ambiguous = Set<String>()
        let keys = live({ $0.isKey($1) })
        for key in keys {
            for name in Self.keyNames(resources[key].id) {
                if byReference[name] != nil && byReference[name] != key { ambiguous.insert(name) }
                if byReference[name] == nil { byReference[name] = key }
            }
        }
        for name in ambiguous where !name.hasPrefix("arn:") && !name.hasPrefix("//") { byReference[name] = nil }
        guard !byReference.isEmpty else { return }
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, of: keys)
        let byID = index(by: { [self.resources[$0].id] }, of: keys)
        for position in live({ !$0.isKey($1) && $0.facet($1, .atRestEnabled) == .bool(true) }) {
            let keyID = document(position).facet(.atRestKeyID)
            let found = keyID?.text.flatMap { text in Self.keyNames(text).lazy.compactMap { byReference[$0] }.first }
                ?? references(position, endingWith: ["kms_key_id", "kms_master_key_id", "kms_key_arn"]).lazy.compactMap { byAddress[$0] }.first
            guard let key = found else { continue }
            let keyDocument = document(key)
            let regions = keyRegions(key, keysByID: byID)
            update(position) { target in
                if keyID?.text == nil { target.setFacet(.atRestKeyID, keyDocument.at("id")) }
                target.setFacet(.atRestKeyRegions, .array(regions.map(Value.string)))
                if let managedBy = keyDocument.facet(.kmsManagedBy) { target.setFacet(.atRestKeyManagedBy, managedBy) }
            }
        }
    }

    /// Where a key can decrypt: its own region and its replicas'; a replica answers for its
    /// whole multi-region set (its primary's region and the primary's replicas).
    func keyRegions(_ key: Int, keysByID: [String: Int]) -> [String] {
        var keyDocument = document(key)
        if keyDocument.facet(.kmsRole) == .string("replica"), let primary = keyDocument.facet(.kmsReplicaOf)?.text,
            let primaryIndex = keysByID[primary]
        {
            keyDocument = document(primaryIndex)
        }
        var regions = Set(keyDocument.facet(.kmsReplicaRegions)?.elements.compactMap(\.text) ?? [])
        if let region = keyDocument.at("region")?.text, region != "global" { regions.insert(region) }
        return regions.sorted()
    }

    /// The names a key answers to: its id, a GCP key without the `//cloudkms.googleapis.com/`
    /// prefix or with a `/cryptoKeyVersions/N` suffix, an AWS key's bare key id.
    static func keyNames(_ reference: String) -> [String] {
        var names = [reference]
        var text = reference
        if let key = text.text(before: "/cryptoKeyVersions/") {
            text = key
            names.append(text)
        }
        let prefix = "//cloudkms.googleapis.com/"
        if text.hasPrefix(prefix) {
            names.append(String(text.dropFirst(prefix.count)))
        } else if text.hasPrefix("projects/") {
            names.append(prefix + text)
        }
        if text.hasPrefix("arn:"), let keyID = text.text(after: ":key/") {
            names.append(keyID)
        }
        return names
    }
}
