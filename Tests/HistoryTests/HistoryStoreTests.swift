import Foundation
import Testing
@testable import History
import PolicyEngine

@Suite("History: recording and reading runs")
struct HistoryStoreTests {
    typealias Item = SampleRuns.Item

    @Test("a recorded run reads back with its metadata, counts, findings, waivers, costs and downtime")
    func roundTrip() throws {
        let cost = SampleRuns.cost(months: ["2026-09", "2026-10"],
                                   totals: [("2026-09", "USD", "900"), ("2026-10", "USD", "1234.5"), ("2026-10", "EUR", "10.004")],
                                   mover: ("111122223333", "Amazon S3", "300", "200"))
        let result = SampleRuns.result([
            Item(policy: "storage.encrypted", resource: "b1"), Item(policy: "storage.encrypted", resource: "b2", status: .pass),
            Item(policy: "storage.encrypted", resource: "b3", status: .waived), Item(policy: "tagging.owner", resource: "b1", severity: .low),
        ], cost: cost, downtime: SampleRuns.downtime, labels: ["pipeline": "nightly", "estate": "acme"])
        let store = try SampleRuns.store([result])
        let run = try store.run("latest")
        #expect(run.id == "1")
        #expect(run.asOf.description == "2026-11-27")
        #expect(run.toolVersion == "0.1.0-test")
        #expect(run.configFile == "assay.yaml" && run.configSHA256 == "c0ffee")
        #expect(run.labels == ["pipeline": "nightly", "estate": "acme"])
        #expect(run.counts.evaluated == 4 && run.counts.fail == 2 && run.counts.pass == 1 && run.counts.waived == 1)
        #expect(run.blocking == 1, "the low-severity failure is below fail_on high")
        #expect(run.complianceScore == 0.5)
        #expect(run.monthlyCost == ["USD": SampleRuns.money("1234.5"), "EUR": SampleRuns.money("10.004")])
        #expect(run.previousRecordSHA256 == String(repeating: "0", count: 64))

        let details = try store.details(of: run)
        #expect(details.findings.map(\.finding) == result.findings)
        #expect(details.findings.map(\.fingerprint) == result.findings.map(\.fingerprint))
        #expect(details.inputs == result.inputs)
        #expect(details.policies.map(\.id) == ["storage.encrypted", "tagging.owner"])
        #expect(details.policies.first?.counts.fail == 1)
        #expect(details.waivers.map(\.id) == ["waivers.yaml:3"])
        let totals = details.costs.filter { $0.kind == "total" }
        #expect(totals.count == 3)
        let mover = try #require(details.costs.first { $0.kind == "mover" })
        #expect(mover.key == "account=111122223333,service=Amazon S3")
        #expect(mover.amount == SampleRuns.money("300") && mover.previousAmount == SampleRuns.money("200"))
        #expect(details.downtime.map(\.application) == ["checkout-web"])
        #expect(details.downtime.first?.expectedAnnualLoss == "125000.5")
        #expect(details.downtime.first?.recommendedStrategy == "warm_standby")
        #expect(try store.openFingerprints(of: run) == Baseline.count(result.findings.filter(\.isOpen).map(\.fingerprint)))
        #expect(try store.openFingerprints(of: run).values.reduce(0, +) == 2)
    }

    @Test("the recorded results digest is the SHA-256 of the returned result's JSON document")
    func resultsDigest() throws {
        let store = try HistoryStore(path: SampleRuns.databasePath(), create: true)
        let recorded = try store.record(SampleRuns.result([Item(policy: "p", resource: "r")]), context: RunContext())
        let document = JSONWriter.pretty(RunResultCodec.encode(recorded.result))
        #expect(recorded.run.resultsSHA256 == SHA256.hex(of: document))
        #expect(document.contains("\"history\""))
    }

    /// Records what another connection sees of the history when the store says the rows are written.
    ///
    /// Sendable: written only inside the recording transactions (one at a time, on the test's
    /// thread), read after `record` returns.
    final class CommitWatcher: RecordingObserver, @unchecked Sendable {
        var seen: [(sequence: Int, runsVisible: Int)] = []

        func rowsWritten(sequence: Int, database: String) {
            let visible = (try? HistoryStore(path: database, create: false).runs().count) ?? -1
            seen.append((sequence, visible))
        }
    }

    @Test("the recording observer is told once per run, inside the transaction: another reader does not see the run yet")
    func observerInsideTransaction() throws {
        let path = SampleRuns.databasePath("observer")
        let watcher = CommitWatcher()
        let store = try HistoryStore(path: path, create: true, observer: watcher)
        _ = try store.record(SampleRuns.result([Item(policy: "p", resource: "r")]), context: RunContext())
        _ = try store.record(SampleRuns.result([Item(policy: "p", resource: "r")]), context: RunContext())
        #expect(watcher.seen.map(\.sequence) == [1, 2])
        #expect(watcher.seen.map(\.runsVisible) == [0, 1], "the observer runs before the commit")
        #expect(try HistoryStore(path: path, create: false).runs().count == 2)
    }

    @Test("two runs: new, fixed and persisting findings by fingerprint, and the cost movers")
    func diff() throws {
        let first = SampleRuns.result(asOf: "2026-10-27", [
            Item(policy: "storage.encrypted", resource: "b1"),                 // persists
            Item(policy: "storage.encrypted", resource: "b2"),                 // fixed (passes later)
            Item(policy: "storage.encrypted", resource: "b4", value: "aes"),   // its failing value changes: fixed + new
            Item(policy: "tagging.owner", resource: "b1", status: .waived),    // waived then failing: new
            Item(policy: "tagging.owner", resource: "b9"),                     // gone from the inventory: fixed
        ], cost: SampleRuns.cost(months: ["2026-08", "2026-09"], totals: [("2026-09", "USD", "1000")],
                                 mover: ("111", "EC2", "400", "300")))
        let second = SampleRuns.result(asOf: "2026-11-27", [
            Item(policy: "storage.encrypted", resource: "b1"),
            Item(policy: "storage.encrypted", resource: "b2", status: .pass),
            Item(policy: "storage.encrypted", resource: "b4", value: "des"),
            Item(policy: "tagging.owner", resource: "b1"),
            Item(policy: "tagging.owner", resource: "b7", status: .unknown),   // new
        ], cost: SampleRuns.cost(months: ["2026-09", "2026-10"], totals: [("2026-09", "USD", "1000"), ("2026-10", "USD", "1250.25")],
                                 mover: ("111", "EC2", "650", "400")))
        let store = try SampleRuns.store([first, second])
        let diff = try store.diff(try store.run("1"), try store.run("2"))
        func keys(_ findings: [StoredFinding]) -> [String] { findings.map { "\($0.finding.policy)/\($0.finding.resource)" }.sorted() }
        #expect(keys(diff.new) == ["storage.encrypted/b4", "tagging.owner/b1", "tagging.owner/b7"])
        #expect(keys(diff.fixed) == ["storage.encrypted/b2", "storage.encrypted/b4", "tagging.owner/b9"])
        #expect(keys(diff.persisting) == ["storage.encrypted/b1"])
        #expect(diff.fixed.first { $0.finding.resource == "b4" }?.finding.evidence.first?.actual == .string("aes"))

        let total = try #require(diff.costMovers.first)
        #expect(total.kind == "total" && total.currency == "USD")
        #expect(total.fromPeriod == "2026-09" && total.toPeriod == "2026-10")
        #expect(total.change == SampleRuns.money("250.25"))
        #expect(total.changePercent.map { abs($0 - 25.025) < 1e-9 } == true)
        let mover = try #require(diff.costMovers.first { $0.kind == "mover" })
        #expect(mover.change == SampleRuns.money("250"))
        // Reversed, everything swaps sides.
        let back = try store.diff(try store.run("2"), try store.run("1"))
        #expect(keys(back.new) == keys(diff.fixed) && keys(back.fixed) == keys(diff.new))
        #expect(back.costMovers.first?.change == SampleRuns.money("-250.25"))
    }

    @Test("a recorded run as a baseline names the Terraform addresses its open findings' resources answered to")
    func baselineAliases() throws {
        var result = SampleRuns.result([
            Item(policy: "storage.encrypted", resource: "arn:aws:s3:::logs"),
            Item(policy: "storage.encrypted", resource: "b2"),
            Item(policy: "tagging.owner", resource: "arn:aws:s3:::archive", status: .waived),   // not open: not in the baseline
        ])
        for index in result.findings.indices where result.findings[index].resource.hasPrefix("arn:") {
            let name = result.findings[index].resource.split(separator: ":").last.map(String.init) ?? ""
            result.findings[index].mergedSources = [SourceReference(file: "plan.json", pointer: "/resource_changes/0", format: "terraform-plan",
                                                                    terraformAddress: "module.lake.aws_s3_bucket.\(name)")]
        }
        let store = try SampleRuns.store([result])
        let baseline = try store.baseline(try store.run("latest"))
        #expect(baseline.resourcesByAlias == ["module.lake.aws_s3_bucket.logs": ["arn:aws:s3:::logs"]])
        #expect(baseline.occurrences.count == 2)
        // A plan-only run that knows the bucket by its address finds the recorded problem.
        var planOnly = SampleRuns.result([Item(policy: "storage.encrypted", resource: "module.lake.aws_s3_bucket.logs")])
        planOnly.apply(baseline)
        #expect(planOnly.blockingFindings.isEmpty)
        #expect(planOnly.sections["baseline"]?["fixed"]?.doubleValue == 1, "b2 is gone")
    }

    @Test("the history trend: oldest first, the current run last, 24 runs at most, last complete month's cost")
    func trend() throws {
        let store = try HistoryStore(path: SampleRuns.databasePath(), create: true)
        var last: RecordedRun?
        for run in 1...26 {
            // Run n has n failing findings out of 30, and spends 100 + n dollars in October.
            let items = (1...30).map { Item(policy: "p", resource: "r\($0)", status: $0 <= run ? .fail : .pass) }
            let cost = SampleRuns.cost(months: ["2026-09", "2026-10"], totals: [("2026-09", "USD", "1"), ("2026-10", "USD", "\(100 + run).5")])
            last = try store.record(SampleRuns.result(items, cost: run == 26 ? cost : (run.isMultiple(of: 2) ? cost : nil)), context: RunContext())
        }
        let runs = try #require(last?.result.sections["history"]?["runs"]?.arrayValue)
        #expect(runs.count == 24)
        #expect(runs.map { $0["id"]?.stringValue ?? "" } == (3...26).map(String.init))
        let current = try #require(runs.last)
        #expect(current["failing"]?.doubleValue == 26)
        #expect(current["compliance_score"]?.doubleValue == (4.0 / 30 * 10_000).rounded() / 10_000)
        #expect(current["as_of"]?.stringValue == "2026-11-27")
        #expect(current["cost"]?["USD"] == .string("126.50"))
        #expect(runs.first?["cost"]?.objectValue?.isEmpty == true, "run 3 had no cost section")
        #expect(runs[1]["cost"]?["USD"] == .string("104.50"))
        #expect(runs[1]["failing"]?.doubleValue == 4)
        #expect(try store.runs().count == 26)
    }

    @Test("runs chain: each stores the previous run's record hash")
    func chain() throws {
        let store = try SampleRuns.store((1...3).map { SampleRuns.result([Item(policy: "p", resource: "r\($0)")]) })
        let runs = try store.runs()
        #expect(runs.map(\.id) == ["1", "2", "3"])
        #expect(runs[1].previousRecordSHA256 == runs[0].recordSHA256)
        #expect(runs[2].previousRecordSHA256 == runs[1].recordSHA256)
        #expect(Set(runs.map(\.recordSHA256)).count == 3)
    }

    @Test("run references: id, latest, latest~N; unknown and malformed ones are errors")
    func references() throws {
        let store = try SampleRuns.store((1...3).map { SampleRuns.result([Item(policy: "p", resource: "r\($0)")]) })
        #expect(try store.run("2").id == "2")
        #expect(try store.run("latest").id == "3")
        #expect(try store.run("latest~2").id == "1")
        #expect(throws: HistoryError.unknownRun(database: store.path, reference: "latest~3", latest: "3")) { try store.run("latest~3") }
        #expect(throws: HistoryError.unknownRun(database: store.path, reference: "9", latest: "3")) { try store.run("9") }
        #expect(throws: HistoryError.invalidReference(database: store.path, reference: "yesterday")) { try store.run("yesterday") }
    }

    @Test("reading never creates a database; a database from a newer Assay is refused")
    func opening() throws {
        let path = SampleRuns.databasePath("missing")
        #expect(throws: HistoryError.missing(database: path)) { try HistoryStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try HistoryStore(path: path, create: true)
        try store.execute("INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01.1 something newer')")
        #expect(throws: HistoryError.newerSchema(database: path, unknownMigrations: ["2099-01-01.1 something newer"])) {
            try HistoryStore(path: path, create: false)
        }
    }
}
