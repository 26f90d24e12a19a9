/// The members of an object value.
///
/// Small objects (up to `linearLimit` members — nearly every resource object) keep insertion
/// order and are searched linearly by their interned keys (`ObjectKey`): no sorting when a
/// document is parsed, and a lookup compares numbers, never texts. Larger objects are kept
/// sorted by key text and binary-searched. Iteration always yields members in key order, so every writer
/// is deterministic whatever the input order; equality and hashing ignore member order.
public struct Fields: Sendable, Hashable, Sequence {
    /// One key/value member: 24 bytes, the value and its interned key.
    public struct Member: Sendable, Hashable {
        /// The member's value. Declared first, so that it sits at offset 0 and a pointer to a
        /// member is a pointer to its value (`pointerToValue`; a test checks the layout).
        public var value: Value
        /// The member's key, interned (lookups compare its number).
        public let objectKey: ObjectKey

        /// The member's key text.
        @inlinable public var key: String { objectKey.text }

        /// Creates a member.
        @inlinable public init(key: String, value: Value) {
            self.value = value
            objectKey = ObjectKey(key)
        }

        /// Creates a member under an interned key (the JSON parser and readers' declared keys).
        @inlinable public init(_ key: ObjectKey, value: Value) {
            self.value = value
            objectKey = key
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
                    if unique[earlier].objectKey == member.objectKey {
                        unique.remove(at: earlier)
                        index -= 1
                    }
                    earlier -= 1
                }
                index -= 1
            }
        }
        self.init(distinctMembers: unique)
    }

    /// An object from members whose keys are known to be distinct, not checked again: the JSON
    /// parser rejects a duplicate key before it builds the object (checking every parsed object
    /// a second time was about 1 % of reading a million-item export).
    init(distinctMembers: [Member]) {
        var members = distinctMembers
        if members.count > Self.linearLimit { members.sort { $0.key < $1.key } }
        self.members = members
    }

    /// An object of members as another object stored them (`members` of an object, in order):
    /// neither checked for duplicates nor sorted again (a packed document unpacked).
    init(storedMembers: [Member]) { members = storedMembers }

    /// False when no two members share a key. Duplicate keys are rare, so this runs on the keys'
    /// numbers: a 64-bit mask of their low bits settles most objects in one pass, pairs the rest.
    /// (Through an element view: iterating the array would copy every member.)
    private static func mayHaveDuplicateKeys(_ members: [Member]) -> Bool {
        members.withElementView { buffer in
            var seen: UInt64 = 0
            var collided = false
            for index in buffer.indices {
                let bit = UInt64(1) << UInt64(buffer[index].objectKey.number & 63)
                if seen & bit != 0 { collided = true }
                seen |= bit
            }
            guard collided else { return false }
            if buffer.count > linearLimit {
                var keys = Set<ObjectKey>(minimumCapacity: buffer.count)
                return !buffer.indices.allSatisfy { keys.insert(buffer[$0].objectKey).inserted }
            }
            for index in buffer.indices.dropFirst() {
                for earlier in 0..<index where buffer[earlier].objectKey == buffer[index].objectKey { return true }
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
    @usableFromInline func index(of key: ObjectKey) -> Int? {
        let count = members.count
        if count <= Self.linearLimit {
            var index = 0
            while index < count {
                if members[index].objectKey == key { return index }
                index += 1
            }
            return nil
        }
        let text = key.text
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if members[mid].objectKey == key { return mid }
            if members[mid].key < text { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The value under an interned key (compiled paths and declared keys carry one).
    @inlinable public func value(for key: ObjectKey) -> Value? {
        let count = members.count
        if count <= Self.linearLimit {
            var index = 0
            while index < count {
                if members[index].objectKey == key { return members[index].value }
                index += 1
            }
            return nil
        }
        guard let found = index(of: key) else { return nil }
        return members[found].value
    }

    /// The value stored under `key`; setting `nil` removes the member.
    public subscript(key: String) -> Value? {
        get { ObjectKey(existing: key).flatMap { value(for: $0) } }
        set {
            if let newValue {
                self[ObjectKey(key)] = newValue
            } else if let existing = ObjectKey(existing: key) {
                self[existing] = nil
            }
        }
    }

    /// The value stored under an interned key; setting `nil` removes the member.
    public subscript(key: ObjectKey) -> Value? {
        get { value(for: key) }
        set {
            if let found = index(of: key) {
                if let newValue { members[found].value = newValue } else { members.remove(at: found) }
                return
            }
            guard let newValue else { return }
            let member = Member(key, value: newValue)
            if members.count < Self.linearLimit {
                members.append(member)
            } else if members.count == Self.linearLimit {
                members.append(member)
                members.sort { $0.key < $1.key }
            } else {
                let text = key.text
                let insertion = members.firstIndex { $0.key > text } ?? members.count
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
            guard let other = rhs.value(for: member.objectKey), other == member.value else { return false }
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

/// The 32-bit FNV-1a hash of a key's UTF-8 bytes, the same in every run: the key table computes
/// it once per distinct key (`ObjectKey.textHash`) for digests that must not depend on the
/// order keys were first seen in.
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
