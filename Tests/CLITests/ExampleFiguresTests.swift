import Foundation
import Testing
import TestSupport

/// Issue 13: the example's messages are for people, its money is annualised and carries a
/// currency, and its headline figures can be recomputed from results.json.
@Suite("the example's figures", .serialized)
struct ExampleFiguresTests {
    static func results() throws -> [String: Any] {
        let folder = Fixtures.temporaryFolder("figures")
        let json = folder.appendingPathComponent("results.json").path
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--json", json])
        #expect(output.status == 1, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
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
        // 3155.50 of 23843.42 usage spend = 13.2 %.
        #expect(message.contains("3155.50 USD of 23843.42 USD"), "\(message)")
        #expect(message.contains("13.2 %"), "\(message)")
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
