/// The members of an object value.
///
/// Small objects (up to `linearLimit` members — nearly every resource object) keep insertion
/// order and are searched linearly by a precomputed key hash: no sorting when a document is
/// parsed, and a lookup compares integers before it compares a string. Larger objects are kept
/// sorted and binary-searched. Iteration always yields members in key order, so every writer
/// is deterministic whatever the input order; equality and hashing ignore member order.
public struct Fields: Sendable, Hashable, Sequence {
    /// One key/value member.
    public struct Member: Sendable, Hashable {
        /// The member's value. Declared first, so that it sits at offset 0 and a pointer to a
        /// member is a pointer to its value (`pointerToValue`; a test checks the layout).
        public var value: Value
        /// `KeyHash.of(key)`, so lookups compare integers before strings.
        public let keyHash: UInt32
        /// The member's key.
        public let key: String

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

    /// Objects with more members than this are kept sorted and binary-searched.
    @usableFromInline static let linearLimit = 32

    /// Insertion order when `count <= linearLimit`, key order otherwise.
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
        var unique = unsorted
        if unique.count > 1 && Self.mayHaveDuplicateKeys(unique) {
            // Drop earlier duplicates (rare; quadratic only in the number of duplicates found).
            var index = unique.count - 1
            while index > 0 {
                let member = unique[index]
                var earlier = index - 1
                while earlier >= 0 {
                    if unique[earlier].keyHash == member.keyHash && unique[earlier].key == member.key {
                        unique.remove(at: earlier)
                        index -= 1
                    }
                    earlier -= 1
                }
                index -= 1
            }
        }
        if unique.count > Self.linearLimit { unique.sort { $0.key < $1.key } }
        members = unique
    }

    /// False when no two members share a key hash (then no key repeats). Duplicate keys are
    /// rare, so this runs on integers only: a 64-bit mask of hash bits settles most objects in
    /// one pass, pairs of hashes the rest. (Through an element view: iterating the array
    /// would copy every member.)
    private static func mayHaveDuplicateKeys(_ members: [Member]) -> Bool {
        members.withElementView { buffer in
            var seen: UInt64 = 0
            var collided = false
            for index in buffer.indices {
                let bit = UInt64(1) << UInt64(buffer[index].keyHash & 63)
                if seen & bit != 0 { collided = true }
                seen |= bit
            }
            guard collided else { return false }
            if buffer.count > linearLimit {
                var hashes = Set<UInt32>(minimumCapacity: buffer.count)
                return !buffer.indices.allSatisfy { hashes.insert(buffer[$0].keyHash).inserted }
            }
            for index in buffer.indices.dropFirst() {
                for earlier in 0..<index where buffer[earlier].keyHash == buffer[index].keyHash { return true }
            }
            return false
        }
    }

    /// Makes room for `capacity` members (one allocation for an object about to grow).
    public mutating func reserveCapacity(_ capacity: Int) { members.reserveCapacity(capacity) }

    /// The number of members.
    @inlinable public var count: Int { members.count }

    /// True when the object has no members.
    @inlinable public var isEmpty: Bool { members.isEmpty }

    /// The keys, sorted.
    public var keys: [String] { sortedMembers.map(\.key) }

    /// The members as stored (insertion order for small objects), without sorting: for work
    /// whose result does not depend on the order (merging one object into another). Writers use
    /// the key order of `sortedMembers` and iteration.
    @inlinable public var unorderedMembers: [Member] { members }

    /// The members in key order.
    public var sortedMembers: [Member] {
        members.count > Self.linearLimit ? members : members.sorted { $0.key < $1.key }
    }

    /// Index of `key`, if present.
    @usableFromInline func index(of key: String, hash: UInt32) -> Int? {
        let count = members.count
        if count <= Self.linearLimit {
            var index = 0
            while index < count {
                if members[index].keyHash == hash && members[index].key == key { return index }
                index += 1
            }
            return nil
        }
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            let candidate = members[mid].key
            if candidate == key { return mid }
            if candidate < key { low = mid + 1 } else { high = mid }
        }
        return nil
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
        guard let found = index(of: key, hash: hash) else { return nil }
        return members[found].value
    }

    /// `String`'s `==`, with a byte comparison first for keys longer than a small string: `==`
    /// compares short keys as 16 raw bytes, but normalizes longer ones, which costs far more
    /// (and equal bytes are equal strings).
    @inline(__always) static func sameKey(_ stored: String, _ key: String) -> Bool {
        if key.utf8.count > 15, stored.utf8.count == key.utf8.count {
            let sameBytes = stored.withByteViewIfContiguous { left in key.withByteViewIfContiguous { right in left.sameBytes(as: right) } }
            if sameBytes == true { return true }
        }
        return stored == key
    }

    /// The value stored under `key`; setting `nil` removes the member.
    public subscript(key: String) -> Value? {
        get { value(forKey: key, hash: KeyHash.of(key)) }
        set {
            let hash = KeyHash.of(key)
            if let found = index(of: key, hash: hash) {
                if let newValue { members[found].value = newValue } else { members.remove(at: found) }
                return
            }
            guard let newValue else { return }
            let member = Member(key: key, hash: hash, value: newValue)
            if members.count < Self.linearLimit {
                members.append(member)
            } else if members.count == Self.linearLimit {
                members.append(member)
                members.sort { $0.key < $1.key }
            } else {
                let insertion = members.firstIndex { $0.key > key } ?? members.count
                members.insert(member, at: insertion)
            }
        }
    }

    /// Iterates members in key order.
    public func makeIterator() -> IndexingIterator<[Member]> { sortedMembers.makeIterator() }

    /// Equality regardless of member order.
    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members {
            guard let other = rhs.value(forKey: member.key, hash: member.keyHash), other == member.value else { return false }
        }
        return true
    }

    /// Hashing regardless of member order (a commutative sum of the members' hashes).
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members { combined = combined &+ member.hashValue }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

/// The 32-bit FNV-1a hash of a key's UTF-8 bytes: computed once per key when documents are
/// built and once per path step when policies compile, so lookups compare integers first.
public enum KeyHash {
    /// The hash of a string.
    @inlinable public static func of(_ key: String) -> UInt32 {
        // Over the contiguous UTF-8 (native and small strings): iterating `utf8` byte by byte
        // costs ten times more.
        if let hash = key.withByteViewIfContiguous({ of($0) }) { return hash }
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The hash of raw bytes (equal to `of(String(decoding: bytes, as: UTF8.self))` for valid UTF-8).
    @inlinable public static func of(_ bytes: ByteView) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
