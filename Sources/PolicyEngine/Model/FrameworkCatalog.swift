/// One control of a compliance framework, as the framework numbers and names it.
public struct FrameworkControl: Sendable, Hashable {
    /// The official id (`CC6.1`, `A.8.24`, `SC-28(1)`, `164.312(a)(2)(iv)`, `Art.32`).
    public var id: String
    /// The official title (or, where a framework gives none, the opening of the requirement text).
    public var title: String

    /// Creates a control.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// The control catalog of one framework (`policies/frameworks/<key>.yaml`): the controls the policy
/// library maps to, so reports and `assay explain` can show control titles and a test can reject
/// mappings to controls that do not exist.
public struct FrameworkCatalog: Sendable, Hashable {
    /// The key policies use under `frameworks:` (`soc2`, `iso27001_2022`).
    public var key: String
    /// The framework's name and edition.
    public var title: String
    /// Controls in catalog order.
    public var controls: [FrameworkControl]
    /// Where the catalog was defined.
    public var location: SourceLocation

    /// Creates a catalog.
    public init(key: String, title: String, controls: [FrameworkControl], location: SourceLocation) {
        self.key = key
        self.title = title
        self.controls = controls
        self.location = location
    }

    /// The title of a control, when the catalog lists it.
    public func title(of control: String) -> String? {
        controls.first { $0.id == control }?.title
    }
}

/// A framework mapping of a policy that no loaded catalog lists.
public struct UnknownControlMapping: Sendable, Hashable, CustomStringConvertible {
    /// The policy that names it.
    public var policy: String
    /// Where the policy is defined.
    public var location: SourceLocation
    /// The framework key.
    public var framework: String
    /// The control id, or nil when the framework key itself is unknown.
    public var control: String?

    /// `policy (file:line:col): soc2 CC9.9 is not in the catalog`.
    public var description: String {
        if let control {
            return "\(policy) (\(location)) maps to \(framework) \(control), which the \(framework) catalog does not list"
        }
        return "\(policy) (\(location)) maps to framework '\(framework)', which has no catalog"
    }
}

/// Every control catalog of a run, by framework key.
public struct FrameworkCatalogs: Sendable {
    /// Catalogs sorted by key.
    public let catalogs: [FrameworkCatalog]

    /// Sorts the catalogs by key.
    public init(_ catalogs: [FrameworkCatalog] = []) {
        self.catalogs = catalogs.sorted { $0.key < $1.key }
    }

    /// The catalog of a framework key.
    public subscript(key: String) -> FrameworkCatalog? {
        catalogs.first { $0.key == key }
    }

    /// The title of a control of a framework, when a catalog lists it.
    public func title(framework: String, control: String) -> String? {
        self[framework]?.title(of: control)
    }

    /// The framework keys and control ids the policies name but the catalogs do not list, in
    /// policy order then framework key order.
    public func unknownMappings(in policies: [Policy]) -> [UnknownControlMapping] {
        var unknown: [UnknownControlMapping] = []
        for policy in policies {
            for framework in policy.frameworks.keys.sorted() {
                guard let catalog = self[framework] else {
                    unknown.append(UnknownControlMapping(policy: policy.id, location: policy.location, framework: framework, control: nil))
                    continue
                }
                for control in policy.frameworks[framework] ?? [] where catalog.title(of: control) == nil {
                    unknown.append(UnknownControlMapping(policy: policy.id, location: policy.location, framework: framework, control: control))
                }
            }
        }
        return unknown
    }

    /// The `frameworks` section of a run result:
    /// `{ "<key>": { "title": "…", "controls": { "<id>": "<title>" } } }`.
    public var sectionValue: Value {
        var frameworks = Fields()
        for catalog in catalogs {
            var controls = Fields()
            for control in catalog.controls { controls[control.id] = .string(control.title) }
            var entry = Fields()
            entry["title"] = .string(catalog.title)
            entry["controls"] = .object(controls)
            frameworks[catalog.key] = .object(entry)
        }
        return .object(frameworks)
    }
}
