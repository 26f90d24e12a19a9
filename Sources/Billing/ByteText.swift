import PolicyEngine

/// Byte-level text helpers for field values: comparisons without building `String`s.
enum ByteText {
    /// True when both views hold the same bytes.
    @inline(__always) static func equal(_ lhs: FieldBytes, _ rhs: FieldBytes) -> Bool {
        lhs.sameBytes(as: rhs)
    }

    /// ASCII case-insensitive equality with a lowercase literal.
    @inline(__always) static func equalsLowercase(_ bytes: FieldBytes, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount && hasLowercasePrefix(bytes, at: 0, literal)
    }

    /// True when `bytes` contains `needle` (ASCII case-insensitive; `needle` in lowercase).
    static func containsLowercase(_ bytes: FieldBytes, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard length > 0, bytes.count >= length else { return false }
        let first = FieldBytes(needle)[0] | 0x20
        var start = 0
        while start + length <= bytes.count {
            if bytes[start] | 0x20 == first && hasLowercasePrefix(bytes, at: start, needle) { return true }
            start += 1
        }
        return false
    }

    /// The offset of the first byte at or after `start` that equals `first`, `second` or `third`
    /// (after OR-ing each byte with `fold`: 0x20 folds ASCII letters to lower case, 0 compares
    /// as is); `bytes.count` when there is none. Eight bytes at a time: a field's short text is
    /// searched in a few steps instead of a compare and a branch per byte.
    @inline(__always) static func firstIndex(of first: UInt8, _ second: UInt8, _ third: UInt8, in bytes: FieldBytes, from start: Int, fold: UInt8 = 0) -> Int {
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let folding = ones &* UInt64(fold)
        let a = ones &* UInt64(first), b = ones &* UInt64(second), c = ones &* UInt64(third)
        var offset = start
        while offset &+ 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) | folding
            let x = word ^ a, y = word ^ b, z = word ^ c
            // The lowest marked byte is the first zero byte of x, y or z (a borrow can only mark
            // bytes above a zero byte, never below it).
            let found = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & highs
            if found != 0 { return offset &+ found.trailingZeroBitCount &>> 3 }
            offset &+= 8
        }
        while offset < count {
            let byte = bytes[offset] | fold
            if byte == first || byte == second || byte == third { return offset }
            offset &+= 1
        }
        return count
    }

    /// True when `bytes[index...]` starts with `prefix`, ignoring ASCII case (`prefix` is lower case).
    static func hasLowercasePrefix(_ bytes: FieldBytes, at index: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pattern = FieldBytes(prefix)
        for offset in 0..<length where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 { return false }
        return true
    }

    /// True when `bytes` ends with `suffix` (case-sensitive).
    static func hasSuffix(_ bytes: FieldBytes, _ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        return bytes.compareBytes(at: bytes.count - length, with: FieldBytes(suffix), at: 0, count: length) == 0
    }

    /// The bytes of a static string.
    @inline(__always) static func bytes(_ text: StaticString) -> FieldBytes {
        FieldBytes(text)
    }

    /// True for the null spellings exports use in place of an empty field: `NULL`, `null`.
    @inline(__always) static func isNullLiteral(_ bytes: FieldBytes) -> Bool {
        bytes.count == 4 && (equalsLowercase(bytes, "null"))
    }

    /// The field with null literals turned into the empty view.
    @inline(__always) static func valueOrEmpty(_ bytes: FieldBytes) -> FieldBytes {
        isNullLiteral(bytes) ? FieldBytes() : bytes
    }

    /// A string from bytes.
    static func string(_ bytes: FieldBytes) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The view without leading and trailing ASCII blanks.
    static func trimmed(_ bytes: FieldBytes) -> FieldBytes {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return bytes.extracting(start..<end)
    }
}
