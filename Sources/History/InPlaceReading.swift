import GRDBSQLite

// MARK: - History's part of the unsafe corner
//
// The one place History hands SQLite a pointer (see the rules in
// Sources/PolicyEngine/InPlaceReading.swift): binding text without GRDB's per-row arrays.

/// SQLite's `SQLITE_TRANSIENT` destructor: SQLite copies the bytes before the bind call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Binds `text` to parameter `index` of `statement`; SQLite copies it (`SQLITE_TRANSIENT`), so
/// the bytes need to live only during the call.
func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String) -> Int32 {
    var copy = text
    return copy.withUTF8 { buffer in sqlite3_bind_text(statement, index, buffer.baseAddress, Int32(buffer.count), transient) }
}
