import Foundation
import Testing
import TestSupport

@Suite("assay end to end", .serialized)
struct CLITests {
    @Test("--help lists the commands and the exit codes; every command has examples")
    func help() throws {
        let output = try AssayProcess.run(["--help"])
        #expect(output.status == 0)
        for command in ["evaluate", "validate", "explain", "test"] { #expect(output.stdout.contains(command)) }
        #expect(output.stdout.contains("Exit codes"))
        for command in ["evaluate", "validate", "explain", "test"] {
            let sub = try AssayProcess.run([command, "--help"])
            #expect(sub.status == 0)
            #expect(sub.stdout.contains("Examples:"), "\(command) --help has no examples")
        }
    }

    @Test("usage errors exit 2", arguments: [["evaluate", "--bogus"], ["evaluate", "--as-of", "yesterday"], ["nonsense"],
                                              ["evaluate", "--input", "fmt:x.json"]])
    func usageErrors(arguments: [String]) throws {
        let output = try AssayProcess.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    @Test("the bundled example: JUnit and JSON written, exit 1 for its hard failures, byte-identical reruns")
    func example() throws {
        let folder = Fixtures.temporaryFolder("cli-example")
        var outputs: [[UInt8]] = []
        for run in 0..<2 {
            let junit = folder.appendingPathComponent("junit-\(run).xml").path
            let json = folder.appendingPathComponent("results-\(run).json").path
            let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--junit", junit, "--json", json])
            #expect(output.status == 1, "\(output.stderr)")
            #expect(output.stdout.contains("Blocking:"))
            outputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: junit))))
            outputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        }
        #expect(outputs[0] == outputs[2], "JUnit differs between identical runs")
        #expect(outputs[1] == outputs[3], "JSON differs between identical runs")
        let results = try JSONSerialization.jsonObject(with: Data(outputs[1])) as? [String: Any]
        #expect(results?["as_of"] as? String == "2026-11-27")
        #expect((results?["inputs"] as? [[String: Any]])?.allSatisfy { ($0["sha256"] as? String)?.count == 64 } == true)
        let findings = results?["findings"] as? [[String: Any]] ?? []
        let keys = findings.map { "\($0["policy"] ?? "")\u{0}\($0["resource"] ?? "")" }
        #expect(keys == keys.sorted(), "findings are not sorted by policy then resource")
        for key in ["policy", "resource", "resource_type", "status", "severity", "enforcement", "message", "source"] {
            #expect(findings.allSatisfy { $0[key] != nil }, "a finding lacks \(key)")
        }
        // The terminal summary counts as the results do: the blocking findings, and per policy
        // the findings beyond the five it shows.
        let summary = results?["summary"] as? [String: Any]
        let blocking = try #require(summary?["blocking"] as? Int)
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml"])
        #expect(output.stdout.contains("Blocking: \(blocking) finding(s)"), "\(output.stdout)")
        var notPassing: [String: Int] = [:]
        for finding in findings where finding["status"] as? String != "pass" { notPassing[finding["policy"] as? String ?? "", default: 0] += 1 }
        let more = notPassing.filter { $0.value > 5 }
        #expect(!more.isEmpty)
        for (policy, count) in more {
            let section = output.stdout.components(separatedBy: "  \(policy) [").dropFirst().first ?? ""
            #expect(section.contains("… and \(count - 5) more (see the JSON/JUnit report)"), "\(policy): \(count)")
        }
    }

    @Test("the example's JUnit passes the external checker",
          .enabled(if: Fixtures.hasShared && CLITests.hasPythonChecker, "../shared/checkers or its Python packages are absent"))
    func externalChecker() throws {
        let folder = Fixtures.temporaryFolder("cli-checker")
        let junit = folder.appendingPathComponent("junit.xml").path
        _ = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--junit", junit])
        let checker = try #require(Fixtures.shared).appendingPathComponent("checkers/check-junit.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker, "--strict", junit]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static var hasPythonChecker: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import lxml, xmlschema, junitparser"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test("a misspelt operator exits 2 with file:line:column, the line and a caret")
    func misspeltOperator() throws {
        let folder = Fixtures.temporaryFolder("cli-typo")
        let policy = Fixtures.write("""
            version: 1
            id: demo.typo
            title: Demo
            severity: high
            require:
              tags.owner: { exsits: true }
            """, to: "policies/typo.yaml", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", Fixtures.path("fixtures/registers/applications.yaml")])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(policy):6:17: error: unknown operator 'exsits' (did you mean 'exists'?)"))
        #expect(output.stderr.contains("  tags.owner: { exsits: true }\n                ^"))
    }

    /// The readers build a document's `source` object whole only when a policy reads it (issue
    /// 20): a policy on `source.pointer` must see every pointer, in the message too.
    @Test("a policy reading source.pointer sees each resource's pointer")
    func policyReadingSource() throws {
        let folder = Fixtures.temporaryFolder("cli-source")
        let policy = Fixtures.write("""
            version: 1
            id: demo.source
            title: Items read from the first two places
            severity: high
            applies_to: { types: [storage.bucket] }
            require:
              source.pointer: { in: [/configurationItems/0, /configurationItems/1] }
            message: "read at {{ source.pointer }} of {{ source.file }} ({{ source.format }})"
            """, to: "policies/source.yaml", in: folder)
        let input = Fixtures.path("fixtures/inventory/aws-config-snapshot.json")
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--as-of", "2026-11-27", "--json", json])
        #expect(output.status == 1, "\(output.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let findings = try #require(results["findings"] as? [[String: Any]])
        let failing = findings.filter { $0["status"] as? String == "fail" }
        #expect(!failing.isEmpty)
        for finding in failing {
            let source = try #require(finding["source"] as? [String: Any])
            let pointer = try #require(source["pointer"] as? String)
            #expect(finding["message"] as? String == "read at \(pointer) of \(input) (aws-config)", "\(finding["message"] ?? "")")
        }
    }

    @Test("a YAML syntax error exits 2 with its location")
    func yamlSyntax() throws {
        let folder = Fixtures.temporaryFolder("cli-yaml")
        let policy = Fixtures.write("version: 1\nid: a\ntitle: [unclosed\nseverity: low\n", to: "bad.yaml", in: folder)
        let output = try AssayProcess.run(["validate", "--policies", policy])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(policy):4:"))
        #expect(output.stderr.contains("YAML syntax error"))
    }

    @Test("a malformed record row names the file and row, exit 2")
    func malformedRow() throws {
        let folder = Fixtures.temporaryFolder("cli-row")
        let csv = Fixtures.write("name,tier\npay,0\ncat\n", to: "apps.csv", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", "policies", "--input", "csv:\(csv)"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(csv):3:1: error: malformed CSV: expected 2 columns"))
    }

    @Test("validate, explain and fail-on behave as documented")
    func otherCommands() throws {
        let validate = try AssayProcess.run(["validate", "--config", "fixtures/assay.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("OK:"))
        let explainPolicy = try AssayProcess.run(["explain", "dr.test.cadence"])
        #expect(explainPolicy.status == 0)
        #expect(explainPolicy.stdout.contains("cadence_days"))
        #expect(explainPolicy.stdout.contains("ISO/IEC 27001:2022 Annex A (iso27001_2022):"))
        #expect(explainPolicy.stdout.contains("A.5.30 — ICT readiness for business continuity"))
        #expect(explainPolicy.stdout.contains("CP-4 — Contingency Plan Testing"))
        let explainOperator = try AssayProcess.run(["explain", "within_days"])
        #expect(explainOperator.stdout.contains("Examples"))
        let unknown = try AssayProcess.run(["explain", "dr.test.cadense"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'dr.test.cadence'"))
        // Raising the threshold above every failing severity makes the example compliant.
        let lenient = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--fail-on", "critical", "--json",
                                            Fixtures.temporaryFolder("cli-lenient").appendingPathComponent("r.json").path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
    }

    @Test("assay test policies: every expectation of the built-in library holds, and every policy is tested")
    func libraryTests() throws {
        let output = try AssayProcess.run(["test", "policies"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("expectations hold"))
        #expect(!output.stderr.contains("policies without tests"), "\(output.stderr)")
    }

    @Test("the example's results carry the framework catalogs, and explain prints control titles")
    func frameworkCatalogs() throws {
        let json = Fixtures.temporaryFolder("cli-frameworks").appendingPathComponent("r.json").path
        _ = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--json", json])
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let frameworks = (results?["sections"] as? [String: Any])?["frameworks"] as? [String: Any]
        #expect(Set(frameworks?.keys.map { $0 } ?? []) == ["soc2", "iso27001_2022", "nist_800_53_r5", "pci_dss_4", "hipaa", "gdpr", "dora"])
        let nist = frameworks?["nist_800_53_r5"] as? [String: Any]
        #expect(nist?["title"] as? String == "NIST SP 800-53 Rev. 5")
        #expect((nist?["controls"] as? [String: String])?["SC-28"] == "Protection of Information at Rest")
        let explain = try AssayProcess.run(["explain", "encryption.at_rest.enabled", "--config", "fixtures/assay.yaml"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("SC-28(1) — Protection of Information at Rest | Cryptographic Protection"))
        #expect(explain.stdout.contains("164.312(a)(2)(iv) — Encryption and decryption"))
        #expect(explain.stdout.contains("Art.32 — Security of processing"))
        // validate warns about a mapping to a control the catalogs do not list.
        let folder = Fixtures.temporaryFolder("cli-catalog")
        Fixtures.write("version: 1\nframework: soc2\ntitle: SOC 2\ncontrols:\n  - { id: CC6.1, title: t }\n", to: "frameworks/soc2.yaml", in: folder)
        Fixtures.write("version: 1\nid: a.b\ntitle: t\nseverity: low\nframeworks: { soc2: [CC6.1, CC6.99] }\nrequire: { x: 1 }\n",
                       to: "a.yaml", in: folder)
        let validate = try AssayProcess.run(["validate", "--policies", folder.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("maps to soc2 CC6.99, which the soc2 catalog does not list"), "\(validate.stderr)")
        #expect(!validate.stderr.contains("CC6.1,"))
    }

    @Test("parameter overrides change verdicts; unknown override targets are errors")
    func params() throws {
        let folder = Fixtures.temporaryFolder("cli-params")
        let json = folder.appendingPathComponent("r.json").path
        let strict = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--json", json,
                                           "--param", "access.review.age:max_age_days={\"true\": 10, \"false\": 10}"])
        #expect(strict.status == 1)
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let policies = results?["policies"] as? [[String: Any]] ?? []
        let access = policies.first { $0["id"] as? String == "access.review.age" }
        let counts = access?["counts"] as? [String: Any]
        #expect(counts?["fail"] as? Int == 6)  // all seven are older than 10 days; one is waived
        let typo = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--param", "access.review.ag:max_age_days=1"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'access.review.age'"))
    }

    @Test("a folder input stands for every file below it, each detected on its own")
    func folderInputs() throws {
        let folder = Fixtures.temporaryFolder("cli-folder")
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports.appendingPathComponent("billing"), withIntermediateDirectories: true)
        for (source, target) in [("fixtures/inventory/azure-arg.json", "azure.json"), ("fixtures/inventory/gcp-cai.jsonl", "cai.jsonl"),
                                 ("fixtures/billing/focus-azure-2026-08_2026-10.csv", "billing/focus.csv")] {
            try FileManager.default.copyItem(atPath: Fixtures.path(source), toPath: exports.appendingPathComponent(target).path)
        }
        Fixtures.write("ignored", to: ".hidden", in: exports)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", "policies", "--input", exports.path, "--as-of", "2026-11-27", "--json", json, "--quiet"])
        #expect(output.status == 1, "\(output.stderr)")
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let formats = (results?["inputs"] as? [[String: Any]] ?? []).map { "\($0["format"] ?? "")" }
        #expect(formats == ["azure-arg", "focus", "gcp-cai"])
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try AssayProcess.run(["evaluate", "--policies", "policies", "--input", empty.path, "--as-of", "2026-11-27"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("holds no files"))
    }
}
