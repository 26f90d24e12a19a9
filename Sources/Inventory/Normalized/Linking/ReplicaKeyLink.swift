import PolicyEngine

/// Link pass 5: KMS replica keys join their primary: the primary's `kms.replica_regions` gains the
/// replica's region, the replica learns the primary's region and rotation.
enum ReplicaKeyLink: LinkPass {
    static func run(_ linker: inout Linker) { linker.linkReplicaKeys() }
}

extension Linker {
    mutating func linkReplicaKeys() {
        let replicas = live({ $0.isKey($1) && $0.facet($1, .kmsRole) == .string("replica") })
        guard !replicas.isEmpty else { return }
        let keys = live({ $0.isKey($1) })
        let byID = index(by: { [self.resources[$0].id] }, of: keys)
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, of: keys)
        for replica in replicas {
            let declared = document(replica).facet(.kmsReplicaOf)?.text
            let referenced = references(replica, endingWith: ["primary_key_arn"])
            guard let primary = declared.flatMap({ byID[$0] }) ?? referenced.lazy.compactMap({ byAddress[$0] }).first, primary != replica else { continue }
            let primaryDocument = document(primary)
            let replicaRegion = document(replica).at("region")?.text
            update(replica) { target in
                if target.facet(.kmsPrimaryRegion)?.text == nil, let region = primaryDocument.at("region") { target.setFacet(.kmsPrimaryRegion, region) }
                if target.facet(.kmsReplicaOf)?.text == nil { target.setFacet(.kmsReplicaOf, .string(primaryDocument.at("id")?.text ?? "")) }
                if target.facet(.kmsPrimaryKeyID)?.text == nil { target.setFacet(.kmsPrimaryKeyID, target.facet(.kmsReplicaOf)) }
                if target.facet(.kmsRotationEnabled) == nil { target.setFacet(.kmsRotationEnabled, primaryDocument.facet(.kmsRotationEnabled)) }
            }
            update(primary) { target in
                var regions = Set(target.facet(.kmsReplicaRegions)?.elements.compactMap(\.text) ?? [])
                if let replicaRegion { regions.insert(replicaRegion) }
                target.setFacet(.kmsReplicaRegions, .array(regions.sorted().map(Value.string)))
                target.setFacet(.kmsRole, .string("primary"))
                target.setFacet(.kmsMultiRegion, .bool(true))
            }
        }
    }
}
