import Billing
import Foundation
import PolicyEngine
import Testing

/// Cost groups from hand-built lines: every figure below is computed by hand from the lines.
struct CostAggregatorTests {
    private let asOf = CivilDate(year: 2026, month: 11, day: 27)!

    private func line(_ month: Int, _ amount: String, env: String? = nil, category: ChargeCategory = .usage, egress: Bool = false, currency: String = "USD") -> CostLine {
        CostLine(
            month: BillingMonth(year: 2026, month: month)!, billingAccount: "acct", service: "EC2", chargeCategory: category,
            billedCost: decimal(amount), currency: currency, tags: env.map { ["environment": $0] } ?? [:], isEgress: egress,
            source: SourceReference(file: "bill.csv"))
    }

    private func aggregator(_ scopes: [CostScope]) throws -> CostAggregator {
        var aggregator = try CostAggregator(scopes: scopes)
        for item in [
            line(9, "100", env: "prod"), line(10, "130", env: "prod"), line(10, "20", env: "prod", egress: true),
            line(10, "-15", env: "prod", category: .credit), line(10, "-5", env: "prod", category: .refund),
            line(10, "50", env: "dr"), line(10, "50"), line(10, "10", category: .tax), line(10, "999", env: "prod", currency: "EUR"),
            line(8, "7", env: "dr"),
        ] { aggregator.add(item) }
        return aggregator
    }

    @Test func lastCompleteMonthByEnvironment() throws {
        let scope = CostScope(groupBy: ["tags.environment"])
        let documents = try aggregator([scope]).documents(for: [scope], asOf: asOf)[scope] ?? []
        // October only: USD absent/dr/prod, EUR prod.
        #expect(documents.map(\.id) == [
            "cost:2026-10:environment=prod:EUR", "cost:2026-10:environment=(absent):USD",
            "cost:2026-10:environment=dr:USD", "cost:2026-10:environment=prod:USD",
        ])
        let prod = documents[3].document
        #expect(prod["period"] == "2026-10")
        #expect(prod["tags"]?["environment"] == "prod")
        #expect(prod["cost"]?["amount"] == .decimal(decimal("150")))
        #expect(prod["cost"]?["credits"] == .decimal(decimal("-15")))
        #expect(prod["cost"]?["refunds"] == .decimal(decimal("-5")))
        #expect(prod["cost"]?["net"] == .decimal(decimal("130")))
        #expect(prod["cost"]?["previous_amount"] == .decimal(decimal("100")))
        #expect(prod["cost"]?["change_pct"] == .number(50))
        #expect(prod["cost"]?["egress_amount"] == .decimal(decimal("20")))
        #expect(prod["cost"]?["egress_share"]?.doubleValue.map { abs($0 - 20.0 / 150.0) < 1e-12 } == true)
        // USD October total amount: 130 + 20 + 50 + 50 + 10 = 260.
        #expect(prod["cost"]?["share_of_total"]?.doubleValue.map { abs($0 - 150.0 / 260.0) < 1e-12 } == true)
        let untagged = documents[1].document
        #expect(untagged.objectValue?.keys.contains("tags") == false)
        #expect(untagged["cost"]?["untagged_share"] == .number(1))  // the usage line lacks the tag; tax is not usage
        #expect(documents[2].document["cost"]?["change_pct"] == .null)  // no September DR spend
    }

    @Test func lastMonthsWidensTheWindow() throws {
        let scope = CostScope(groupBy: ["tags.environment"], lastMonths: 3)
        let documents = try aggregator([scope]).documents(for: scope, asOf: asOf)
        #expect(Set(documents.compactMap { $0.document["period"]?.stringValue }) == ["2026-08", "2026-09", "2026-10"])
        #expect(documents.first?.id == "cost:2026-08:environment=dr:USD")
    }

    @Test func untaggedShareWithoutTagDimensionsUsesAnyTag() throws {
        let scope = CostScope(groupBy: ["account"])
        let documents = try aggregator([scope]).documents(for: scope, asOf: asOf).filter { $0.document["currency"] == "USD" }
        // USD October usage: 130 + 20 + 50 (tagged) + 50 (untagged) = 250.
        #expect(documents.first?.document["cost"]?["untagged_share"]?.doubleValue.map { abs($0 - 0.2) < 1e-12 } == true)
    }

    @Test func costSectionHasTotalsMoversAndInputs() throws {
        let section = try aggregator([]).costSection(asOf: asOf, months: 2)
        #expect(section.months == ["2026-09", "2026-10"])
        let october = section.totals.first { $0.period == "2026-10" && $0.currency == "USD" }
        #expect(october?.figures.amount == decimal("260"))
        #expect(october?.figures.net == decimal("240"))
        #expect(section.topMovers.first { $0.period == "2026-10" && $0.currency == "USD" }?.change == decimal("160"))
        // The encoded section is what Reports decodes, member for member, also through JSON.
        #expect(try CostReviewSection(decoding: section.value) == section)
        #expect(try CostReviewSection(decoding: JSONParser.parse(Array(JSONWriter.compact(section.value).utf8))) == section)
    }

    @Test func unknownDimensionIsAnError() {
        #expect(throws: BillingError.unknownDimension("colour")) { try CostAggregator(scopes: [CostScope(groupBy: ["colour"])]) }
    }
}

/// Sums do not depend on the number of threads or the chunk size.
struct ThreadIndependenceTests {
    @Test func groupsAreIdenticalForAnyWorkerCountAndChunkSize() throws {
        let directory = try BillingPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("many.csv").path
        var text = "bill/BillingPeriodStartDate,lineItem/UsageAccountId,lineItem/ProductCode,lineItem/CurrencyCode,lineItem/UnblendedCost,lineItem/LineItemDescription,resourceTags/user:environment\n"
        var expected = Decimal(0)
        for index in 0..<20_000 {
            let amount = "\(index % 97).\(String(format: "%010d", index * 7919 % 10_000_000_000))"
            expected += Decimal(string: amount) ?? 0
            text += "2026-\(index % 3 == 0 ? "09" : "10")-01T00:00:00Z,acct-\(index % 13),Svc\(index % 5),USD,\(amount),\"note \(index),\nsecond line\",\(["prod", "dev", ""][index % 3])\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var results: [[CostGroupKey: CostBucket]] = []
        for (workers, chunkSize) in [(1, 1 << 20), (2, 4096), (4, 1000), (3, 65_536)] {
            var aggregator = try CostAggregator(scopes: [CostScope(groupBy: ["sub_account", "service", "tags.environment"])])
            try aggregator.read(path, options: BillingScanOptions(workers: workers, chunkSize: chunkSize))
            results.append(aggregator.groups(groupBy: ["sub_account", "service", "tags.environment"]) ?? [:])
        }
        #expect(results.allSatisfy { $0 == results[0] })
        let total = results[0].values.reduce(FixedDecimal.zero) { $0 + $1.net }
        #expect(Decimal(string: total.description) == expected)
    }
}
