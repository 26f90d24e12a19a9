public import PolicyEngine

/// Loads waiver files (`version: 1`, `waivers: [...]`). A waiver without reason, owner or
/// expiry is a load error: accepted risk must have an owner and an end.
public enum WaiverLoader {
    static let waiverKeys = ["policy", "resources", "reason", "owner", "ticket", "expires"]

    /// Loads every waiver of the files, in file order.
    public static func load(files: [String]) throws(LoadError) -> [Waiver] {
        var waivers: [Waiver] = []
        for file in files {
            for document in try YAMLNode.documents(file: file) {
                waivers.append(contentsOf: try parse(document))
            }
        }
        return waivers
    }

    /// Parses one waiver document.
    static func parse(_ document: YAMLNode) throws(LoadError) -> [Waiver] {
        let entries = try document.mapping("a waiver file (version: 1, waivers: [...])")
        try document.checkKeys(entries, allowed: ["version", "waivers"], section: "waiver file")
        try PolicyParser.checkVersion(entries.first { $0.key == "version" }?.value, in: document)
        guard let list = entries.first(where: { $0.key == "waivers" }) else {
            throw document.error(.missingKey(key: "waivers", section: "waiver file"))
        }
        var waivers: [Waiver] = []
        for item in try list.value.sequence("a list of waivers") { waivers.append(try waiver(item)) }
        return waivers
    }

    /// Parses one waiver entry.
    static func waiver(_ node: YAMLNode) throws(LoadError) -> Waiver {
        let section = try node.section("a waiver", allowed: waiverKeys,
                                       name: "waiver (every waiver needs policy, resources, reason, owner and expires)")
        func required(_ key: String) throws(LoadError) -> YAMLNode { try section.required(key) }
        let resources = try required("resources").stringList("a list of resource ids or globs")
        guard !resources.isEmpty else { throw node.error(.invalidValue(message: "a waiver must name at least one resource (use \"*\" deliberately)")) }
        let reason = try required("reason").nonBlankString("a reason")
        let owner = try required("owner").nonBlankString("an owner")
        return Waiver(
            policy: try required("policy").string("a policy id or glob"), resources: resources, reason: reason, owner: owner,
            ticket: try section.optional("ticket")?.value().displayText, expires: try required("expires").date(),
            location: node.location
        )
    }
}
