import Foundation
@testable import History
import PolicyEngine
import TestSupport

/// Small run results built by hand, so every expected diff, count and trend value follows from
/// the inputs written in the test.
enum SampleRuns {
    /// One finding: policy, resource, status and the failing value (part of the fingerprint).
    struct Item {
        var policy: String
        var resource: String
        var status: Verdict = .fail
        var value: String = "off"
        var severity: Severity = .high
    }

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text) ?? CivilDate(daysSinceEpoch: 0) }

    static func money(_ text: String) -> FixedDecimal {
        (try? FixedDecimal.parse(text).get().value) ?? .zero
    }

    /// A result with one policy report per policy named by the items, counts following the statuses.
    static func result(asOf: String = "2026-11-27", _ items: [Item], cost: Value? = nil, downtime: Value? = nil,
                       labels: [String: String] = ["pipeline": "test"]) -> RunResult {
        let findings = items.map { item in
            Finding(policy: item.policy, resource: item.resource, resourceType: "bucket", status: item.status, severity: item.severity,
                    enforcement: .hard, message: "\(item.resource) is \(item.value)", source: SourceReference(file: "inventory.json", pointer: "/0"),
                    evidence: item.status == .pass ? [] : [Evidence(path: "encryption", actual: .string(item.value), expected: "equals on", status: .fail)],
                    waiver: item.status == .waived ? AppliedWaiver(id: "waivers.yaml:3", reason: "accepted", owner: "sec", ticket: nil,
                                                                  expires: date("2026-12-31")) : nil)
        }.sorted(by: Finding.precedes)
        var counts: [String: VerdictCounts] = [:]
        for finding in findings { counts[finding.policy, default: VerdictCounts()].record(finding.status) }
        let policies = counts.keys.sorted().map { id in
            PolicyReport(metadata: PolicyMetadata(id: id, title: "Policy \(id)", severity: .high, enforcement: .hard, category: "security", frameworks: [:],
                         description: "", remediation: ""), params: [:], source: "policies/\(id).yaml:1:1", counts: counts[id] ?? VerdictCounts())
        }
        var sections: [String: Value] = [:]
        if let cost { sections["cost"] = cost }
        if let downtime { sections["downtime"] = downtime }
        let waiver = Waiver(policy: "storage.encrypted", resources: ["b3"], reason: "accepted", owner: "sec", ticket: nil,
                            expires: date("2026-12-31"), location: SourceLocation(file: "waivers.yaml", line: 3, column: 1))
        return RunResult(toolVersion: "0.1.0-test", asOf: date(asOf), labels: labels, failOn: .high, passing: .list, policySetDigest: "policy-digest",
                         inputs: [InputRecord(path: "inventory.json", format: "json", sha256: String(repeating: "a", count: 64), documents: items.count)],
                         policies: policies, findings: findings, waivers: [WaiverStatus(waiver: waiver, state: .active, matched: 1, daysToExpiry: 34)],
                         sections: sections)
    }

    /// A `cost` section (`CostReviewSection`) with month totals for `months` and one mover in the last month.
    static func cost(months: [String], totals: [(period: String, currency: String, amount: String)],
                     mover: (account: String, service: String, amount: String, previous: String)? = nil) -> Value {
        let totals = totals.map { total in
            let amount = money(total.amount)
            return CostReviewSection.Total(period: total.period, currency: total.currency, figures: CostFigures(
                amount: amount, effective: amount, list: amount, credits: .zero, refunds: .zero, net: amount, previousAmount: .zero,
                changePercent: nil, shareOfTotal: 1, untaggedAmount: .zero, usageAmount: amount, untaggedShare: 0, egressAmount: .zero,
                egressShare: 0, lines: 1, commitments: nil))
        }
        let movers = [mover].compactMap { $0 }.compactMap { mover in
            months.last.map { month in
                CostReviewSection.Mover(period: month, currency: "USD", account: mover.account, service: mover.service,
                                        amount: money(mover.amount), previousAmount: money(mover.previous),
                                        change: money(mover.amount) - money(mover.previous), changePercent: nil)
            }
        }
        return CostReviewSection(asOf: "2026-11-27", months: months, requiredTags: [], inputs: [], totals: totals, topMovers: movers).value
    }

    /// A `downtime` section (docs/downtime-model.md) with one application.
    static let downtime: Value = [
        "schema_version": 1, "as_of": "2026-11-27",
        "applications": [[
            "id": "checkout-web", "tier": "tier0", "current_strategy": "backup_restore", "expected_annual_loss": .decimal(money("125000.50")),
            "p95": .decimal(money("400000")), "p99": .decimal(money("900000.25")),
            "recommendation": ["strategy": "warm_standby", "verdict": "upgrade", "net_annual_benefit": .decimal(money("35000"))],
        ]],
    ]

    /// A fresh database path in a temporary folder.
    static func databasePath(_ name: String = "history") -> String {
        Fixtures.temporaryFolder("history-\(name)").appendingPathComponent("nested/history.sqlite").path
    }

    /// Records each result in order into a new database.
    static func store(_ results: [RunResult], name: String = "history") throws -> HistoryStore {
        let store = try HistoryStore(path: databasePath(name), create: true)
        for result in results { _ = try store.record(result, context: RunContext(configFile: "assay.yaml", configSHA256: "c0ffee")) }
        return store
    }
}
