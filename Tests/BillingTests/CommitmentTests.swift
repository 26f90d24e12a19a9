import Billing
import Foundation
import PolicyEngine
import Testing
import TestSupport

/// Commitment coverage and utilisation (docs/billing.md, "Commitments") and the usage evidence of
/// idle DR resources, from the example's CUR and from public samples (the FOCUS 1.2
/// specification's commitment-discount examples, koku's CUR test file; sources in
/// ../shared/external-data/billing/SOURCES.md and policies/PUBLIC-SAMPLES.md).
struct CommitmentTests {
    /// The `cost.commitments` object of the month-total group of one file.
    private func commitments(_ path: String, asOf: CivilDate, groupBy: [String] = []) throws -> [String: Value] {
        let scope = CostScope(groupBy: groupBy)
        var aggregator = try CostAggregator(scopes: [scope])
        try aggregator.read(path, options: BillingScanOptions(workers: 2))
        var result: [String: Value] = [:]
        for document in aggregator.documents(for: scope, asOf: asOf) {
            result[document.id] = document.document["cost"]?["commitments"]
        }
        return result
    }

    private func specExample(_ name: String) throws -> String? {
        guard let shared = Fixtures.shared else { return nil }
        return shared.appendingPathComponent("external-data/billing/focus/spec-examples-v1.2/\(name)").path
    }

    private let january2023 = CivilDate(year: 2023, month: 2, day: 15)!

    @Test("FOCUS 1.2 specification examples: utilisation from Used/Unused rows, coverage at ListCost")
    func commitmentsFromFOCUSSpecExamples() throws {
        guard let usage3 = try specExample("commitment_discount_scenarios/commitment_discount_usage_scenario_3.csv") else {
            print("skipped: ../shared is absent (FOCUS specification examples)")
            return
        }
        // 0.75 used, 0.25 unused effective cost, but the table has no ListCost (the on-demand
        // equivalent): unknown, with the reason, rather than a coverage computed from nothing.
        let scenario3 = try #require(try commitments(usage3, asOf: january2023)["cost:2023-01:all:XXX"])
        #expect(scenario3["status"] == "unknown" && scenario3["utilisation"] == .unknown)
        #expect(scenario3["unknown_reason"]?.stringValue?.contains("ListCost") == true)

        // One large VM: 3.00 list covered (Used) plus 2.25 on demand; the commitment is fully used.
        let flexiblePath = try #require(try specExample("commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv"))
        let flexible = try #require(try commitments(flexiblePath, asOf: january2023)["cost:2023-01:all:XXX"])
        #expect(flexible["utilisation"] == .number(1))
        #expect(flexible["covered_list"] == .decimal(decimal("3.00")) && flexible["eligible_list"] == .decimal(decimal("5.25")))
        #expect(flexible["coverage"] == .number(3.0 / 5.25))

        // Nothing used: 0 %, not unknown; the Unused row is not usage, so coverage is 0 of 2.00.
        let idlePath = try #require(try specExample("commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv"))
        let idle = try #require(try commitments(idlePath, asOf: january2023)["cost:2023-01:all:XXX"])
        #expect(idle["utilisation"] == .number(0))
        #expect(idle["coverage"] == .number(0))
        #expect(idle["eligible_list"] == .decimal(decimal("2.00")))
    }

    @Test("the example CUR: RI and savings plan line item types give October's utilisation and coverage")
    func exampleCUR() throws {
        let path = Fixtures.path("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz")
        let asOf = CivilDate(year: 2026, month: 11, day: 27)!
        let total = try #require(try commitments(path, asOf: asOf)["cost:2026-10:all:USD"])
        // Used: RI effective 590 (DiscountedUsage) + SP UsedCommitment 550; unused: SP 1000 − 550, RI 0.
        #expect(total["used"] == .decimal(decimal("1140")) && total["unused"] == .decimal(decimal("450")))
        #expect(total["utilisation"] == .number(1140.0 / 1590.0))
        let byCategory = try commitments(path, asOf: asOf, groupBy: ["service_category"])
        let databases = try #require(byCategory["cost:2026-10:service_category=Databases:USD"])
        // The RI-covered db.r6g.large at its public on-demand cost, against all database usage.
        #expect(databases["covered_list"] == .decimal(decimal("972")))
        // Storage has no commitment: coverage 0 %, utilisation not applicable (null), never unknown.
        let storage = try #require(byCategory["cost:2026-10:service_category=Storage:USD"])
        #expect(storage["status"] == "none" && storage["coverage"] == .number(0) && storage["utilisation"] == .null)
    }

    @Test("an export without commitment columns makes coverage and utilisation unknown, with the reason")
    func exportWithoutCommitmentColumns() throws {
        let path = Fixtures.path("fixtures/billing/focus-azure-2026-08_2026-10.csv")  // FOCUS without CommitmentDiscountStatus
        let total = try #require(try commitments(path, asOf: CivilDate(year: 2026, month: 11, day: 27)!)["cost:2026-10:all:EUR"])
        #expect(total["status"] == "unknown")
        #expect(total["coverage"] == .unknown && total["utilisation"] == .unknown)
        #expect(total["unknown_reason"]?.stringValue?.contains("CommitmentDiscountStatus") == true)
    }

    @Test("idle DR evidence from koku's public CUR: billed resources, unbilled ones, accounts without billing")
    func resourceUsageFromKokuCUR() throws {
        guard let shared = Fixtures.shared else {
            print("skipped: ../shared is absent (koku CUR sample)")
            return
        }
        let path = shared.appendingPathComponent("external-data/billing/aws-cur/koku_test_cur.csv").path
        let scope = CostScope(groupBy: BillingResourceUsage.groupBy, lastMonths: 3)
        var aggregator = try CostAggregator(scopes: [scope])
        try aggregator.read(path)
        let asOf = CivilDate(year: 2018, month: 7, day: 10)!
        let usage = BillingResourceUsage(groups: aggregator.groups(groupBy: BillingResourceUsage.groupBy), asOf: asOf, months: 3)
        func resource(_ id: String, account: String, environment: String = "dr") -> Resource {
            var tags = Fields()
            tags["environment"] = .string(environment)
            var fields = Fields()
            fields["provider"] = .string("aws")
            fields["account"] = .string(account)
            fields["native_id"] = .string(id)
            fields["tags"] = .object(tags)
            return Resource(id: id, type: "compute.instance", document: .object(fields), source: SourceReference(file: "inventory.json"))
        }
        var resources = [
            resource("i-16847552", account: "6838635603105"), resource("i-00000000", account: "6838635603105"),
            resource("i-16847552", account: "999999999999"), resource("i-83276392", account: "6838635603105", environment: "prod"),
        ]
        usage.annotate(&resources, environmentTag: "environment", drEnvironment: "dr")
        #expect(resources[0].document["billing"]?["usage_charges"] == true)
        #expect(resources[1].document["billing"]?["usage_charges"] == false)
        #expect(resources[2].document["billing"]?["usage_charges"] == .unknown)
        #expect(resources[2].document["billing"]?["usage_unknown_reason"]?.stringValue?.contains("999999999999") == true)
        #expect(resources[3].document["billing"] == nil)
        #expect(resources[0].document["billing"]?["window"] == "2018-04 to 2018-06")

        // Without billing exports nothing is called idle.
        var alone = [resource("i-16847552", account: "6838635603105")]
        BillingResourceUsage(groups: nil, asOf: asOf, months: 3).annotate(&alone, environmentTag: "environment", drEnvironment: "dr")
        #expect(alone[0].document["billing"]?["usage_charges"] == .unknown)
    }
}
