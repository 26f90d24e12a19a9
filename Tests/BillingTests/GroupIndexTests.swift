import Testing
import Billing

/// The group index against a `Dictionary` doing the same job: same slot for the same key,
/// dense slots in first-seen order, keys readable back, through several table doublings.
struct GroupIndexTests {
    @Test func slotsMatchADictionaryThroughRehashes() {
        let index = GroupIndex()
        var reference: [SIMD8<Int32>: Int] = [:]
        var order: [SIMD8<Int32>] = []
        var state: UInt64 = 7
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Small ids, as interners hand out, with many repeats.
            let a = Int32((state >> 40) % 40), b = Int32((state >> 20) % 90), c = Int32(state >> 60) - 2
            let key = SIMD8<Int32>(a, b, c, -1, -2, -2, -2, -2)
            let (slot, isNew) = index.slot(for: key)
            if let known = reference[key] {
                #expect(!isNew)
                #expect(slot == known)
            } else {
                #expect(isNew)
                #expect(slot == order.count)
                reference[key] = slot
                order.append(key)
            }
        }
        #expect(index.count == order.count)
        #expect(order.count > 1_000)
        #expect((0..<index.count).allSatisfy { index.key($0) == order[$0] })
    }
}
