import Foundation
import GRDB
import PolicyEngine

/// The run history: one SQLite database (WAL mode) of recorded runs, their findings, waivers,
/// cost figures and downtime outputs, chained by record hashes. Schema and guarantees are in
/// docs/history.md.
///
/// Concurrency: several processes may record into one file at once (two CI jobs); each run is
/// written in one `BEGIN IMMEDIATE` transaction and a writer that finds the database locked
/// waits up to `busyTimeout` instead of failing. A process killed mid-write leaves no trace:
/// SQLite rolls the unfinished transaction back on the next open.
public struct HistoryStore: Sendable {
    /// Where `assay` keeps the history when no path is given.
    public static let defaultPath = ".assay/history.sqlite"
    /// Runs in the `history` trend section (the current one included).
    public static let trendLength = 24
    /// How long a writer waits for another one to finish, in seconds.
    public static let busyTimeout: Double = 300

    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// Told when a recorded run's rows are written, before the commit.
    let observer: (any RecordingObserver)?

    // MARK: - Opening

    /// Opens the database at `path`. With `create` (recording), a missing file (and its folder) is
    /// created and pending migrations are applied. Without (every reading command), the file is
    /// opened read-only and never changed: a missing file is `HistoryError.missing`; an empty file,
    /// a file that is not SQLite, or another application's database is `HistoryError.notHistory`.
    /// Recording never adds Assay's tables to another application's database either.
    /// `observer`, when given, is told inside each recording transaction when the run's rows are written.
    public init(path: String, create: Bool, observer: (any RecordingObserver)? = nil) throws(HistoryError) {
        self.path = path
        self.observer = observer
        if !create {
            queue = try Self.openReadOnly(path)
            try Self.checkSchema(queue, path: path, readOnly: true)
            return
        }
        if FileManager.default.fileExists(atPath: path) {
            // Looked at read-only first: opening for writing would already switch the file to WAL.
            if ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0 {
                try Self.checkSchema(try Self.openReadOnly(path), path: path, readOnly: false)
            }
        } else {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .database(database: path, reason: "cannot create folder \(folder.path)")
            }
        }
        // Opening sets up WAL and applies migrations, which race when several processes open a
        // new file at once (SQLite reports some of those conflicts at once instead of waiting);
        // an exclusive lock on a file beside the database serializes this short phase.
        let lock = try OpenLock(path: path + ".lock", required: create)
        defer { lock.release() }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .database(database: path, reason: Self.describe(error))
        }
        try migrate()
    }

    private static func openReadOnly(_ path: String) throws(HistoryError) -> DatabaseQueue {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing(database: path) }
        guard !isFolder.boolValue else { throw .notHistory(database: path, reason: "a folder") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { throw .notHistory(database: path, reason: "the file is empty") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .notHistory(database: path, reason: Self.describe(error))
        }
    }

    /// The tables tell an Assay history from another application's SQLite file: a non-empty
    /// database without Assay's migration table is refused, for reading and for recording alike.
    /// A reader also needs every migration this build knows (it cannot apply them).
    private static func checkSchema(_ queue: DatabaseQueue, path: String, readOnly: Bool) throws(HistoryError) {
        let tables: [String]
        do {
            tables = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        } catch {
            throw .notHistory(database: path, reason: describe(error))
        }
        let assayTables = Set(HistorySchema.Table.allCases.map(\.rawValue) + ["run", "grdb_migrations"])
        if tables.isEmpty {
            if readOnly { throw .notHistory(database: path, reason: "an empty SQLite database (no run was recorded here)") }
            return
        }
        guard tables.contains("grdb_migrations") else {
            let foreign = tables.filter { !assayTables.contains($0) }.prefix(5)
            throw .notHistory(database: path, reason: "an SQLite database of another application (tables: \(foreign.joined(separator: ", ")))")
        }
        guard readOnly else { return }
        let applied: Set<String>
        do {
            applied = try queue.read { try HistorySchema.migrator.appliedIdentifiers($0) }
        } catch {
            throw .database(database: path, reason: describe(error))
        }
        let known = HistorySchema.migrations.map(\.name)
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else { throw .newerSchema(database: path, unknownMigrations: unknown.sorted()) }
        let pending = known.filter { !applied.contains($0) }
        guard pending.isEmpty else { throw .olderSchema(database: path, pendingMigrations: pending) }
    }

    /// Applies pending migrations (under the open lock); refuses a database with migrations this
    /// build does not know.
    private func migrate() throws(HistoryError) {
        let migrator = HistorySchema.migrator
        let known = Set(HistorySchema.migrations.map(\.name))
        let applied = try perform { try queue.read { try migrator.appliedIdentifiers($0) } }
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else { throw .newerSchema(database: path, unknownMigrations: unknown.sorted()) }
        try perform { try migrator.migrate(queue) }
    }

    // MARK: - Plumbing

    /// Runs `body`, turning SQLite and GRDB errors into `HistoryError.database`.
    func perform<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .database(database: path, reason: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let database = error as? DatabaseError {
            return database.message.map { "\($0) (SQLite code \(database.resultCode.rawValue))" } ?? "SQLite code \(database.resultCode.rawValue)"
        }
        return String(describing: error)
    }

    /// Every row of a query as cells (never traps on an unexpected type or NULL).
    static func cells(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [[Cell]] {
        var result: [[Cell]] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() { result.append(row.databaseValues.map(Cell.init)) }
        return result
    }

    /// Run rows (`seq`, the hashed columns, `record_sha256`) as records.
    static func runRecords(_ db: Database, database: String, whereClause: String, arguments: StatementArguments) throws -> [RunRecord] {
        let columns = ["seq"] + HistorySchema.runColumns + ["record_sha256"]
        return try cells(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM run \(whereClause) ORDER BY seq", arguments: arguments)
            .map { try CellReader(cells: $0, columns: columns, context: "run", database: database).runRecord() }
    }

    /// Runs raw SQL (tests use it to tamper with a database).
    func execute(_ sql: String) throws {
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
    }
}
