import PolicyEngine

/// The first record of each key among a run's records, for grouping the records of one resource.
///
/// The keys' hashes are computed on every core; only the table is filled on one thread, by open
/// addressing over record positions. A `[String: Int]` of a million ids hashed every key
/// on the grouping thread, and was freed there key by key: the largest one-core step of a
/// million-resource run (~0.5 s). The hash is the key's `hashValue` and keys are compared with
/// `==`, so records group exactly as in a dictionary (for strings: canonical equivalence).
struct FirstRecordTable<Key: Hashable & Sendable>: Sendable {
    /// A record's key (nil for records that are not grouped by key), made again where two
    /// records' hashes are equal: only the hashes are kept, not a million keys to free.
    private let key: @Sendable (Int) -> Key?
    /// Each record's key hash.
    private let hashes: [Int]
    /// Record position + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private let mask: Int

    /// The table for the records whose `key` is not nil, none claimed yet (see `claim`).
    init(count: Int, key: @escaping @Sendable (Int) -> Key?) {
        self.key = key
        // Hashed on every core, into one array built in place.
        hashes = ParallelMap.map(Array(0..<count), minimumChunk: 8_192) { position in key(position)?.hashValue ?? 0 }
        // At most half full: probes stay short.
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The first claimed record with the key of the record at `position` (itself when none was
    /// claimed before, and it is then claimed). The record must have a key.
    mutating func claim(_ position: Int) -> Int {
        let hash = hashes[position]
        var slot = hash & mask
        var own: Key?
        while true {
            let occupant = Int(slots[slot]) - 1
            if occupant < 0 {
                slots[slot] = Int32(truncatingIfNeeded: position + 1)
                return position
            }
            if hashes[occupant] == hash {
                if own == nil { own = key(position) }
                if key(occupant) == own { return occupant }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The first claimed record whose key is `wanted`, if any.
    func first(withKey wanted: Key) -> Int? {
        let hash = wanted.hashValue
        var slot = hash & mask
        while true {
            let occupant = Int(slots[slot]) - 1
            if occupant < 0 { return nil }
            if hashes[occupant] == hash && key(occupant) == wanted { return occupant }
            slot = (slot + 1) & mask
        }
    }
}
