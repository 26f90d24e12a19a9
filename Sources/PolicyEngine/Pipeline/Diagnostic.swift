/// A diagnostic for the user: `file:line:column: error: message`, the source line and a caret.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file, if the problem is in one.
    public var file: String?
    /// 1-based line.
    public var line: Int?
    /// 1-based column.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String
    /// The offending source line, for the caret display.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message` plus the source line and a caret under the column.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        var text = "\(location)error: \(message)"
        if let sourceLine, let column {
            let shown = sourceLine.replacingAll("\t", with: " ")
            text += "\n" + shown + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return text
    }
}
