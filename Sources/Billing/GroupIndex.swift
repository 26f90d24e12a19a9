import PolicyEngine

/// Maps group keys (up to eight interned ids) to dense slots 0, 1, 2, … in first-seen order:
/// an open-addressing table with a multiply-xorshift hash, so a row's group lookup is a few
/// arithmetic instructions and usually one probe. Swift's `Dictionary` hashes with SipHash
/// through `Hasher`, which was most of the aggregation's cost per row.
///
/// Each worker has its own; it is not shared between threads.
public final class GroupIndex {
    @exclusivity(unchecked) private var keys: ManualBuffer<SIMD8<Int32>>
    @exclusivity(unchecked) private var keyCapacity = 64
    @exclusivity(unchecked) private var table = SlotTable(capacity: 256)
    /// Number of distinct keys (the next slot).
    @exclusivity(unchecked) public private(set) var count = 0

    /// An empty index.
    public init() {
        keys = ManualBuffer(capacity: keyCapacity)
    }

    deinit {
        keys.deallocate()
        table.deallocate()
    }

    /// The slot of `key`, adding it (as slot `count`) when it is new; `isNew` tells which.
    @inline(__always) public func slot(for key: SIMD8<Int32>) -> (slot: Int, isNew: Bool) {
        let keys = self.keys
        let found = table.find(hash: Self.hash(key)) { Self.equal(keys[Int($0)], key) }
        if found.slot >= 0 { return (Int(found.slot), false) }
        return (insert(key, at: found.position), true)
    }

    /// The key of `slot` (0 ..< count).
    public func key(_ slot: Int) -> SIMD8<Int32> { keys[slot] }

    private func insert(_ key: SIMD8<Int32>, at position: Int) -> Int {
        if count == keyCapacity {
            keys = keys.grown(to: keyCapacity * 2, moving: count)
            keyCapacity *= 2
        }
        let slot = count
        keys.initialize(at: slot, to: key)
        count += 1
        let keys = self.keys
        table.insert(Int32(slot), at: position, slotCount: count) { Self.hash(keys[Int($0)]) }
        return slot
    }

    // Keys are handled as four 64-bit words: the generic SIMD `==` and lane subscripts compile
    // to lane-by-lane code here.
    private typealias Words = (UInt64, UInt64, UInt64, UInt64)

    @inline(__always) private static func equal(_ lhs: SIMD8<Int32>, _ rhs: SIMD8<Int32>) -> Bool {
        let left = reinterpretBits(lhs, as: Words.self), right = reinterpretBits(rhs, as: Words.self)
        return (left.0 ^ right.0) | (left.1 ^ right.1) | (left.2 ^ right.2) | (left.3 ^ right.3) == 0
    }

    /// Mixes the key's four 64-bit words (ids are small integers, so every bit must spread).
    @inline(__always) private static func hash(_ key: SIMD8<Int32>) -> Int {
        let words = reinterpretBits(key, as: Words.self)
        var state = (words.0 ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 31) ^ words.1) &* 0x94D0_49BB_1331_11EB
        state = (state ^ (state >> 29) ^ words.2) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 32) ^ words.3) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: state ^ (state >> 29))
    }
}
