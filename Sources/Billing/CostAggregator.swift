public import PolicyEngine

/// Builds cost groups for every cost scope of a run in one pass over the billing inputs.
///
/// Construct it with all the `CostScope`s the run's policies ask for (plus the review
/// groupings), `read` each billing file (or `add` lines), then ask for `documents(for:asOf:)`
/// and the report's `costSection(asOf:months:)`. All sums are exact; nothing depends on the
/// order of files, rows or threads.
public struct CostAggregator: Sendable {
    /// Groupings the cost review always needs: month totals, and account × service for the
    /// top movers.
    public static let reviewGroupings: [[String]] = [[], ["account", "service"]]

    let plan: AggregationPlan
    private let groupingIndex: [[CostDimension]: Int]
    var store: [[CostGroupKey: CostBucket]]
    /// The tags a line must carry not to count as untagged in groups without tag dimensions
    /// (empty: a line is untagged when it has no user tag at all).
    public let requiredTags: [String]
    /// What each input contributed, in reading order.
    public private(set) var inputs: [BillingInputReport] = []
    /// Source files, by input bit position.
    private(set) var sources: [String] = []

    /// An aggregator for `scopes` plus `reviewGroupings`.
    public init(scopes: [CostScope], reviewGroupings: [[String]] = CostAggregator.reviewGroupings, requiredTags: [String] = []) throws(BillingError) {
        var groupBys: [[CostDimension]] = []
        for names in reviewGroupings + scopes.map(\.groupBy) {
            var dimensions: [CostDimension] = []
            for name in names { dimensions.append(try CostDimension(parsing: name)) }
            if !groupBys.contains(dimensions) { groupBys.append(dimensions) }
        }
        if !groupBys.contains([]) { groupBys.insert([], at: 0) }
        plan = try AggregationPlan(groupBys: groupBys, requiredTags: requiredTags)
        var index: [[CostDimension]: Int] = [:]
        for (position, grouping) in plan.groupings.enumerated() { index[grouping.dimensions] = position }
        groupingIndex = index
        store = Array(repeating: [:], count: plan.groupings.count)
        self.requiredTags = requiredTags
    }

    // MARK: - Input

    /// Reads one billing file (plain or gzip CSV, any supported format) into the groups.
    @discardableResult
    public mutating func read(_ path: String, options: BillingScanOptions = BillingScanOptions()) throws(BillingError) -> BillingInputReport {
        let request = TagRequest(keys: plan.tagKeys)
        let plan = self.plan
        let scan = try BillingScan.scan(path, options: options, tags: request) { _ in CostAccumulator(plan: plan, request: request) }
        let bit = inputBit(for: path)
        for sink in scan.sinks { sink.export(into: &store, reader: scan.reader, inputBit: bit) }
        inputs.append(scan.report)
        return scan.report
    }

    /// Adds one already-normalized line.
    public mutating func add(_ line: CostLine) {
        let bit = inputBit(for: line.source.file)
        for (index, grouping) in plan.groupings.enumerated() {
            let values = grouping.dimensions.map { Self.value(of: $0, in: line) }
            let key = CostGroupKey(month: line.month, currency: line.currency.isEmpty ? "XXX" : line.currency, values: values)
            let required = grouping.dimensions.compactMap(\.tagKey)
            let keys = required.isEmpty ? requiredTags : required
            let untagged = keys.isEmpty ? line.tags.values.allSatisfy(\.isEmpty) : keys.contains { (line.tags[$0] ?? "").isEmpty }
            store[index][key, default: CostBucket()].add(
                category: line.chargeCategory, billed: line.billedCost, effective: line.effectiveCost, list: line.listCost,
                isEgress: line.isEgress, untagged: untagged, commitment: line.commitment, inputBit: bit)
        }
    }

    private static func value(of dimension: CostDimension, in line: CostLine) -> String? {
        func present(_ text: String) -> String? { text.isEmpty ? nil : text }
        switch dimension {
        case .account: return present(line.billingAccount)
        case .subAccount: return present(line.subAccount)
        case .service: return present(line.service)
        case .serviceCategory: return line.serviceCategory.isEmpty ? "Other" : line.serviceCategory
        case .region: return line.region.isEmpty ? "global" : line.region
        case .chargeCategory: return line.chargeCategory.rawValue
        case .currency: return line.currency.isEmpty ? "XXX" : line.currency
        case .resource: return present(line.resourceId)
        case .tag(let key): return present(line.tags[key] ?? "")
        }
    }

    mutating func inputBit(for path: String) -> UInt64 {
        if let known = sources.firstIndex(of: path) { return 1 << UInt64(min(known, 63)) }
        sources.append(path)
        return 1 << UInt64(min(sources.count - 1, 63))
    }

    // MARK: - Access

    /// Records what an input contributed.
    mutating func appendInput(_ report: BillingInputReport) { inputs.append(report) }

    /// The groups of a grouping (month × currency × values → sums); nil when the aggregator was
    /// not built for it.
    public func groups(groupBy names: [String]) -> [CostGroupKey: CostBucket]? {
        var dimensions: [CostDimension] = []
        for name in names {
            guard let dimension = try? CostDimension(parsing: name) else { return nil }
            dimensions.append(dimension)
        }
        return groupingIndex[dimensions].map { store[$0] }
    }

    /// The dimensions of a grouping, parsed; nil when one is unknown.
    static func dimensions(_ names: [String]) -> [CostDimension]? {
        var dimensions: [CostDimension] = []
        for name in names {
            guard let dimension = try? CostDimension(parsing: name) else { return nil }
            dimensions.append(dimension)
        }
        return dimensions
    }

    /// Source file names of the inputs set in `mask`.
    func sourceNames(_ mask: UInt64) -> [String] {
        sources.enumerated().compactMap { position, path in mask & (1 << UInt64(min(position, 63))) != 0 ? path : nil }
    }
}
