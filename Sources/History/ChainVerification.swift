import GRDB
import PolicyEngine

/// The outcome of `assay history verify`: whether the evidence chain still holds, and where not.
public struct ChainReport: Sendable, Hashable {
    /// Runs in the database.
    public var runs: Int
    /// The last run's record hash (what to keep elsewhere as an anchor).
    public var head: String?
    /// Everything that does not hold, in run order.
    public var problems: [ChainProblem]

    /// True when no problem was found.
    public var isIntact: Bool { problems.isEmpty }
}

/// One break in the evidence chain.
public struct ChainProblem: Sendable, Hashable {
    /// What kind of break.
    public enum Kind: String, CaseIterable, Sendable {
        /// A run's rows no longer match its record hash or table digests.
        case edited
        /// A run recorded between two others (or at the end) is gone.
        case deleted
        /// A run no longer follows the run it was recorded after.
        case reordered
        /// Rows of a run that no longer exists remain.
        case orphaned
        /// An anchor hash kept elsewhere matches no run.
        case anchorMissing = "anchor_missing"
    }

    /// The kind.
    public var kind: Kind
    /// The run it concerns, when there is one.
    public var run: String?
    /// What is wrong, for people.
    public var message: String
}

extension HistoryStore {
    /// Checks every run against its stored digests and the chain of record hashes, and that each
    /// of `anchors` (record hashes, or prefixes of at least 12 hex digits, kept outside the
    /// database) still names a run. See docs/history.md for what this proves.
    public func verify(anchors: [String] = []) throws(HistoryError) -> ChainReport {
        let columns = ["seq"] + HistorySchema.runColumns + ["record_sha256"]
        return try perform {
            try queue.read { db in
                let runs = try Self.cells(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM run ORDER BY seq")
                var problems: [ChainProblem] = []
                let sequences = runs.map { $0.first?.integer ?? 0 }
                let stored = runs.map { $0.last?.text ?? "" }
                let position = Dictionary(stored.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                for (index, row) in runs.enumerated() {
                    let run = String(sequences[index])
                    let reader = CellReader(cells: row, columns: columns, context: "run \(run)", database: path)
                    // Contents against the digests recorded with the run.
                    var editedTables: [String] = []
                    for table in HistorySchema.Table.allCases {
                        let rows = try Self.cells(db, sql: """
                            SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue) WHERE run_seq = ? ORDER BY ordinal
                            """, arguments: [sequences[index]])
                        if RecordDigest.table(table, rows: rows) != reader.cell(table.digestColumn).text { editedTables.append(table.rowsName) }
                    }
                    // The results document, rebuilt from the stored parts, against the recorded digest.
                    if try Self.storedDocument(db, sequence: sequences[index])?.sha256 != reader.cell("results_sha256").text {
                        editedTables.append("results document")
                    }
                    if !editedTables.isEmpty {
                        problems.append(ChainProblem(kind: .edited, run: run, message: "run \(run): its \(editedTables.joined(separator: ", ")) "
                                                     + "changed after it was recorded"))
                    }
                    let hashed = Array(row.dropFirst().dropLast())
                    if RecordDigest.record(hashed) != stored[index] {
                        problems.append(ChainProblem(kind: .edited, run: run, message: "run \(run): its record (metadata, counts, digests or "
                                                     + "record hash) changed after it was recorded"))
                    }
                    // Place in the chain.
                    let previous = reader.cell("previous_record_sha256").text ?? ""
                    let expected = index == 0 ? HistorySchema.genesis : stored[index - 1]
                    guard previous != expected else { continue }
                    if let earlier = position[previous], earlier != index {
                        let after = String(sequences[earlier])
                        problems.append(ChainProblem(kind: .reordered, run: run, message: "run \(run) was recorded right after run \(after), "
                                                     + (index == 0 ? "but now comes first" : "but now follows run \(sequences[index - 1])")))
                    } else if previous == HistorySchema.genesis {
                        problems.append(ChainProblem(kind: .reordered, run: run, message: "run \(run) was recorded as the first run, "
                                                     + "but now follows run \(sequences[index - 1])"))
                    } else {
                        let lastBefore = index == 0 ? 0 : sequences[index - 1]
                        let missing = lastBefore + 1 < sequences[index] ? "run \(Self.range(lastBefore + 1, sequences[index] - 1))" : nil
                        let message: String
                        if let missing {
                            message = "\(missing) (recorded before run \(run)) is missing: deleted"
                        } else if index == 0 {
                            message = "the run recorded before run \(run) is missing: deleted"
                        } else {
                            message = "run \(run) was recorded after a run whose record is no longer in the database: run "
                                + "\(lastBefore) was replaced or rewritten, or the run between them deleted"
                        }
                        problems.append(ChainProblem(kind: .deleted, run: run, message: message))
                    }
                }
                // The latest runs: AUTOINCREMENT remembers the highest id ever issued.
                let issued = try Self.cells(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'run'").first?.first?.integer ?? 0
                let last = sequences.last ?? 0
                if issued > last {
                    problems.append(ChainProblem(kind: .deleted, run: String(issued), message: "run \(Self.range(last + 1, issued)) "
                                                 + "(the latest) is missing: deleted"))
                }
                let children = HistorySchema.Table.allCases.map { ($0.rawValue, $0.rowsName) } + [("run_document", "results document")]
                for (table, rowsName) in children {
                    let orphans = try Int.fetchAll(db, sql: """
                        SELECT DISTINCT run_seq FROM \(table) WHERE run_seq NOT IN (SELECT seq FROM run) ORDER BY run_seq
                        """)
                    for orphan in orphans {
                        problems.append(ChainProblem(kind: .orphaned, run: String(orphan), message: "\(rowsName) of run \(orphan) "
                                                     + "remain, but the run itself is gone: deleted"))
                    }
                }
                for anchor in anchors {
                    let normalised = anchor.lowercased()
                    let matches = normalised.count >= 12 && stored.contains { $0.hasPrefix(normalised) }
                    if !matches {
                        problems.append(ChainProblem(kind: .anchorMissing, run: nil, message: "no run has the record hash \(anchor): the run "
                                                     + "it anchors was deleted or rewritten"))
                    }
                }
                return ChainReport(runs: runs.count, head: stored.last, problems: problems)
            }
        }
    }

    /// `4` or `4…6`.
    private static func range(_ first: Int, _ last: Int) -> String { first == last ? "\(first)" : "\(first)…\(last)" }
}
