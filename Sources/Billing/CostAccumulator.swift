/// The groupings one aggregation builds and the tags they need, fixed before any line is read.
struct AggregationPlan: Sendable {
    /// One grouping: its dimensions and which tags make a line "tagged" for it.
    struct Grouping: Sendable {
        /// Dimensions, in `group_by` order.
        var dimensions: [CostDimension]
        /// Positions in `tagKeys` of the tag dimensions, or of the required tags when the
        /// grouping has no tag dimension; empty means "any tag".
        var requiredTagMask: UInt32
    }

    /// Every grouping, the review groupings first.
    var groupings: [Grouping]
    /// Every tag key any grouping or the required set needs.
    var tagKeys: [String]

    /// The most dimensions in one grouping (the fast key holds month, currency and six more).
    static let maximumDimensions = 6

    init(groupBys: [[CostDimension]], requiredTags: [String]) throws(BillingError) {
        var keys: [String] = []
        func position(_ key: String) -> Int {
            if let found = keys.firstIndex(of: key) { return found }
            keys.append(key)
            return keys.count - 1
        }
        var requiredMask: UInt32 = 0
        for tag in requiredTags { requiredMask |= 1 << UInt32(position(tag)) }
        var built: [Grouping] = []
        for dimensions in groupBys {
            guard dimensions.count <= Self.maximumDimensions else {
                throw .tooManyDimensions(dimensions.map(\.description), limit: Self.maximumDimensions)
            }
            var mask: UInt32 = 0
            for dimension in dimensions {
                if let key = dimension.tagKey { mask |= 1 << UInt32(position(key)) }
            }
            built.append(Grouping(dimensions: dimensions, requiredTagMask: mask == 0 ? requiredMask : mask))
        }
        groupings = built
        tagKeys = keys
    }
}

/// One worker's share of an aggregation: groups keyed by interned ids, turned into string keys
/// when the scan of a file ends.
final class CostAccumulator: CostLineSink {
    private let plan: AggregationPlan
    private let interner = ByteInterner()
    private let indexes: [GroupIndex]
    @exclusivity(unchecked) private var buckets: [[CostBucket]]
    /// Plan tag position → position in the scan's `TagRequest`.
    private let tagPositions: [Int]
    /// Per grouping, per dimension: what to read from a line.
    private let lanes: [[Lane]]

    /// A dimension resolved against the tag request.
    private enum Lane {
        case dimension(CostDimension)
        case tag(requestPosition: Int)
    }

    /// Marks a derived service category id: the interned category key, to be looked up later.
    private static let derivedCategoryBase: Int32 = -10
    /// A derived service category whose key is empty.
    private static let emptyCategoryKey: Int32 = -9

    init(plan: AggregationPlan, request: TagRequest) {
        self.plan = plan
        indexes = plan.groupings.map { _ in GroupIndex() }
        buckets = Array(repeating: [], count: plan.groupings.count)
        let positions = plan.tagKeys.map { key in request.keys.firstIndex(of: key) ?? -1 }
        tagPositions = positions
        lanes = plan.groupings.map { grouping in
            grouping.dimensions.map { dimension in
                guard let key = dimension.tagKey else { return .dimension(dimension) }
                return .tag(requestPosition: request.keys.firstIndex(of: key) ?? -1)
            }
        }
    }

    func consume(_ line: RawCostLine) {
        let currency = interner.intern(line.currency)
        for (index, grouping) in plan.groupings.enumerated() {
            var key = SIMD8<Int32>(repeating: -2)
            key[0] = Int32(truncatingIfNeeded: line.month.index)
            key[1] = currency
            for (lane, spec) in lanes[index].enumerated() { key[lane + 2] = id(of: spec, in: line) }
            let mask = grouping.requiredTagMask
            let untagged = mask == 0 ? !line.hasAnyTag : (presence(line) & mask) != mask
            let (slot, isNew) = indexes[index].slot(for: key)
            if isNew { buckets[index].append(CostBucket()) }
            buckets[index][slot].add(
                category: line.chargeCategory, billed: line.billedCost, effective: line.effectiveCost, list: line.listCost,
                isEgress: line.isEgress, untagged: untagged, commitment: line.commitment, inputBit: 1)
        }
    }

    /// The line's tag presence in plan positions.
    @inline(__always) private func presence(_ line: RawCostLine) -> UInt32 {
        var mask: UInt32 = 0
        for (planPosition, requestPosition) in tagPositions.enumerated() where requestPosition >= 0 {
            if line.tagPresence & (1 << UInt32(requestPosition)) != 0 { mask |= 1 << UInt32(planPosition) }
        }
        return mask
    }

    @inline(__always) private func id(of lane: Lane, in line: RawCostLine) -> Int32 {
        guard case .dimension(let dimension) = lane else {
            guard case .tag(let position) = lane, position >= 0 else { return -1 }
            return interner.intern(line.tagValues[position])
        }
        switch dimension {
        case .account: return interner.intern(line.billingAccount)
        case .subAccount: return interner.intern(line.subAccount)
        case .service: return interner.intern(line.service)
        case .serviceCategory:
            if !line.serviceCategory.isEmpty { return interner.intern(line.serviceCategory) }
            let keyId = interner.intern(line.categoryKey)
            return keyId < 0 ? Self.emptyCategoryKey : Self.derivedCategoryBase - keyId
        case .region: return interner.intern(line.region)
        case .chargeCategory: return Int32(ChargeCategory.allCases.firstIndex(of: line.chargeCategory) ?? 0)
        case .currency: return interner.intern(line.currency)
        case .resource: return interner.intern(line.resourceId)
        case .tag: return -1
        }
    }

    /// Adds this worker's groups, with string keys and normalized values, to `store`.
    func export(into store: inout [[CostGroupKey: CostBucket]], reader: any BillingFormatReader, inputBit: UInt64) {
        var regionNames: [Int32: String] = [:]
        for (index, grouping) in plan.groupings.enumerated() {
            for slot in 0..<indexes[index].count {
                let key = indexes[index].key(slot)
                var values: [String?] = []
                for (lane, dimension) in grouping.dimensions.enumerated() {
                    values.append(value(of: dimension, id: key[lane + 2], reader: reader, regionNames: &regionNames))
                }
                let currencyText = interner.string(key[1])
                let groupKey = CostGroupKey(month: BillingMonth(index: Int(key[0])), currency: currencyText.isEmpty ? "XXX" : currencyText, values: values)
                var bucket = buckets[index][slot]
                bucket.inputs = inputBit
                store[index][groupKey, default: CostBucket()].merge(bucket)
            }
        }
    }

    private func value(of dimension: CostDimension, id: Int32, reader: any BillingFormatReader, regionNames: inout [Int32: String]) -> String? {
        switch dimension {
        case .region:
            if let known = regionNames[id] { return known }
            let normalized = reader.normalizedRegion(interner.string(id))
            regionNames[id] = normalized
            return normalized
        case .serviceCategory:
            if id <= Self.derivedCategoryBase { return reader.serviceCategory(forKey: interner.string(Self.derivedCategoryBase - id)) }
            if id == Self.emptyCategoryKey { return reader.serviceCategory(forKey: "") }
            return id < 0 ? "Other" : interner.string(id)
        case .chargeCategory:
            let cases = ChargeCategory.allCases
            return Int(id) < cases.count && id >= 0 ? cases[Int(id)].rawValue : nil
        case .resource:
            return id < 0 ? nil : reader.normalizedResource(interner.string(id))
        case .currency:
            return id < 0 ? "XXX" : interner.string(id)
        case .account, .subAccount, .service, .tag:
            return id < 0 ? nil : interner.string(id)
        }
    }
}
