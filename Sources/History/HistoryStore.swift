import Foundation
import GRDB
public import PolicyEngine

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

    // MARK: - Opening

    /// Opens the database at `path`. With `create` (recording), a missing file (and its folder) is
    /// created and pending migrations are applied. Without (every reading command), the file is
    /// opened read-only and never changed: a missing file is `HistoryError.missing`; an empty file,
    /// a file that is not SQLite, or another application's database is `HistoryError.notHistory`.
    /// Recording never adds Assay's tables to another application's database either.
    public init(path: String, create: Bool) throws(HistoryError) {
        self.path = path
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

    // MARK: - Recording

    /// Records `result` as the next run, in one transaction: the trend of the last runs is added
    /// to it as `sections["history"]`, its results document is hashed, and the run row, its
    /// child rows and the record hash linking it to the previous run are inserted.
    /// `beforeCommit` runs inside the transaction, after every insert (a test hook).
    public func record(_ result: RunResult, context: RunContext, beforeCommit: (() -> Void)? = nil) throws(HistoryError) -> RecordedRun {
        // Everything that does not depend on earlier runs is prepared before taking the lock.
        let findingTexts = ResultsDocument.findingTexts(result.findings)
        let items = findingTexts.map(\.item)
        let rows = RunRows(result, findingTexts: findingTexts)
        var digests: [HistorySchema.Table: String] = [:]
        for table in HistorySchema.Table.allCases { digests[table] = RecordDigest.table(table, rows: rows.tables[table] ?? []) }
        let monthlyCost = JSONWriter.compact(.object(Fields(rows.monthlyCost.map { ($0.key, Value.string($0.value.description)) })))
        let counts = result.totals
        let metadata: [Cell] = [
            .text(result.asOf.description), .text(result.toolVersion), .optional(context.configFile), .optional(context.configSHA256),
            .text(Self.labelsText(result.labels)), .text(result.failOn.rawValue), .count(result.failOnUnknown ? 1 : 0),
            .text(result.passing.rawValue), .text(result.policySetDigest), .count(counts.evaluated), .count(counts.pass), .count(counts.fail),
            .count(counts.waived), .count(counts.error), .count(counts.unknown),
            .count(result.findings.reduce(0) { $0 + (result.isBlocking($1) ? 1 : 0) }),
            .real(Self.roundedScore(result.complianceScore)), .text(monthlyCost),
            .optional(result.sections[Baseline.sectionKey].map(Self.baselineIdentity)),
        ] + HistorySchema.Table.allCases.map { Cell.text(digests[$0] ?? "") }
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
                    let current = TrendSection.Point(id: String(sequence), asOf: result.asOf.description,
                                                     complianceScore: Self.roundedScore(result.complianceScore), failing: counts.fail,
                                                     cost: rows.monthlyCost)
                    final.sections[TrendSection.key] = TrendSection.value(recent.reversed().map(TrendSection.Point.init) + [current])
                    let document = ResultsDocument(final, items: items)
                    // The document's SHA-256 (sequential, tens of MB for a large run) is computed on
                    // another core while this one inserts; the run row, which needs it, goes in last
                    // (foreign keys are checked at commit).
                    let resultsDigest = Background { document.sha256 }
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    for table in HistorySchema.Table.allCases {
                        let inserter = try RowInserter(db, sql: table.insertSQL)
                        for (ordinal, row) in (rows.tables[table] ?? []).enumerated() {
                            try inserter.insert(sequence: sequence, ordinal: ordinal, row)
                        }
                    }
                    try db.execute(sql: "INSERT INTO run_document (run_seq, head, tail) VALUES (?, ?, ?)",
                                   arguments: [sequence, document.head, document.tail])
                    guard let resultsSHA256 = resultsDigest.wait() else {
                        throw HistoryError.database(database: path, reason: "internal: the results digest was not computed")
                    }
                    let runRow = metadata + [.text(resultsSHA256), .text(previous?.last?.text ?? HistorySchema.genesis)]
                    let names = ["seq"] + HistorySchema.runColumns + ["record_sha256"]
                    try db.execute(
                        sql: "INSERT INTO run (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments([Cell.count(sequence).databaseValue] + runRow.map(\.databaseValue)
                            + [Cell.text(RecordDigest.record(runRow)).databaseValue]))
                    beforeCommit?()
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

    /// The stored form of a baseline section: its identity without the fingerprint list.
    private static func baselineIdentity(_ section: Value) -> String {
        var fields = section.objectValue ?? Fields()
        fields["persisting_fingerprints"] = nil
        return JSONWriter.compact(.object(fields))
    }

    static func labelsText(_ labels: [String: String]) -> String {
        JSONWriter.compact(.object(Fields(labels.map { ($0.key, Value.string($0.value)) })))
    }

    /// The score as the results summary writes it (4 decimals).
    static func roundedScore(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }

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

    /// A value computed on another thread while the caller goes on.
    ///
    /// Sendable: `value` is written once before `done` is signalled and read only after `wait`.
    final class Background<Result: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var value: Result?

        init(_ work: @escaping @Sendable () -> Result) {
            DispatchQueue.global().async {
                self.value = work()
                self.done.signal()
            }
        }

        /// Waits for the value (the semaphore orders the write before this read).
        func wait() -> Result? {
            done.wait()
            return value
        }
    }

    /// Runs raw SQL (tests use it to tamper with a database).
    func execute(_ sql: String) throws {
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
    }
}
