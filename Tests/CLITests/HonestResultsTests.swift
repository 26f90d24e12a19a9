import Foundation
import Testing
import TestSupport

/// Issue 13: a run that checked nothing is never green, a policy that matched nothing is "not
/// applicable" in every output, types are checked, the config is discovered and the policy
/// library is embedded in the binary.
@Suite("honest results", .serialized)
struct HonestResultsTests {
    static let bucketPolicy = """
        version: 1
        id: t.s3
        title: Buckets have an owner
        severity: high
        enforcement: hard
        applies_to: {types: [TYPE]}
        require: {tags.owner: {exists: true}}

        """

    static func folder(type: String = "aws_s3_bucket", config: String? = nil) throws -> URL {
        let folder = Fixtures.temporaryFolder("honest")
        try bucketPolicy.replacingOccurrences(of: "TYPE", with: type).write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        if let config { try config.write(to: folder.appendingPathComponent("assay.yaml"), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("a run with no input document exits 2 instead of 100 % compliant; --allow-empty allows it")
    func noInputs() throws {
        let folder = try Self.folder()
        let output = try AssayProcess.run(["evaluate", "--policies", "p.yaml", "--as-of", "2026-11-27"], in: folder)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("nothing was evaluated"))
        #expect(!output.stderr.contains("100.0%"))
        let allowed = try AssayProcess.run(["evaluate", "--policies", "p.yaml", "--as-of", "2026-11-27", "--allow-empty"], in: folder)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("nothing evaluated"))
        #expect(!allowed.stdout.contains("compliance 100"))
    }

    @Test("a config in the folder is discovered and announced; allow_empty is a config key")
    func discovery() throws {
        let folder = try Self.folder(config: "version: 1\npolicies: [p.yaml]\ninputs: []\nas_of: 2026-11-27\n")
        let output = try AssayProcess.run(["evaluate"], in: folder)
        #expect(output.stderr.contains("using config assay.yaml"), "\(output.stderr)")
        #expect(output.status == 2, "the discovered config (policies: [p.yaml], no inputs) was ignored: \(output.stderr)")
        try "version: 1\npolicies: [p.yaml]\ninputs: []\nas_of: 2026-11-27\nallow_empty: true\n"
            .write(to: folder.appendingPathComponent("assay.yaml"), atomically: true, encoding: .utf8)
        #expect(try AssayProcess.run(["evaluate"], in: folder).status == 0)
    }

    @Test("policies that match no document: exit 2 when none applies; otherwise 'not applicable' in console, JSON, JUnit, Markdown, HTML")
    func notApplicable() throws {
        let folder = try Self.folder()
        let plan = Fixtures.path("fixtures/inventory/terraform-plan.json")
        let none = try AssayProcess.run(["evaluate", "--policies", "p.yaml", "--input", plan, "--as-of", "2026-11-27"], in: folder)
        #expect(none.status == 2, "\(none.stderr)")
        #expect(none.stderr.contains("none of the 1 policies applies"))
        #expect(none.stderr.contains("storage.account"), "the message names the types the inputs hold")

        // Beside a policy that does apply, the empty one is reported as not applicable everywhere.
        try """
            version: 1
            id: t.accounts
            title: Accounts are encrypted
            severity: low
            enforcement: advisory
            applies_to: {types: [storage.account]}
            require: {encryption.at_rest.enabled: true}

            """.write(to: folder.appendingPathComponent("q.yaml"), atomically: true, encoding: .utf8)
        let output = try AssayProcess.run(["evaluate", "--policies", "p.yaml", "--policies", "q.yaml", "--input", plan, "--as-of", "2026-11-27",
                                           "--json", "r.json", "--junit", "j.xml", "--markdown", "s.md", "--html", "r.html"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let reason = "not applicable: no resource of type aws_s3_bucket"
        #expect(output.stdout.contains("t.s3: \(reason)"))
        #expect(output.stdout.contains("1 of 2 policies not applicable"))
        let json = try String(contentsOf: folder.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(json.contains("\"not_applicable\": \"\(reason)\""))
        for file in ["j.xml", "s.md", "r.html"] {
            // Markdown escapes `_` as `\_`.
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).replacingOccurrences(of: "\\", with: "")
            #expect(text.contains(reason), "\(file) does not say the policy is not applicable")
        }
    }

    @Test("validate rejects cloud-native type names with the normalized name, and unknown types",
          arguments: [("aws_s3_bucket", "storage.bucket"), ("AWS::S3::Bucket", "storage.bucket"),
                      ("Microsoft.Storage/storageAccounts/blobServices/containers", "storage.bucket"),
                      ("google_storage_bucket", "storage.bucket"), ("storage.buckett", "storage.bucket")])
    func validateTypes(type: String, normalized: String) throws {
        let folder = try Self.folder(type: "\"\(type)\"")
        let output = try AssayProcess.run(["validate", "--policies", "p.yaml"], in: folder)
        #expect(output.status == 2, "\(type): \(output.stderr)")
        #expect(output.stderr.contains("'\(normalized)'"), "\(output.stderr)")
        let good = try Self.folder(type: normalized)
        #expect(try AssayProcess.run(["validate", "--policies", "p.yaml"], in: good).status == 0)
    }

    @Test("the library is embedded: outside a clone, assay uses --policies builtin by default")
    func builtinLibrary() throws {
        let folder = Fixtures.temporaryFolder("outside-clone")
        let validate = try AssayProcess.run(["validate"], in: folder)
        #expect(validate.status == 0, "\(validate.stderr)")
        // Every policy of policies/ (the embedded copy is checked against it by BuiltinLibraryTests).
        let library = Fixtures.path("policies")
        let count = (FileManager.default.enumerator(atPath: library)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".test.yaml") && !$0.hasPrefix("frameworks") }.count
        #expect((validate.stdout + validate.stderr).contains("\(count) policies"), "\(count) policies in policies/: \(validate.stdout)")
        let plan = Fixtures.path("fixtures/inventory/terraform-plan.json")
        let run = try AssayProcess.run(["evaluate", "--input", plan, "--as-of", "2026-11-27", "--json", "r.json"], in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        let json = try String(contentsOf: folder.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(json.contains("builtin/encryption/"), "findings cite the embedded policy files")
        let explicit = try AssayProcess.run(["validate", "--policies", "builtin"], in: folder)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        let help = try AssayProcess.run(["evaluate", "--help"], in: folder)
        #expect(help.stdout.contains("builtin"), "--help does not say the default policies")
        #expect(help.stdout.contains("assay.yaml"))
    }

    @Test("a run that writes no report renders the messages it shows when it shows them: the same text the JSON report carries")
    func messagesWithoutReports() throws {
        let folder = try Self.folder()
        let resources = (1...3).map { #"{"id": "arn:aws:s3:::bucket-\#($0)", "type": "aws_s3_bucket", "region": "eu-west-1", "tags": {}}"# }
        try ("[" + resources.joined(separator: ",") + "]").write(to: folder.appendingPathComponent("inv.json"), atomically: true, encoding: .utf8)
        let arguments = ["evaluate", "--policies", "p.yaml", "--input", "inv.json", "--as-of", "2026-11-27", "--annotations", "none"]
        let bare = try AssayProcess.run(arguments, in: folder)
        let reported = try AssayProcess.run(arguments + ["--json", "r.json"], in: folder)
        #expect(bare.status == 1, "\(bare.stderr)")
        #expect(bare.stdout == reported.stdout, "the terminal differs when a report is written")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r.json"))) as? [String: Any])
        let messages = try #require(results["findings"] as? [[String: Any]]).compactMap { $0["message"] as? String }
        #expect(messages.count == 3)
        for message in messages { #expect(bare.stdout.contains(message), "the terminal lacks \(message)") }
    }
}
