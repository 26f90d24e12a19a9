public import PolicyEngine

/// How strongly an application needs another one: the downtime section's own type, so the edges
/// the graph finds are what the section writes.
public typealias DependencyKind = DowntimeModelSection.Dependencies.Kind

/// One declared dependency of an application.
public struct Dependency: Sendable, Hashable {
    /// The application id depended on (the register's `name`).
    public var id: String
    /// Hard (default) or soft.
    public var kind: DependencyKind

    /// Creates a dependency.
    public init(id: String, kind: DependencyKind) {
        self.id = id
        self.kind = kind
    }
}

/// Reads an application record's `depends_on` (docs/registers.md): a list of application ids,
/// each optionally `id:soft` / `id:hard`, or an object `{id, kind}`; CSV registers give it as a
/// `depends_on[]` column (`identity-service;catalog-search:soft`), and a plain text cell is split
/// on `;` too. A malformed entry is a `ResilienceError` naming the record's file and line, the
/// application and the entry (`depends_on[1].kind`).
public enum DependencyReader {
    /// The register field.
    public static let field = "depends_on"

    /// The dependencies of one application record, in declared order.
    public static func dependencies(of resource: Resource) throws(ResilienceError) -> [Dependency] {
        let id = ApplicationRegister.applicationID(of: resource)
        let fields = RegisterFields(application: id, source: resource.source, object: resource.document.objectValue ?? Fields())
        guard let value = fields.raw(field) else { return [] }
        let items: [Value]
        switch value {
        case .array(let list): items = list
        case .string(let text): items = text.split(separator: ";").map { .string(String($0)) }
        default: throw fields.error(field, "expected a list of application ids, got \(value.kindName)")
        }
        var dependencies: [Dependency] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            let entry = "\(field)[\(index)]"
            let dependency = try parse(item, entry: entry, fields: fields)
            guard seen.insert(dependency.id).inserted else {
                throw fields.error(entry, "'\(dependency.id)' is listed twice; list each dependency once, with its kind")
            }
            dependencies.append(dependency)
        }
        return dependencies
    }

    static func parse(_ item: Value, entry: String, fields: RegisterFields) throws(ResilienceError) -> Dependency {
        switch item {
        case .string(let text):
            let trimmed = text.trimmingBlanks()
            guard !trimmed.isEmpty else { throw fields.error(entry, "is empty; expected an application id") }
            // `id:kind`, the form a CSV cell can hold; the kind is whatever follows the last colon.
            guard let colon = trimmed.lastIndex(of: ":") else { return Dependency(id: trimmed, kind: .hard) }
            let id = String(trimmed[..<colon]).trimmingBlanks()
            let kindText = String(trimmed[trimmed.index(after: colon)...]).trimmingBlanks()
            guard !id.isEmpty else { throw fields.error(entry, "'\(trimmed)' has no application id before ':'") }
            return Dependency(id: id, kind: try kind(kindText, entry: entry + " kind", fields: fields))
        case .object(let object):
            let member = RegisterFields(application: fields.application, source: fields.source, object: object, prefix: fields.prefix + entry + ".")
            for key in object.keys where key != "id" && key != "kind" {
                let hint = NameSuggester.suggestion(for: key, among: ["id", "kind"]).map { " (did you mean '\($0)'?)" } ?? ""
                throw member.error(key, "unknown key\(hint); a dependency takes id and kind")
            }
            guard let id = try member.text("id"), !id.trimmingBlanks().isEmpty else { throw member.error("id", "is required") }
            guard let kindText = try member.text("kind") else { return Dependency(id: id.trimmingBlanks(), kind: .hard) }
            return Dependency(id: id.trimmingBlanks(), kind: try kind(kindText, entry: entry + ".kind", fields: fields))
        default:
            throw fields.error(entry, "expected an application id or {id, kind}, got \(item.kindName)")
        }
    }

    static func kind(_ text: String, entry: String, fields: RegisterFields) throws(ResilienceError) -> DependencyKind {
        if let kind = DependencyKind(rawValue: text.lowercased()) { return kind }
        throw fields.error(entry, "expected hard or soft, got '\(text)'")
    }
}
