import GRDB
import GRDBSQLite

/// Inserts many rows through one prepared statement, binding the cells with SQLite's C API:
/// for a run of 100,000 findings, GRDB's per-row argument arrays cost more than SQLite itself.
/// Used only inside the recording transaction.
struct RowInserter {
    private let statement: Statement
    private let connection: SQLiteConnection?

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// Inserts one row: `sequence`, `ordinal`, then `cells`.
    func insert(sequence: Int, ordinal: Int, _ cells: [Cell]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, Int64(sequence))
        sqlite3_bind_int64(handle, 2, Int64(ordinal))
        for (offset, cell) in cells.enumerated() {
            let index = Int32(offset + 3)
            switch cell {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text):
                _ = bindText(handle, index, text)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
