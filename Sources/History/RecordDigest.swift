import GRDB
import PolicyEngine

/// One stored value, as SQLite keeps it. The writer builds rows of cells, hashes them and
/// inserts them; the verifier reads the same columns back as cells and hashes them the same
/// way, so both sides share one definition of the record.
enum Cell: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// A count.
    static func count(_ value: Int) -> Cell { .integer(Int64(value)) }

    /// Optional text (NULL when absent).
    static func optional(_ text: String?) -> Cell { text.map(Cell.text) ?? .null }

    /// The GRDB value to bind.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    /// The cell of a value read back (a BLOB, which Assay never writes, is hashed as its hex).
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text("blob:" + SHA256.hex(Array(data)))
        }
    }

    /// The text, when the cell holds text.
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The integer, when the cell holds one.
    var integer: Int? {
        if case .integer(let number) = self { return Int(number) }
        return nil
    }
}

/// The canonical byte form of rows, hashed with SHA-256. Each cell is written with its type and
/// length (`n;`, `i<decimal>;`, `r<IEEE-754 bits in hex>;`, `t<UTF-8 byte count>:<text>`), each row
/// ends with a newline, so no value can imitate a boundary. docs/history.md states the same.
struct RecordDigest {
    private var hasher = SHA256()
    /// One row's bytes, reused between rows.
    private var buffer: [UInt8] = []

    /// Starts a digest with a domain marker (`assay.run.v1`, `assay.table.v1 finding`).
    init(domain: String) {
        hasher.update(domain + "\n")
    }

    /// Adds one row.
    mutating func add(_ row: [Cell]) {
        buffer.removeAll(keepingCapacity: true)
        for cell in row {
            switch cell {
            case .null: buffer.append(contentsOf: "n;".utf8)
            case .integer(let number): buffer.append(contentsOf: "i\(number);".utf8)
            case .real(let number): buffer.append(contentsOf: "r\(String(number.bitPattern, radix: 16));".utf8)
            case .text(let value):
                buffer.append(contentsOf: "t\(value.utf8.count):".utf8)
                buffer.append(contentsOf: value.utf8)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        hasher.update(buffer)
    }

    /// The lower-case hex digest.
    mutating func hex() -> String { hasher.hexDigest() }

    /// The digest of a child table's rows of one run (`rows` hold the table's `columns`; only
    /// its `hashedColumns` enter the digest).
    static func table(_ table: HistorySchema.Table, rows: [[Cell]]) -> String {
        var digest = RecordDigest(domain: "assay.table.v1 \(table.rawValue)")
        let hashed = table.hashedColumns.compactMap { table.columns.firstIndex(of: $0) }
        if hashed.count == table.columns.count {
            for row in rows { digest.add(row) }
        } else {
            for row in rows { digest.add(hashed.map { $0 < row.count ? row[$0] : .null }) }
        }
        return digest.hex()
    }

    /// The record hash of a run row (`HistorySchema.runColumns`, in order).
    static func record(_ runRow: [Cell]) -> String {
        var digest = RecordDigest(domain: "assay.run.v1")
        digest.add(runRow)
        return digest.hex()
    }
}
