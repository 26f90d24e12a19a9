import Foundation
import Testing
import TestSupport

/// One resource, one verdict: on the bundled example every report counts the same deduplicated
/// findings (console, JSON, JUnit, HTML "Top failing" and framework rows, Markdown, CSV).
@Suite("resource counts agree", .serialized)
struct ResourceCountTests {
    struct Counts: Equatable, CustomStringConvertible {
        var fail = 0
        var error = 0
        var unknown = 0
        var waived = 0
        var evaluated = 0
        var description: String { "fail \(fail) error \(error) unknown \(unknown) waived \(waived) of \(evaluated)" }
    }

    @Test("no (policy, resource) pair twice; console, JSON, JUnit, HTML, Markdown and CSV agree; drift and sources shown")
    func countsAgree() throws {
        let folder = Fixtures.temporaryFolder("cli-counts")
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--json", path("r.json"), "--junit", path("j.xml"),
                                           "--html", path("r.html"), "--markdown", path("s.md"), "--csv", path("f.csv")])
        #expect(output.status == 1, "\(output.stderr)")

        // JSON: each pair once; the policies' counts are the findings' counts.
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("r.json")))) as? [String: Any])
        let findings = results["findings"] as? [[String: Any]] ?? []
        let pairs = findings.map { "\($0["policy"] ?? "")\u{0}\($0["resource"] ?? "")" }
        #expect(Set(pairs).count == pairs.count, "repeated pairs: \(Dictionary(grouping: pairs) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        // One record, one source: a supplement folded into two records of a resource (the CAI
        // IAM-policy line of a bucket that is also planned) is listed once.
        for finding in findings {
            let sources = (finding["sources"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? "")#\($0["pointer"] ?? "")#\($0["line"] ?? "")" }
            #expect(Set(sources).count == sources.count, "\(finding["policy"] ?? "") \(finding["resource"] ?? ""): \(sources)")
        }
        var fromFindings: [String: Counts] = [:]
        for finding in findings {
            let policy = finding["policy"] as? String ?? ""
            var counts = fromFindings[policy] ?? Counts()
            counts.evaluated += 1
            switch finding["status"] as? String {
            case "fail": counts.fail += 1
            case "error": counts.error += 1
            case "unknown": counts.unknown += 1
            case "waived": counts.waived += 1
            default: break
            }
            fromFindings[policy] = counts
        }
        var fromPolicies: [String: Counts] = [:]
        for policy in results["policies"] as? [[String: Any]] ?? [] {
            let counts = policy["counts"] as? [String: Int] ?? [:]
            fromPolicies[policy["id"] as? String ?? ""] = Counts(fail: counts["fail"] ?? -1, error: counts["error"] ?? -1, unknown: counts["unknown"] ?? -1,
                                                                 waived: counts["waived"] ?? -1, evaluated: counts["evaluated"] ?? -1)
        }
        for (policy, counts) in fromPolicies where counts.evaluated > 0 {
            #expect(fromFindings[policy] == counts, "\(policy): findings \(fromFindings[policy]?.description ?? "none") vs counts \(counts)")
        }
        let summary = (results["summary"] as? [String: Any])?["counts"] as? [String: Int] ?? [:]
        #expect(summary["evaluated"] == findings.count)
        #expect(summary["fail"] == fromPolicies.values.map(\.fail).reduce(0, +))

        // Console: `FAIL  <policy> [sev, enf] N fail · E error · U unknown · W waived of T`.
        let console = output.stdout + output.stderr
        let line = try Regex(#"(?m)^\w+\s+(\S+) \[[a-z]+, [a-z]+\] (\d+) fail · (\d+) error · (\d+) unknown · (\d+) waived of (\d+)"#)
        var consoleCounts: [String: Counts] = [:]
        for match in console.matches(of: line) {
            let number = { (index: Int) in Int(match.output[index].substring ?? "") ?? -1 }
            consoleCounts[String(match.output[1].substring ?? "")] = Counts(fail: number(2), error: number(3), unknown: number(4), waived: number(5),
                                                                            evaluated: number(6))
        }
        #expect(!consoleCounts.isEmpty, "no per-policy lines on the console")
        for (policy, counts) in consoleCounts { #expect(fromPolicies[policy] == counts, "console \(policy): \(counts)") }

        // JUnit: each policy's suite counts its failures and errors (unknown verdicts are errors).
        let junit = try String(contentsOfFile: path("j.xml"), encoding: .utf8)
        let suite = try Regex(#"<testsuite name="([^"]+)"[^>]* failures="(\d+)" errors="(\d+)""#)
        var suites = 0
        for match in junit.matches(of: suite) {
            let policy = String(match.output[1].substring ?? "")
            guard let counts = fromPolicies[policy] else { continue }
            suites += 1
            #expect(Int(match.output[2].substring ?? "") == counts.fail, "JUnit failures of \(policy)")
            #expect(Int(match.output[3].substring ?? "") == counts.error + counts.unknown, "JUnit errors of \(policy)")
        }
        #expect(suites == fromPolicies.count)

        // HTML: "Top failing" rows and single-policy framework rows count failing + erroring resources.
        let html = try String(contentsOfFile: path("r.html"), encoding: .utf8)
        let top = try Regex(##"<tr><th scope="row"><a href="#policy-([^"]+)"><code>[^<]+</code></a></th><td>[^<]*</td><td>[a-z]+</td><td class="num">(\d+)</td></tr>"##)
        var topRows = 0
        for match in html.matches(of: top) {
            let policy = String(match.output[1].substring ?? "")
            topRows += 1
            #expect(Int(match.output[2].substring ?? "") == (fromPolicies[policy].map { $0.fail + $0.error } ?? -1), "HTML top failing \(policy)")
        }
        #expect(topRows > 0, "no Top failing rows found")
        let control = try Regex(##"<tr><th scope="row"><code>[^<]+</code></th><td>[^<]*</td><td><a href="#policy-([^"]+)"><code>[^<]+</code></a> </td><td>.*?</td><td class="num">(\d+)</td></tr>"##)
        var controlRows = 0
        for match in html.matches(of: control) {
            let policy = String(match.output[1].substring ?? "")
            controlRows += 1
            #expect(Int(match.output[2].substring ?? "") == (fromPolicies[policy].map { $0.fail + $0.error } ?? -1), "framework row of \(policy)")
        }
        #expect(controlRows > 0, "no single-policy framework rows found")
        // NIST SC-28 maps encryption.at_rest.enabled alone: the row and the policy agree (issue 12).
        #expect(html.contains(#"<code>encryption.at_rest.enabled</code></a> </td><td><span class="badge st-fail"><span aria-hidden="true">✗</span> fail</span></td><td class="num">\#(fromPolicies["encryption.at_rest.enabled"]?.fail ?? -1)</td>"#))

        // Markdown: the severity table's total is the number of failing findings.
        let markdown = try String(contentsOfFile: path("s.md"), encoding: .utf8)
        let failing = fromPolicies.values.map(\.fail).reduce(0, +)
        #expect(markdown.contains("| **total** |") && markdown.contains("| \(failing) |"), "Markdown total of \(failing) failing")

        // CSV: one row per finding with the same statuses, and the Terraform address column.
        let csv = try String(contentsOfFile: path("f.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(rows.count == findings.count)
        #expect(csv.hasPrefix("policy,policy_title,category,severity,enforcement,status,resource,resource_type,message,source_file,source_pointer,source_line,source_format,terraform_address,other_sources,"))
        #expect(csv.contains("aws_db_instance.legacy_reporting"))

        // The merged database: one verdict per policy, both records listed, drift reported.
        let database = findings.filter { $0["resource"] as? String == "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db" }
        #expect(Set(database.compactMap { $0["policy"] as? String }).count == database.count)
        let tagging = try #require(database.first { $0["policy"] as? String == "tagging.required_keys" })
        let sources = tagging["sources"] as? [[String: Any]] ?? []
        #expect(sources.compactMap { $0["format"] as? String } == ["aws-config", "terraform-plan"])
        #expect((sources.last?["declaration"] as? [String: Any])?["address"] as? String == "aws_db_instance.legacy_reporting")
        let drift = try #require(database.first { $0["policy"] as? String == "drift.live_matches_terraform" })
        #expect(drift["status"] as? String == "fail")
        #expect((drift["message"] as? String)?.contains("tags.owner is absent (live) vs bi-team@acme.example (desired)") == true)
        #expect(html.contains("aws_db_instance.legacy_reporting"), "the HTML lists the Terraform address among the sources")
        #expect(junit.contains("aws_db_instance.legacy_reporting ("), "the JUnit failure text lists the Terraform address among the sources")
    }

    @Test("a waiver written with a Terraform address covers the merged resource; a mistyped one is named with the close alias")
    func waiverByAddress() throws {
        let folder = Fixtures.temporaryFolder("cli-waiver-alias")
        let waivers = Fixtures.write("""
            version: 1
            waivers:
              - policy: tagging.required_keys
                resources: [aws_db_instance.legacy_reporting]
                reason: owner tag lands with the next apply
                owner: bi-team@acme.example
                expires: 2027-01-31
              - policy: resilience.database.multi_az
                resources: [aws_db_instance.legacy_reportng]
                reason: typo on purpose
                owner: bi-team@acme.example
                expires: 2027-01-31
            """, to: "waivers.yaml", in: folder)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--waivers", waivers, "--json", json])
        #expect(output.status == 1, "\(output.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let findings = results["findings"] as? [[String: Any]] ?? []
        let tagging = findings.first { $0["policy"] as? String == "tagging.required_keys"
            && $0["resource"] as? String == "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db" }
        #expect(tagging?["status"] as? String == "waived")
        #expect((output.stdout + output.stderr).contains("did you mean 'aws_db_instance.legacy_reporting'?"), "\(output.stderr)")
    }
}
