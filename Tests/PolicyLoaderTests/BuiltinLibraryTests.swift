import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// The policy library embedded in the binary (`--policies builtin`) is `policies/`, byte for byte.
/// `ASSAY_RECORD=1 swift test --filter BuiltinLibraryTests` regenerates
/// Sources/PolicyLoader/BuiltinPolicyLibrary+Files.swift (and fails, so a recording run is never
/// mistaken for a pass).
@Suite("The embedded policy library")
struct BuiltinLibraryTests {
    static let folder = Fixtures.path("policies")
    static let generatedPath = Fixtures.path("Sources/PolicyLoader/BuiltinPolicyLibrary+Files.swift")

    /// The generated Swift source for the YAML files under policies/.
    static func generatedSource() throws -> String {
        let files = try PolicySetLoader.yamlFiles(under: folder)
        var source = """
            // GENERATED from policies/ by `ASSAY_RECORD=1 swift test --filter BuiltinLibraryTests`; do not edit.
            // BuiltinLibraryTests fails when this file differs from policies/.

            extension BuiltinPolicyLibrary {
                /// Every YAML file of policies/ (policies, tests, framework catalogs), by embedded path.
                static let files: [(path: String, text: String)] = [

            """
        for file in files {
            let relative = String(file.dropFirst(folder.count + 1))
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("\"\"\"####"), "\(relative) contains the raw-string delimiter")
            source += "        (\"builtin/\(relative)\", ####\"\"\"\n\(text)\n\"\"\"####),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test("the embedded files are policies/ (re-record after changing a policy)")
    func generatedMatchesPolicies() throws {
        let expected = try Self.generatedSource()
        let actual = (try? String(contentsOfFile: Self.generatedPath, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["ASSAY_RECORD"] == "1" {
            try expected.write(toFile: Self.generatedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.generatedPath); re-run without ASSAY_RECORD")
            return
        }
        #expect(actual == expected, "BuiltinPolicyLibrary+Files.swift is stale: run ASSAY_RECORD=1 swift test --filter BuiltinLibraryTests")
    }

    @Test("builtin loads the same policies, catalogs and tests as policies/")
    func sameLibrary() throws {
        let disk = try PolicySetLoader.load(paths: [Self.folder])
        let embedded = try PolicySetLoader.load(paths: [BuiltinPolicyLibrary.name])
        #expect(embedded.policies.map(\.id) == disk.policies.map(\.id))
        #expect(embedded.policies.count >= 38)
        #expect(embedded.files.allSatisfy { $0.hasPrefix("builtin/") })
        let diskCatalogs = try FrameworkCatalogLoader.load(paths: [Self.folder]).catalogs
        let embeddedCatalogs = try FrameworkCatalogLoader.load(paths: [BuiltinPolicyLibrary.name]).catalogs
        #expect(embeddedCatalogs.map(\.key) == diskCatalogs.map(\.key))
        #expect(embeddedCatalogs.map(\.controls.count) == diskCatalogs.map(\.controls.count))
        #expect(try PolicyTestLoader.load(paths: [BuiltinPolicyLibrary.name]).count == (try PolicyTestLoader.load(paths: [Self.folder])).count)
        // One folder of the library can be chosen too.
        #expect(try PolicySetLoader.load(paths: ["builtin/dr"]).policies.allSatisfy { $0.id.hasPrefix("dr.") })
    }
}
