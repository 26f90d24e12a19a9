import Foundation
import Testing
import TestSupport

/// Issue 13: the example's messages are for people, its money is annualised and carries a
/// currency, and its headline figures can be recomputed from results.json.
@Suite("the example's figures", .serialized)
struct ExampleFiguresTests {
    static func results(_ extra: [String] = []) throws -> [String: Any] {
        try run(extra).results
    }

    /// The plain example run, made once for the suite (it is serialized).
    nonisolated(unsafe) static var plainRun: (results: [String: Any], html: String, markdown: String)?

    /// Runs the example into a temporary folder: results.json, the HTML report and the Markdown summary.
    static func run(_ extra: [String] = []) throws -> (results: [String: Any], html: String, markdown: String) {
        if extra.isEmpty, let plainRun { return plainRun }
        let produced = try runAnew(extra)
        if extra.isEmpty { plainRun = produced }
        return produced
    }

    static func runAnew(_ extra: [String]) throws -> (results: [String: Any], html: String, markdown: String) {
        let folder = Fixtures.temporaryFolder("figures")
        let json = folder.appendingPathComponent("results.json").path
        let html = folder.appendingPathComponent("report.html").path
        let markdown = folder.appendingPathComponent("summary.md").path
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--json", json, "--html", html, "--markdown", markdown] + extra)
        #expect(output.status == 1, "\(output.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        return (results, try String(contentsOfFile: html, encoding: .utf8), try String(contentsOfFile: markdown, encoding: .utf8))
    }

    static func findings(_ results: [String: Any], policy: String) -> [[String: Any]] {
        (results["findings"] as? [[String: Any]] ?? []).filter { $0["policy"] as? String == policy }
    }

    @Test("the egress share reads as people write it: rounded %, money with its currency, the denominator stated")
    func egressShareMessage() throws {
        // The example's egress is below 15 %; a 1 % limit makes every month fail and print its message.
        let results = try Self.results(["--param", "cost.egress.share:max_egress_share=0.01"])
        let failing = Self.findings(results, policy: "cost.egress.share").filter { $0["status"] as? String == "fail" }
        #expect(!failing.isEmpty)
        let form = try Regex(#"^(\d{4}-\d{2}): egress is (\d+\.\d{2}) ([A-Z]{3}) of (\d+\.\d{2}) ([A-Z]{3}) billed in the month \((\d+\.\d) % of total billed spend; limit 1\.0 %\)$"#)
        for finding in failing {
            let message = finding["message"] as? String ?? ""
            let match = try #require(message.wholeMatch(of: form), "unreadable: \(message)")
            let egress = Double(String(match.output[2].substring ?? "")) ?? -1
            let total = Double(String(match.output[4].substring ?? "")) ?? -1
            #expect(match.output[3].substring == match.output[5].substring, "two currencies in: \(message)")
            let printed = Double(String(match.output[6].substring ?? "")) ?? -1
            #expect(abs(printed - (egress / total * 1000).rounded() / 10) < 0.05, "the share does not agree with its amounts: \(message)")
        }
    }

    @Test("missing-tag failures name the missing tags, and only those")
    func missingTagsNamed() throws {
        let results = try Self.results()
        let policy = try #require((results["policies"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "tagging.required_keys" })
        let required = Set((policy["params"] as? [String: Any])?["required_tags"] as? [String] ?? [])
        let failing = Self.findings(results, policy: "tagging.required_keys").filter { $0["status"] as? String == "fail" }
        #expect(!failing.isEmpty && required.count == 5)
        let form = try Regex(#"is missing tags: ([a-z, -]+) \(it has: ([^)]*)\)$"#)
        for finding in failing {
            let message = finding["message"] as? String ?? ""
            let match = try #require(message.firstMatch(of: form), "the missing tags are not named: \(message)")
            let missing = Set(String(match.output[1].substring ?? "").components(separatedBy: ", "))
            let has = Set(String(match.output[2].substring ?? "").components(separatedBy: ", "))
            #expect(!missing.isEmpty && missing.isSubset(of: required), "\(message)")
            #expect(missing.isDisjoint(with: has), "a tag the resource has is named missing: \(message)")
            #expect(required.subtracting(missing).isSubset(of: has), "a missing tag is not named: \(message)")
        }
    }

    @Test("dr.test.cadence names each application's tier as people know it and its own cadence")
    func tierLabels() throws {
        let results = try Self.results()
        let messages = Dictionary(uniqueKeysWithValues: Self.findings(results, policy: "dr.test.cadence")
            .filter { $0["status"] as? String == "fail" }.map { ($0["resource"] as? String ?? "", $0["message"] as? String ?? "") })
        #expect(messages["checkout-web"]?.contains("(tier 1 (business critical)) has no passing full or partial DR test in the last 90 days") == true,
                "\(messages["checkout-web"] ?? "no finding")")
        #expect(messages["catalog-search"]?.contains("(tier 2 (business operational))") == true && messages["catalog-search"]?.contains("last 180 days") == true)
        #expect(messages["analytics-lake"]?.contains("(tier 3 (administrative))") == true && messages["analytics-lake"]?.contains("last 365 days") == true)
        #expect(messages.values.allSatisfy { !$0.contains("tier0") && !$0.contains("tier 0-1") }, "\(messages)")
    }

    @Test("one capability RTO per application: the finding, the DR table and the downtime model agree (catalog-search 14.25 h)")
    func oneCapabilityFigure() throws {
        let (results, html, _) = try Self.run()
        let downtime = try #require((results["sections"] as? [String: Any])?["downtime"] as? [String: Any])
        var checked = 0
        for app in downtime["applications"] as? [[String: Any]] ?? [] {
            let id = app["id"] as? String ?? ""
            let current = (app["strategies"] as? [[String: Any]])?.first { $0["current"] as? Bool == true }
            guard let effective = (current?["freshness"] as? [String: Any])?["effective_rto_hours"] as? Double, effective.isFinite,
                  let finding = Self.findings(results, policy: "dr.strategy.meets_targets").first(where: { $0["resource"] as? String == id }),
                  let message = finding["message"] as? String, !message.isEmpty else { continue }
            let match = try #require(message.firstMatch(of: try Regex(#"capability RTO ([0-9.]+) h"#)), "\(message)")
            let printed = Double(String(match.output[1].substring ?? "")) ?? -1
            #expect(abs(printed - effective) < 0.006, "\(id): the finding says \(printed) h, the model \(effective) h")
            checked += 1
        }
        #expect(checked >= 2)
        let catalog = try #require(Self.findings(results, policy: "dr.strategy.meets_targets").first { $0["resource"] as? String == "catalog-search" })
        let message = catalog["message"] as? String ?? ""
        #expect(message.contains("capability RTO 14.25 h") && message.contains("the RTO is 9.5 h (measured) × 1.5"), "\(message)")
        let table = try #require(html.range(of: "<table class=\"dr\">").map { String(html[$0.lowerBound...]) })
        let start = try #require(table.range(of: "<tr><th scope=\"row\"><code>catalog-search</code></th>"))
        let row = String(table[start.lowerBound...].prefix { $0 != "\n" })
        #expect(row.contains("4 h / 14.25 h"), "the DR table shows another RTO capability: \(row)")
    }

    @Test("framework coverage counts every control of the catalog, in JSON, HTML and Markdown")
    func frameworkCoverage() throws {
        let (results, html, markdown) = try Self.run()
        let frameworks = try #require((results["sections"] as? [String: Any])?["frameworks"] as? [String: Any])
        let iso = try #require(frameworks["iso27001_2022"] as? [String: Any])
        let coverage = try #require(iso["coverage"] as? [String: Any])
        #expect(coverage["controls"] as? Int == 93)
        let assessed = coverage["assessed"] as? Int ?? -1
        #expect(assessed > 0 && assessed < 93)
        #expect(abs((coverage["share"] as? Double ?? -1) - Double(assessed) / 93) < 0.0001)
        let status = iso["control_status"] as? [String: String] ?? [:]
        #expect(status.count == 93 && status["A.7.1"] == "not assessed by Assay")
        #expect(status.values.filter { ["pass", "fail", "partial"].contains($0) }.count == assessed)
        #expect(coverage["not_assessed_by_assay"] as? Int == status.values.filter { $0 == "not assessed by Assay" }.count)
        let soc2 = try #require((frameworks["soc2"] as? [String: Any])?["coverage"] as? [String: Any])
        #expect(soc2["controls"] as? Int == 38)
        #expect(html.contains("78 controls not assessed by Assay") || html.contains("controls not assessed by Assay</summary>"))
        #expect(html.contains("<li><code>A.7.1</code> Physical security perimeters</li>"))
        let percent = String(format: "%.1f%%", Double(assessed) / 93 * 100)
        #expect(html.contains("Coverage \(percent): \(assessed) of 93 controls assessed"), "no coverage figure for ISO in the HTML report")
        #expect(markdown.contains("### Framework coverage"))
        #expect(markdown.contains("| ISO/IEC 27001:2022 Annex A | \(percent) | \(assessed) of 93 |"), "\(markdown)")
    }

    @Test("residency.backup.copies judges the backup plan by the register's class of the data it protects")
    func backupCopiesUseTheRegister() throws {
        let results = try Self.results()
        let findings = Self.findings(results, policy: "residency.backup.copies")
        // acme-prod-daily is tagged `internal` but protects payments-api (restricted): assessed, and its
        // copies to eu-central-1 (EU) pass on the copy actions' destinations.
        let plan = try #require(findings.first { ($0["resource"] as? String ?? "").contains("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9") }, "\(findings)")
        #expect(plan["status"] as? String == "pass")
    }

    @Test("no message prints a float with more than four decimals, a JSON object, or a quoted amount")
    func readableMessages() throws {
        let findings = try Self.results()["findings"] as? [[String: Any]] ?? []
        #expect(!findings.isEmpty)
        let longFloat = try Regex("[0-9]\\.[0-9]{5,}")
        for finding in findings {
            let message = finding["message"] as? String ?? ""
            #expect(message.firstMatch(of: longFloat) == nil, "raw float in: \(message)")
            #expect(!message.contains("{\""), "JSON object in: \(message)")
            #expect(message.firstMatch(of: try Regex("\"[0-9]+(\\.[0-9]+)?\"")) == nil, "quoted number in: \(message)")
        }
    }

    @Test("the untagged share states its denominator and agrees with the message")
    func untaggedShare() throws {
        let findings = try Self.results()["findings"] as? [[String: Any]] ?? []
        let failing = try #require(findings.first { $0["policy"] as? String == "cost.untagged.share" && $0["status"] as? String == "fail" })
        let message = failing["message"] as? String ?? ""
        #expect(message.contains("usage spend"), "\(message)")
        // 3156.92 of 23844.84 usage spend = 13.2 % (the DR bucket's and key's 1.42 USD carry no application tag).
        #expect(message.contains("3156.92 USD of 23844.84 USD"), "\(message)")
        #expect(message.contains("13.2 %"), "\(message)")
    }

    @Test("commitments and idle DR: October's utilisation and coverage from the CUR, the unbilled DR bucket, unknowns with reasons")
    func commitmentsAndIdleDR() throws {
        let findings = try Self.results()["findings"] as? [[String: Any]] ?? []
        func finding(_ policy: String, _ resource: String) -> [String: Any]? {
            findings.first { $0["policy"] as? String == policy && $0["resource"] as? String == resource }
        }
        // (590 RI + 550 savings plan used) / (1140 + 450 unused) = 71.7 %.
        let utilisation = try #require(finding("cost.commitments.utilisation", "cost:2026-10:all:USD"))
        #expect(utilisation["status"] as? String == "fail")
        #expect((utilisation["message"] as? String)?.contains("71.7 % used (450.00 USD of 1590.00 USD") == true, "\(utilisation)")
        // The EUR spend comes from a FOCUS export without CommitmentDiscountStatus.
        let euro = try #require(finding("cost.commitments.utilisation", "cost:2026-10:all:EUR"))
        #expect(euro["status"] as? String == "unknown")
        #expect((euro["message"] as? String)?.contains("CommitmentDiscountStatus") == true)
        let databases = try #require(finding("cost.commitments.coverage", "cost:2026-10:service_category=Databases:USD"))
        #expect((databases["message"] as? String)?.contains("972.00 of 4812.48 USD") == true, "\(databases)")
        #expect(finding("cost.dr.idle_resources", "arn:aws:s3:::acme-analytics-lake-us")?["status"] as? String == "fail")
        #expect(finding("cost.dr.idle_resources", "arn:aws:s3:::acme-payments-ledger-dr")?["status"] as? String == "pass")
        let gcp = try #require(finding("cost.dr.idle_resources", "//storage.googleapis.com/acme-payments-dr-exports"))
        #expect(gcp["status"] as? String == "unknown")
    }

    @Test("DR spend from billing is annualised and stated; several currencies are converted with the config's rate, never estimated")
    func drSpend() throws {
        let downtime = try #require((try Self.results()["sections"] as? [String: Any])?["downtime"] as? [String: Any])
        #expect(downtime["currency"] as? String == "USD")
        let applications = downtime["applications"] as? [[String: Any]] ?? []
        func current(_ id: String) -> [String: Any]? {
            let app = applications.first { $0["id"] as? String == id }
            return (app?["strategies"] as? [[String: Any]])?.first { $0["current"] as? Bool == true }
        }
        let payments = try #require(applications.first { $0["id"] as? String == "payments-api" })
        #expect(payments["cost_basis"] as? String == "billing, 3 months annualised")
        // (940.80 + 987.84 + 1,053.70) × 12 / 3 ≈ 11,929.
        let paymentsCost = Double(current("payments-api")?["annual_run_cost"] as? String ?? "") ?? 0
        #expect(abs(paymentsCost - 11_929.35) < 0.05, "payments-api annual_run_cost \(paymentsCost)")
        let identity = try #require(applications.first { $0["id"] as? String == "identity-service" })
        #expect(identity["cost_source"] as? String == "billing", "identity-service's two-currency DR spend fell back to an estimate")
        #expect((identity["cost_basis"] as? String)?.contains("converted (EUR at 1.08)") == true)
    }

    @Test("a DR capability that is only the strategy's default never passes (analytics-lake was never tested)")
    func capabilityEvidence() throws {
        let findings = try Self.results()["findings"] as? [[String: Any]] ?? []
        let finding = try #require(findings.first { $0["policy"] as? String == "dr.strategy.meets_targets" && $0["resource"] as? String == "analytics-lake" })
        #expect(finding["status"] as? String == "fail")
        #expect((finding["message"] as? String ?? "").contains("strategy_default"))
    }

    @Test("headline figures recompute from results.json")
    func headlines() throws {
        let results = try Self.results()
        let summary = try #require(results["summary"] as? [String: Any])
        let policies = results["policies"] as? [[String: Any]] ?? []
        var totals: [String: Int] = [:]
        for policy in policies {
            for (key, value) in policy["counts"] as? [String: Int] ?? [:] { totals[key, default: 0] += value }
        }
        #expect(summary["counts"] as? [String: Int] == totals)
        let score = Double(totals["pass", default: 0] + totals["waived", default: 0]) / Double(totals["evaluated", default: 1])
        #expect(abs((summary["compliance_score"] as? Double ?? -1) - score) < 0.0001)
        #expect(summary["not_applicable"] as? Int == policies.count { ($0["counts"] as? [String: Int])?["evaluated"] == 0 })
        let downtime = try #require((results["sections"] as? [String: Any])?["downtime"] as? [String: Any])
        let portfolio = try #require(downtime["portfolio"] as? [String: Any])
        let applications = downtime["applications"] as? [[String: Any]] ?? []
        let eal = applications.reduce(0.0) { $0 + (Double($1["expected_annual_loss"] as? String ?? "") ?? 0) }
        #expect(abs(eal - (Double(portfolio["expected_annual_loss_current"] as? String ?? "") ?? 0)) < 0.1)
        let risk = applications.reduce(0.0) { total, app in
            let current = (app["strategies"] as? [[String: Any]])?.first { $0["current"] as? Bool == true }
            return total + (Double(current?["annualised_total_cost_of_risk"] as? String ?? "") ?? 0)
        }
        #expect(abs(risk - (Double(portfolio["total_cost_of_risk_current"] as? String ?? "") ?? 0)) < 0.1)
    }
}
