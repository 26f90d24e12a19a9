import PolicyEngine

/// Link pass 6: S3 replication destinations (bucket ARNs, which carry no region) resolve to the
/// destination buckets' regions; a destination that is not among the inputs makes
/// `replication.regions` unknown (never a silent pass).
enum ReplicationRegionResolution: LinkPass {
    static func run(_ linker: inout Linker) { linker.resolveReplicationRegions() }
}

extension Linker {
    mutating func resolveReplicationRegions() {
        let replicated = live({ $0.isAWSBucket($1) && $0.facet($1, .replicationMode) == .string("crr") })
        guard !replicated.isEmpty else { return }
        let buckets = live({ $0.isAWSBucket($1) })
        let byID = index(by: { [self.resources[$0].id] }, of: buckets)
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, of: buckets)
        for position in replicated {
            var targets = document(position).facet(.replicationTargets)
            if targets == nil || targets?.isUnknown == true {
                let referenced = references(position, endingWith: ["destination.bucket"]).compactMap { byAddress[$0] }
                if !referenced.isEmpty { targets = .array(referenced.map { .string(resources[$0].id) }) }
            }
            guard let list = targets?.arrayValue else {
                update(position) { $0.setFacet(.replicationRegions, .unknown) }
                continue
            }
            let home = document(position).at("region")?.text
            let regions = list.compactMap { $0.text.flatMap { byID[$0] }.flatMap { self.document($0).at("region")?.text } }
            update(position) { target in
                target.setFacet(.replicationTargets, .array(list))
                guard regions.count == list.count, !list.isEmpty else {
                    target.setFacet(.replicationRegions, .unknown)
                    return
                }
                let distinct = Set(regions).sorted()
                target.setFacet(.replicationRegions, .array(distinct.map(Value.string)))
                if distinct == [home] { target.setFacet(.replicationMode, .string("srr")) }
            }
        }
    }
}
