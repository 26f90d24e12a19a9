import PolicyEngine

/// What a reader keeps of a record's native form under `attributes`, as its input's
/// `NativeRecordRetention` says: the whole record, or only the members the linking passes read
/// plus a digest of the whole.
///
/// The digest keeps the identity step's comparison of two records of one resource in one input
/// (`IdentityResolution`: equal records collapse, different ones are a warning) as it was with
/// the whole record: equal records have equal digests; different ones differ but for a 60-bit
/// collision. It is compared within a run only, never written.
enum NativeRecord {
    /// The member of a kept-in-part `attributes` that holds the digest of the whole record.
    static let digestKey = "native_record_digest"

    /// `digestKey`, interned once.
    private static let internedDigestKey = DocumentKey(digestKey)

    /// `record` itself, or its `kept` members (a path each, kept when present) and its digest.
    static func retained(_ record: Value, keeping kept: [[DocumentKey]], as retention: NativeRecordRetention) -> Value {
        guard retention == .linkingOnly else { return record }
        var retained = Value.object(Fields())
        for path in kept {
            guard let value = record.value(at: path) else { continue }
            retained.set(value, at: path[...])
        }
        // 60 bits in at most 15 hex digits: a string that short is held inside the value, not
        // allocated (a million resources, a million allocations of 16 digits before).
        retained.set(.string(String(digest(record) >> 4, radix: 16)), at: [internedDigestKey])
        return retained
    }

    /// A 64-bit structural hash: object members in any order, numbers by value.
    static func digest(_ value: Value) -> UInt64 {
        switch value {
        case .null: return 0x9E37_79B9_7F4A_7C15
        case .unknown: return 0xC2B2_AE3D_27D4_EB4F
        case .bool(let flag): return flag ? 0x1656_67B1_9E37_79F9 : 0x27D4_EB2F_1656_67C5
        case .number(let number): return mix(number == 0 ? 1 : number.bitPattern &+ 2)
        case .decimal(let decimal):
            // The scaled integer itself: `hashValue` is seeded afresh in every process.
            let scaled = decimal.scaled
            return mix(UInt64(truncatingIfNeeded: scaled) ^ mix(UInt64(truncatingIfNeeded: scaled >> 64) ^ 3))
        case .string(let text): return mix(bytesHash(text) ^ 4)
        case .array(let items):
            var hash: UInt64 = 5
            for item in items { hash = mix(hash ^ digest(item)) }
            return hash
        case .object(let fields):
            // A commutative sum: `Fields` equality ignores member order.
            var sum: UInt64 = 6
            for member in fields.unorderedMembers {
                sum = sum &+ mix(UInt64(member.objectKey.textHash) &* 0x100_0000_01B3 ^ digest(member.value))
            }
            return mix(sum)
        }
    }

    /// FNV-1a over the UTF-8 bytes, eight at a time where it can.
    private static func bytesHash(_ text: String) -> UInt64 {
        var text = text
        return text.withByteView { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                hash = (hash ^ word) &* 0x100_0000_01B3
                hash ^= hash >> 29
                index += 8
            }
            while index < count {
                hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
                index += 1
            }
            return hash
        }
    }

    /// A 64-bit finalizer (splitmix64), so sums and chains of member hashes spread.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
