import GRDB

/// The database schema: named migrations, applied in order, and the column lists the writer,
/// the readers and the verifier share. docs/history.md describes every column.
enum HistorySchema {
    // MARK: - Migrations

    /// One named schema change.
    struct Migration: Sendable {
        /// Stable name, recorded by GRDB in `grdb_migrations`.
        let name: String
        /// The SQL it runs (inside one transaction).
        let sql: String
    }

    /// Every migration, oldest first. Append only: a database in the field may already have
    /// applied any of them, so an entry is never edited, renamed, removed or reordered (a test pins
    /// their names and SQL digests); a schema change is a new entry at the end.
    static let migrations: [Migration] = [
        Migration(name: "2026-11-27.1 runs, findings, waivers, costs and downtime", sql: """
            CREATE TABLE run (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              as_of TEXT NOT NULL,
              tool_version TEXT NOT NULL,
              config_file TEXT,
              config_sha256 TEXT,
              labels TEXT NOT NULL,
              fail_on TEXT NOT NULL,
              fail_on_unknown INTEGER NOT NULL,
              passing TEXT NOT NULL,
              policy_set_digest TEXT NOT NULL,
              evaluated INTEGER NOT NULL,
              pass INTEGER NOT NULL,
              fail INTEGER NOT NULL,
              waived INTEGER NOT NULL,
              error INTEGER NOT NULL,
              unknown INTEGER NOT NULL,
              blocking INTEGER NOT NULL,
              compliance_score REAL NOT NULL,
              monthly_cost TEXT NOT NULL,
              baseline TEXT,
              inputs_sha256 TEXT NOT NULL,
              policies_sha256 TEXT NOT NULL,
              findings_sha256 TEXT NOT NULL,
              waivers_sha256 TEXT NOT NULL,
              costs_sha256 TEXT NOT NULL,
              downtime_sha256 TEXT NOT NULL,
              results_sha256 TEXT NOT NULL,
              previous_record_sha256 TEXT NOT NULL,
              record_sha256 TEXT NOT NULL UNIQUE
            );
            CREATE TABLE run_input (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              path TEXT NOT NULL,
              format TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              documents INTEGER NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            CREATE TABLE run_policy (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              policy_id TEXT NOT NULL,
              title TEXT NOT NULL,
              severity TEXT NOT NULL,
              enforcement TEXT NOT NULL,
              category TEXT NOT NULL,
              evaluated INTEGER NOT NULL,
              pass INTEGER NOT NULL,
              fail INTEGER NOT NULL,
              waived INTEGER NOT NULL,
              error INTEGER NOT NULL,
              unknown INTEGER NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            CREATE TABLE finding (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              fingerprint TEXT NOT NULL,
              policy_id TEXT NOT NULL,
              resource_id TEXT NOT NULL,
              status TEXT NOT NULL,
              severity TEXT NOT NULL,
              enforcement TEXT NOT NULL,
              item TEXT NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            CREATE TABLE run_document (
              run_seq INTEGER PRIMARY KEY REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              head TEXT NOT NULL,
              tail TEXT NOT NULL
            );
            CREATE TABLE waiver (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              waiver_id TEXT NOT NULL,
              policy_id TEXT NOT NULL,
              resources TEXT NOT NULL,
              reason TEXT NOT NULL,
              owner TEXT NOT NULL,
              ticket TEXT,
              expires TEXT NOT NULL,
              state TEXT NOT NULL,
              matched INTEGER NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            CREATE TABLE cost_group (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              kind TEXT NOT NULL,
              group_key TEXT NOT NULL,
              period TEXT NOT NULL,
              currency TEXT NOT NULL,
              amount TEXT NOT NULL,
              previous_amount TEXT,
              details TEXT NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            CREATE TABLE downtime_application (
              run_seq INTEGER NOT NULL REFERENCES run(seq) ON DELETE CASCADE ON UPDATE CASCADE,
              ordinal INTEGER NOT NULL,
              application TEXT NOT NULL,
              tier TEXT NOT NULL,
              current_strategy TEXT NOT NULL,
              expected_annual_loss TEXT NOT NULL,
              p95 TEXT NOT NULL,
              p99 TEXT NOT NULL,
              recommended_strategy TEXT,
              verdict TEXT,
              net_annual_benefit TEXT,
              details TEXT NOT NULL,
              PRIMARY KEY (run_seq, ordinal)
            );
            """),
    ]

    /// A migrator with every migration registered in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    // MARK: - Tables

    /// The per-run child tables, in the order their digests enter the record hash.
    enum Table: String, CaseIterable, Sendable {
        case input = "run_input"
        case policy = "run_policy"
        case finding
        case waiver
        case cost = "cost_group"
        case downtime = "downtime_application"

        /// The data columns (after `run_seq` and `ordinal`), in hashing order.
        var columns: [String] {
            switch self {
            case .input: return ["path", "format", "sha256", "documents"]
            case .policy:
                return ["policy_id", "title", "severity", "enforcement", "category", "evaluated", "pass", "fail", "waived", "error", "unknown"]
            case .finding: return ["fingerprint", "policy_id", "resource_id", "status", "severity", "enforcement", "item"]
            case .waiver: return ["waiver_id", "policy_id", "resources", "reason", "owner", "ticket", "expires", "state", "matched"]
            case .cost: return ["kind", "group_key", "period", "currency", "amount", "previous_amount", "details"]
            case .downtime:
                return ["application", "tier", "current_strategy", "expected_annual_loss", "p95", "p99", "recommended_strategy", "verdict",
                        "net_annual_benefit", "details"]
            }
        }

        /// The columns the table digest covers: all of them, except a finding's `item` text,
        /// which the results digest covers (the document is rebuilt from the items to check it).
        var hashedColumns: [String] { self == .finding ? columns.filter { $0 != "item" } : columns }

        /// The `run` column holding this table's digest.
        var digestColumn: String {
            switch self {
            case .input: return "inputs_sha256"
            case .policy: return "policies_sha256"
            case .finding: return "findings_sha256"
            case .waiver: return "waivers_sha256"
            case .cost: return "costs_sha256"
            case .downtime: return "downtime_sha256"
            }
        }

        /// What a verification message calls its rows.
        var rowsName: String {
            switch self {
            case .input: return "inputs"
            case .policy: return "per-policy counts"
            case .finding: return "findings"
            case .waiver: return "waivers"
            case .cost: return "cost groups"
            case .downtime: return "downtime outputs"
            }
        }

        /// `INSERT` of one row.
        var insertSQL: String {
            let names = ["run_seq", "ordinal"] + columns
            return "INSERT INTO \(rawValue) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
        }
    }

    /// The `run` columns covered by the record hash, in hashing order: everything but `seq`
    /// (the position is proven by the chain, not by the number) and the record hash itself.
    /// (Named beside their values in `RunColumns.columns`.)
    static let runColumns: [String] = RunColumns.columns.map(\.name)

    /// The previous-record hash of the first run of a chain.
    static let genesis = String(repeating: "0", count: 64)
}
