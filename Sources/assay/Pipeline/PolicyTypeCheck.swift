import Inventory
import PolicyEngine
import PolicyLoader

/// Checks that every type a policy applies to can match something: a normalized type, a register
/// type, a cost group, or a type the config's inputs declare (`type:`). A cloud-native spelling
/// (`aws_s3_bucket`) would silently match nothing, so it is named with its normalized type.
enum PolicyTypeCheck {
    /// One problem per (policy, type), as `file:line:column: policy <id>: <problem>`.
    static func problems(_ policies: [Policy], config: AssayConfig) -> [String] {
        let declared = config.inputs.compactMap(\.mapping.type)
        var problems: [String] = []
        for policy in policies where policy.scope.cost == nil {
            for type in policy.scope.types {
                guard let problem = ResourceTypeVocabulary.problem(with: type, declared: declared) else { continue }
                problems.append("\(policy.location): policy \(policy.id): applies_to.types: \(problem)")
            }
        }
        return problems
    }
}
