/// Where bytes stop being valid UTF-8. Inputs must be UTF-8 (JSON by RFC 8259; CSV and YAML
/// registers by Assay's rule): an invalid byte is an input error at its line and column instead
/// of a U+FFFD that silently changes a resource id, a name or a tag key (docs/limits.md).
public enum UTF8Validation {
    /// The offset of the first byte that does not belong to a valid UTF-8 sequence (overlong
    /// forms, surrogates and code points past U+10FFFF are invalid); nil when all are valid.
    public static func firstInvalidByte(in bytes: ByteView) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII fast path: eight bytes at a time.
            while index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// The first invalid byte of a whole text file, located for a message.
    public struct Failure: Sendable, Equatable {
        /// 1-based line and byte column.
        public var line: Int
        public var column: Int
        /// What is wrong and what was expected.
        public var message: String
    }

    /// The first invalid byte of text that starts a line (a file, a CSV record), with its line
    /// (1 for the first) and column; nil when valid.
    public static func check(_ bytes: ByteView) -> Failure? {
        guard let bad = firstInvalidByte(in: bytes) else { return nil }
        let before = bytes.extracting(..<bad)
        let line = 1 + before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let column = bad - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return Failure(line: line, column: column, message: "invalid UTF-8 (\(describe(bytes[bad]))); save the file as UTF-8 text")
    }

    /// `check` over an array.
    public static func check(_ bytes: [UInt8]) -> Failure? {
        bytes.withByteView { check($0) }
    }

    /// `0xFF`-style hex of a byte, for messages.
    public static func describe(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
