/// Maps group keys (up to eight interned ids) to dense slots 0, 1, 2, … in first-seen order:
/// an open-addressing table with a multiply-xorshift hash, so a row's group lookup is a few
/// arithmetic instructions and usually one probe. Swift's `Dictionary` hashes with SipHash
/// through `Hasher`, which was most of the aggregation's cost per row.
///
/// Each worker has its own; it is not shared between threads.
public final class GroupIndex {
    @exclusivity(unchecked) private var keys: UnsafeMutablePointer<SIMD8<Int32>>
    @exclusivity(unchecked) private var keyCapacity = 64
    /// Slot of each table position; -1 when empty.
    @exclusivity(unchecked) private var table: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var tableMask = 255
    /// Number of distinct keys (the next slot).
    @exclusivity(unchecked) public private(set) var count = 0

    /// An empty index.
    public init() {
        keys = .allocate(capacity: keyCapacity)
        table = .allocate(capacity: tableMask + 1)
        table.initialize(repeating: -1, count: tableMask + 1)
    }

    deinit {
        keys.deallocate()
        table.deallocate()
    }

    /// The slot of `key`, adding it (as slot `count`) when it is new; `isNew` tells which.
    @inline(__always) public func slot(for key: SIMD8<Int32>) -> (slot: Int, isNew: Bool) {
        var position = Self.hash(key) & tableMask
        while true {
            let slot = table[position]
            if slot < 0 { return (insert(key, at: position), true) }
            if keys[Int(slot)] == key { return (Int(slot), false) }
            position = (position &+ 1) & tableMask
        }
    }

    /// The key of `slot` (0 ..< count).
    public func key(_ slot: Int) -> SIMD8<Int32> { keys[slot] }

    private func insert(_ key: SIMD8<Int32>, at position: Int) -> Int {
        if count == keyCapacity {
            let grown = UnsafeMutablePointer<SIMD8<Int32>>.allocate(capacity: keyCapacity * 2)
            grown.moveInitialize(from: keys, count: count)
            keys.deallocate()
            keys = grown
            keyCapacity *= 2
        }
        let slot = count
        (keys + slot).initialize(to: key)
        table[position] = Int32(slot)
        count += 1
        if count * 2 > tableMask { rehash() }
        return slot
    }

    /// Doubles the table (kept at most half full, so probes stay short).
    private func rehash() {
        let newMask = tableMask * 2 + 1
        let newTable = UnsafeMutablePointer<Int32>.allocate(capacity: newMask + 1)
        newTable.initialize(repeating: -1, count: newMask + 1)
        for slot in 0..<count {
            var position = Self.hash(keys[slot]) & newMask
            while newTable[position] >= 0 { position = (position &+ 1) & newMask }
            newTable[position] = Int32(slot)
        }
        table.deallocate()
        table = newTable
        tableMask = newMask
    }

    /// Mixes the key's four 64-bit words (ids are small integers, so every bit must spread).
    @inline(__always) private static func hash(_ key: SIMD8<Int32>) -> Int {
        let words = unsafeBitCast(key, to: SIMD4<UInt64>.self)
        var state = (words[0] ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 31) ^ words[1]) &* 0x94D0_49BB_1331_11EB
        state = (state ^ (state >> 29) ^ words[2]) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 32) ^ words[3]) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: state ^ (state >> 29))
    }
}
