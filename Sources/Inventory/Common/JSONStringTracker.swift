/// Follows JSON string boundaries one byte at a time, escapes included.
struct JSONStringTracker {
    /// Where a byte stands relative to strings.
    enum Step {
        /// Structural text between strings.
        case outside
        /// The quote opening a string.
        case opened
        /// A byte of a string's content (escapes included).
        case inside
        /// The quote closing a string.
        case closed
    }

    private var inString = false
    private var escaped = false

    /// Classifies the next byte.
    mutating func step(_ byte: UInt8) -> Step {
        guard inString else {
            if byte == UInt8(ascii: "\"") {
                inString = true
                return .opened
            }
            return .outside
        }
        if escaped {
            escaped = false
        } else if byte == UInt8(ascii: "\\") {
            escaped = true
        } else if byte == UInt8(ascii: "\"") {
            inString = false
            return .closed
        }
        return .inside
    }
}
