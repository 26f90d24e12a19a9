/// Follows JSON string boundaries one byte at a time, escapes included: the one rule for "is this
/// byte inside a string" that every byte-level JSON scan shares (the streaming array readers in
/// `Inventory`, the history's `PrettyJSON`).
@frozen public struct JSONStringTracker {
    /// Where a byte stands relative to strings.
    public enum Step {
        /// Structural text between strings.
        case outside
        /// The quote opening a string.
        case opened
        /// A byte of a string's content (escapes included).
        case inside
        /// The quote closing a string.
        case closed
    }

    @usableFromInline var inString = false
    @usableFromInline var escaped = false

    /// A tracker standing outside any string.
    @inlinable @inline(__always) public init() {}

    /// Classifies the next byte.
    @inlinable @inline(__always) public mutating func step(_ byte: UInt8) -> Step {
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

    /// Skips string content that is neither a quote nor a backslash (every such byte would
    /// step as `.inside`), eight bytes at a time; returns where per-byte stepping resumes.
    /// Most of a JSON text is string content, so this is where a structural scan spends its time.
    @inlinable @inline(__always) public func skipInside(_ bytes: ByteView, from start: Int) -> Int {
        guard inString && !escaped else { return start }
        let raw = bytes
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= count {
            // Little-endian order puts the first byte lowest; a zero byte of `word ^ pattern`
            // marks a match, and the lowest flagged byte is exact.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quotes = word ^ 0x2222_2222_2222_2222
            let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let found = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") { index += 1 }
        return index
    }
}
