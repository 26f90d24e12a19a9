public import PolicyEngine

/// Everything that can go wrong reading an inventory or record file. Each case names the file
/// and, where it has one, the line and column or row.
public enum InventoryError: Error, Sendable, Equatable, DiagnosticError {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// JSON syntax error at a position.
    case malformedJSON(file: String, line: Int, column: Int, reason: String, sourceLine: String?)
    /// The document's structure is not what the format requires.
    case unexpectedStructure(file: String, pointer: String, expected: String, line: Int? = nil, column: Int? = nil)
    /// A record lacks its id field, or a row is malformed.
    case invalidRecord(file: String, line: Int?, pointer: String?, reason: String)
    /// A CSV row cannot be tokenised (broken quote, wrong column count).
    case malformedCSV(file: String, line: Int, column: Int, reason: String, sourceLine: String?)
    /// No reader recognises the file.
    case unrecognisedFormat(file: String, detail: String)
    /// The located message.
    public var diagnostic: Diagnostic {
        switch self {
        case .unreadable(let file, let reason):
            return Diagnostic(file: file, message: "cannot read input: \(reason)")
        case .malformedJSON(let file, let line, let column, let reason, let sourceLine):
            return Diagnostic(file: file, line: line, column: column, message: "malformed JSON: \(reason)", sourceLine: sourceLine)
        case .unexpectedStructure(let file, let pointer, let expected, let line, let column):
            return Diagnostic(file: file, line: line, column: column,
                              message: "unexpected structure at \(pointer.isEmpty ? "the document root" : pointer): expected \(expected)")
        case .invalidRecord(let file, let line, let pointer, let reason):
            let place = pointer.map { " (at \($0))" } ?? ""
            return Diagnostic(file: file, line: line, message: "invalid record\(place): \(reason)")
        case .malformedCSV(let file, let line, let column, let reason, let sourceLine):
            return Diagnostic(file: file, line: line, column: column, message: "malformed CSV: \(reason)", sourceLine: sourceLine)
        case .unrecognisedFormat(let file, let detail):
            return Diagnostic(file: file, message: "cannot tell the input format: \(detail)")
        }
    }
}
