/// All documents of a run, indexed for evaluation: by type, and by the join keys that the
/// policies' `related` clauses use (hash indexes built once per run, never a scan per resource).
public struct ResourceCorpus: Sendable {
    /// Every resource, in input order.
    public let resources: [Resource]
    private let byType: [String: [Int]]
    private var joinIndexes: [RelatedIndexKey: [String: [Int]]] = [:]
    /// The documents of the resources a join can reach, unpacked once when the join indexes
    /// are built: `related` and `lookup` read them for many resources each.
    private var joinedDocuments: [Int: Value] = [:]
    /// Each resource's rank in resource-id order, equal ids in input order: findings are put
    /// in this order without comparing strings.
    private let idRanks: [Int32]
    /// Each resource's type as an index into `typeNames`.
    private let typeCodes: [Int32]
    /// The distinct types, in order of first appearance.
    private let typeNames: [String]

    /// Indexes `resources` by type and ranks their ids.
    public init(resources: [Resource]) {
        self.resources = resources
        // Types are looked up by their FNV hash (an integer-keyed table; String hashing cost
        // more than the rest of indexing), confirmed by comparing the strings.
        var byHash: [UInt32: Int32] = [:]
        var collided: [String: Int32] = [:]
        var names: [String] = []
        var typeCodes: [Int32] = []
        typeCodes.reserveCapacity(resources.count)
        for index in resources.indices {
            let type = resources[index].type
            let hash = KeyHash.of(type)
            let code: Int32
            if let known = byHash[hash], names[Int(known)] == type {
                code = known
            } else if let known = collided[type] {
                code = known
            } else {
                code = Int32(names.count)
                names.append(type)
                if byHash[hash] == nil { byHash[hash] = code } else { collided[type] = code }
            }
            typeCodes.append(code)
        }
        var groups = [[Int]](repeating: [], count: names.count)
        for (position, code) in typeCodes.enumerated() { groups[Int(code)].append(position) }
        byType = Dictionary(uniqueKeysWithValues: zip(names, groups))
        self.typeCodes = typeCodes
        typeNames = names
        var ranks = [Int32](repeating: 0, count: resources.count)
        for (rank, position) in IdentifierOrder.sortedPositions(ofIDsOf: resources).enumerated() {
            ranks[position] = Int32(truncatingIfNeeded: rank)
        }
        idRanks = ranks
    }

    /// The distinct types present, sorted.
    public var types: [String] { byType.keys.sorted() }

    /// Positions of resources of `type`.
    public func positions(ofType type: String) -> [Int] { byType[type] ?? [] }

    /// The type of cost-group documents: they are in the corpus for `lookup`/`related`, but only
    /// cost policies evaluate them.
    public static let costGroupType = "cost.group"

    /// Positions of resources whose type matches any of `patterns` (globs), in input order;
    /// every resource except cost groups when `patterns` is empty.
    public func positions(matching patterns: [String]) -> [Int] {
        if patterns.isEmpty {
            return byType.count == 1 && byType[Self.costGroupType] == nil
                ? Array(resources.indices) : resources.indices.filter { resources[$0].type != Self.costGroupType }
        }
        var selected: [Int] = []
        let globs = patterns.map(Glob.init)
        for (type, positions) in byType where globs.contains(where: { $0.matches(type) }) {
            selected.append(contentsOf: positions)
        }
        return selected.sorted()
    }

    /// The rank of the resource at `position` in resource-id order (equal ids in input order).
    func idRank(of position: Int) -> Int { Int(idRanks[position]) }

    /// The type code of the resource at `position` (an index into `policiesByType`'s result).
    func typeCode(at position: Int) -> Int { Int(typeCodes[position]) }

    /// For each type code, the indexes of the pattern lists that select that type (as
    /// `positions(matching:)` selects: an empty list selects every type but cost groups).
    func policiesByType(_ patternLists: [[String]]) -> [[Int]] {
        let globs = patternLists.map { $0.map(Glob.init) }
        return typeNames.map { type in
            patternLists.indices.filter { index in
                patternLists[index].isEmpty ? type != Self.costGroupType : globs[index].contains { $0.matches(type) }
            }
        }
    }

    /// Builds the join indexes for the given keys (idempotent).
    public mutating func buildJoinIndexes(for keys: some Sequence<RelatedIndexKey>) {
        for key in keys where joinIndexes[key] == nil {
            var table: [String: [Int]] = [:]
            for position in positions(ofType: key.type) {
                let document = joinedDocuments[position] ?? resources[position].document
                joinedDocuments[position] = document
                for joined in Self.joinKeys(key.paths.map { $0.resolve(from: document) }) where table[joined]?.last != position {
                    table[joined, default: []].append(position)
                }
            }
            joinIndexes[key] = table
        }
    }

    /// The document of the resource at `position`, unpacked (once, for those a join reaches).
    func document(at position: Int) -> Value { joinedDocuments[position] ?? resources[position].document }

    /// Resources joined under `key` with the given per-path values.
    func joined(_ key: RelatedIndexKey, values: [Value]) -> [Int] {
        guard let table = joinIndexes[key] else { return [] }
        let keys = Self.joinKeys(values)
        // One key (the usual case): its group as stored, ascending and without repeats, shared
        // rather than copied, so thousands of resources on one key cost no copy each.
        if keys.count == 1 { return table[keys[0]] ?? [] }
        var result: [Int] = []
        for joined in keys {
            if let hits = table[joined] { result.append(contentsOf: hits) }
        }
        if result.count > 1 { result = Array(Set(result)).sorted() }
        return result
    }

    /// True when the join index for `key` was built.
    func hasJoinIndex(_ key: RelatedIndexKey) -> Bool { joinIndexes[key] != nil }

    /// All key strings for a tuple of values: arrays of scalars contribute each element (so a
    /// key's `replica_regions` list matches any one region); missing values contribute nothing.
    static func joinKeys(_ values: [Value?]) -> [String] {
        var keys = [""]
        for (position, value) in values.enumerated() {
            let texts: [String]
            switch value {
            case .array(let items)?: texts = items.compactMap(\.keyText)
            case let scalar?: texts = scalar.keyText.map { [$0] } ?? []
            case nil: texts = []
            }
            if texts.isEmpty { return [] }
            var next: [String] = []
            next.reserveCapacity(keys.count * texts.count)
            for prefix in keys {
                for text in texts { next.append(position == 0 ? text : prefix + "\u{1F}" + text) }
            }
            keys = next
        }
        return keys
    }
}
