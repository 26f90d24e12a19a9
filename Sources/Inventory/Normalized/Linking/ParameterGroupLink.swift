import PolicyEngine

/// Link pass 4: Terraform RDS parameter groups set `database.tls_enforced` on the databases that use them
/// (`rds.force_ssl` / `require_secure_transport` = 1).
enum ParameterGroupLink: LinkPass {
    static func run(_ linker: inout Linker) { linker.applyParameterGroups() }
}

extension Linker {
    mutating func applyParameterGroups() {
        let groups = live({ ["aws_db_parameter_group", "aws_rds_cluster_parameter_group"].contains($0.nativeType($1) ?? "") })
        guard !groups.isEmpty else { return }
        let byAddress = index(by: { self.address($0).map { [$0] } ?? [] }, of: groups)
        let byName = index(by: { self.document($0).at("attributes", "name")?.text.map { [$0] } ?? [] }, of: groups)
        guard !byAddress.isEmpty || !byName.isEmpty else { return }
        for position in live({ ["aws_db_instance", "aws_rds_cluster"].contains($0.nativeType($1) ?? "") }) {
            guard document(position).facet(.tlsEnforced) == nil else { continue }
            let attributes = document(position).at("attributes")
            let groupName = (attributes?.at("parameter_group_name") ?? attributes?.at("db_cluster_parameter_group_name"))?.text
            let referenced = references(position, endingWith: ["parameter_group_name", "db_cluster_parameter_group_name"])
            guard let group = referenced.lazy.compactMap({ byAddress[$0] }).first ?? groupName.flatMap({ byName[$0] }) else { continue }
            let parameters = document(group).at("attributes", "parameter")?.elements ?? []
            let enforced = parameters.contains { parameter in
                let name = parameter.at("name")?.text ?? ""
                let value = parameter.at("value")?.text?.lowercased() ?? ""
                return (name == "rds.force_ssl" || name == "require_secure_transport") && (value == "1" || value == "on")
            }
            update(position) { $0.setFacet(.tlsEnforced, .bool(enforced)) }
        }
    }
}
