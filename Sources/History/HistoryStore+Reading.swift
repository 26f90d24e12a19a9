import Foundation
import GRDB
public import PolicyEngine

extension HistoryStore {
    // MARK: - Reading runs

    /// Every recorded run, oldest first.
    public func runs() throws(HistoryError) -> [RunRecord] {
        let path = path
        return try perform { try queue.read { try Self.runRecords($0, database: path, whereClause: "", arguments: []) } }
    }

    /// The run a reference names: its id (`12`), `latest`, or `latest~N` (N runs before the latest).
    public func run(_ reference: String) throws(HistoryError) -> RunRecord {
        let all = try runs()
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let position: Int?
        if trimmed == "latest" {
            position = all.indices.last
        } else if trimmed.hasPrefix("latest~") {
            guard let back = Int(trimmed.dropFirst("latest~".count)), back >= 0 else {
                throw .invalidReference(database: path, reference: reference)
            }
            position = all.count - 1 - back >= 0 ? all.count - 1 - back : nil
        } else {
            guard let sequence = Int(trimmed) else { throw .invalidReference(database: path, reference: reference) }
            position = all.firstIndex { $0.sequence == sequence }
        }
        guard let position else { throw .unknownRun(database: path, reference: reference, latest: all.last?.id) }
        return all[position]
    }

    /// Everything recorded about a run.
    public func details(of run: RunRecord) throws(HistoryError) -> RunDetails {
        let inputs = try rows(.input, of: run).map { row throws(HistoryError) in
            InputRecord(path: try row.text("path"), format: try row.text("format"), sha256: try row.text("sha256"),
                        documents: try row.integer("documents"))
        }
        let policies = try rows(.policy, of: run).map { row throws(HistoryError) in
            PolicyCounts(id: try row.text("policy_id"), title: try row.text("title"), severity: try row.text("severity"),
                         enforcement: try row.text("enforcement"), counts: try row.counts())
        }
        let waivers = try rows(.waiver, of: run).map { row throws(HistoryError) in
            StoredWaiver(id: try row.text("waiver_id"), policy: try row.text("policy_id"), owner: try row.text("owner"),
                         expires: try row.text("expires"), state: try row.text("state"), matched: try row.integer("matched"))
        }
        let downtime = try rows(.downtime, of: run).map { row throws(HistoryError) in
            StoredDowntime(
                application: try row.text("application"), tier: try row.text("tier"), currentStrategy: try row.text("current_strategy"),
                expectedAnnualLoss: try row.text("expected_annual_loss"), p95: try row.text("p95"), p99: try row.text("p99"),
                recommendedStrategy: try row.optionalText("recommended_strategy"), verdict: try row.optionalText("verdict"),
                netAnnualBenefit: try row.optionalText("net_annual_benefit"))
        }
        return RunDetails(run: run, inputs: inputs, policies: policies, findings: try findings(of: run, openOnly: false),
                          waivers: waivers, costs: try costs(of: run), downtime: downtime)
    }

    /// A run's findings in recorded order; with `openOnly`, only fail, error and unknown.
    public func findings(of run: RunRecord, openOnly: Bool) throws(HistoryError) -> [StoredFinding] {
        try rows(.finding, of: run, filter: openOnly ? "AND " + Self.isOpen : "").map { row throws(HistoryError) in
            try row.storedFinding()
        }
    }

    /// A run's cost figures in recorded order.
    public func costs(of run: RunRecord) throws(HistoryError) -> [StoredCost] {
        try rows(.cost, of: run).map { row throws(HistoryError) in try row.storedCost() }
    }

    /// The SQL condition of an open finding (`Finding.isOpen`: fail, error, unknown).
    static let isOpen = "status IN ('fail', 'error', 'unknown')"

    /// The rows of one child table for a run, in recorded order.
    func rows(_ table: HistorySchema.Table, of run: RunRecord, filter: String = "") throws(HistoryError) -> [CellReader] {
        let path = path
        let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue) WHERE run_seq = ? \(filter) ORDER BY ordinal"
        return try perform {
            try queue.read { try Self.cells($0, sql: sql, arguments: [run.sequence]) }
        }.map { CellReader(cells: $0, columns: table.columns, context: "run \(run.id) \(table.rawValue)", database: path) }
    }

    /// Fingerprint → number of a run's open findings (fail, error, unknown) with it: a baseline.
    public func openFingerprints(of run: RunRecord) throws(HistoryError) -> [String: Int] {
        try perform {
            try queue.read { db in
                var counts: [String: Int] = [:]
                let rows = try Self.cells(db, sql: """
                    SELECT fingerprint, COUNT(*) FROM finding WHERE run_seq = ? AND \(Self.isOpen) GROUP BY fingerprint
                    """, arguments: [run.sequence])
                for row in rows {
                    if let fingerprint = row.first?.text, let count = row.last?.integer { counts[fingerprint] = count }
                }
                return counts
            }
        }
    }

    /// A run as a baseline for `assay evaluate --baseline`: its open fingerprints, and the other
    /// names of its resources (`Baseline.resourcesByAlias`), read from the open findings that
    /// list a Terraform declaration (only those are decoded).
    public func baseline(_ run: RunRecord) throws(HistoryError) -> Baseline {
        let declared = try rows(.finding, of: run, filter: "AND \(Self.isOpen) AND instr(item, '\"declaration\"') > 0")
            .map { row throws(HistoryError) in try row.storedFinding().finding }
        return Baseline(kind: .run, reference: run.id, database: path, resultsSHA256: run.resultsSHA256, recordSHA256: run.recordSHA256,
                        asOf: run.asOf, occurrences: try openFingerprints(of: run), resourcesByAlias: Baseline.resourcesByAlias(of: declared))
    }
}
