import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

@Suite("HTML report")
struct HTMLReportTests {
    private func page(_ result: RunResult, limit: Int = 50) throws -> (bytes: [UInt8], html: HTMLQuery) {
        let bytes = try HTMLReport(findingsPerPolicy: limit).render(result)
        return (bytes, try #require(HTMLQuery(bytes)))
    }

    @Test("matches the golden file")
    func golden() throws {
        let bytes = try HTMLReport().render(try ReportFixtures.rich())
        if let mismatch = GoldenFile.mismatch(bytes, golden: "Tests/ReportsTests/Goldens/rich-report.html") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("renders the same bytes twice, and after a JSON round trip")
    func deterministic() throws {
        let result = try ReportFixtures.rich()
        let first = try HTMLReport().render(result)
        #expect(first == (try HTMLReport().render(result)))
        let reread = try RunResultCodec.decode(try JSONParser.parse(try JSONReport().render(result)))
        #expect(first == (try HTMLReport().render(reread)))
    }

    @Test("evidence header: as-of, version, digest, every input's SHA-256, labels, duration")
    func evidence() throws {
        let result = try ReportFixtures.rich()
        let (_, html) = try page(result)
        let facts = html.strings("//section[@id='evidence']//dl/div/dd").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(facts.contains("2026-11-27"))
        #expect(facts.contains("0.1.0"))
        #expect(facts.contains(result.policySetDigest))
        #expect(facts.contains("12.5 s"))
        #expect(facts.contains("ci-runner-7"))
        let digests = html.strings("//section[@id='evidence']//table[caption='Input files']/tbody/tr/td[3]")
        #expect(digests == result.inputs.map(\.sha256).sorted { lhs, rhs in
            (result.inputs.first { $0.sha256 == lhs }?.path ?? "") < (result.inputs.first { $0.sha256 == rhs }?.path ?? "")
        })
        #expect(html.count("//html[@lang='en']") == 1)
        #expect(html.text("/html/head/title")?.contains("as of 2026-11-27") == true)
    }

    @Test("executive summary: verdict, score, failures by severity × enforcement, top policies, expiring waivers")
    func summary() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        let summary = "//section[@id='summary']"
        #expect(html.text("\(summary)//div[contains(@class,'verdict')]//span[contains(@class,'badge')]") == "✗ Not compliant")
        #expect(html.strings("\(summary)//p[@class='figure']").first == "55.6%")
        // Severity rows: high has 4 hard failures; medium 1 advisory (cost) + 1 soft (tagging).
        #expect(html.strings("\(summary)//table[caption='Failing findings by severity and enforcement']/tbody/tr[th='high']/td") == ["0", "0", "4", "4"])
        #expect(html.strings("\(summary)//table[caption='Failing findings by severity and enforcement']/tbody/tr[th='medium']/td") == ["1", "1", "0", "2"])
        // Top failing policies: most failing (fail + error) first, ties by severity then id.
        #expect(html.strings("\(summary)//table[thead/tr/th='Failing']/tbody/tr/th") == [
            "access.review.age", "dr.test.cadence", "tagging.required_keys", "cost.budget.monthly",
        ])
        #expect(html.count("\(summary)//table[thead/tr/th='Failing']/tbody/tr/th/a[@href='#policy-access.review.age']") == 1)
        let expiring = html.strings("\(summary)//ul/li")
        #expect(expiring.count == 1)
        #expect(expiring.first?.contains("2026-12-15") == true)
        #expect(expiring.first?.contains("(18 days)") == true)
        #expect(html.strings("\(summary)//div[@class='card']/p[@class='figure']").contains("USD 24,265.77"))
        #expect(html.strings("\(summary)//div[@class='card']/p[@class='figure']").contains("2 of 4"))
    }

    @Test("framework view: control status, failing resources, catalog titles, coverage over every catalog control, coverage matrix")
    func frameworks() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        func control(_ framework: String, _ id: String) -> [String] {
            html.strings("//h3[@id='framework-\(framework)']/following-sibling::table[1]/tbody/tr[th='\(id)']/td")
                .map { $0.split(separator: " ").joined(separator: " ") }
        }
        #expect(control("soc2", "A1.3") == ["Recovery plan testing", "dr.test.cadence", "✗ fail", "2"])
        #expect(control("soc2", "CC6.1") == ["Logical access security", "encryption.at_rest", "✓ pass", "0"])
        // CC7.2 is only in the catalog: listed as not assessed by Assay, and counted in the coverage.
        #expect(control("soc2", "CC7.2").isEmpty)
        #expect(html.strings("//h3[@id='framework-soc2']/following-sibling::details[1]/ul/li").map { $0.split(separator: " ").joined(separator: " ") }
            == ["CC7.2 System monitoring"])
        #expect(html.text("//h3[@id='framework-soc2']/following-sibling::p[1]")?.hasPrefix(
            "Coverage 83.3%: 5 of 6 controls assessed (1 pass, 4 fail, 0 partial); 0 mapped but not assessed in this run; 1 not assessed by Assay") == true,
            "\(html.text("//h3[@id='framework-soc2']/following-sibling::p[1]") ?? "no tally")")
        // Without a catalog only the mapped controls are known, and the tally says so.
        #expect(html.text("//h3[@id='framework-iso27001_2022']/following-sibling::p[1]")?.hasPrefix(
            "No coverage figure: the results hold no catalog of this framework") == true)
        #expect(control("soc2", "CC8.1") == ["Change management", "tagging.required_keys", "✗ fail", "2"])
        #expect(control("iso27001_2022", "A.8.24") == ["encryption.at_rest tagging.required_keys", "◑ partial", "2"])
        #expect(control("iso27001_2022", "A.8.15") == ["logging.retention", "– not assessed", "0"])
        // Natural order of control ids: A1.3 before CC6.1 … CC8.1.
        #expect(html.strings("//h3[@id='framework-soc2']/following-sibling::table[1]/tbody/tr/th") == [
            "A1.3", "CC6.1", "CC6.2", "CC6.3", "CC8.1",
        ])
        #expect(html.text("//h3[@id='framework-soc2']")?.hasPrefix("SOC 2 (2017 Trust Services Criteria)") == true)
        // Matrix: a column per framework, a row per mapped policy (logging maps only iso; cost maps none).
        #expect(html.strings("//table[contains(@class,'matrix')]/thead/tr/th") == [
            "Policy", "Status", "dora", "iso27001_2022", "SOC 2 (2017 Trust Services Criteria)",
        ])
        #expect(html.count("//table[contains(@class,'matrix')]/tbody/tr") == 5)
        #expect(html.strings("//table[contains(@class,'matrix')]/tbody/tr[th='dr.test.cadence']/td") == ["✗ fail", "Art.24", "—", "A1.3"])
    }

    @Test("findings: one collapsible block per policy, failing first, evidence, source and remediation")
    func findings() throws {
        let result = try ReportFixtures.rich()
        let (_, html) = try page(result)
        #expect(html.count("//details[@class='policy']") == result.policies.count)
        #expect(html.strings("//details[@class='policy']/summary/code") == [
            "access.review.age", "dr.test.cadence", "cost.budget.monthly", "tagging.required_keys", "encryption.at_rest", "logging.retention",
        ])
        #expect(html.count("//details[@class='policy' and @open]") == 4)
        let tagging = "//details[@id='policy-tagging.required_keys']"
        // Worst first: error, fail, unknown; the passing resource is only counted.
        #expect(html.strings("\(tagging)//table/tbody/tr/td[1]") == ["! error", "✗ fail", "? unknown"])
        #expect(html.strings("\(tagging)//table/tbody/tr/td[3]/code").contains("fixtures/inventory/aws-config.json#/configurationItems/3"))
        #expect(html.strings("\(tagging)//ul[@class='evidence']/li").contains { $0.contains("tags.environment is missing") })
        #expect(html.strings("\(tagging)//p[@class='remediation']").first?.contains("Add the owner and environment tags.") == true)
        #expect(html.strings("\(tagging)//p[@class='note']") == ["1 passing resource is counted, not listed."])
        let waived = html.strings("//details[@id='policy-access.review.age']//p[@class='waiver']")
        #expect(waived.first?.contains("Waived until 2026-12-15 by checkout@acme.example, ticket SEC-2291") == true)
    }

    @Test("a large result lists the first N per policy with the count of the rest")
    func truncation() throws {
        let (bytes, html) = try page(ReportFixtures.minimal(failing: 120, passing: 30), limit: 50)
        #expect(html.count("//details[@class='policy']//table/tbody/tr") == 50)
        #expect(html.strings("//details[@class='policy']//p[@class='note']").first ==
            "Showing the first 50 of 120 non-passing resources; the full list is in the JSON results and the CSV export.")
        #expect(bytes.count < 100_000)
    }

    @Test("cost review: chart beside its table, movers of the latest month, thresholds, skipped rows")
    func cost() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        let cost = "//section[@id='cost']"
        // Every chart has a table with the same months next to it.
        #expect(html.count("\(cost)//figure") == 2)
        #expect(html.count("\(cost)//figure[following-sibling::table]") == 2)
        #expect(html.count("\(cost)//figure[figcaption='Monthly cost in USD']//rect[@class='bar']") == 3)
        #expect(html.strings("\(cost)//table[caption='Monthly totals in USD']/tbody/tr/th") == ["2026-08", "2026-09", "2026-10"])
        #expect(html.strings("\(cost)//table[caption='Monthly totals in USD']/tbody/tr[th='2026-10']/td") ==
            ["24,265.77", "24,115.77", "+19.0%", "13.2%", "4.1%"])
        let movers = "\(cost)//table[starts-with(caption,'Top movers in 2026-10 (USD')]/tbody/tr"
        #expect(html.strings("\(movers)/th") == ["444455556666", "111122223333", "777788889999", "777788889999"])
        #expect(html.strings("\(movers)[1]/td") == ["Amazon EC2", "13,257.55", "15,979.63", "+2,722.08", "+20.5%"])
        #expect(html.count("\(cost)//table[starts-with(caption,'Top movers in 2026-09 (USD')]") == 0)
        #expect(html.strings("\(cost)//table[caption='Cost groups over a threshold']/tbody/tr/th") == ["cost:2026-10:environment=prod:USD"])
        #expect(html.strings("\(cost)//p[@class='warning']").first?.contains("skipped 2 malformed rows") == true)
    }

    @Test("DR readiness and downtime impact per application")
    func resilience() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        let rows = "//section[@id='dr']//table[@class='dr']/tbody/tr"
        #expect(html.strings("\(rows)/th") == ["catalog-search", "checkout-web", "legacy-reporting", "payments-api"])
        #expect(html.strings("\(rows)/td[last()]") == ["✗ not ready", "✗ not ready", "◐ waived", "✓ ready"])
        #expect(html.text("\(rows)[th='checkout-web']/td[5]") == "270 d / 90 d ✗ overdue")
        #expect(html.text("\(rows)[th='payments-api']/td[3]") == "15 min / 12.6 min ✓ meets")
        let impact = "//section[@id='downtime']//table[caption='Expected annual loss and recommendation per application']/tbody/tr"
        #expect(
            html.strings("\(impact)[th='checkout-web']/td")
                == ["tier1", "pilot light", "USD 615,504", "USD 1,480,000", "warm standby", "justified", "USD 169,504"])
        #expect(html.strings("\(impact)[th='catalog-search']/td[5]") == ["none qualifies"])
        #expect(html.count("//section[@id='downtime']//details[@class='strategy']") == 3)
        #expect(html.strings("//details[@id='downtime-payments-api']//tbody/tr/th") == ["warm standby (current)", "none", "active active"])
        // The new figures, every amount with its currency: analytic EAL, NPV, break-even, and keeping DR against none.
        let none = "//details[@id='downtime-payments-api']//tbody/tr[th='none']/td"
        #expect(html.strings(none)[2] == "USD 2,989,900 – 2,990,100")
        #expect(html.strings(none)[6] == "below USD 41,250/h")
        #expect(html.text("//details[@id='downtime-payments-api']//tbody/tr[th='warm standby (current)']/td[3]") == "USD 844,990 – 845,010")
        #expect(
            html.text("//details[@id='downtime-payments-api']/p[@class='keep-value']")
                == "Keeping warm standby rather than no DR removes USD 2,144,780 of expected loss a year for USD 576,000 a year: net USD 1,568,780 a year, ROI 2.72, NPV USD 4,042,898. It pays for itself above USD 41,250 of revenue per hour.")
        #expect(html.strings("//section[@id='downtime']/p").first?.hasPrefix("Amounts per year in USD;") == true)
    }

    @Test("the DR section draws the dependency graph: tiers as columns, inversions and cycle edges marked, a table as its text")
    func dependencyGraph() throws {
        let (bytes, html) = try page(try ReportFixtures.rich())
        let svg = "//section[@id='dr']//svg[@class='depgraph']"
        #expect(html.count(svg) == 1)
        #expect(html.strings("\(svg)/*[local-name()='text'][@class='dep-column']") == ["tier0", "tier1", "tier2", "not in the register"])
        #expect(html.strings("\(svg)//*[local-name()='text'][@class='dep-name']") == ["payments-api", "checkout-web", "catalog-search", "search-indexer <beta>"])
        // One edge per dependency: checkout-web → payments-api, → catalog-search (inversion, cycle), → search-indexer (soft); catalog-search → checkout-web (cycle).
        #expect(html.count("\(svg)/*[local-name()='path']") == 4)
        #expect(html.count("\(svg)/*[local-name()='path'][contains(@class,'dep-inversion')]") == 1)
        #expect(html.count("\(svg)/*[local-name()='path'][contains(@class,'dep-cycle')]") == 2)
        #expect(html.count("\(svg)/*[local-name()='path'][contains(@class,'dep-soft')]") == 1)
        #expect(html.count("\(svg)/*[local-name()='polygon'][@class='dep-head dep-head-inversion']") == 1)
        let summary = html.text("\(svg)/*[local-name()='desc']") ?? ""
        #expect(summary.contains("Tier inversions (a hard dependency on a lower tier): checkout-web → catalog-search."), "\(summary)")
        #expect(summary.contains("Cycles: catalog-search → checkout-web → catalog-search."), "\(summary)")
        let table = "//section[@id='dr']//table[caption='Dependencies, composite availability and effective RTO per application']/tbody/tr"
        #expect(html.strings("\(table)/th") == ["catalog-search", "checkout-web", "payments-api"])
        #expect(html.strings("\(table)[th='checkout-web']/td") == [
            "tier1", "payments-api, catalog-search", "search-indexer <beta>",
            "unknown: 'catalog-search': its availability rests on the placeholder incident scenarios (declare scenarios in the register) (99.96 % on its own)",
            "? 99.90 %: unknown", "11.88 h (slowest: catalog-search)",
            "tier inversion: catalog-search; cycle: checkout-web → catalog-search → checkout-web; unresolved: 'search-indexer <beta>' (not in the register)",
        ])
        #expect(html.strings("\(table)[th='payments-api']/td")[3...5] == ["99.98 %", "✗ misses 99.99 %", "12.6 min"])
        // The same result draws the same picture.
        #expect(try page(try ReportFixtures.rich()).bytes == bytes)
    }

    @Test("sections that did not run say so; no trends without history")
    func absentSections() throws {
        let (_, html) = try page(ReportFixtures.minimal(failing: 1))
        #expect(html.strings("//section[@id='cost']/p").first == "No billing export was part of this run, so the cost review was not run.")
        #expect(html.strings("//section[@id='downtime']/p").first?.hasPrefix("The downtime model was not run") == true)
        #expect(html.count("//section[@id='trends']") == 0)
        #expect(html.count("//a[@href='#trends']") == 0)
    }

    @Test("waiver register groups by state: expired, expiring, stale, active")
    func waivers() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        #expect(html.strings("//section[@id='waivers']/h3").map { $0.split(separator: " ").joined(separator: " ") } == [
            "✗ expired Expired", "⏳ expiring Expiring within 30 days", "– stale Stale", "✓ active Active",
        ])
        #expect(html.strings("//section[@id='waivers']//tbody/tr/td[3]") == ["<b>legacy</b> & co", "Contractor offboarding in progress",
                                                                             "Bucket being deleted", "Application retired"])
    }

    @Test("trends: score and cost per run as charts with a table")
    func trends() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        #expect(html.count("//section[@id='trends']//figure") == 3)
        #expect(html.count("//section[@id='trends']//figure[1]//circle") == 3)
        #expect(html.strings("//section[@id='trends']//table/tbody/tr/td[2]") == ["81.0%", "86.0%", "72.7%"])
        #expect(html.strings("//section[@id='trends']//table/tbody/tr[th='run-2026-11-27']/td[4]") == ["—"])
    }

    @Test("accessible: table headers scoped, charts labelled, status never colour alone")
    func accessibility() throws {
        let (_, html) = try page(try ReportFixtures.rich())
        #expect(html.count("//th[not(@scope)]") == 0)
        #expect(html.count("//h1") == 1)
        #expect(html.count("//svg[not(@role='img') or not(@aria-labelledby)]") == 0)
        // Every badge carries a word besides its symbol.
        let badges = html.strings("//span[contains(@class,'badge')]")
        #expect(!badges.isEmpty)
        #expect(badges.allSatisfy { $0.split(separator: " ").count >= 2 })
    }

    @Test("views that answer Mustache lookups themselves answer every stored property under its name")
    func lookups() {
        let badge = Badge(symbol: "✓", text: "pass", css: "st-pass")
        let evidence = FindingsView.EvidenceItem(path: "p", actual: "a", expected: "e", evidenceNote: ["n"])
        let row = FindingsView.FindingRow(resourceID: "r", resourceType: "t", findingStatus: badge, message: "m", sourceText: "s",
                                          evidence: [evidence], waiverNote: ["w"])
        let views: [(Any, (String) -> Any?)] = [(badge, badge.child(named:)), (evidence, evidence.child(named:)), (row, row.child(named:))]
        for (view, lookup) in views {
            for child in Mirror(reflecting: view).children {
                let label = child.label ?? "?"
                #expect(lookup(label) != nil, "\(type(of: view)).\(label) is not answered")
                #expect(String(describing: lookup(label) ?? "") == String(describing: child.value), "\(type(of: view)).\(label)")
            }
            #expect(lookup("noSuchName") == nil)
        }
    }

    @Test("self-contained: nothing is loaded from outside the file")
    func selfContained() throws {
        let (bytes, html) = try page(try ReportFixtures.rich())
        #expect(html.count("//*[@src or @srcset or @data or @poster]") == 0)
        #expect(html.count("//link") == 0)
        #expect(html.count("//script") == 1)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("url("))
        #expect(!text.contains("@import"))
        #expect(!text.contains("http://") && !text.contains("https://"))
    }
}
