import Testing
import Billing

/// The interner against a `Dictionary`: values that differ in a single byte at any position,
/// at every length from 1 to 40 (both sides of the 4-, 8- and 16-byte word boundaries), get
/// distinct ids; repeats get the same id; every id reads back as its text.
struct ByteInternerTests {
    @Test func oneByteDifferencesAtEveryPositionAndLength() {
        let interner = ByteInterner()
        var reference: [[UInt8]: Int32] = [:]
        func check(_ value: [UInt8]) {
            let id = value.withByteView { interner.intern($0) }
            if let known = reference[value] {
                #expect(id == known)
            } else {
                #expect(id == Int32(reference.count))
                reference[value] = id
            }
        }
        for length in 1...40 {
            let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            check(base)
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "Z")
                check(changed)
                check(changed)
            }
        }
        #expect(interner.count == reference.count)
        for (value, id) in reference { #expect(interner.string(id) == String(decoding: value, as: UTF8.self)) }
        #expect([UInt8]().withByteView { interner.intern($0) } == -1)
    }
}
