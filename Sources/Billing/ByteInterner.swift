#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TabularText

/// Maps byte strings to small integer ids without building `String`s: one hash and one probe
/// per field in the hot loop. Each worker has its own; ids are turned back into strings once per
/// distinct value when partial results are merged. Public so that benchmark and tool sinks key
/// their own tables the same way.
public final class ByteInterner {
    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCapacity = 1 << 16
    @exclusivity(unchecked) private var arenaUsed = 0
    @exclusivity(unchecked) private var offsets: [Int] = []
    @exclusivity(unchecked) private var lengths: [Int] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var slotMask = 1023

    /// An empty interner.
    public init() {
        arena = .allocate(capacity: arenaCapacity)
        slots = .allocate(capacity: slotMask + 1)
        slots.initialize(repeating: -1, count: slotMask + 1)
    }

    deinit {
        arena.deallocate()
        slots.deallocate()
    }

    /// Number of distinct values.
    public var count: Int { offsets.count }

    /// The id of `bytes`; -1 for the empty value (absent).
    @inline(__always) public func intern(_ bytes: FieldBytes) -> Int32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return -1 }
        let hash = Self.hash(base, bytes.count)
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let id = slots[slot]
            if id < 0 { return insert(base, bytes.count, hash: hash, slot: slot) }
            let index = Int(id)
            if hashes[index] == hash && lengths[index] == bytes.count && memcmp(arena + offsets[index], base, bytes.count) == 0 {
                return id
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The text of an id.
    public func string(_ id: Int32) -> String {
        guard id >= 0 else { return "" }
        let index = Int(id)
        return String(decoding: UnsafeBufferPointer(start: arena + offsets[index], count: lengths[index]), as: UTF8.self)
    }

    private func insert(_ base: UnsafePointer<UInt8>, _ count: Int, hash: UInt64, slot: Int) -> Int32 {
        ByteBufferGrowth.reserve(&arena, capacity: &arenaCapacity, used: arenaUsed, needed: arenaUsed + count)
        (arena + arenaUsed).update(from: base, count: count)
        let id = Int32(offsets.count)
        offsets.append(arenaUsed)
        lengths.append(count)
        hashes.append(hash)
        arenaUsed += count
        slots[slot] = id
        if offsets.count * 2 > slotMask { rehash() }
        return id
    }

    private func rehash() {
        let newMask = slotMask * 2 + 1
        let newSlots = UnsafeMutablePointer<Int32>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: -1, count: newMask + 1)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(index)
        }
        slots.deallocate()
        slots = newSlots
        slotMask = newMask
    }

    /// A fast 64-bit hash over 8-byte words (multiply-xorshift mixing).
    @inline(__always) static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var offset = 0
        let raw = UnsafeRawPointer(base)
        while offset + 8 <= count {
            state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 29)
    }
}
