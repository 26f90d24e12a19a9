/// The members of an object value.
///
/// Small objects (up to `linearLimit` members — nearly every resource object) keep insertion
/// order and are searched linearly by a precomputed key hash: no sorting when a document is
/// parsed, and a lookup compares integers before it compares a string. Larger objects are kept
/// sorted and binary-searched. Iteration always yields members in key order, so every writer
/// is deterministic whatever the input order; equality and hashing ignore member order.
///
/// Two storages, one meaning: an object built or changed in code holds its members (key, hash
/// and value together); a small object the JSON parser reads holds only its values, beside a
/// `Shape` — its keys and their hashes — that every object parsed with the same keys in the same
/// order shares (a million resources of one export have a handful of shapes). That saves 16 of
/// every member's 40 bytes: about a third of a parsed inventory. Changing a shaped object first
/// turns it into members.
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

    /// The keys of a parsed object, in insertion order, with their hashes: shared by every
    /// object parsed with the same keys in the same order (`JSONKeyCache` keeps the shapes).
    /// Immutable.
    @usableFromInline final class Shape: Sendable {
        @usableFromInline let keys: [String]
        @usableFromInline let hashes: [UInt32]

        init(keys: [String], hashes: [UInt32]) {
            self.keys = keys
            self.hashes = hashes
        }

        /// Position of `key`, if present (linear: shapes have at most `linearLimit` keys).
        @inlinable func index(of key: String, hash: UInt32) -> Int? {
            let count = hashes.count
            var index = 0
            while index < count {
                if hashes[index] == hash && keys[index] == key { return index }
                index += 1
            }
            return nil
        }
    }

    /// Members, or a shared shape and the values in its order.
    @usableFromInline enum Storage: Sendable {
        case members([Member])
        case shaped(Shape, [Value])
    }

    /// Objects with more members than this are kept sorted and binary-searched.
    @usableFromInline static let linearLimit = 32

    /// Insertion order when `count <= linearLimit`, key order otherwise (a shaped object is
    /// never larger than `linearLimit`).
    @usableFromInline var storage: Storage

    /// An empty object.
    public init() { storage = .members([]) }

    /// An object of `shape`'s keys and these values, in the shape's order (the JSON parser's).
    init(shape: Shape, values: [Value]) { storage = .shaped(shape, values) }

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
        storage = .members(unique)
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

    /// Changes the members through `body`, a shaped object first turned into members (the
    /// storage is emptied meanwhile, so that the array is changed in place, not copied).
    private mutating func changingMembers<Result>(_ body: (inout [Member]) -> Result) -> Result {
        var members = memberArray
        storage = .members([])
        defer { storage = .members(members) }
        return body(&members)
    }

    /// Makes room for `capacity` members (one allocation for an object about to grow).
    public mutating func reserveCapacity(_ capacity: Int) { changingMembers { $0.reserveCapacity(capacity) } }

    /// The number of members.
    @inlinable public var count: Int {
        switch storage {
        case .members(let members): return members.count
        case .shaped(_, let values): return values.count
        }
    }

    /// True when the object has no members.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// The keys, sorted.
    public var keys: [String] { sortedMembers.map(\.key) }

    /// The members as stored (insertion order for small objects), without sorting: for work
    /// whose result does not depend on the order (merging one object into another). Writers use
    /// the key order of `sortedMembers` and iteration.
    @inlinable public var unorderedMembers: StoredMembers { StoredMembers(storage: storage) }

    /// The members as stored, in an array (a shaped object's made from its shape and values).
    @usableFromInline var memberArray: [Member] {
        switch storage {
        case .members(let members): return members
        case .shaped: return Array(unorderedMembers)
        }
    }

    /// The members in key order.
    public var sortedMembers: [Member] {
        if case .members(let members) = storage, members.count > Self.linearLimit { return members }
        var members = memberArray  // a shaped object's: made here, so sorted in place
        members.sort { $0.key < $1.key }
        return members
    }

    /// The members of an object as stored, each made when read (a shaped object keeps no
    /// members to hand out).
    public struct StoredMembers: RandomAccessCollection, Sendable {
        @usableFromInline let storage: Storage

        @inlinable init(storage: Storage) { self.storage = storage }

        /// 0.
        @inlinable public var startIndex: Int { 0 }

        /// The number of members.
        @inlinable public var endIndex: Int {
            switch storage {
            case .members(let members): return members.count
            case .shaped(_, let values): return values.count
            }
        }

        /// The member at `position`.
        @inlinable public subscript(position: Int) -> Member {
            switch storage {
            case .members(let members): return members[position]
            case .shaped(let shape, let values): return Member(key: shape.keys[position], hash: shape.hashes[position], value: values[position])
            }
        }
    }

    /// Index of `key` in the stored order, if present.
    @usableFromInline func index(of key: String, hash: UInt32) -> Int? {
        switch storage {
        case .shaped(let shape, _):
            return shape.index(of: key, hash: hash)
        case .members(let members):
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
    }

    /// The value under `key` whose `KeyHash` is already known (compiled paths carry it).
    @inlinable public func value(forKey key: String, hash: UInt32) -> Value? {
        switch storage {
        case .shaped(let shape, let values):
            return shape.index(of: key, hash: hash).map { values[$0] }
        case .members(let members):
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
            let found = index(of: key, hash: hash)
            if found == nil && newValue == nil { return }
            if let found, let newValue, case .shaped(let shape, var values) = storage {
                // A new value under a key it has keeps the shape.
                storage = .members([])
                values[found] = newValue
                storage = .shaped(shape, values)
                return
            }
            changingMembers { members in
                if let found {
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
    }

    /// Iterates members in key order.
    public func makeIterator() -> IndexingIterator<[Member]> { sortedMembers.makeIterator() }

    /// Calls `body` with each member as stored (no array made for a shaped object).
    @inlinable func forEachStoredMember(_ body: (String, UInt32, Value) -> Bool) -> Bool {
        switch storage {
        case .members(let members):
            for member in members where !body(member.key, member.keyHash, member.value) { return false }
        case .shaped(let shape, let values):
            for index in values.indices where !body(shape.keys[index], shape.hashes[index], values[index]) { return false }
        }
        return true
    }

    /// Equality regardless of member order.
    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.forEachStoredMember { key, hash, value in
            guard let other = rhs.value(forKey: key, hash: hash) else { return false }
            return other == value
        }
    }

    /// True when every member of `self` has an equal member in `other` by `same` (with
    /// `other.count == count`: the objects are equal under `same`).
    func allMembers(in other: Fields, equal same: (Value, Value) -> Bool) -> Bool {
        forEachStoredMember { key, hash, value in other.value(forKey: key, hash: hash).map { same(value, $0) } ?? false }
    }

    /// Hashing regardless of member order (a commutative sum of the members' hashes).
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        _ = forEachStoredMember { key, hash, value in
            combined = combined &+ Member(key: key, hash: hash, value: value).hashValue
            return true
        }
        hasher.combine(count)
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
