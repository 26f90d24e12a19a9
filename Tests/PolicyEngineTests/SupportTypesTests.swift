import CSHA256
import Testing
import TestSupport
@testable import PolicyEngine

@Suite("Dates")
struct CivilDateTests {
    @Test("parses dates and timestamps to the UTC date", arguments: [
        ("2026-05-01", "2026-05-01"), ("2026-05-01T10:20:30Z", "2026-05-01"), ("2026-05-01 23:00:00", "2026-05-01"),
        ("2026-05-01T23:30:00-04:00", "2026-05-02"), ("2026-05-01T01:30:00+02:00", "2026-04-30"), ("2026/05/01", "2026-05-01"),
        ("2019-02-12T07:29:16.288Z", "2019-02-12"), ("2024-02-29", "2024-02-29"),
    ])
    func parses(text: String, expected: String) {
        #expect(CivilDate(parsing: text)?.description == expected)
    }

    @Test("rejects non-dates", arguments: ["2025-02-29", "2026-13-01", "N/A", "no_information", "2026-05-01T25:00:00Z", "20260501"])
    func rejects(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("epoch days round-trip and calendar arithmetic clamps month ends")
    func arithmetic() throws {
        for days in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        let date = try #require(CivilDate(parsing: "2026-03-31"))
        #expect(date.adding(months: -1).description == "2026-02-28")
        #expect(date.adding(months: 11).description == "2027-02-28")
        #expect(date.adding(days: 1).description == "2026-04-01")
        #expect(CivilDate(value: .number(1_621_024_924_302))?.description == "2021-05-14")
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("matches the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(of: input) == digest)
    }

    /// Every padding case (the length byte block fits in the last block or needs another one),
    /// against Python's hashlib; `finalize` and `hexDigest` agree.
    @Test("padding at every block boundary", arguments: [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        (55, "576a1bf8d4478657e6dc4af9398544765c2a92cde28478b019235cfed315fc09"),
        (56, "9b20501dfd1d99161c257950f3444f3e49230c351c5c8e0943ef369f85f5205d"),
        (57, "a5534a9d0694341dfde5b1bb3d8addcb38bd46f44a629dc97b3f8fb2721b0720"),
        (63, "30b345906b493f06f69444b6521113511c242f30e29840462950035043682f1e"),
        (64, "d8bc63b4fc1156e5e7d95a418b9bf54cd3174bedbc2db40f74895349b229b3c0"),
        (65, "1ee23b0fbcaecc1aff4a9e8f1645f35ab2c8e13609cd73b68df8b5e3f63ce073"),
        (119, "7a6589821178918ca8d9edaba5abfc1e9b2669564f4469b66885379c1530b2c8"),
        (120, "655250427d56b1b0eeb8497d21428704273458a01772d6881b65c0abac0f8a98"),
        (127, "67d79933e3c9aa8e89f481e071cfca1e9a16c09d7263b5efa3bb01f1a9f8d065"),
        (128, "54c9eb041badfd7064645067b107661fed6113197ce2dd066ba69618abd3732f"),
        (1000, "89f4ff56a25dd1db06a4ce6033603775d705fb96f30f8693733fef602a1ca532"),
    ])
    func padding(length: Int, digest: String) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hash = SHA256()
        hash.update(bytes)
        var copy = hash
        #expect(hash.hexDigest() == digest)
        #expect(SHA256.hex(copy.finalize()) == digest)
        // In one call, padded in place after bytes that are not part of the message (what a
        // finding's fingerprint does at the end of the JSON report's buffer).
        for prefix in [0, 3, 64] {
            var buffer = [UInt8](repeating: 0xEE, count: prefix) + bytes
            var hex: [UInt8] = []
            SHA256.digest(ofMessageFrom: prefix, paddingIn: &buffer).appendHex(to: &hex)
            #expect(String(decoding: hex, as: UTF8.self) == digest, "after \(prefix) other bytes")
            #expect(Array(buffer[0..<(prefix + length)]) == [UInt8](repeating: 0xEE, count: prefix) + bytes, "the message is kept; padding only follows it")
            #expect((buffer.count - prefix) % 64 == 0, "padded to whole blocks")
        }
    }

    @Test("a digest word's eight hex digits, every nibble value in every place")
    func hexDigitsOfAWord() {
        var words: [UInt32] = [0, 0xFFFF_FFFF, 0x0123_4567, 0x89AB_CDEF, 0xA0B0_C0D0, 0x0A0B_0C0D, 0x9A9A_9A9A]
        var state: UInt32 = 0x9E37_79B9
        for _ in 0..<2_000 {
            state = state &* 1_664_525 &+ 1_013_904_223
            words.append(state)
        }
        for word in words {
            let hex = String(word, radix: 16)
            let expected = String(repeating: "0", count: 8 - hex.count) + hex
            let digits = SHA256.Digest.hexDigits(of: word).bigEndian
            let text = withUnsafeBytes(of: digits) { String(decoding: $0, as: UTF8.self) }
            #expect(text == expected)
        }
    }

    @Test("incremental updates equal one update (million a's)")
    func incremental() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var fed = 0
        while fed < 1_000_000 {
            let take = min(chunk.count, 1_000_000 - fed)
            hash.update(Array(chunk[0..<take]))
            fed += take
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The block function this CPU uses (SHA extensions when present) against the portable one,
    /// on seeded random blocks from a non-initial state, one to 300 blocks at a time.
    @Test("the dispatched block function equals the portable one")
    func blockFunctions() {
        var generator = SeededRandom(seed: 0x5EED)
        let data = (0..<(64 * 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for blocks in [1, 2, 3, 16, 299, 300] {
            var fast: [UInt32] = (0..<8).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
            var portable = fast
            data.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                csha256_compress(&fast, base, blocks)
                csha256_compress_portable(&portable, base, blocks)
            }
            #expect(fast == portable, "\(blocks) blocks (SHA extensions: \(csha256_uses_sha_extensions() == 1))")
        }
    }
}

@Suite("Globs, versions and address blocks")
struct MatchingTests {
    @Test("globs match whole strings", arguments: [
        ("arn:aws:s3:::legacy-*", "arn:aws:s3:::legacy-logs", true), ("arn:aws:s3:::legacy-*", "arn:aws:s3:::payments", false),
        ("tagging.*", "tagging.required", true), ("a?c", "abc", true), ("a?c", "ac", false), ("[a-c]x", "bx", true),
        ("[!a-c]x", "bx", false), ("*", "", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false),
    ])
    func globs(pattern: String, text: String, matches: Bool) {
        #expect(Glob(pattern).matches(text) == matches)
    }

    @Test("versions normalise export spellings", arguments: [
        ("TLSv1.2", "1.2", 0), ("TLS1_2", "1.2", 0), ("TLS1_0", "1.2", -1), ("1.3", "1.2", 1), ("TLSv1.2_2021", "1.2", 1),
        ("Policy-Min-TLS-1-2-2019-07", "1.2", 1), ("14", "13.4", 1), ("1.2.0", "1.2", 0),
    ])
    func versions(left: String, right: String, order: Int) throws {
        let lhs = try #require(VersionNumber(parsing: left))
        let rhs = try #require(VersionNumber(parsing: right))
        #expect((lhs < rhs ? -1 : (rhs < lhs ? 1 : 0)) == order)
    }

    @Test("address blocks: containment and public reach", arguments: [
        ("10.1.2.0/24", "10.0.0.0/8", true), ("10.1.2.3", "10.0.0.0/8", true), ("192.168.0.0/16", "10.0.0.0/8", false),
        ("10.0.0.0/7", "10.0.0.0/8", false), ("2001:db8::1", "2001:db8::/32", true), ("::ffff:10.0.0.1", "::ffff:0:0/96", true),
    ])
    func within(inner: String, outer: String, expected: Bool) throws {
        let block = try #require(IPBlock(parsing: inner))
        #expect(block.isWithin(try #require(IPBlock(parsing: outer))) == expected)
    }

    @Test("public address space", arguments: [
        ("0.0.0.0/0", true), ("8.8.8.8", true), ("10.0.0.0/16", false), ("172.16.5.0/24", false), ("100.64.0.1", false),
        ("172.15.0.0/16", true), ("fd00::/8", false), ("2600::/16", true), ("::/0", true),
    ])
    func publicSpace(block: String, expected: Bool) throws {
        #expect(try #require(IPBlock(parsing: block)).reachesPublicSpace == expected)
    }

    @Test("malformed addresses are rejected", arguments: ["10.0.0.256", "10.0.0", "10.0.0.0/33", "1::2::3", "hello", "10.0.0.0/-1"])
    func malformed(text: String) {
        #expect(IPBlock(parsing: text) == nil)
    }

    @Test("closest-name suggestions", arguments: [
        ("eqals", "equals"), ("severty", "severity"), ("within_day", "within_days"), ("gte", "gte"), ("xyzzy", nil),
    ])
    func suggestions(name: String, expected: String?) {
        let candidates = Operator.allCases.map(\.rawValue) + ["severity", "title"]
        #expect(NameSuggester.suggestion(for: name, among: candidates) == expected)
    }
}
