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
    public init() { buffer.reserveCapacity(64) }

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
        let bitLength = totalLength &* 8
        var padding: [UInt8] = [0x80]
        let remainder = Int((totalLength + 1) % 64)
        padding.append(contentsOf: repeatElement(0, count: remainder <= 56 ? 56 - remainder : 120 - remainder))
        for shift in stride(from: 56, through: 0, by: -8) { padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = totalLength
        padding.withByteView { update($0) }
        totalLength = savedLength
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            digest.append(contentsOf: [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
                                       UInt8(truncatingIfNeeded: word)])
        }
        return digest
    }

    /// Lower-case hex of the digest.
    public mutating func hexDigest() -> String { Self.hex(finalize()) }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
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
