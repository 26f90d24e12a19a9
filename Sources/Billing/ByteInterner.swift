public import PolicyEngine
import TabularText

/// Maps byte strings to small integer ids without building `String`s: one hash and one probe
/// per field in the hot loop. Each worker has its own; ids are turned back into strings once per
/// distinct value when partial results are merged. Public so that benchmark and tool sinks key
/// their own tables the same way.
///
/// Dimension values are short (account ids, service codes, tag values), so a value of up to 16
/// bytes is read as two 64-bit words that identify it completely for its length (the first and
/// last 8 bytes, overlapping; or first and last 4; or first, middle and last byte): hashing is
/// two multiplies and a hit compares registers instead of calling `memcmp`.
public final class ByteInterner {
    /// One distinct value: where its bytes are in the arena, and its identifying words.
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        var first: UInt64
        var second: UInt64
    }

    @exclusivity(unchecked) private var arena: ManualBuffer<UInt8>
    @exclusivity(unchecked) private var arenaCapacity = 1 << 16
    @exclusivity(unchecked) private var arenaUsed = 0
    @exclusivity(unchecked) private var entries: ManualBuffer<Entry>
    @exclusivity(unchecked) private var entryCapacity = 256
    @exclusivity(unchecked) private var table = SlotTable(capacity: 1024)
    /// Number of distinct values.
    @exclusivity(unchecked) public private(set) var count = 0

    /// An empty interner.
    public init() {
        arena = ManualBuffer(capacity: arenaCapacity)
        entries = ManualBuffer(capacity: entryCapacity)
    }

    deinit {
        arena.deallocate()
        entries.deallocate()
        table.deallocate()
    }

    /// The id of `bytes`; -1 for the empty value (absent).
    @inline(__always) public func intern(_ bytes: FieldBytes) -> Int32 {
        guard bytes.count > 0 else { return -1 }
        let length = bytes.count
        let entries = self.entries
        let first: UInt64, second: UInt64, hash: UInt64
        let found: (position: Int, slot: Int32)
        if length <= 16 {
            (first, second) = Self.identifyingWords(bytes, length)
            hash = Self.mix(first, second, length)
            found = table.find(hash: Int(truncatingIfNeeded: hash)) { slot in
                let entry = entries[Int(slot)]
                return entry.first == first && entry.second == second && entry.length == length
            }
        } else {
            (first, second) = (0, 0)
            hash = Self.longHash(bytes, length)
            let arena = self.arena
            found = table.find(hash: Int(truncatingIfNeeded: hash)) { slot in
                let entry = entries[Int(slot)]
                return entry.hash == hash && entry.length == length && arena.bytes(from: entry.offset, count: length).sameBytes(as: bytes)
            }
        }
        if found.slot >= 0 { return found.slot }
        return insert(bytes, length, Entry(hash: hash, offset: arenaUsed, length: length, first: first, second: second), at: found.position)
    }

    /// The text of an id.
    public func string(_ id: Int32) -> String {
        guard id >= 0 else { return "" }
        let entry = entries[Int(id)]
        return arena.bytes(from: entry.offset, count: entry.length).string
    }

    private func insert(_ bytes: FieldBytes, _ length: Int, _ entry: Entry, at position: Int) -> Int32 {
        ByteBufferGrowth.reserve(&arena, capacity: &arenaCapacity, used: arenaUsed, needed: arenaUsed + length)
        arena.copy(bytes, to: arenaUsed)
        arenaUsed += length
        if count == entryCapacity {
            entries = entries.grown(to: entryCapacity * 2, moving: count)
            entryCapacity *= 2
        }
        entries.initialize(at: count, to: entry)
        let id = Int32(count)
        count += 1
        let entries = self.entries
        table.insert(id, at: position, slotCount: count) { Int(truncatingIfNeeded: entries[Int($0)].hash) }
        return id
    }

    // MARK: - Hashing

    /// Two words that, with the length, determine a value of 1…16 bytes.
    @inline(__always) static func identifyingWords(_ base: FieldBytes, _ length: Int) -> (UInt64, UInt64) {
        let raw = base
        if length >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
        }
        if length >= 4 {
            let head = UInt64(raw.loadUnaligned(as: UInt32.self))
            let tail = UInt64(raw.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            return (head | tail << 32, 0)
        }
        return (UInt64(base[0]) | UInt64(base[length >> 1]) << 8 | UInt64(base[length - 1]) << 16, 0)
    }

    /// Multiply-xorshift mixing of two words and a length.
    @inline(__always) private static func mix(_ first: UInt64, _ second: UInt64, _ length: Int) -> UInt64 {
        var state = (first ^ (UInt64(length) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        state = (state ^ (state >> 32) ^ second) &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 29)
    }

    /// The hash of a value longer than 16 bytes: its 8-byte words, the last one overlapping.
    private static func longHash(_ raw: FieldBytes, _ length: Int) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var offset = 0
        while offset + 8 < length {
            state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            offset += 8
        }
        return mix(state, raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), length)
    }
}
