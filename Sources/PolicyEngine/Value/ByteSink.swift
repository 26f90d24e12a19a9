/// Where a writer puts bytes: a growing `[UInt8]`, or a `ByteCursor` into room an array has
/// reserved. Writers of many short pieces (the JSON report's findings) are written once over
/// this protocol and specialized for both.
public protocol ByteSink {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends the bytes of a view.
    mutating func append(contentsOf bytes: ByteView)
}

extension Array: ByteSink where Element == UInt8 {}

extension ByteSink {
    /// Appends a literal's bytes.
    @inlinable @inline(__always) public mutating func append(_ literal: StaticString) {
        append(contentsOf: ByteView(literal))
    }

    /// Appends a byte as two lower-case hex digits (digests, JSON's `\u00XX`).
    @inlinable @inline(__always) public mutating func appendHex(_ byte: UInt8) {
        let digits = ByteView("0123456789abcdef")
        append(digits[Int(byte >> 4)])
        append(digits[Int(byte & 0x0F)])
    }
}
