import PolicyEngine

/// The working state of one `link` call.
struct Linker {
    private typealias Key = DocumentMemberKeys
    var resources: [Resource]
    var removed = Set<Int>()
    /// Each resource's `native_type` and input format, read once on every core: several passes
    /// select by them (neither changes while linking).
    private let selectors: [(nativeType: String?, format: String?)]

    init(_ resources: consuming [Resource]) {
        let records = copy resources
        selectors = ParallelMap.map(Array(records.indices), minimumChunk: 8_192) { index in
            (records[index].at(Key.nativeType)?.text, records[index].at(Key.source, Key.format)?.text)
        }
        self.resources = resources
    }

    var result: [Resource] { removed.isEmpty ? resources : resources.indices.filter { !removed.contains($0) }.map { resources[$0] } }

    // MARK: - Lookups

    func document(_ index: Int) -> Value { resources[index].document }
    func format(_ index: Int) -> String? { selectors[index].format }
    func address(_ index: Int) -> String? { document(index).at(Key.terraform, TerraformMapping.BlockKeys.address)?.text }
    func nativeType(_ index: Int) -> String? { selectors[index].nativeType }
    /// A facet of a resource, read without unpacking its document (filters over the estate).
    func facet(_ index: Int, _ facet: Facet) -> Value? { resources[index].facet(facet) }

    /// Referenced addresses of a resource whose reference path ends with one of `suffixes`.
    func references(_ index: Int, endingWith suffixes: [String]) -> [String] {
        guard let table = document(index).at(Key.terraform, TerraformMapping.BlockKeys.references)?.objectValue else { return [] }
        return table.filter { member in suffixes.contains { member.key == $0 || member.key.hasSuffix("." + $0) } }
            .flatMap { $0.value.elements.compactMap(\.text) }
    }

    func isAWSBucket(_ index: Int) -> Bool {
        resources[index].type == ResourceKind.storageBucket.rawValue && resources[index].at(Key.provider)?.text == "aws"
    }

    func isKey(_ index: Int) -> Bool { resources[index].type == ResourceKind.kmsKey.rawValue }

    /// The positions not removed whose resources `predicate` selects, in order. Tested on every
    /// core: each pass's filter reads every resource of the estate (a million documents, one
    /// cache miss or more each), which on one core was a quarter of a second of linking at 1M.
    /// The predicate gets the linker as it is (it does not capture a `self` being changed).
    func live(_ predicate: @Sendable (Linker, Int) -> Bool) -> [Int] {
        let linker = self
        return ParallelMap.chunks(count: resources.count, minimumChunk: 16_384) { range in
            // Most runs remove nothing: no hash of each of a million positions per pass then.
            linker.removed.isEmpty ? range.filter { predicate(linker, $0) }
                : range.filter { !linker.removed.contains($0) && predicate(linker, $0) }
        }.flatMap { $0 }
    }

    /// The first of `positions` under each of its keys. A pass that indexes one selection under
    /// several keys selects it once (`live`) and indexes that: each selection reads every resource.
    func index(by key: (Int) -> [String], of positions: [Int]) -> [String: Int] {
        var table: [String: Int] = [:]
        for position in positions {
            for value in key(position) where table[value] == nil { table[value] = position }
        }
        return table
    }

    mutating func update(_ index: Int, _ change: (inout Value) -> Void) {
        resources[index].changeDocument(change)
    }
}
