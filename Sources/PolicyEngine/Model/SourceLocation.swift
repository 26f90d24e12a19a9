/// Where something is in a file: the one location type. A policy's condition (`file:line:column`),
/// the record a resource was read from (`file#/pointer` for JSON, `file:line` for CSV rows, JSON
/// Lines and YAML items), the place of an error. What differs between those uses is which parts are
/// known, not the type: `SourceReference` (a resource's source), `DeclarationLocation` (a `.tf`
/// block) and `Diagnostic` (a message for the user) each *contain* a `SourceLocation`.
///
/// Lines and columns are 1-based; nil (or 0 given to `init`) means not known. They are kept in 32
/// bits — a location travels with every resource and finding, and a million of them are read at
/// once — and a number past 4,294,967,295 is kept as that.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as given by the user (relative paths stay relative).
    public var file: String
    /// RFC 6901 JSON pointer to the item (`/configurationItems/3`), for JSON inputs.
    public var pointer: String?
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// 1-based line, when known.
    public var line: Int? {
        get { storedLine == 0 ? nil : Int(storedLine) }
        set { storedLine = Self.stored(newValue) }
    }

    /// 1-based column, when known.
    public var column: Int? {
        get { storedColumn == 0 ? nil : Int(storedColumn) }
        set { storedColumn = Self.stored(newValue) }
    }

    /// Creates a location; a line or column of 0 (or less) is one not known.
    public init(file: String, line: Int? = nil, column: Int? = nil, pointer: String? = nil) {
        self.file = file
        self.pointer = pointer
        storedLine = Self.stored(line)
        storedColumn = Self.stored(column)
    }

    /// `file:line:column` as compilers print it, dropping what is not known: `file:line`, `file`
    /// (a column without a line is not shown). Diagnostics start with it; the pointer is not part of it.
    public var lineColumnText: String {
        guard let line else { return file }
        guard let column else { return file + ":" + String(line) }
        return file + ":" + String(line) + ":" + String(column)
    }

    /// `file#pointer` when the location has a pointer, else `lineColumnText`.
    public var description: String {
        if let pointer { return file + "#" + pointer }
        return lineColumnText
    }

    /// The location `count` columns to the right (a problem inside a scalar); unchanged when the
    /// line or column is not known.
    public func movedRight(by count: Int) -> SourceLocation {
        guard line != nil, let column else { return self }
        var moved = self
        moved.column = column + count
        return moved
    }

    private static func stored(_ number: Int?) -> UInt32 {
        guard let number, number > 0 else { return 0 }
        return UInt32(clamping: number)
    }
}
