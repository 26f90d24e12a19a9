/// The members of an object value, kept sorted by key.
///
/// A sorted contiguous array rather than a `Dictionary`: resource objects are small (a handful of
/// keys), so a linear or binary search beats hashing, the storage is one allocation, and iteration
/// order is already the deterministic order every writer needs.
public struct Fields: Sendable, Hashable, Sequence {
    /// One key/value member.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public let key: String
        /// The member's value.
        public var value: Value
        /// `KeyHash.of(key)`, so lookups compare integers before strings.
        @usableFromInline let keyHash: UInt32

        /// Creates a member.
        @inlinable public init(key: String, value: Value) {
            self.key = key
            self.value = value
            keyHash = KeyHash.of(key)
        }

        /// Creates a member whose key hash is already known (the JSON parser hashes keys as it reads them).
        @inlinable init(key: String, hash: UInt32, value: Value) {
            self.key = key
            self.value = value
            keyHash = hash
        }

        /// Equality by key and value (the hash follows from the key).
        public static func == (lhs: Member, rhs: Member) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }

        /// Hashes key and value.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    @usableFromInline var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// Builds an object from key/value pairs in any order; a later duplicate key replaces an earlier one.
    public init(_ pairs: some Sequence<(String, Value)>) {
        var built: [Member] = []
        built.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { built.append(Member(key: key, value: value)) }
        self.init(unsorted: built)
    }

    /// Builds an object from members in any order; a later duplicate key replaces an earlier one.
    public init(unsorted: [Member]) {
        var sorted = unsorted
        if sorted.count > 1 {
            // Stable insertion sort with swaps (moves, no reference counting): objects are small
            // and often nearly sorted already.
            for index in 1..<sorted.count {
                var slot = index
                while slot > 0 && sorted[slot - 1].key > sorted[slot].key {
                    sorted.swapAt(slot - 1, slot)
                    slot -= 1
                }
            }
            // Keep the last of equal keys (a later duplicate sits after the earlier one).
            var hasDuplicates = false
            for index in 1..<sorted.count where sorted[index - 1].key == sorted[index].key {
                hasDuplicates = true
                break
            }
            if hasDuplicates {
                var write = 0
                for read in 0..<sorted.count {
                    if write > 0 && sorted[write - 1].key == sorted[read].key {
                        sorted.swapAt(write - 1, read)
                    } else {
                        if write != read { sorted.swapAt(write, read) }
                        write += 1
                    }
                }
                sorted.removeLast(sorted.count - write)
            }
        }
        members = sorted
    }

    /// The number of members.
    @inlinable public var count: Int { members.count }

    /// True when the object has no members.
    @inlinable public var isEmpty: Bool { members.isEmpty }

    /// The sorted keys.
    public var keys: [String] { members.map(\.key) }

    /// Largest object searched linearly by hash; larger ones use binary search on the sorted keys.
    @usableFromInline static let linearLimit = 32

    @usableFromInline func position(of key: String, hash: UInt32) -> (found: Bool, index: Int) {
        let count = members.count
        if count <= Self.linearLimit {
            var index = 0
            while index < count {
                if members[index].keyHash == hash && members[index].key == key { return (true, index) }
                index += 1
            }
            // Not found: the insertion point keeps the keys sorted.
            var insertion = 0
            while insertion < count && members[insertion].key < key { insertion += 1 }
            return (false, insertion)
        }
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            let candidate = members[mid].key
            if candidate == key { return (true, mid) }
            if candidate < key { low = mid + 1 } else { high = mid }
        }
        return (false, low)
    }

    /// The value under `key` whose `KeyHash` is already known (compiled paths carry it).
    @inlinable public func value(forKey key: String, hash: UInt32) -> Value? {
        let count = members.count
        if count <= Self.linearLimit {
            var index = 0
            while index < count {
                if members[index].keyHash == hash && members[index].key == key { return members[index].value }
                index += 1
            }
            return nil
        }
        let (found, index) = position(of: key, hash: hash)
        return found ? .some(members[index].value) : .none
    }

    /// The value stored under `key`; setting `nil` removes the member.
    public subscript(key: String) -> Value? {
        get { value(forKey: key, hash: KeyHash.of(key)) }
        set {
            let (found, index) = position(of: key, hash: KeyHash.of(key))
            switch (found, newValue) {
            case (true, .some(let value)): members[index].value = value
            case (true, .none): members.remove(at: index)
            case (false, .some(let value)): members.insert(Member(key: key, value: value), at: index)
            case (false, .none): break
            }
        }
    }

    /// Iterates members in key order.
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}

/// The 32-bit FNV-1a hash of a key's UTF-8 bytes: computed once per key when documents are
/// built and once per path step when policies compile, so lookups compare integers first.
public enum KeyHash {
    /// The hash of a string.
    @inlinable public static func of(_ key: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The hash of raw bytes (equal to `of(String(decoding: bytes, as: UTF8.self))` for valid UTF-8).
    @inlinable public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
