public import PolicyEngine

/// Loads policy test files (`version: 1`, `tests: [...]`) found under a folder.
///
/// ```yaml
/// version: 1
/// as_of: 2026-06-30
/// tests:
///   - name: buckets must be encrypted
///     policy: encryption.at_rest.enabled
///     documents:
///       - { id: good, type: storage.bucket, encryption: { at_rest: { enabled: true } } }
///       - { id: bad, type: storage.bucket, encryption: { at_rest: { enabled: false } } }
///     expect: { good: pass, bad: fail }
/// ```
public enum PolicyTestLoader {
    static let fileKeys = ["version", "as_of", "tests"]
    static let testKeys = ["name", "policy", "as_of", "params", "documents", "waivers", "expect"]

    /// Every test case in the test files under `paths`.
    public static func load(paths: [String]) throws(LoadError) -> [PolicyTestCase] {
        var cases: [PolicyTestCase] = []
        var files: [String] = []
        for path in paths { files.append(contentsOf: try PolicySetLoader.yamlFiles(under: path)) }
        for file in Array(Set(files)).sorted() {
            for document in try YAMLNode.documents(file: file) where PolicySetLoader.classify(document) == .tests {
                cases.append(contentsOf: try parse(document))
            }
        }
        return cases
    }

    static func parse(_ document: YAMLNode) throws(LoadError) -> [PolicyTestCase] {
        let entries = try document.mapping("a test file")
        try document.checkKeys(entries, allowed: fileKeys, section: "test file")
        try PolicyParser.checkVersion(entries.first { $0.key == "version" }?.value, in: document)
        let fileAsOf = try entries.first(where: { $0.key == "as_of" })?.value.date()
        guard let tests = entries.first(where: { $0.key == "tests" }) else { throw document.error(.missingKey(key: "tests", section: "test file")) }
        var cases: [PolicyTestCase] = []
        for node in try tests.value.sequence("a list of tests") { cases.append(try testCase(node, fileAsOf: fileAsOf)) }
        return cases
    }

    static func testCase(_ node: YAMLNode, fileAsOf: CivilDate?) throws(LoadError) -> PolicyTestCase {
        let section = try node.section("a test", allowed: testKeys, name: "test")
        func entry(_ key: String) -> YAMLNode? { section.optional(key) }
        func required(_ key: String) throws(LoadError) -> YAMLNode { try section.required(key) }
        let policy = try required("policy").string("a policy id")
        guard let asOf = try entry("as_of")?.date() ?? fileAsOf else {
            throw node.error(.missingKey(key: "as_of", section: "test (or at the top of the file): tests must not depend on today's date"))
        }
        var params: [String: Value] = [:]
        if let paramNode = entry("params") {
            for item in try paramNode.mapping("a mapping of parameter: value") { params[item.key] = try item.value.value() }
        }
        var documents: [Resource] = []
        for item in try required("documents").sequence("a list of documents") {
            guard case .object(let fields) = try item.value() else { throw item.error(.wrongType(expected: "a document mapping", found: item.kindName)) }
            guard let id = fields["id"]?.keyText else { throw item.error(.missingKey(key: "id", section: "test document")) }
            guard let type = fields["type"]?.stringValue else { throw item.error(.missingKey(key: "type", section: "test document")) }
            documents.append(Resource(id: id, type: type, document: .object(fields),
                                      source: SourceReference(file: item.location.file, line: item.location.line)))
        }
        var waivers: [Waiver] = []
        if let waiverNode = entry("waivers") {
            for item in try waiverNode.sequence("a list of waivers") { waivers.append(try WaiverLoader.waiver(item)) }
        }
        var expectations: [(resource: String, verdict: PolicyTestVerdict, location: SourceLocation)] = []
        for item in try required("expect").mapping("a mapping of resource id: expected verdict") {
            expectations.append((item.key, try PolicyParser.enumeration(item.value, "expected verdict"), item.keyNode.location))
        }
        return PolicyTestCase(name: try entry("name")?.string() ?? policy, policyID: policy, asOf: asOf, params: params,
                              documents: documents, waivers: waivers, expectations: expectations, location: node.location)
    }
}
