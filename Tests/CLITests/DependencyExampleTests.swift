import Foundation
import Testing
import TestSupport

/// Issue 14, topics 5 and 7, on the example estate: the register's dependencies (a tier inversion,
/// a cycle, a typo), the effective RTO and composite availability through hard dependencies, the
/// SLO against the model, and the operational-documents register.
extension ExampleFiguresTests {
    static func verdicts(_ results: [String: Any], policy: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: findings(results, policy: policy).map { ($0["resource"] as? String ?? "", $0["status"] as? String ?? "") })
    }

    static func message(_ results: [String: Any], policy: String, resource: String) -> String {
        findings(results, policy: policy).first { $0["resource"] as? String == resource }?["message"] as? String ?? ""
    }

    @Test("dependencies: the inversion names both tiers, the cycle prints as a path, a typo gets a suggestion")
    func dependencies() throws {
        let results = try Self.results()
        let inversions = Self.verdicts(results, policy: "resilience.dependencies.tier_inversion")
        #expect(inversions.filter { $0.value == "fail" }.keys.sorted() == ["checkout-web", "hr-records"])
        #expect(inversions["customer-portal"] == "unknown")
        #expect(Self.message(results, policy: "resilience.dependencies.tier_inversion", resource: "checkout-web")
            == "checkout-web (tier1) hard-depends on lower-tier 'catalog-search' (tier2): it can be no more available, nor recovered sooner, than they are")
        let cycles = Self.verdicts(results, policy: "resilience.dependencies.cycle")
        #expect(cycles.filter { $0.value == "fail" }.keys.sorted() == ["analytics-lake", "hr-records"])
        #expect(cycles["customer-portal"] == "unknown")
        #expect(Self.message(results, policy: "resilience.dependencies.cycle", resource: "hr-records")
            == "hr-records is on a cycle of hard dependencies: hr-records → analytics-lake → hr-records; none of them can be recovered first")
        #expect(Self.message(results, policy: "resilience.dependencies.cycle", resource: "customer-portal")
            == "cannot be decided yet: whether customer-portal is on a dependency cycle is not known: 'customer-portal' hard-depends on 'identity-svc', which is not in the register")
        let known = Self.verdicts(results, policy: "resilience.dependencies.known")
        #expect(known.filter { $0.value == "fail" }.keys.sorted() == ["analytics-lake", "customer-portal"])
        #expect(Self.message(results, policy: "resilience.dependencies.known", resource: "customer-portal").contains("did you mean 'identity-service'?"))
    }

    @Test("effective RTO and SLO: the slowest hard dependency decides; the model's availability is printed beside the SLO")
    func effectiveRTOAndSLO() throws {
        let results = try Self.results()
        let rto = Self.verdicts(results, policy: "resilience.dependencies.effective_rto")
        #expect(rto["checkout-web"] == "fail")
        #expect(Self.message(results, policy: "resilience.dependencies.effective_rto", resource: "checkout-web").contains("(slowest: catalog-search)"))
        let slo = Self.verdicts(results, policy: "resilience.slo.model_availability")
        #expect(slo == ["payments-api": "fail", "identity-service": "pass", "checkout-web": "unknown"])
        let message = Self.message(results, policy: "resilience.slo.model_availability", resource: "payments-api")
        #expect(message.hasPrefix("payments-api: SLO 99.99 %, but the downtime model implies 99.9"), "\(message)")
        #expect(Self.message(results, policy: "resilience.slo.model_availability", resource: "checkout-web").contains("placeholder incident scenarios"))
        // The section carries the same figures, and the HTML draws the graph with its text alternative.
        let downtime = try #require((results["sections"] as? [String: Any])?["downtime"] as? [String: Any])
        let applications = downtime["applications"] as? [[String: Any]] ?? []
        let payments = try #require(applications.first { $0["id"] as? String == "payments-api" })
        let availability = try #require(payments["availability"] as? [String: Any])
        let composite = try #require(availability["composite"] as? Double)
        let own = try #require(availability["implied"] as? Double)
        let identity = try #require((applications.first { $0["id"] as? String == "identity-service" }?["availability"] as? [String: Any])?["implied"] as? Double)
        #expect(abs(composite - own * identity) < 1e-12)
        let html = try Self.run().html
        #expect(html.contains("<svg class=\"depgraph\""))
        #expect(html.contains("Cycles: analytics-lake → hr-records → analytics-lake."))
    }

    @Test("operational documents: a tier-1 application without a runbook, stale reviews and exercises, an unknown tier")
    func operationalDocuments() throws {
        let results = try Self.results()
        #expect(Self.verdicts(results, policy: "operations.runbook.present")
            == ["payments-api": "pass", "checkout-web": "pass", "customer-portal": "fail", "identity-service": "pass"])
        let review = Self.verdicts(results, policy: "operations.documents.review_age")
        #expect(review.filter { $0.value == "fail" }.keys.sorted() == ["checkout-web/failover-runbook", "payments-api/continuity-plan", "payments-api/incident-playbook"])
        #expect(review["payment-api/fraud-playbook"] == "unknown")
        let exercise = Self.verdicts(results, policy: "operations.documents.test_age")
        #expect(exercise.filter { $0.value == "fail" }.keys.sorted() == ["catalog-search/restore-runbook", "payments-api/continuity-plan"])
        #expect(Self.message(results, policy: "operations.documents.test_age", resource: "catalog-search/restore-runbook")
            == "ops.runbook catalog-search/restore-runbook of catalog-search (tier2): last exercise never, beyond its tier's cycle of 365 days")
    }
}
