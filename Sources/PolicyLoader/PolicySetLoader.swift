import Foundation
public import PolicyEngine

/// Policies loaded from files and folders, with the digest of their sources.
public struct PolicySet: Sendable {
    /// Policies sorted by id.
    public var policies: [Policy]
    /// The policy files read, sorted.
    public var files: [String]
    /// SHA-256 over the files (`path\0bytes\0` each, sorted by path), lower-case hex.
    public var digest: String

    /// Creates a set.
    public init(policies: [Policy], files: [String], digest: String) {
        self.policies = policies
        self.files = files
        self.digest = digest
    }
}

/// What a YAML file in a policy folder holds, judged by its top-level keys.
public enum AssayFileKind: String, Sendable {
    /// One policy, a list of policies, or `{version, policies: [...]}`.
    case policies
    /// Policy test cases (`tests:`).
    case tests
    /// A framework control catalog (`framework:`).
    case frameworkCatalog
    /// Waivers (`waivers:`).
    case waivers
    /// A run configuration (`inputs:`/`outputs:`).
    case config
}

/// Loads policy files and folders (recursively, in sorted order), skipping test files, control
/// catalogs, waivers and configs that live beside them. Duplicate ids are an error naming both
/// places.
public enum PolicySetLoader {
    /// Loads every policy under `paths` (files or folders).
    public static func load(paths: [String]) throws(LoadError) -> PolicySet {
        var files: [String] = []
        for path in paths { files.append(contentsOf: try yamlFiles(under: path)) }
        files = Array(Set(files)).sorted()
        var policies: [Policy] = []
        var seen: [String: SourceLocation] = [:]
        var loadedFiles: [String] = []
        var digest = SHA256()
        for file in files {
            let documents = try YAMLNode.documents(file: file)
            guard let first = documents.first else { continue }
            if paths.contains(file) == false, classify(first) != .policies { continue }
            var filePolicies: [Policy] = []
            for document in documents { filePolicies.append(contentsOf: try policiesIn(document)) }
            for policy in filePolicies {
                for name in [policy.id] + policy.aliases {
                    if let earlier = seen[name] {
                        throw LoadError(.duplicateID(id: name, firstDefinedAt: earlier), at: policy.location,
                                        sourceLine: policy.location.line.flatMap(first.source.line))
                    }
                    seen[name] = policy.location
                }
            }
            policies.append(contentsOf: filePolicies)
            loadedFiles.append(file)
            digest.update(file)
            digest.update([0])
            if let bytes = FileManager.default.contents(atPath: file) {
                digest.update(Array(bytes))
            } else if let text = BuiltinPolicyLibrary.text(of: file) {
                digest.update(Array(text.utf8))
            }
            digest.update([0])
        }
        return PolicySet(policies: policies.sorted { $0.id < $1.id }, files: loadedFiles, digest: digest.hexDigest())
    }

    /// Policies in one YAML document.
    static func policiesIn(_ document: YAMLNode) throws(LoadError) -> [Policy] {
        if document.isSequence {
            var policies: [Policy] = []
            for item in try document.sequence("a list of policies") {
                policies.append(try PolicyParser.policy(item, inheritedVersion: false))
            }
            return policies
        }
        let entries = try document.mapping("a policy or a list of policies")
        if let list = entries.first(where: { $0.key == "policies" }) {
            try document.checkKeys(entries, allowed: ["version", "policies"], section: "policy file")
            try PolicyParser.checkVersion(entries.first { $0.key == "version" }?.value, in: document)
            var policies: [Policy] = []
            for item in try list.value.sequence("a list of policies") {
                policies.append(try PolicyParser.policy(item, inheritedVersion: true))
            }
            return policies
        }
        return [try PolicyParser.policy(document, inheritedVersion: false)]
    }

    /// The kind of an Assay YAML document, from its top-level keys.
    static func classify(_ document: YAMLNode) -> AssayFileKind {
        guard let entries = try? document.mapping("") else { return .policies }
        let keys = Set(entries.map(\.key))
        if keys.contains("tests") { return .tests }
        if keys.contains("framework") && keys.contains("controls") { return .frameworkCatalog }
        if keys.contains("waivers") { return .waivers }
        if keys.contains("inputs") || keys.contains("outputs") { return .config }
        return .policies
    }

    /// YAML files under a path (the path itself when it is a file), sorted.
    public static func yamlFiles(under path: String) throws(LoadError) -> [String] {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path), BuiltinPolicyLibrary.contains(path) {
            return BuiltinPolicyLibrary.paths(under: path)
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError(.unreadable(reason: "no such file or folder"), at: SourceLocation(file: path))
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
        }
        return found.sorted()
    }
}
