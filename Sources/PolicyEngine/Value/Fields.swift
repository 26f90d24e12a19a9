/// The members of an object value, kept sorted by key.
///
/// A sorted contiguous array rather than a `Dictionary`: resource objects are small (a handful of
/// keys), so a linear or binary search beats hashing, the storage is one allocation, and iteration
/// order is already the deterministic order every writer needs.
public struct Fields: Sendable, Hashable, Sequence {
    /// One key/value member.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: Value

        /// Creates a member.
        @inlinable public init(key: String, value: Value) {
            self.key = key
            self.value = value
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
        // Stable insertion sort: objects are small and usually nearly sorted already.
        if sorted.count > 1 {
            var index = 1
            while index < sorted.count {
                let member = sorted[index]
                var slot = index
                while slot > 0 && sorted[slot - 1].key > member.key {
                    sorted[slot] = sorted[slot - 1]
                    slot -= 1
                }
                sorted[slot] = member
                index += 1
            }
            // Drop earlier duplicates (the later one of equal keys sits after the earlier one).
            var write = 0
            for read in 0..<sorted.count {
                if write > 0 && sorted[write - 1].key == sorted[read].key {
                    sorted[write - 1] = sorted[read]
                } else {
                    sorted[write] = sorted[read]
                    write += 1
                }
            }
            sorted.removeLast(sorted.count - write)
        }
        members = sorted
    }

    /// The number of members.
    @inlinable public var count: Int { members.count }

    /// True when the object has no members.
    @inlinable public var isEmpty: Bool { members.isEmpty }

    /// The sorted keys.
    public var keys: [String] { members.map(\.key) }

    @usableFromInline func position(of key: String) -> (found: Bool, index: Int) {
        var low = 0
        var high = members.count
        if high <= 8 {
            for index in 0..<high {
                let candidate = members[index].key
                if candidate == key { return (true, index) }
                if candidate > key { return (false, index) }
            }
            return (false, high)
        }
        while low < high {
            let mid = (low + high) / 2
            let candidate = members[mid].key
            if candidate == key { return (true, mid) }
            if candidate < key { low = mid + 1 } else { high = mid }
        }
        return (false, low)
    }

    /// The value stored under `key`; setting `nil` removes the member.
    public subscript(key: String) -> Value? {
        get {
            let (found, index) = position(of: key)
            return found ? members[index].value : nil
        }
        set {
            let (found, index) = position(of: key)
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
