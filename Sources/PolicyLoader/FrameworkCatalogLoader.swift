public import PolicyEngine

/// Loads framework control catalogs (`version: 1`, `framework:`, `title:`, optional `scope:` — which
/// parts of the framework the catalog lists — and `controls: [{id, title}]`)
/// found among policy files and folders — the same paths the policies load from, so a policy folder
/// carries the catalogs its mappings refer to.
///
/// ```yaml
/// version: 1
/// framework: soc2
/// title: SOC 2 — 2017 Trust Services Criteria
/// scope: Common criteria CC1–CC9, Availability A1 and Confidentiality C1
/// controls:
///   - { id: CC6.1, title: "The entity implements logical access security software, …" }
/// ```
public enum FrameworkCatalogLoader {
    static let fileKeys = ["version", "framework", "title", "scope", "controls"]
    static let controlKeys = ["id", "title"]

    /// Every catalog under `paths` (files or folders); a framework key defined twice, or a control
    /// listed twice in one catalog, is an error naming both places.
    public static func load(paths: [String]) throws(LoadError) -> FrameworkCatalogs {
        var files: [String] = []
        for path in paths { files.append(contentsOf: try PolicySetLoader.yamlFiles(under: path)) }
        var catalogs: [FrameworkCatalog] = []
        for file in Array(Set(files)).sorted() {
            for document in try YAMLNode.documents(file: file) where PolicySetLoader.classify(document) == .frameworkCatalog {
                let catalog = try parse(document)
                if let earlier = catalogs.first(where: { $0.key == catalog.key }) {
                    throw document.error(.duplicateID(id: catalog.key, firstDefinedAt: earlier.location))
                }
                catalogs.append(catalog)
            }
        }
        return FrameworkCatalogs(catalogs)
    }

    /// Parses one catalog document.
    static func parse(_ document: YAMLNode) throws(LoadError) -> FrameworkCatalog {
        let section = try document.section("a framework catalog (version, framework, title, scope, controls)", allowed: fileKeys,
                                           name: "framework catalog")
        try PolicyParser.checkVersion(section.optional("version"), in: document)
        let keyNode = try section.required("framework")
        let key = try keyNode.string("a framework key")
        guard PolicyParser.isValidID(key), !key.contains(".") else {
            throw keyNode.error(.invalidValue(message: "framework key '\(key)' must be lower-case letters, digits, '_' or '-' (e.g. iso27001_2022)"))
        }
        var controls: [FrameworkControl] = []
        var seen: [String: SourceLocation] = [:]
        for item in try section.required("controls").sequence("a list of controls ({id, title})") {
            let control = try item.section("a control ({id, title})", allowed: controlKeys, name: "control")
            let idNode = try control.required("id")
            let id = try idNode.string("a control id")
            let title = try control.required("title").string("a control title")
            guard !id.isEmpty, !title.isEmpty else { throw item.error(.invalidValue(message: "a control needs a non-empty id and title")) }
            if let earlier = seen[id] { throw idNode.error(.duplicateID(id: id, firstDefinedAt: earlier)) }
            seen[id] = idNode.location
            controls.append(FrameworkControl(id: id, title: title))
        }
        var scope: String?
        if let node = section.optional("scope") { scope = try node.string("the parts of the framework the catalog lists") }
        return FrameworkCatalog(key: key, title: try section.required("title").string("a framework title"), scope: scope, controls: controls,
                                location: keyNode.location)
    }
}
