import Testing
@testable import History
import PolicyEngine

@Suite("History: migrations")
struct MigrationTests {
    /// Every migration ever released, with the SHA-256 of its SQL. A database in the field may
    /// have applied any of them, so this list only ever grows: never edit an entry to make this
    /// test pass — add a new migration instead, and pin it here.
    /// (The digests were computed outside Swift, with Python's hashlib over the SQL text.)
    static let released: [(name: String, sqlSHA256: String)] = [
        ("2026-11-27.1 runs, findings, waivers, costs and downtime", "6a65aa28d21ab12993079a8d1872d05318cfe31290b3c976437d008193b314bd"),
    ]

    @Test("released migrations are never changed, removed or reordered")
    func appendOnly() {
        let current = HistorySchema.migrations
        #expect(current.count >= Self.released.count)
        for (index, released) in Self.released.enumerated() where index < current.count {
            #expect(current[index].name == released.name, "migration \(index) was renamed or reordered")
            #expect(SHA256.hex(of: current[index].sql) == released.sqlSHA256, "migration '\(released.name)' was edited")
        }
        #expect(Set(current.map(\.name)).count == current.count, "migration names must be unique")
    }

    @Test("a new database has every migration applied, and the tables the writer uses")
    func applied() throws {
        let store = try HistoryStore(path: SampleRuns.databasePath("migrations"), create: true)
        let applied = try store.queue.read { try HistorySchema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(HistorySchema.migrations.map(\.name)))
        for table in HistorySchema.Table.allCases {
            let columns = try store.queue.read { db in try db.columns(in: table.rawValue).map(\.name) }
            #expect(columns == ["run_seq", "ordinal"] + table.columns, "\(table.rawValue) differs from its column list")
        }
        let runColumns = try store.queue.read { db in try db.columns(in: "run").map(\.name) }
        #expect(runColumns == ["seq"] + HistorySchema.runColumns + ["record_sha256"])
    }
}
