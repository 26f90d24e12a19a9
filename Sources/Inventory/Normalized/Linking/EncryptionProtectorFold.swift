import PolicyEngine

/// Link pass 3: Azure SQL encryption protectors fold into their server (customer- or service-managed TDE key).
enum EncryptionProtectorFold: LinkPass {
    static func run(_ linker: inout Linker) { linker.foldEncryptionProtectors() }
}

extension Linker {
    mutating func foldEncryptionProtectors() {
        let protectors = live({ $0.nativeType($1) == "microsoft.sql/servers/encryptionprotector" })
        guard !protectors.isEmpty else { return }
        let servers = index(by: { [self.resources[$0].id.lowercased()] }, of: live({ $0.resources[$1].type == ResourceKind.databaseServer.rawValue }))
        for position in protectors {
            let id = resources[position].id.lowercased()
            guard let serverID = id.text(before: "/encryptionprotector"), let server = servers[serverID] else { continue }
            let properties = document(position).at("attributes")?.ci("properties")
            let customer = properties?.ci("serverKeyType")?.text == "AzureKeyVault"
            update(server) { target in
                target.setFacet(.atRestKeyManagedBy, .string(customer ? "customer" : "provider"))
                if customer { target.setFacet(.atRestKeyID, properties?.ci("uri")?.stringFacet) }
            }
            removed.insert(position)
        }
    }
}
