import PolicyEngine
import Testing
@testable import Billing

/// Requested tag keys are matched by length and two identifying words (every byte of a key of up
/// to 16 bytes), longer keys byte for byte: the position must be the one a plain comparison of
/// the bytes gives, for keys that differ in one byte anywhere, in length only, or beyond 16 bytes.
@Suite("Requested tag key lookup")
struct TagKeyLookupTests {
    static let requested = [
        "environment", "owner", "cost-center", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklmnop",
        "abcdefghijklmnopq", "team/long-key-name-beyond-sixteen", "",
    ]

    static func position(_ key: String, in keys: RequestedTagKeys) -> Int? {
        var text = key
        return text.withByteView { keys.lookup.position(of: $0) }
    }

    @Test("equals a byte-for-byte search")
    func equalsPlainSearch() {
        let keys = RequestedTagKeys(TagRequest(keys: Self.requested))
        var candidates = Self.requested + ["Environment", "environmenT", "owners", "cost_center", "abce", "abcdefgi", "abcdefgx", "bbcdefgh",
            "abcdefghijklmnoP", "abcdefghijklmnopr", "team/long-key-name-beyond-sixteeN", "team/long-key-nameXbeyond-sixteen", "user:owner"]
        // Every requested key with each byte changed once.
        for key in Self.requested where !key.isEmpty {
            for index in key.utf8.indices {
                var bytes = Array(key.utf8)
                bytes[key.utf8.distance(from: key.utf8.startIndex, to: index)] ^= 0x01
                candidates.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        for candidate in candidates {
            #expect(Self.position(candidate, in: keys) == Self.requested.firstIndex(of: candidate), "\(candidate)")
        }
    }

    @Test("no keys requested")
    func nothingRequested() {
        let keys = RequestedTagKeys(TagRequest())
        #expect(Self.position("environment", in: keys) == nil)
        #expect(Self.position("", in: keys) == nil)
        #expect(keys.lookup.all == false)
        #expect(RequestedTagKeys(TagRequest(all: true)).lookup.all)
    }
}
