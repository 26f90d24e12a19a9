import Testing
import PolicyEngine
@testable import Billing

/// The fast amount parser gives exactly `FixedDecimal.parse`'s value for every text it accepts,
/// accepts the shapes exports write, and leaves everything else to the general parser.
struct PlainDecimalTests {
    private func plain(_ text: String) -> FixedDecimal? {
        Array(text.utf8).withByteView { PlainDecimal.parse($0) }
    }

    @Test func knownValues() {
        // value × 10^20, worked out by hand.
        #expect(plain("0.0028910045") == FixedDecimal(scaled: 28_910_045 * 10_000_000_000))
        #expect(plain("-12.5") == FixedDecimal(scaled: -1_250_000_000_000_000_000_000))
        #expect(plain("3") == FixedDecimal(scaled: 300_000_000_000_000_000_000))
        #expect(plain("999999999999999999.9999999999999999999") == FixedDecimal(scaled: 99_999_999_999_999_999_999_999_999_999_999_999_990))
        #expect(plain("-0") == FixedDecimal.zero)
    }

    @Test func otherShapesAreLeftToTheGeneralParser() {
        for text in ["", "-", ".5", "5.", "+1", " 1", "1 ", "1e3", "1.2.3", "1,000", "0.12345678901234567890", "1234567890123456789", "NULL", "--1", "1-"] {
            #expect(plain(text) == nil, "\(text)")
        }
    }

    @Test func acceptedTextsMatchTheGeneralParser() {
        var state: UInt64 = 0x00DE_C1A1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(next(10))) }) }
        var accepted = 0
        for _ in 0..<20_000 {
            var text = ["", "-", "+"][next(3)] + digits(next(21))
            if next(4) > 0 { text += "." + digits(next(23)) }
            if next(20) == 0 { text += ["e2", " ", "x"][next(3)] }
            guard let fast = plain(text) else { continue }
            accepted += 1
            guard case .success(let general) = FixedDecimal.parse(text) else {
                Issue.record("general parser rejects '\(text)'")
                continue
            }
            #expect(fast == general.value, "\(text)")
        }
        #expect(accepted > 5_000)
    }
}
