import Foundation
import GRDB
public import PolicyEngine

extension HistoryStore {
    // MARK: - Recording

    /// Records `result` as the next run, in one transaction: the trend of the last runs is added
    /// to it as `sections["history"]`, its results document is hashed, and the run row, its
    /// child rows and the record hash linking it to the previous run are inserted. The store's
    /// `observer` is told before the commit.
    public func record(_ result: RunResult, context: RunContext) throws(HistoryError) -> RecordedRun {
        // Everything that does not depend on earlier runs is prepared before taking the lock.
        let findingTexts = ResultsDocument.findingTexts(result.findings)
        let items = findingTexts.map(\.item)
        let rows: RunRows
        do throws(SectionError) {
            rows = try RunRows(result, findingTexts: findingTexts)
        } catch {
            throw .malformedSection(database: path, error: error)
        }
        var digests: [HistorySchema.Table: String] = [:]
        for table in HistorySchema.Table.allCases { digests[table] = RecordDigest.table(table, rows: rows.tables[table] ?? []) }
        let monthlyCost = JSONWriter.compact(.object(Fields(rows.monthlyCost.map { ($0.key, Value.string($0.value.description)) })))
        let columns = RunColumns(result: result, context: context, counts: result.totals,
                                 blocking: result.findings.reduce(0) { $0 + (result.isBlocking($1) ? 1 : 0) },
                                 monthlyCost: monthlyCost, baseline: rows.baseline.map { JSONWriter.compact($0.identity.value) }, digests: digests)
        return try perform {
            try queue.writeWithoutTransaction { db in
                // FULL: a recorded run survives a power cut too, not only a killed process.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                var recorded: RecordedRun?
                try db.inTransaction(.immediate) {
                    let previous = try Self.cells(db, sql: "SELECT seq, record_sha256 FROM run ORDER BY seq DESC LIMIT 1").first
                    let issued = try Self.cells(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'run'").first?.first?.integer ?? 0
                    let sequence = max(previous?.first?.integer ?? 0, issued) + 1
                    let recent = try Self.cells(db, sql: "SELECT seq, as_of, compliance_score, fail, monthly_cost FROM run ORDER BY seq DESC LIMIT ?",
                                                arguments: [Self.trendLength - 1])
                    var final = result
                    let current = HistoryTrendSection.Run(id: String(sequence), asOf: result.asOf.description,
                                                          complianceScore: Self.roundedScore(result.complianceScore), failing: columns.counts.fail,
                                                          cost: rows.monthlyCost)
                    let trend = HistoryTrendSection(runs: recent.reversed().map(TrendSection.run) + [current])
                    final.sections[section: HistoryTrendSection.key] = trend.value
                    let document = ResultsDocument(final, items: items)
                    // The document's SHA-256 (sequential, tens of MB for a large run) is computed on
                    // another core while this one inserts; the run row, which needs it, goes in last
                    // (foreign keys are checked at commit).
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    let (resultsSHA256, _) = try ParallelMap.overlapping({ document.sha256 }, while: { () throws -> Void in
                        for table in HistorySchema.Table.allCases {
                            let inserter = try RowInserter(db, sql: table.insertSQL)
                            for (ordinal, row) in (rows.tables[table] ?? []).enumerated() {
                                try inserter.insert(sequence: sequence, ordinal: ordinal, row)
                            }
                        }
                        try db.execute(sql: "INSERT INTO run_document (run_seq, head, tail) VALUES (?, ?, ?)",
                                       arguments: [sequence, document.head, document.tail])
                    })
                    var runColumns = columns
                    runColumns.resultsSHA256 = resultsSHA256
                    runColumns.previousRecordSHA256 = previous?.last?.text ?? HistorySchema.genesis
                    let runRow = runColumns.cells
                    let names = ["seq"] + HistorySchema.runColumns + ["record_sha256"]
                    try db.execute(
                        sql: "INSERT INTO run (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments([Cell.count(sequence).databaseValue] + runRow.map(\.databaseValue)
                            + [Cell.text(RecordDigest.record(runRow)).databaseValue]))
                    observer?.rowsWritten(sequence: Int(sequence), database: path)
                    let stored = try Self.runRecords(db, database: path, whereClause: "WHERE seq = ?", arguments: [sequence])
                    if let run = stored.first { recorded = RecordedRun(run: run, result: final) }
                    return .commit
                }
                guard let recorded else { throw HistoryError.database(database: path, reason: "the recorded run could not be read back") }
                return recorded
            }
        }
    }

    /// The stored results document of a run, byte for byte what its `--json` output was.
    public func resultsDocument(of run: RunRecord) throws(HistoryError) -> String {
        try storedDocument(of: run).text
    }

    /// The stored document of a run.
    func storedDocument(of run: RunRecord) throws(HistoryError) -> ResultsDocument {
        let path = path
        return try perform {
            try queue.read { db in
                guard let document = try Self.storedDocument(db, sequence: run.sequence) else {
                    throw HistoryError.database(database: path, reason: "run \(run.id): its results document is missing")
                }
                return document
            }
        }
    }

    /// The document rebuilt from `run_document` and the findings' texts (nil without a `run_document` row).
    static func storedDocument(_ db: Database, sequence: Int) throws -> ResultsDocument? {
        guard let parts = try cells(db, sql: "SELECT head, tail FROM run_document WHERE run_seq = ?", arguments: [sequence]).first,
              let head = parts.first?.text, let tail = parts.last?.text else { return nil }
        let items = try cells(db, sql: "SELECT item FROM finding WHERE run_seq = ? ORDER BY ordinal", arguments: [sequence]).map {
            ResultsDocument.prettyItem($0.first?.text ?? "")
        }
        return ResultsDocument(head: head, items: items, tail: tail)
    }

    static func labelsText(_ labels: [String: String]) -> String {
        JSONWriter.compact(.object(Fields(labels.map { ($0.key, Value.string($0.value)) })))
    }

    /// The score as the results summary writes it (4 decimals).
    static func roundedScore(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }
}
