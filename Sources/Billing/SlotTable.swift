import PolicyEngine

/// The open-addressing part that `ByteInterner` and `GroupIndex` share: table positions holding
/// dense slot numbers (-1 when empty), linear probing, kept at most half full. The owner keeps
/// the entries and supplies their hashes and the equality test.
struct SlotTable {
    private var positions: ManualBuffer<Int32>
    private var mask: Int

    /// A table of `capacity` positions (a power of two).
    init(capacity: Int) {
        mask = capacity - 1
        positions = ManualBuffer(repeating: -1, count: capacity)
    }

    /// Frees the table; the owner calls it from its `deinit`.
    func deallocate() { positions.deallocate() }

    /// Probes from `hash` until `matches` accepts a slot (returned) or an empty position is
    /// found (slot -1; `position` is where a new slot goes).
    @inline(__always) func find(hash: Int, _ matches: (Int32) -> Bool) -> (position: Int, slot: Int32) {
        var position = hash & mask
        while true {
            let slot = positions[position]
            if slot < 0 || matches(slot) { return (position, slot) }
            position = (position &+ 1) & mask
        }
    }

    /// Puts `slot` at `position` (from `find`); when the table gets half full it doubles,
    /// re-placing slots `0..<slotCount` by `hashOf`.
    mutating func insert(_ slot: Int32, at position: Int, slotCount: Int, hashOf: (Int32) -> Int) {
        positions[position] = slot
        guard slotCount * 2 > mask else { return }
        let newMask = mask * 2 + 1
        let grown = ManualBuffer<Int32>(repeating: -1, count: newMask + 1)
        for existing in 0..<Int32(slotCount) {
            var target = hashOf(existing) & newMask
            while grown[target] >= 0 { target = (target &+ 1) & newMask }
            grown[target] = existing
        }
        positions.deallocate()
        positions = grown
        mask = newMask
    }
}
