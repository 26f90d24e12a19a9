import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// SARIF, GitLab code quality and CI annotations.
@Suite("CI outputs")
struct CIReportTests {
    /// The minimal result with one finding declared in Terraform and one waived.
    static func result() -> RunResult {
        var result = ReportFixtures.minimal(failing: 3, passing: 1)
        result.findings[0].source?.declaration = DeclarationLocation(address: "module.lake.aws_s3_bucket.this[\"raw\"]",
                                                                     file: "infra/modules/lake/main.tf", line: 6)
        result.findings[1].source?.declaration = DeclarationLocation(address: "module.remote.aws_s3_bucket.this[0]")
        result.findings[2].status = .waived
        result.findings[2].waiver = AppliedWaiver(id: "waivers.yaml:3", reason: "Decommissioned on 2026-12-01", owner: "ops@acme.example",
                                                  ticket: "OPS-7", expires: CivilDate(parsing: "2026-12-31") ?? CivilDate(daysSinceEpoch: 0))
        result.policies[0].counts.move(from: .fail, to: .waived)
        return result
    }

    static func sarif(_ result: RunResult) throws -> [String: Any] {
        let bytes = try SARIFReport().render(result)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("SARIF: one rule per policy, one result per non-passing finding, fingerprints, suppressions, locations")
    func sarifShape() throws {
        let document = try Self.sarif(Self.result())
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 1)
        let rule = rules[0]
        #expect(rule["id"] as? String == "storage.encrypted")
        #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "Buckets are encrypted")
        #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.contains("Encrypt it.") == true)
        let properties = try #require(rule["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "8.0")
        #expect((properties["tags"] as? [String])?.contains("soc2/CC6.1") == true)

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3, "the passing finding has no result")
        let located = results[0]
        #expect(located["level"] as? String == "error")
        let physical = try #require(((located["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "infra/modules/lake/main.tf")
        #expect((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String == "%SRCROOT%")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 6)
        let fingerprints = try #require(located["partialFingerprints"] as? [String: String])
        #expect(fingerprints[SARIFReport.fingerprintKey] == Self.result().findings[0].fingerprint)

        let notLocated = try #require(((results[1]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((notLocated["artifactLocation"] as? [String: Any])?["uri"] as? String == "inventory.json", "not located: the input file")
        #expect((results[1]["message"] as? [String: Any])?["text"] as? String == "arn:aws:s3:::bucket-0001: bucket 1 is not encrypted (Terraform module.remote.aws_s3_bucket.this[0])")

        let suppression = try #require((results[2]["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect(suppression["status"] as? String == "accepted")
        #expect(suppression["justification"] as? String == "Decommissioned on 2026-12-01")
    }

    /// An unknown verdict has several causes (a value Terraform knows only after apply, a
    /// resource the inputs do not include): the SARIF text says "unknown" and leaves the cause to
    /// the finding's message instead of claiming apply for every one.
    @Test("SARIF: an unknown finding says unknown and keeps the message's cause")
    func sarifUnknownWording() throws {
        var result = Self.result()
        result.findings[1].status = .unknown
        result.findings[1].message = "the replica's key is not among the inputs"
        let results = try #require((try Self.sarif(result)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let text = try #require((results[1]["message"] as? [String: Any])?["text"] as? String)
        #expect(text == "Unknown on arn:aws:s3:::bucket-0001: the replica's key is not among the inputs (Terraform module.remote.aws_s3_bucket.this[0])")
        #expect(!text.contains("apply"))
        #expect(results[1]["level"] as? String == "note")
    }

    @Test("SARIF levels: blocking is error, below fail-on warning, advisory and info note", arguments: [
        (Severity.high, Enforcement.hard, Severity.high, "error"), (.medium, .hard, .high, "warning"), (.critical, .advisory, .high, "note"),
        (.info, .hard, .low, "note"), (.low, .soft, .low, "error"),
    ])
    func levels(severity: Severity, enforcement: Enforcement, failOn: Severity, expected: String) throws {
        var result = ReportFixtures.minimal(failing: 1)
        result.failOn = failOn
        result.findings[0].severity = severity
        result.findings[0].enforcement = enforcement
        let run = try #require((try Self.sarif(result)["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [[String: Any]])?.first?["level"] as? String == expected)
    }

    @Test("security-severity follows GitHub's bands", arguments: zip(Severity.allCases, ["1.0", "3.0", "5.5", "8.0", "9.5"]))
    func securitySeverity(severity: Severity, expected: String) {
        #expect(SARIFReport.securitySeverity(severity) == expected)
    }

    @Test("SARIF is byte-identical for identical results and percent-encodes paths")
    func deterministic() throws {
        var result = Self.result()
        result.findings[1].source = SourceReference(file: "my exports/inventory #1.json")
        #expect(try SARIFReport().render(result) == SARIFReport().render(result))
        let run = try #require((try Self.sarif(result)["runs"] as? [[String: Any]])?.first)
        let location = ((run["results"] as? [[String: Any]])?[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "my%20exports/inventory%20%231.json")
    }

    @Test("the SARIF passes the external checker", .enabled(if: Fixtures.hasShared, "../shared is absent"))
    func externalChecker() throws {
        let file = Fixtures.temporaryFolder("sarif-check").appendingPathComponent("results.sarif")
        try Data(try SARIFReport().render(Self.result())).write(to: file)
        let checker = try #require(Fixtures.shared).appendingPathComponent("checkers/check-sarif.py").path
        let output = try ExternalProcess.python([checker, file.path])
        let text = output.stdout + output.stderr
        try #require(!text.contains("missing Python package"), "jsonschema is not installed: pip install jsonschema")
        #expect(output.status == 0, "\(text)")
    }

    @Test("GitLab code quality: failing findings with GitLab's fields and severities")
    func gitlabCodeQuality() throws {
        let bytes = try GitLabCodeQualityReport().render(Self.result())
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        #expect(issues.count == 2, "failing only: not the waived or passing ones")
        #expect(issues[0]["check_name"] as? String == "storage.encrypted")
        #expect(issues[0]["severity"] as? String == "critical")
        #expect(issues[0]["fingerprint"] as? String == Self.result().findings[0].fingerprint)
        let location = try #require(issues[0]["location"] as? [String: Any])
        #expect(location["path"] as? String == "infra/modules/lake/main.tf")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 6)
        #expect(((issues[1]["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 1, "no line known: line 1")
        #expect(issues.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
    }

    @Test("annotations in each CI's syntax, for blocking findings only")
    func annotationSyntax() {
        let result = Self.result()
        let github = CIAnnotations(system: .github).lines(result)
        #expect(github.count == 2)
        #expect(github[0] == "::error file=infra/modules/lake/main.tf,line=6,title=storage.encrypted (high)::arn:aws:s3:::bucket-0000: bucket 0 is not encrypted")
        #expect(github[1] == "::error file=inventory.json,title=storage.encrypted (high)::arn:aws:s3:::bucket-0001: bucket 1 is not encrypted")
        let azure = CIAnnotations(system: .azure).lines(result)
        #expect(azure[0] == "##vso[task.logissue type=error;sourcepath=infra/modules/lake/main.tf;linenumber=6;code=storage.encrypted]"
            + "storage.encrypted (high): arn:aws:s3:::bucket-0000: bucket 0 is not encrypted")
        let gitlab = CIAnnotations(system: .gitlab).lines(result)
        #expect(gitlab[0] == "infra/modules/lake/main.tf:6: error: storage.encrypted (high): arn:aws:s3:::bucket-0000: bucket 0 is not encrypted")
    }

    @Test("annotation escaping: %, CR, LF everywhere; `:` and `,` in GitHub properties; `;` and `]` in Azure properties")
    func annotationEscaping() {
        var finding = Self.result().findings[0]
        finding.message = "50% done,\r\nnext: a;b]"
        finding.source?.declaration?.location?.file = "a:b,c;d].tf"
        #expect(CIAnnotations(system: .github).line(finding)
            == "::error file=a%3Ab%2Cc;d].tf,line=6,title=storage.encrypted (high)::arn:aws:s3:::bucket-0000: 50%25 done,%0D%0Anext: a;b]")
        #expect(CIAnnotations(system: .azure).line(finding)
            == "##vso[task.logissue type=error;sourcepath=a:b,c%3Bd%5D.tf;linenumber=6;code=storage.encrypted]"
            + "storage.encrypted (high): arn:aws:s3:::bucket-0000: 50%AZP25 done,%0D%0Anext: a;b]")
        #expect(!CIAnnotations(system: .gitlab).line(finding).contains("\n"))
    }

    @Test("CI detection from the systems' own variables", arguments: [
        (["GITHUB_ACTIONS": "true"], CIAnnotations.System.github), (["GITLAB_CI": "true"], .gitlab), (["TF_BUILD": "True"], .azure),
    ])
    func detection(environment: [String: String], expected: CIAnnotations.System) {
        #expect(CIAnnotations.System.detected(in: environment) == expected)
    }

    @Test("no CI variables, no annotations")
    func noDetection() {
        #expect(CIAnnotations.System.detected(in: ["GITHUB_ACTIONS": "", "CI": "true"]) == nil)
    }

    @Test("the declaration round-trips through the results JSON")
    func declarationRoundTrip() throws {
        let result = Self.result()
        let decoded = try RunResultCodec.decode(try JSONParser.parse(Array(JSONWriter.pretty(RunResultCodec.encode(result)).utf8)))
        #expect(decoded.findings[0].source?.declaration == result.findings[0].source?.declaration)
        #expect(decoded.findings[1].source?.declaration == result.findings[1].source?.declaration)
    }
}
