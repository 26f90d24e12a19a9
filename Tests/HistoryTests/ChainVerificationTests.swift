import Testing
@testable import History
import PolicyEngine

@Suite("History: the evidence chain")
struct ChainVerificationTests {
    /// Four recorded runs, each with two findings.
    static func store(_ name: String) throws -> HistoryStore {
        try SampleRuns.store((1...4).map { run in
            SampleRuns.result(asOf: "2026-0\(run + 4)-01", [
                SampleRuns.Item(policy: "storage.encrypted", resource: "b\(run)"), SampleRuns.Item(policy: "tagging.owner", resource: "b0"),
            ], cost: SampleRuns.cost(months: ["2026-0\(run + 3)"], totals: [("2026-0\(run + 3)", "USD", "\(run)00")]))
        }, name: name)
    }

    static func kinds(_ report: ChainReport) -> [String] { report.problems.map { "\($0.kind.rawValue) \($0.run ?? "-")" } }

    @Test("an untouched history verifies, and its head is the last run's record hash")
    func intact() throws {
        let store = try Self.store("intact")
        let report = try store.verify(anchors: [String(try store.run("2").recordSHA256.prefix(16))])
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.runs == 4)
        #expect(report.head == (try store.run("latest")).recordSHA256)
    }

    @Test("an edited finding is caught and its run named")
    func editedFinding() throws {
        let store = try Self.store("edited-finding")
        try store.execute("UPDATE finding SET status = 'pass' WHERE run_seq = 2 AND policy_id = 'storage.encrypted'")
        let report = try store.verify()
        #expect(Self.kinds(report) == ["edited 2"])
        #expect(report.problems.first?.message.contains("findings") == true)
    }

    @Test("an edited finding whose run digests were recomputed breaks the link from the next run")
    func rewrittenRun() throws {
        let store = try Self.store("rewritten")
        // A careful forger edits a finding, recomputes the run's digests and record hash…
        try store.execute("UPDATE finding SET status = 'pass', item = replace(item, '\"fail\"', '\"pass\"') WHERE run_seq = 2")
        let rows = try store.rows(.finding, of: try store.run("2")).map(\.cells)
        let rebuilt = try store.storedDocument(of: try store.run("2")).sha256
        try store.execute("UPDATE run SET findings_sha256 = '\(RecordDigest.table(.finding, rows: rows))', results_sha256 = '\(rebuilt)' WHERE seq = 2")
        #expect(try store.details(of: try store.run("2")).findings.allSatisfy { $0.finding.status == .pass })
        let runs = try store.runs()
        let columns = ["seq"] + HistorySchema.runColumns + ["record_sha256"]
        let rowTwo = try store.queue.read { try HistoryStore.cells($0, sql: "SELECT \(columns.joined(separator: ", ")) FROM run WHERE seq = 2") }
        let forged = RecordDigest.record(Array(try #require(rowTwo.first).dropFirst().dropLast()))
        #expect(forged != runs[1].recordSHA256)
        try store.execute("UPDATE run SET record_sha256 = '\(forged)' WHERE seq = 2")
        // …but run 3 still links to the original record.
        let report = try store.verify()
        #expect(Self.kinds(report) == ["deleted 3"])
        #expect(report.problems.first?.message.contains("run 2 was replaced or rewritten") == true)
        // An anchor kept outside the database pins the original.
        #expect(Self.kinds(try store.verify(anchors: [runs[1].recordSHA256])) == ["deleted 3", "anchor_missing -"])
    }

    @Test("an edited finding text (only in the stored results document) is caught")
    func editedDocument() throws {
        let store = try Self.store("edited-document")
        try store.execute("UPDATE finding SET item = replace(item, 'b3 is off', 'b3 is on') WHERE run_seq = 3")
        let report = try store.verify()
        #expect(Self.kinds(report) == ["edited 3"])
        #expect(report.problems.first?.message.contains("results document") == true)
    }

    @Test("edited run metadata is caught")
    func editedMetadata() throws {
        let store = try Self.store("edited-run")
        try store.execute("UPDATE run SET fail = 0, blocking = 0 WHERE seq = 3")
        #expect(Self.kinds(try store.verify()) == ["edited 3"])
    }

    @Test("edited cost figures are caught")
    func editedCost() throws {
        let store = try Self.store("edited-cost")
        try store.execute("UPDATE cost_group SET amount = '1' WHERE run_seq = 1")
        let report = try store.verify()
        #expect(Self.kinds(report) == ["edited 1"])
        #expect(report.problems.first?.message.contains("cost groups") == true)
    }

    @Test("a deleted run is caught and named")
    func deletedRun() throws {
        let store = try Self.store("deleted")
        try store.execute("DELETE FROM run WHERE seq = 2")
        let report = try store.verify()
        #expect(Self.kinds(report) == ["deleted 3"])
        #expect(report.problems.first?.message.contains("run 2 (recorded before run 3) is missing") == true)
        #expect(try store.details(of: try store.run("3")).findings.count == 2, "the other runs are untouched")
    }

    @Test("deleting the first or the latest run is caught too")
    func deletedEnds() throws {
        let first = try Self.store("deleted-first")
        try first.execute("DELETE FROM run WHERE seq = 1")
        #expect(Self.kinds(try first.verify()) == ["deleted 2"])
        let latest = try Self.store("deleted-latest")
        try latest.execute("DELETE FROM run WHERE seq = 4")
        let report = try latest.verify()
        #expect(Self.kinds(report) == ["deleted 4"])
        #expect(report.problems.first?.message.contains("(the latest)") == true)
    }

    @Test("swapped runs are caught as reordered")
    func swapped() throws {
        let store = try Self.store("swapped")
        try store.execute("""
            UPDATE run SET seq = 100 WHERE seq = 2;
            UPDATE run SET seq = 2 WHERE seq = 3;
            UPDATE run SET seq = 3 WHERE seq = 100;
            """)
        #expect(try store.details(of: try store.run("2")).run.asOf.description == "2026-07-01", "the rows moved with their run")
        let report = try store.verify()
        #expect(Self.kinds(report) == ["reordered 2", "reordered 3", "reordered 4"])
        #expect(report.problems.first?.message == "run 2 was recorded right after run 3, but now follows run 1")
    }

    @Test("rows left behind by a run deleted with foreign keys off are caught")
    func orphans() throws {
        let store = try Self.store("orphans")
        try store.execute("PRAGMA foreign_keys = OFF; DELETE FROM run WHERE seq = 2; PRAGMA foreign_keys = ON;")
        let kinds = Self.kinds(try store.verify())
        #expect(kinds.contains("deleted 3"))
        #expect(kinds.contains("orphaned 2"))
    }
}
