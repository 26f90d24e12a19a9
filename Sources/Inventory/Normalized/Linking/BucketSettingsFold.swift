import PolicyEngine

/// Link pass 2: Terraform S3 setting resources (`aws_s3_bucket_server_side_encryption_configuration`,
/// `…_replication_configuration`, `…_versioning`, `…_policy`) fold into their bucket of the same
/// plan, found by configuration reference or bucket name; their facets replace the bucket's.
enum BucketSettingsFold: LinkPass {
    static func run(_ linker: inout Linker) { linker.foldBucketSettings() }
}

extension Linker {
    mutating func foldBucketSettings() {
        let settings = live({ $0.resources[$1].type == ResourceKind.storageBucketConfig.rawValue })
        guard !settings.isEmpty else { return }
        // Addresses and names are looked up within the setting's own input file: the same bucket
        // may also come from another export (an AWS Config snapshot), which must not absorb the
        // plan's settings.
        let files = resources.map(\.source.file)
        func fileKey(_ index: Int, _ name: String) -> String { files[index] + "\u{1F}" + name }
        let buckets = live({ $0.isAWSBucket($1) })
        let byAddress = index(by: { position in self.address(position).map { [fileKey(position, $0)] } ?? [] }, of: buckets)
        let byName = index(by: { position in self.document(position).at("native_id")?.text.map { [fileKey(position, $0)] } ?? [] },
                           of: buckets)
        for position in settings {
            let referenced = references(position, endingWith: ["bucket"]).filter { !$0.isEmpty }
            let bucket = referenced.lazy.compactMap { byAddress[fileKey(position, $0)] }.first
                ?? document(position).at("native_id")?.text.flatMap { byName[fileKey(position, $0)] }
            guard let bucket else { continue }
            let setting = document(position)
            update(bucket) { target in
                // A setting resource replaces the bucket's whole group (a computed inline block may
                // have left unknown members behind).
                for group in [["replication"], ["encryption", "at_rest"]] where setting.value(at: group) != nil {
                    target.set(nil, at: group[...])
                }
                for facet in Facet.allCases {
                    if let value = setting.facet(facet) { target.setFacet(facet, value) }
                }
                let settings = (target.at("terraform", "settings")?.arrayValue ?? []) + [setting.at("terraform", "address") ?? .null]
                target.set(.array(settings), at: ["terraform", "settings"])
                if let references = setting.at("terraform", "references")?.objectValue {
                    for member in references where member.key != "bucket" {
                        target.set(member.value, at: ["terraform", "references", member.key])
                    }
                }
            }
            removed.insert(position)
        }
    }
}
