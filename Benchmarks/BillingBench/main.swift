// BillingBench: the billing peers' queries (shared/bench/peers/duckdb_agg.py, polars_agg.py) on
// a legacy CUR CSV, computed by Assay's streaming reader in one pass.
//
//   q1: cost per month × usage account × product code × tag environment (groups, rows, total)
//   q2: per month: total, egress cost (usage type contains "Out-Bytes") and untagged cost
//       (environment, owner and cost-center all empty), with shares
//
// Usage: BillingBench FILE [--mode peers|groups|scan] [--workers N] [--decoder isal|zlib] [--chunk-kib N]
//   peers  (default) the peers' q1/q2, printed as one JSON line in their format plus exact totals
//   groups the same file through CostAggregator (month × sub_account × service × environment,
//          plus the review groupings), all in one pass
//   scan   decode every line and only count them (the parse floor)
import Billing
import Foundation
import PolicyEngine
import TabularText

// MARK: - The peers' queries as a sink

/// q1 and q2 for one worker; keys are ids from this worker's byte interner, so a row costs
/// hash probes and no allocation (a `String` is made once per distinct value, at the end).
final class PeerQueries: CostLineSink {
    struct Q1Key: Hashable {
        var month: String
        var account: String
        var service: String
        var environment: String
    }

    struct Totals {
        var total = FixedDecimal.zero
        var egress = FixedDecimal.zero
        var untagged = FixedDecimal.zero
        var rows = 0
    }

    private let interner = ByteInterner()
    /// Months have their own interner so their ids are dense and index `q2ByMonth`.
    private let months = ByteInterner()
    private let q1Index = GroupIndex()
    @exclusivity(unchecked) private var q1Sums: [FixedDecimal] = []
    @exclusivity(unchecked) private var q1Counts: [Int] = []
    /// q2 totals by month id (month ids are dense: 0, 1, 2, …).
    @exclusivity(unchecked) private var q2ByMonth: [Totals] = []

    func consume(_ line: RawCostLine) {
        let month = months.intern(line.chargePeriodStart.extracting(0..<min(7, line.chargePeriodStart.count)))
        let key = SIMD8<Int32>(month, interner.intern(line.subAccount), interner.intern(line.serviceCode), interner.intern(line.tagValues[0]), 0, 0, 0, 0)
        let (slot, isNew) = q1Index.slot(for: key)
        if isNew {
            q1Sums.append(.zero)
            q1Counts.append(0)
        }
        q1Sums[slot] += line.billedCost
        q1Counts[slot] += 1
        let monthSlot = Int(month) + 1  // slot 0: rows with no start date
        while q2ByMonth.count <= monthSlot { q2ByMonth.append(Totals()) }
        q2ByMonth[monthSlot].total += line.billedCost
        q2ByMonth[monthSlot].rows += 1
        if Self.contains(line.usageType, "Out-Bytes") { q2ByMonth[monthSlot].egress += line.billedCost }
        if line.tagPresence & 0b111 == 0 { q2ByMonth[monthSlot].untagged += line.billedCost }
    }

    /// True when `text` contains `needle`: `memchr` jumps to each candidate first byte, so
    /// `memcmp` runs only there.
    private static func contains(_ text: ByteView, _ needle: StaticString) -> Bool {
        let pattern = ByteView(needle)
        let length = pattern.count
        guard length > 0, text.count >= length else { return false }
        let last = text.count - length
        var start = 0
        while start <= last, let offset = text.firstIndex(of: pattern[0], from: start, to: last + 1) {
            if text.compareBytes(at: offset, with: pattern, at: 0, count: length) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    /// q1 groups with string keys.
    func q1Groups() -> [Q1Key: (FixedDecimal, Int)] {
        var groups: [Q1Key: (FixedDecimal, Int)] = [:]
        for slot in 0..<q1Index.count {
            let key = q1Index.key(slot)
            let text = interner.string
            groups[Q1Key(month: months.string(key[0]), account: text(key[1]), service: text(key[2]), environment: text(key[3]))] = (q1Sums[slot], q1Counts[slot])
        }
        return groups
    }

    /// q2 rows with month text.
    func q2Rows() -> [String: Totals] {
        var rows: [String: Totals] = [:]
        for (slot, totals) in q2ByMonth.enumerated() where totals.rows > 0 { rows[months.string(Int32(slot - 1))] = totals }
        return rows
    }
}

/// Counts lines: the cost of reading and decoding alone.
final class LineCounter: CostLineSink {
    private(set) var lines = 0
    func consume(_ line: RawCostLine) { lines += 1 }
}

// MARK: - Main

func exitWith(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

// Huge pages for the heap, as the assay command has them (HugePageTuning).
HugePageTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first, !path.hasPrefix("--") else {
    exitWith("usage: BillingBench FILE [--mode peers|groups|scan] [--workers N] [--decoder isal|zlib] [--chunk-kib N]")
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let mode = option("--mode") ?? "peers"
var options = BillingScanOptions()
if let workers = option("--workers").flatMap(Int.init) { options.workers = workers }
if let decoder = option("--decoder").flatMap(GzipDecoder.init(rawValue:)) { options.gzipDecoder = decoder }
if let kibibytes = option("--chunk-kib").flatMap(Int.init) { options.chunkSize = kibibytes << 10 }
let started = Date()

func rounded(_ value: FixedDecimal, _ digits: Int) -> Double { Double(value.formatted(fractionDigits: digits)) ?? .nan }

do {
    switch mode {
    case "peers":
        let scan = try BillingScan.scan(path, options: options, tags: TagRequest(keys: ["environment", "owner", "cost-center"])) { _ in PeerQueries() }
        var q1: [PeerQueries.Q1Key: (FixedDecimal, Int)] = [:]
        var q2: [String: PeerQueries.Totals] = [:]
        for sink in scan.sinks {
            for (key, value) in sink.q1Groups() {
                let current = q1[key] ?? (.zero, 0)
                q1[key] = (current.0 + value.0, current.1 + value.1)
            }
            for (month, totals) in sink.q2Rows() {
                var merged = q2[month] ?? PeerQueries.Totals()
                merged.total += totals.total
                merged.egress += totals.egress
                merged.untagged += totals.untagged
                merged.rows += totals.rows
                q2[month] = merged
            }
        }
        let total = q1.values.reduce(FixedDecimal.zero) { $0 + $1.0 }
        var out = Fields()
        out["tool"] = "assay"
        out["path"] = .string(path)
        out["seconds"] = .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000)
        out["q1_groups"] = .number(Double(q1.count))
        out["q1_rows"] = .number(Double(q1.values.reduce(0) { $0 + $1.1 }))
        out["q1_total"] = .number(rounded(total, 4))
        out["q1_total_exact"] = .decimal(total)
        out["q2"] = .array(q2.keys.sorted().compactMap { month in
            guard let row = q2[month] else { return nil }
            return [
                "month": .string(month), "total": .number(rounded(row.total, 4)), "total_exact": .decimal(row.total),
                "egress_share": .number((row.egress.doubleValue / row.total.doubleValue * 100_000).rounded() / 100_000),
                "untagged_share": .number((row.untagged.doubleValue / row.total.doubleValue * 100_000).rounded() / 100_000),
                "n": .number(Double(row.rows)),
            ]
        })
        print(JSONWriter.compact(.object(out)))
    case "groups":
        var aggregator = try CostAggregator(scopes: [CostScope(groupBy: ["sub_account", "service", "tags.environment"], lastMonths: 3)])
        let report = try aggregator.read(path, options: options)
        let groups = aggregator.groups(groupBy: ["sub_account", "service", "tags.environment"]) ?? [:]
        let net = groups.values.reduce(FixedDecimal.zero) { $0 + $1.net }
        var out = Fields()
        out["tool"] = "assay-groups"
        out["path"] = .string(path)
        out["seconds"] = .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000)
        out["rows"] = .number(Double(report.rows))
        out["groups"] = .number(Double(groups.count))
        out["net_total_exact"] = .decimal(net)
        print(JSONWriter.compact(.object(out)))
    case "scan":
        let scan = try BillingScan.scan(path, options: options, tags: TagRequest(keys: ["environment"])) { _ in LineCounter() }
        print(JSONWriter.compact(["tool": "assay-scan", "lines": .number(Double(scan.sinks.reduce(0) { $0 + $1.lines })),
            "seconds": .number(Date().timeIntervalSince(started))]))
    default:
        exitWith("unknown mode \(mode)")
    }
} catch {
    exitWith(error.diagnostic.description)
}
