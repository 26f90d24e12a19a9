// Benchmark of the run history (docs/performance.md, "History"): recording a run of N findings
// (target: 100,000 findings in under 2 s), then the reads that use it.
//
//   swift build -c release --product HistoryBench
//   .build/release/HistoryBench [--findings 100000] [--repeat 5] [--database /tmp/history-bench.sqlite]
//
// Each repetition records two runs into a new database; the recording times are reported as
// minimum and median over the repetitions (wall clock, and the process's CPU time, which other
// load on the machine disturbs less), followed by one diff, baseline load and verify.
// The synthetic run has 50 policies over N/50 resources each: 60 % fail, 30 % pass, 5 % waived,
// 5 % error, every non-passing finding with two evidence items, plus a three-month cost section.
// Run 2 changes 1 % of the failing values, so the diff has new and fixed findings.
import Foundation
import History
import PolicyEngine

// MARK: - Arguments

/// The command line.
struct Settings {
    var findings = 100_000
    var repetitions = 5
    var database = NSTemporaryDirectory() + "history-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--findings": findings = iterator.next().flatMap { Int($0) } ?? findings
            case "--repeat": repetitions = max(1, iterator.next().flatMap { Int($0) } ?? repetitions)
            case "--database": database = iterator.next() ?? database
            default:
                FileHandle.standardError.write(Data("usage: HistoryBench [--findings N] [--repeat N] [--database PATH]\n".utf8))
                exit(2)
            }
        }
    }
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let findingCount = settings.findings
let repetitions = settings.repetitions
let databasePath = settings.database

// MARK: - Synthetic runs

let asOf = CivilDate(year: 2026, month: 11, day: 27) ?? CivilDate(daysSinceEpoch: 0)

func money(_ text: String) -> FixedDecimal { (try? FixedDecimal.parse(text).get().value) ?? .zero }

func run(findings findingCount: Int, changed: Int) -> RunResult {
    let policyCount = 50
    let perPolicy = max(1, findingCount / policyCount)
    var findings: [Finding] = []
    findings.reserveCapacity(policyCount * perPolicy)
    var reports: [PolicyReport] = []
    for policyIndex in 0..<policyCount {
        let policy = "bench.policy.\(String(format: "%02d", policyIndex))"
        var counts = VerdictCounts()
        for resourceIndex in 0..<perPolicy {
            let resource = "arn:aws:s3:::bench-bucket-\(String(format: "%06d", resourceIndex))"
            let bucket = (resourceIndex * 7 + policyIndex) % 100
            let status: Verdict = bucket < 60 ? .fail : bucket < 90 ? .pass : bucket < 95 ? .waived : .error
            counts.record(status)
            // 1 % of the failing findings carry another failing value in run 2.
            let value = status == .fail && resourceIndex % 100 < changed ? "AES128" : "none"
            let evidence = status == .pass ? [] : [
                Evidence(path: "encryption.algorithm", actual: .string(value), expected: "in [aws:kms, AES256]", status: .fail),
                Evidence(path: "tags.owner", actual: nil, expected: "exists true", status: .fail),
            ]
            findings.append(Finding(
                policy: policy, resource: resource, resourceType: "aws.s3.bucket", status: status, severity: .high, enforcement: .hard,
                message: status == .pass ? "" : "\(resource) is not encrypted with an approved algorithm (found \(value))",
                source: SourceReference(file: "exports/aws-config-snapshot.json", pointer: "/configurationItems/\(resourceIndex)"),
                evidence: evidence,
                waiver: status == .waived ? AppliedWaiver(id: "waivers.yaml:\(policyIndex)", reason: "legacy", owner: "platform",
                                                          ticket: "SEC-1", expires: asOf.adding(days: 30)) : nil))
        }
        reports.append(PolicyReport(metadata: PolicyMetadata(id: policy, title: "Bench policy \(policyIndex)", severity: .high, enforcement: .hard, category: "bench",
                                    frameworks: ["soc2": ["CC6.1"]], description: "", remediation: ""), params: [:],
                                    source: "policies/bench.yaml:1:1", counts: counts))
    }
    let months = ["2026-08", "2026-09", "2026-10"]
    // Through the section's own encoder, so the generated section is always one the readers accept
    // (a hand-written one stopped reading when the section gained required members).
    let cost = CostReviewSection(
        asOf: "2026-11-27", months: months, requiredTags: ["owner", "cost_center"], inputs: [],
        totals: months.enumerated().map { index, month in
            let amount = money("\(24_000 + index * 1_000 + changed).50")
            return CostReviewSection.Total(period: month, currency: "USD", figures: CostFigures(
                amount: amount, effective: amount, list: amount, credits: .zero, refunds: .zero, net: amount, previousAmount: .zero,
                changePercent: nil, shareOfTotal: 1, untaggedAmount: money("2400"), usageAmount: amount, untaggedShare: 0.1,
                egressAmount: money("800"), egressShare: 0.03, lines: 1_000, commitments: nil))
        },
        topMovers: (0..<10).map { index in
            let amount = money("\(1_000 + index * 10 + changed)"), previous = money("\(900 + index)")
            return CostReviewSection.Mover(period: "2026-10", currency: "USD", account: "11112222\(index)", service: "Amazon S3",
                                           amount: amount, previousAmount: previous, change: amount - previous, changePercent: nil)
        }
    ).value
    return RunResult(toolVersion: "bench", asOf: asOf, labels: ["pipeline": "bench"], failOn: .high, passing: .list, policySetDigest: "bench",
                     inputs: [InputRecord(path: "exports/aws-config-snapshot.json", format: "aws-config", sha256: String(repeating: "b", count: 64),
                                          documents: perPolicy)],
                     policies: reports, findings: findings, waivers: [], sections: ["cost": cost])
}

// MARK: - Measurements

/// Wall-clock and process CPU seconds of one call.
struct Timing {
    var wall: Double
    var cpu: Double

    static func of<T>(_ body: () throws -> T) rethrows -> (value: T, timing: Timing) {
        let clock = ContinuousClock()
        let cpuStart = clock_t(Glibc.clock())
        let start = clock.now
        let value = try body()
        let elapsed = (clock.now - start).components
        let cpu = Double(Glibc.clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        return (value, Timing(wall: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, cpu: cpu))
    }
}

func line(_ label: String, _ timings: [Timing]) {
    let walls = timings.map(\.wall).sorted()
    let cpus = timings.map(\.cpu).sorted()
    let text = String(format: "wall min %.3f s, median %.3f s · cpu min %.3f s, median %.3f s", walls[0], walls[walls.count / 2], cpus[0],
                      cpus[cpus.count / 2])
    print("\(label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(text)")
}

func removeDatabase(_ databasePath: String) {
    for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
}

do {
    let first = run(findings: findingCount, changed: 0)
    let second = run(findings: findingCount, changed: 1)
    print("HistoryBench: \(first.findings.count) findings per run, \(repetitions) repetitions, database \(databasePath)")
    var recordFirst: [Timing] = []
    var recordSecond: [Timing] = []
    for _ in 0..<repetitions {
        removeDatabase(databasePath)
        let store = try HistoryStore(path: databasePath, create: true)
        recordFirst.append(try Timing.of { try store.record(first, context: RunContext()) }.timing)
        recordSecond.append(try Timing.of { try store.record(second, context: RunContext()) }.timing)
    }
    line("record run 1 (empty database)", recordFirst)
    line("record run 2 (after run 1)", recordSecond)
    let store = try HistoryStore(path: databasePath, create: false)
    let runs = try store.runs()
    let diff = try Timing.of { try store.diff(runs[0], runs[1]) }
    line("diff run 1 → run 2", [diff.timing])
    print("  new \(diff.value.new.count), fixed \(diff.value.fixed.count), persisting \(diff.value.persisting.count), "
        + "cost movers \(diff.value.costMovers.count)")
    let baseline = try Timing.of { try store.baseline(runs[1]) }
    line("load run 2 as a baseline", [baseline.timing])
    let report = try Timing.of { try store.verify() }
    line("verify (2 runs)", [report.timing])
    print("  intact: \(report.value.isIntact)")
} catch {
    FileHandle.standardError.write(Data("HistoryBench: \(error)\n".utf8))
    exit(1)
}
// The store is closed here (SQLite checkpoints the WAL into the file on the last close).
let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0
print("database size after 2 runs: \(size / 1_048_576) MiB")
removeDatabase(databasePath)
