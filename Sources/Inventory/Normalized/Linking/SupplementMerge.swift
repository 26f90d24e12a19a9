import PolicyEngine

/// Link pass 1: Supplements merge into every resource they describe (same `id`): IAM credential-report
/// rows into the AWS Config and Terraform users; CAI IAM-policy lines into the resource.
enum SupplementMerge: LinkPass {
    static func run(_ linker: inout Linker) { linker.mergeSupplements() }
}

extension Linker {
    mutating func mergeSupplements() {
        let supplements = live({ $0.isSupplement($1) })
        guard !supplements.isEmpty else { return }
        // Only the ids that have a supplement are indexed (not every resource of a large estate).
        let supplemented = Set(supplements.map { resources[$0].id })
        var bases: [String: [Int]] = [:]
        for position in live({ !$0.isSupplement($1) && supplemented.contains($0.resources[$1].id) }) {
            bases[resources[position].id, default: []].append(position)
        }
        for position in supplements {
            guard let targets = bases[resources[position].id] else { continue }
            let supplement = document(position)
            for base in targets {
                merge(supplement, into: base)
                // The row is one of the resource's records: it stays listed among its sources.
                resources[base].mergedSources.append(resources[position].source)
            }
            removed.insert(position)
        }
    }

    /// Copies a supplement's identity facts (where the base has none) and IAM policy.
    mutating func merge(_ supplement: Value, into base: Int) {
        update(base) { target in
            for facet in Facet.allCases where facet.rawValue.hasPrefix("identity.") && target.facet(facet) == nil {
                target.setFacet(facet, supplement.facet(facet))
            }
            if let policy = supplement.at("iam_policy") { target.set(policy, at: ["iam_policy"]) }
        }
    }

    func isSupplement(_ index: Int) -> Bool {
        switch format(index) {
        case InputFormat.awsIAMCredentialReport.rawValue?: return true
        case InputFormat.gcpAssetInventory.rawValue?: return document(index).at("attributes", "resource") == nil
        default: return false
        }
    }
}
