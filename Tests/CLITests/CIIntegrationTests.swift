import Foundation
import Testing
import TestSupport

/// What a CI engineer relies on: Terraform file:line, SARIF and annotations from the binary,
/// stdout/stderr, progress, colour variables, a consistent command line.
@Suite("CI integration", .serialized)
struct CIIntegrationTests {
    static let fixture = "Tests/CLITests/Fixtures/terraform-module"

    /// `evaluate` over the Terraform fixture (three buckets without an owner tag: exit 1).
    static func evaluate(_ extra: [String] = [], environment: [String: String] = [:]) throws -> AssayProcess.Output {
        try AssayProcess.run(["evaluate", "--policies", "\(fixture)/policy.yaml", "--input", "\(fixture)/plan.json", "--as-of", "2026-11-27"] + extra,
                             environment: environment)
    }

    // MARK: - Terraform locations

    @Test("a plan with a local module: findings point at the .tf block in every report; a remote module is named as not located")
    func terraformLocations() throws {
        let folder = Fixtures.temporaryFolder("ci-tf")
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let output = try Self.evaluate(["--tf-root", "\(Self.fixture)/infra", "--json", path("r.json"), "--sarif", path("r.sarif"),
                                        "--junit", path("j.xml"), "--markdown", path("s.md"), "--html", path("r.html")])
        #expect(output.status == 1, "\(output.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("r.json")))) as? [String: Any])
        let findings = try #require(results["findings"] as? [[String: Any]])
        func declaration(_ resource: String) -> [String: Any]? {
            (findings.first { $0["resource"] as? String == resource }?["source"] as? [String: Any])?["declaration"] as? [String: Any]
        }
        let logs = try #require(declaration("arn:aws:s3:::acme-test-logs"))
        #expect(logs["file"] as? String == "\(Self.fixture)/infra/main.tf")
        #expect(logs["line"] as? Int == 22)
        #expect(logs["address"] as? String == "aws_s3_bucket.logs")
        let lake = try #require(declaration("arn:aws:s3:::acme-test-lake-raw"))
        #expect(lake["file"] as? String == "\(Self.fixture)/infra/modules/lake/main.tf", "the local module's folder")
        #expect(lake["line"] as? Int == 6)
        #expect(lake["address"] as? String == "module.lake.aws_s3_bucket.this[\"raw\"]")
        let remote = try #require(declaration("arn:aws:s3:::acme-test-remote"))
        #expect(remote["file"] == nil)
        #expect(remote["address"] as? String == "module.remote.aws_s3_bucket.this[0]")
        #expect(output.stderr.contains("warning: 1 Terraform resource(s) not located in \(Self.fixture)/infra (modules not on disk under \(Self.fixture)/infra: module.remote)"))

        let sarif = try String(contentsOfFile: path("r.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"uri\": \"\(Self.fixture)/infra/main.tf\""))
        #expect(sarif.contains("\"startLine\": 22"))
        let shown = "\(Self.fixture)/infra/main.tf:22 aws_s3_bucket.logs"
        #expect(try String(contentsOfFile: path("j.xml"), encoding: .utf8).contains(shown))
        #expect(try String(contentsOfFile: path("r.html"), encoding: .utf8).contains(shown))
        #expect(try String(contentsOfFile: path("s.md"), encoding: .utf8).contains("\(Self.fixture)/infra/main.tf:22 aws\\_s3\\_bucket.logs"))
        #expect(output.stdout.contains("(\(shown))"), "the summary names the block")
        if Fixtures.hasShared, let checker = Fixtures.shared?.appendingPathComponent("checkers/check-sarif.py").path {
            let check = try Self.python([checker, path("r.sarif")])
            if !check.output.contains("missing Python package") { #expect(check.status == 0, "\(check.output)") }
        }
    }

    @Test("without --tf-root the address is still reported; terraform_root in the config does the same as the flag")
    func addressWithoutRoot() throws {
        let folder = Fixtures.temporaryFolder("ci-tf-config")
        let plain = try Self.evaluate()
        #expect(plain.stdout.contains("(aws_s3_bucket.logs)"))
        let root = Fixtures.packageRoot.path
        Fixtures.write("""
            version: 1
            policies: [\(root)/\(Self.fixture)/policy.yaml]
            inputs: [\(root)/\(Self.fixture)/plan.json]
            terraform_root: \(root)/\(Self.fixture)/infra
            as_of: 2026-11-27
            outputs:
              sarif: results.sarif
            """, to: "assay.yaml", in: folder)
        let configured = try AssayProcess.run(["evaluate", "--config", folder.appendingPathComponent("assay.yaml").path])
        #expect(configured.status == 1, "\(configured.stderr)")
        #expect(configured.stdout.contains("\(root)/\(Self.fixture)/infra/main.tf:22 aws_s3_bucket.logs"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results.sarif").path), "outputs.sarif is written")
        let notFolder = try Self.evaluate(["--tf-root", "\(Self.fixture)/plan.json"])
        #expect(notFolder.status == 2)
        #expect(notFolder.stderr.contains("--tf-root must be the folder"))
    }

    @Test("assay report --sarif re-renders the SARIF of a saved result byte for byte")
    func reportSarif() throws {
        let folder = Fixtures.temporaryFolder("ci-report-sarif")
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        _ = try Self.evaluate(["--tf-root", "\(Self.fixture)/infra", "--json", path("r.json"), "--sarif", path("a.sarif")])
        let report = try AssayProcess.run(["report", path("r.json"), "--sarif", path("b.sarif"), "--gitlab-codequality", path("cq.json")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("a.sarif"))) == Data(contentsOf: URL(fileURLWithPath: path("b.sarif"))))
        #expect(FileManager.default.fileExists(atPath: path("cq.json")))
    }

    // MARK: - Annotations

    @Test("--annotations prints one line per blocking finding in each CI's syntax on stdout", arguments: [
        ("github", "::error file=\(fixture)/infra/main.tf,line=22,title=test.bucket.owner (high)::arn:aws:s3:::acme-test-logs: bucket"),
        ("azure", "##vso[task.logissue type=error;sourcepath=\(fixture)/infra/main.tf;linenumber=22;code=test.bucket.owner]"),
        ("gitlab", "\(fixture)/infra/main.tf:22: error: test.bucket.owner (high): arn:aws:s3:::acme-test-logs"),
    ])
    func annotations(system: String, expected: String) throws {
        let output = try Self.evaluate(["--tf-root", "\(Self.fixture)/infra", "--annotations", system.uppercased()])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").filter { $0.hasPrefix("::") || $0.hasPrefix("##vso") || $0.contains(": error: ") }
        #expect(lines.count == 3, "\(output.stdout)")
        #expect(lines.contains { $0.hasPrefix(expected) }, "\(output.stdout)")
    }

    @Test("annotations are detected from the CI's variables and can be turned off")
    func annotationDetection() throws {
        let github = try Self.evaluate(environment: ["GITHUB_ACTIONS": "true", "GITLAB_CI": "", "TF_BUILD": ""])
        #expect(github.stdout.contains("::error file=\(Self.fixture)/plan.json,title=test.bucket.owner (high)::"))
        let azure = try Self.evaluate(environment: ["GITHUB_ACTIONS": "", "GITLAB_CI": "", "TF_BUILD": "True"])
        #expect(azure.stdout.contains("##vso[task.logissue type=error;"))
        let off = try Self.evaluate(["--annotations", "none"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(!off.stdout.contains("::error"))
        let plain = try Self.evaluate(environment: ["GITHUB_ACTIONS": "", "GITLAB_CI": "", "TF_BUILD": ""])
        #expect(!plain.stdout.contains("::error") && !plain.stdout.contains("##vso"))
    }

    @Test("--gitlab-codequality writes GitLab's code-quality JSON")
    func gitlabCodeQuality() throws {
        let file = Fixtures.temporaryFolder("ci-cq").appendingPathComponent("gl-code-quality-report.json").path
        let output = try Self.evaluate(["--tf-root", "\(Self.fixture)/infra", "--gitlab-codequality", file])
        #expect(output.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]])
        #expect(issues.count == 3)
        for issue in issues {
            for key in ["description", "check_name", "fingerprint", "severity", "location"] { #expect(issue[key] != nil, "\(key) missing") }
        }
    }

    // MARK: - Streams and progress

    @Test("the summary goes to stdout, diagnostics and status lines to stderr")
    func streams() throws {
        let file = Fixtures.temporaryFolder("ci-streams").appendingPathComponent("r.json").path
        let output = try Self.evaluate(["--json", file])
        #expect(output.stdout.contains("Summary: 0 pass · 3 fail"))
        #expect(output.stdout.contains("Blocking: 3 finding(s)"))
        #expect(!output.stderr.contains("Summary:"))
        #expect(output.stderr.contains("wrote \(file)"))
        #expect(!output.stdout.contains("wrote "))
    }

    @Test("--quiet prints only errors and the blocking findings; nothing on stderr")
    func quiet() throws {
        let output = try Self.evaluate(["--quiet", "--json", Fixtures.temporaryFolder("ci-quiet").appendingPathComponent("r.json").path])
        #expect(output.status == 1)
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        #expect(!output.stdout.contains("Summary:"))
        #expect(!output.stdout.contains("assay 0."))
        #expect(output.stdout.contains("Blocking: 3"))
        let failing = try AssayProcess.run(["evaluate", "--quiet", "--input", "missing.json"])
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("error"), "errors are never silenced")
    }

    @Test("warnings are grouped and counted; --verbose lists them; --quiet drops them")
    func groupedWarnings() throws {
        let arguments = ["downtime", "--config", "fixtures/assay.yaml", "--trials", "1000"]
        let normal = try AssayProcess.run(arguments)
        #expect(normal.status == 0, "\(normal.stderr)")
        let grouped = normal.stderr.split(separator: "\n").filter { $0.contains("downtime model warnings (--verbose lists them)") }
        #expect(grouped.count == 1, "\(normal.stderr)")
        let count = Int(grouped.first?.split(separator: " ")[1] ?? "") ?? 0
        #expect(count > 1)
        let verbose = try AssayProcess.run(arguments + ["--verbose"])
        #expect(!verbose.stderr.contains("--verbose lists them"))
        #expect(verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }.count >= count)
        // Each names its application and says what it means in words (never a Swift debug form).
        #expect(verbose.stderr.contains("warning: checkout-web: pilot_light (current): annual cost exceeds"), "\(verbose.stderr)")
        #expect(!verbose.stderr.contains("Optional("), "\(verbose.stderr)")
        let quiet = try AssayProcess.run(arguments + ["--quiet"])
        #expect(!quiet.stderr.contains("warning"), "\(quiet.stderr)")
    }

    @Test("on a non-terminal a heartbeat says what is being done (interval from ASSAY_PROGRESS_SECONDS); never on stdout or with --quiet")
    func progressHeartbeat() throws {
        let arguments = ["downtime", "--config", "fixtures/assay.yaml", "--trials", "20000"]
        let output = try AssayProcess.run(arguments, environment: ["ASSAY_PROGRESS_SECONDS": "0.02"])
        #expect(output.stderr.contains("progress: "), "\(output.stderr)")
        #expect(!output.stdout.contains("progress: "))
        let quiet = try AssayProcess.run(arguments + ["--quiet"], environment: ["ASSAY_PROGRESS_SECONDS": "0.02"])
        #expect(!quiet.stderr.contains("progress: "))
    }

    // MARK: - Colour

    static let escape = "\u{1B}["

    @Test("colour variables by their conventions (output is a pipe here)", arguments: [
        (["NO_COLOR": ""], false),
        (["NO_COLOR": "", "FORCE_COLOR": "1"], true),
        (["NO_COLOR": "", "FORCE_COLOR": ""], false),
        (["NO_COLOR": "", "CLICOLOR_FORCE": "1"], true),
        (["NO_COLOR": "", "CLICOLOR_FORCE": "0"], false),
        (["NO_COLOR": "1", "FORCE_COLOR": "1"], true),
    ])
    func colourVariables(environment: [String: String], coloured: Bool) throws {
        // --tf-root: its "not located" warning gives stderr a coloured `warning:`.
        let output = try Self.evaluate(["--tf-root", "\(Self.fixture)/infra"], environment: environment)
        #expect(output.stderr.contains("warning"))
        #expect(output.stdout.contains(Self.escape) == coloured, "\(environment)")
        #expect(output.stderr.contains(Self.escape) == coloured, "\(environment)")
    }

    @Test("on a terminal: colour by default, NO_COLOR set and non-empty turns it off, an empty NO_COLOR does not",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script(1) is absent"))
    func colourOnTerminal() throws {
        func underTerminal(_ noColor: String?) throws -> String {
            let command = [AssayProcess.binary.path, "evaluate", "--policies", "\(Self.fixture)/policy.yaml", "--input", "\(Self.fixture)/plan.json",
                           "--as-of", "2026-11-27"].joined(separator: " ")
            var environment = ["TERM": "xterm", "FORCE_COLOR": "", "CLICOLOR_FORCE": ""]
            environment["NO_COLOR"] = noColor ?? ""
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            process.currentDirectoryURL = Fixtures.packageRoot
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            if noColor == nil { env.removeValue(forKey: "NO_COLOR") }
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try underTerminal(nil).contains(Self.escape), "a terminal gets colour")
        #expect(try underTerminal("").contains(Self.escape), "an empty NO_COLOR is not set (no-color.org)")
        #expect(try !underTerminal("1").contains(Self.escape))
    }

    // MARK: - Command line

    static let commands: [[String]] = [
        ["evaluate"], ["validate"], ["explain"], ["test"], ["cost"], ["downtime"], ["report"], ["version"],
        ["history", "list"], ["history", "show"], ["history", "diff"], ["history", "verify"],
    ]

    @Test("every command: --quiet and --verbose, examples and exit codes in --help", arguments: commands)
    func helpIsConsistent(command: [String]) throws {
        let help = try AssayProcess.run(command + ["--help"])
        #expect(help.status == 0)
        for text in ["--quiet", "--verbose", "Examples:", "Exit codes:"] { #expect(help.stdout.contains(text), "\(command) --help lacks \(text)") }
    }

    @Test("the same placeholders for the same options", arguments: [["evaluate"], ["cost"], ["downtime"], ["validate"]])
    func placeholders(command: [String]) throws {
        let help = try AssayProcess.run(command + ["--help"]).stdout
        for (option, placeholder) in [("--input", "<path>"), ("--as-of", "<YYYY-MM-DD>"), ("--config", "<file>")] where help.contains(option + " <") {
            #expect(help.contains("\(option) \(placeholder)"), "\(command): \(option) is not \(placeholder)")
        }
    }

    /// A run without reports keeps no passing findings (nothing would read them), which must not
    /// change what it prints; with a report in `list` mode the passes are all there.
    @Test("a run without reports prints the same in list and summary mode; a report still lists the passes")
    func passesWithoutReports() throws {
        func evaluate(_ extra: [String]) throws -> AssayProcess.Output {
            try AssayProcess.run(["evaluate", "--policies", "policies", "--input", "fixtures/inventory/aws-config-snapshot.json",
                                  "--as-of", "2026-11-27"] + extra)
        }
        let list = try evaluate(["--passing", "list"])
        let summary = try evaluate(["--passing", "summary"])
        #expect(list.status == summary.status)
        #expect(list.stdout == summary.stdout)
        #expect(list.stdout.contains("Summary: "), "\(list.stdout)")
        let folder = Fixtures.temporaryFolder("ci-passes")
        let report = folder.appendingPathComponent("r.json").path
        _ = try evaluate(["--passing", "list", "--json", report])
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let findings = try #require(results["findings"] as? [[String: Any]])
        let passes = findings.filter { $0["status"] as? String == "pass" }.count
        let summaryLine = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("Summary: ") })
        #expect(passes > 0)
        #expect(summaryLine.hasPrefix("Summary: \(passes) pass "), "\(summaryLine)")
    }

    @Test("enumerations are case-insensitive")
    func caseInsensitive() throws {
        let output = try Self.evaluate(["--fail-on", "CRITICAL", "--passing", "Summary"])
        #expect(output.status == 0, "high findings do not fail at critical: \(output.stderr)")
        let bad = try Self.evaluate(["--fail-on", "severe"])
        #expect(bad.status == 2)
    }

    @Test("an unknown option is reported once, before missing arguments, with a suggestion only when close")
    func unknownOptions() throws {
        let far = try AssayProcess.run(["evaluate", "--output", "x"])
        #expect(far.status == 2)
        #expect(far.stderr.hasPrefix("error: unknown option '--output'"), "\(far.stderr)")
        #expect(!far.stderr.contains("did you mean"), "'--input' is not close to '--output'")
        #expect(!far.stderr.contains("Error:"))
        #expect(far.stderr.components(separatedBy: "unknown option").count == 2, "reported once")
        let close = try AssayProcess.run(["evaluate", "--jsn", "x"])
        #expect(close.stderr.contains("error: unknown option '--jsn' (did you mean '--json'?)"))
        let beforeMissing = try AssayProcess.run(["report", "--output", "x"])
        #expect(beforeMissing.stderr.hasPrefix("error: unknown option '--output'"), "not the missing results argument first: \(beforeMissing.stderr)")
        let nested = try AssayProcess.run(["history", "list", "--histroy", "x"])
        #expect(nested.stderr.contains("unknown option '--histroy' (did you mean '--history'?)"))
    }

    @Test("assay version and --version print the version")
    func version() throws {
        let command = try AssayProcess.run(["version"])
        let flag = try AssayProcess.run(["--version"])
        #expect(command.status == 0 && flag.status == 0)
        #expect(command.stdout == flag.stdout)
        #expect(command.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("cost takes --config (its billing inputs, cost settings and as_of) and folders")
    func costInputs() throws {
        let configured = try AssayProcess.run(["cost", "--config", "fixtures/assay.yaml"])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("Cost review as of 2026-11-27 — 3 complete month(s)"))
        #expect(configured.stdout.contains("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz"))
        let folder = try AssayProcess.run(["cost", "--input", "fixtures/billing", "--as-of", "2026-11-27"])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stdout.contains("fixtures/billing/focus-azure-2026-08_2026-10.csv"))
        let none = try AssayProcess.run(["cost"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("give --config or at least one --input"))
    }

    @Test("action.yml's Evaluate step, run as GitHub's runner would: SARIF written, exit-code output, 'fail' honoured",
          .enabled(if: (try? ExternalProcess.python(["-c", "import yaml"]))?.status == 0, "PyYAML is absent (pre-commit brings it: pip install pre-commit)"),
          arguments: ["true", "false"])
    func compositeActionEvaluateStep(fail: String) throws {
        let folder = Fixtures.temporaryFolder("ci-action")
        let script = folder.appendingPathComponent("evaluate.sh")
        let extract = try ExternalProcess.python(["-c", """
            import sys, yaml
            action = yaml.safe_load(open(sys.argv[1]))
            step = next(s for s in action["runs"]["steps"] if s.get("id") == "run")
            assert action["runs"]["using"] == "composite" and step["shell"] == "bash"
            open(sys.argv[2], "w").write(step["run"])
            """, Fixtures.path("action.yml"), script.path])
        try #require(extract.status == 0, "\(extract.stderr)")
        let output = folder.appendingPathComponent("github-output")
        let sarif = folder.appendingPathComponent("assay.sarif")
        let run = try ExternalProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-e", script.path], in: Fixtures.packageRoot, environment: [
            "PATH": AssayProcess.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
            "GITHUB_OUTPUT": output.path, "NO_COLOR": "1",
            "ASSAY_ARGS": "--policies \(Self.fixture)/policy.yaml --input \(Self.fixture)/plan.json --as-of 2026-11-27",
            "ASSAY_SARIF": sarif.path, "ASSAY_FAIL": fail,
        ])
        #expect(run.status == (fail == "true" ? 1 : 0), "blocking findings fail the step only when fail is true: \(run.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "exit-code=1\n")
        #expect(run.stdout.contains("::error "), "GitHub annotations on stdout")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        #expect(document?["version"] as? String == "2.1.0")
    }

    @Test("shell completion is documented")
    func completionDocumented() throws {
        let readme = try String(contentsOfFile: Fixtures.path("README.md"), encoding: .utf8)
        #expect(readme.contains("--generate-completion-script"))
    }

    // MARK: - Helpers

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = try ExternalProcess.python(arguments)
        return (output.status, output.stdout + output.stderr)
    }
}
