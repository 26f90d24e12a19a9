/// SHA-256 (FIPS 180-4), incremental. Used for input digests, the policy-set digest, finding
/// fingerprints and the history evidence chain. Implemented here so that the core needs no
/// crypto package (Foundation on Linux has none); verified against the NIST test vectors. The
/// block function is C (`CSHA256`), using the x86 SHA extensions when the CPU has them.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var buffer: [UInt8] = []
    private var totalLength: UInt64 = 0

    /// A fresh hash.
    public init() {}

    /// Feeds bytes.
    public mutating func update(_ bytes: ByteView) {
        totalLength &+= UInt64(bytes.count)
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes.extracting(0..<take))
            offset = take
            if buffer.count == 64 {
                buffer.withByteView { compress($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let whole = (bytes.count - offset) / 64 * 64
        if whole > 0 {
            compress(bytes.extracting(offset..<(offset + whole)))
            offset += whole
        }
        if offset < bytes.count { buffer.append(contentsOf: bytes.extracting(offset...)) }
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) { bytes.withByteView { update($0) } }

    /// Feeds the UTF-8 of a string.
    public mutating func update(_ text: String) {
        var copy = text
        copy.withByteView { update($0) }
    }

    /// The 32-byte digest (the hash value itself is left unusable for further updates).
    public mutating func finalize() -> [UInt8] {
        pad()
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        Digest(state: state).forEachByte { digest.append($0) }
        return digest
    }

    /// Lower-case hex digest (finalizes).
    public mutating func hexDigest() -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        appendHexDigest(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The lower-case hex digest's 64 digits appended to `output` (finalizes).
    public mutating func appendHexDigest(to output: inout [UInt8]) {
        pad()
        Digest(state: state).appendHex(to: &output)
    }

    /// A finished hash: the eight state words.
    struct Digest {
        let state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

        /// The 64 lower-case hex digits appended to `output`, written in place with one
        /// reservation (64 single-byte appends each checked the array's capacity and uniqueness:
        /// a JSON report fingerprints every finding).
        func appendHex(to output: inout [UInt8]) {
            output.appendWriting(maximumCount: 64) { appendHex(to: &$0) }
        }

        /// The 64 lower-case hex digits written through a cursor, eight at a time (a JSON report
        /// writes one digest per finding; digit by digit was 4 % of the 1M JSON phase).
        func appendHex(to cursor: inout ByteCursor) {
            cursor.append(bigEndian: Self.hexDigits(of: state.0))
            cursor.append(bigEndian: Self.hexDigits(of: state.1))
            cursor.append(bigEndian: Self.hexDigits(of: state.2))
            cursor.append(bigEndian: Self.hexDigits(of: state.3))
            cursor.append(bigEndian: Self.hexDigits(of: state.4))
            cursor.append(bigEndian: Self.hexDigits(of: state.5))
            cursor.append(bigEndian: Self.hexDigits(of: state.6))
            cursor.append(bigEndian: Self.hexDigits(of: state.7))
        }

        /// The eight lower-case hex digits of `word`, the first in the most significant byte:
        /// each nibble spread into its own byte, then '0' added, and 39 more ('a' − '0' − 10)
        /// where the nibble is 10 or more (adding 6 carries into its byte's bit 4 just then).
        static func hexDigits(of word: UInt32) -> UInt64 {
            var nibbles = UInt64(word)
            nibbles = (nibbles | (nibbles << 16)) & 0x0000_FFFF_0000_FFFF
            nibbles = (nibbles | (nibbles << 8)) & 0x00FF_00FF_00FF_00FF
            nibbles = (nibbles | (nibbles << 4)) & 0x0F0F_0F0F_0F0F_0F0F
            let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
            return nibbles &+ 0x3030_3030_3030_3030 &+ letters &* 39
        }

        /// The digest's bytes in order: the eight state words, big-endian.
        func forEachByte(_ body: (UInt8) -> Void) {
            func emit(_ word: UInt32) {
                body(UInt8(word >> 24))
                body(UInt8(truncatingIfNeeded: word >> 16))
                body(UInt8(truncatingIfNeeded: word >> 8))
                body(UInt8(truncatingIfNeeded: word))
            }
            emit(state.0); emit(state.1); emit(state.2); emit(state.3); emit(state.4); emit(state.5); emit(state.6); emit(state.7)
        }
    }

    /// The digest of the whole message `bytes[start...]`, hashed in place in one call: the
    /// padding is appended to `bytes` (the caller removes what it no longer needs). For many short
    /// messages (finding fingerprints) this makes no buffer and copies nothing.
    static func digest(ofMessageFrom start: Int, paddingIn bytes: inout [UInt8]) -> Digest {
        appendPadding(messageLength: UInt64(bytes.count - start), to: &bytes)
        var hash = SHA256()
        bytes[start...].withByteView { hash.compress($0) }
        return Digest(state: hash.state)
    }

    /// The padding of a message of `messageLength` bytes (FIPS 180-4 §5.1.1): 0x80, zeros up to
    /// 56 bytes modulo 64, the length in bits as a 64-bit big-endian number (9 to 72 bytes).
    private static func appendPadding(messageLength: UInt64, to bytes: inout [UInt8]) {
        let remainder = Int((messageLength + 1) % 64)
        bytes.append(0x80)
        bytes.append(contentsOf: repeatElement(0, count: remainder <= 56 ? 56 - remainder : 120 - remainder))
        let bitLength = messageLength &* 8
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text.appendHex(byte) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Feeds the padding (`appendPadding`); the length counted stays the message's.
    private mutating func pad() {
        var padding: [UInt8] = []
        padding.reserveCapacity(72)
        Self.appendPadding(messageLength: totalLength, to: &padding)
        let savedLength = totalLength
        padding.withByteView { update($0) }
        totalLength = savedLength
    }

    /// Hex digest of a string's UTF-8.
    public static func hex(of text: String) -> String {
        var hash = SHA256()
        hash.update(text)
        return hash.hexDigest()
    }

    /// Runs the block function (C: the CPU's SHA extensions when present) over whole blocks.
    private mutating func compress(_ blocks: ByteView) {
        guard blocks.count >= 64 else { return }
        SHA256Blocks.compress(&state, blocks)
    }
}
