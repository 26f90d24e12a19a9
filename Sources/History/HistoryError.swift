public import PolicyEngine

/// Why the run history could not be opened, read or written. Every case names the database
/// file; the CLI prints it as `file: error: message` and exits 2.
public enum HistoryError: Error, Sendable, Hashable, DiagnosticError {
    /// No database at the path (reading commands never create one).
    case missing(database: String)
    /// SQLite refused to open, read or write it.
    case database(database: String, reason: String)
    /// The database was written by a newer Assay (it has migrations this build does not know).
    case newerSchema(database: String, unknownMigrations: [String])
    /// The file is not an Assay run history (empty, not SQLite, or another application's database).
    case notHistory(database: String, reason: String)
    /// The database was written by an older Assay and needs its migrations, which only a recording run applies.
    case olderSchema(database: String, pendingMigrations: [String])
    /// A run reference names no recorded run.
    case unknownRun(database: String, reference: String, latest: String?)
    /// A run reference is not `N`, `latest` or `latest~N`.
    case invalidReference(database: String, reference: String)
    /// A section of the result to record does not have its schema (nothing is recorded).
    case malformedSection(database: String, error: SectionError)

    /// The message and the file it is about.
    public var diagnostic: Diagnostic {
        switch self {
        case .missing(let database):
            return Diagnostic(file: database, message: "no run history here (record one with `assay evaluate --history \(database)`)")
        case .database(let database, let reason):
            return Diagnostic(file: database, message: "run history: \(reason)")
        case .newerSchema(let database, let unknown):
            return Diagnostic(file: database, message: "run history was written by a newer Assay (unknown migrations: "
                              + "\(unknown.joined(separator: ", "))); upgrade assay to use it")
        case .notHistory(let database, let reason):
            return Diagnostic(file: database, message: "not an Assay run history: \(reason)")
        case .olderSchema(let database, let pending):
            return Diagnostic(file: database, message: "run history was written by an older Assay (pending migrations: "
                              + "\(pending.joined(separator: ", "))); record a run with `assay evaluate --history \(database)` to upgrade it")
        case .unknownRun(let database, let reference, let latest):
            let known = latest.map { "runs are 1…\($0)" } ?? "no run is recorded yet"
            return Diagnostic(file: database, message: "no recorded run '\(reference)' (\(known))")
        case .invalidReference(let database, let reference):
            return Diagnostic(file: database, message: "'\(reference)' is not a run reference: use a run id (12), latest or latest~N")
        case .malformedSection(let database, let error):
            return Diagnostic(file: database, message: "the run was not recorded: its results have a malformed section: \(error)")
        }
    }
}
