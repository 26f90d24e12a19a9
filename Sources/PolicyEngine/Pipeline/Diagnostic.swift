/// A diagnostic for the user: a message at a location — `file:line:column: error: message`, the
/// source line and a caret. The place is a `SourceLocation` (printed as `lineColumnText`; a
/// record's pointer, when it matters, is part of the message).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, if it is in a file.
    public var location: SourceLocation?
    /// What is wrong and what was expected.
    public var message: String
    /// The offending source line, for the caret display.
    public var sourceLine: String?

    /// Creates a diagnostic at `location`.
    public init(at location: SourceLocation?, message: String, sourceLine: String? = nil) {
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// Creates a diagnostic in `file` (nil: not in a file) at `line` and `column`.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String, sourceLine: String? = nil) {
        self.init(at: file.map { SourceLocation(file: $0, line: line, column: column) }, message: message, sourceLine: sourceLine)
    }

    /// The file, if the problem is in one.
    public var file: String? {
        get { location?.file }
        set { location = newValue.map { SourceLocation(file: $0, line: location?.line, column: location?.column) } }
    }

    /// `file:line:column: error: message` plus the source line and a caret under the column.
    public var description: String {
        var text = location.map { $0.lineColumnText + ": " } ?? ""
        text += "error: \(message)"
        if let sourceLine, let column = location?.column {
            let shown = sourceLine.replacingAll("\t", with: " ")
            text += "\n" + shown + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return text
    }
}
