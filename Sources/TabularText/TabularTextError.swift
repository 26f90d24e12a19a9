/// Why reading delimited text failed below the level of a single record: the file cannot be
/// opened or read, its gzip stream is corrupt or truncated, or a record never ends.
public enum TabularTextError: Error, Sendable, Equatable {
    /// The file cannot be opened.
    case cannotOpen(path: String, reason: String)
    /// A read from the file failed.
    case readFailed(path: String, reason: String)
    /// The gzip stream is not valid deflate data.
    case corruptGzip(path: String, reason: String)
    /// The gzip stream ends before its last member is complete (a truncated download).
    case truncatedGzip(path: String)
    /// Bytes that are not gzip follow a complete gzip member, at this byte offset of the file.
    case trailingGarbage(path: String, offset: Int)
    /// One record (a row, with any quoted line breaks) is longer than the reader accepts; usually
    /// an opening quote that is never closed.
    case recordTooLong(path: String, limit: Int)

    /// A one-line explanation for the user.
    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open '\(path)': \(reason)"
        case .readFailed(let path, let reason): return "cannot read '\(path)': \(reason)"
        case .corruptGzip(_, let reason): return "corrupt gzip data: \(reason)"
        case .truncatedGzip: return "gzip data ends unexpectedly (truncated file?)"
        case .trailingGarbage(_, let offset): return "data that is not gzip follows the last complete gzip member (at byte \(offset))"
        case .recordTooLong(_, let limit):
            return "a record is longer than \(limit / (1 << 20)) MiB; is a quoted field never closed?"
        }
    }
}

/// A syntax error inside one CSV record, located by line and byte column in its chunk.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// A quoted field runs to the end of the input.
        case unterminatedQuote
        /// A `"` appears inside an unquoted field.
        case quoteInUnquotedField
        /// Something other than a delimiter or line end follows a closing quote.
        case textAfterClosingQuote
    }

    /// What is wrong.
    public var kind: Kind
    /// 1-based line, counted from the start of the chunk.
    public var line: Int
    /// 1-based byte column in that line.
    public var column: Int

    /// Creates an error.
    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A one-line explanation for the user.
    public var message: String {
        switch kind {
        case .unterminatedQuote: return "quoted field is never closed"
        case .quoteInUnquotedField: return "unexpected '\"' inside an unquoted field (quote the whole field and double the quote)"
        case .textAfterClosingQuote: return "unexpected text after a closing quote (expected a delimiter or the end of the line)"
        }
    }
}

extension TabularTextError: CustomStringConvertible {
    /// The one-line explanation (`message`), so that an error shown as text is never raw enum syntax.
    public var description: String { message }

    /// The explanation without the path, for messages that name the file already.
    public var reason: String {
        switch self {
        case .cannotOpen(_, let reason), .readFailed(_, let reason): return reason
        default: return message
        }
    }
}
