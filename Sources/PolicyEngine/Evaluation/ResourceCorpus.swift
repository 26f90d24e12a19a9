/// All documents of a run, indexed for evaluation: by type, and by the join keys that the
/// policies' `related` clauses use (hash indexes built once per run, never a scan per resource).
public struct ResourceCorpus: Sendable {
    /// Every resource, in input order.
    public let resources: [Resource]
    private let byType: [String: [Int]]
    private var joinIndexes: [RelatedIndexKey: [String: [Int]]] = [:]

    /// Indexes `resources` by type.
    public init(resources: [Resource]) {
        self.resources = resources
        var index: [String: [Int]] = [:]
        for (position, resource) in resources.enumerated() {
            index[resource.type, default: []].append(position)
        }
        byType = index
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

    /// Builds the join indexes for the given keys (idempotent).
    public mutating func buildJoinIndexes(for keys: some Sequence<RelatedIndexKey>) {
        for key in keys where joinIndexes[key] == nil {
            var table: [String: [Int]] = [:]
            for position in positions(ofType: key.type) {
                let document = resources[position].document
                for joined in Self.joinKeys(key.paths.map { $0.resolve(from: document) }) {
                    table[joined, default: []].append(position)
                }
            }
            joinIndexes[key] = table
        }
    }

    /// Resources joined under `key` with the given per-path values.
    func joined(_ key: RelatedIndexKey, values: [Value]) -> [Int] {
        guard let table = joinIndexes[key] else { return [] }
        var result: [Int] = []
        for joined in Self.joinKeys(values) {
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
