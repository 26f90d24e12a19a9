public import PolicyEngine

/// Bytes of one field, pointing into the chunk being scanned (or into static text).
public typealias FieldBytes = ByteView

/// Which tags a scan extracts: a few named keys (what cost groups need) and optionally all tags
/// (for `CostLine.tags`). Extracting only named keys keeps the hot loop free of allocations.
public struct TagRequest: Sendable, Hashable {
    /// Tag keys whose values are wanted, case-sensitive; at most 32.
    public var keys: [String]
    /// True to also collect every tag of every line.
    public var all: Bool

    /// Creates a request.
    public init(keys: [String] = [], all: Bool = false) {
        var unique: [String] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        self.keys = Array(unique.prefix(32))
        self.all = all
    }
}

/// A cost line as a reader decodes it: text fields are byte views into the chunk, valid only
/// during one `CostLineSink.consume` call; amounts are already exact decimals.
///
/// Sinks that keep values must copy or intern the bytes. `CostLine(raw:…)` makes an owned line.
public struct RawCostLine {
    /// Billing month.
    public var month = BillingMonth(index: 0)
    /// Raw charge period start text (parsed only on demand).
    public var chargePeriodStart = FieldBytes()
    /// Billing account.
    public var billingAccount = FieldBytes()
    /// Sub-account.
    public var subAccount = FieldBytes()
    /// Service name.
    public var service = FieldBytes()
    /// Provider service code.
    public var serviceCode = FieldBytes()
    /// Service category as exported (FOCUS, Azure `ServiceFamily`); empty when it must be derived.
    public var serviceCategory = FieldBytes()
    /// What the service category is derived from when `serviceCategory` is empty (the AWS
    /// product code, the Azure meter category, the GCP service).
    public var categoryKey = FieldBytes()
    /// Resource id as exported.
    public var resourceId = FieldBytes()
    /// Region as exported (normalized later, once per distinct value).
    public var region = FieldBytes()
    /// Usage type.
    public var usageType = FieldBytes()
    /// Currency code.
    public var currency = FieldBytes()
    /// Charge category.
    public var chargeCategory = ChargeCategory.usage
    /// Billed cost.
    public var billedCost = FixedDecimal.zero
    /// Effective (amortized) cost.
    public var effectiveCost = FixedDecimal.zero
    /// List cost.
    public var listCost = FixedDecimal.zero
    /// A credit carried on the same row (GCP `credits[]`); the scan emits it as its own credit line.
    public var attachedCredit = FixedDecimal.zero
    /// Egress flag.
    public var isEgress = false
    /// The line's part in commitment discounts. Readers that show commitments set it on every
    /// row (so `reset` leaves it alone); the others keep the default, "not shown by this format".
    public var commitment = CommitmentCharge()
    /// Values of the requested tag keys, by position in `TagRequest.keys`; empty when absent.
    public var tagValues: [FieldBytes]
    /// Bit `i` set when requested key `i` has a non-empty value.
    public var tagPresence: UInt32 = 0
    /// True when the line carries any user tag at all.
    public var hasAnyTag = false
    /// Every tag, when the request asked for all.
    public var allTags: [(key: FieldBytes, value: FieldBytes)] = []
    /// The last billing-period text parsed on this worker, kept from row to row (`reset` leaves it).
    var monthMemo = MonthMemo()
    /// 1-based line of the row, counted from the start of its chunk.
    public var line = 0
    /// The chunk the row is in (chunk 0 starts after the header).
    public var chunk = 0

    /// An empty line with room for `tagCount` requested tags.
    public init(tagCount: Int) {
        tagValues = Array(repeating: FieldBytes(), count: tagCount)
    }

    /// Clears the per-row parts before a reader decodes the next row.
    @inline(__always) mutating func reset() {
        for index in tagValues.indices { tagValues[index] = FieldBytes() }
        tagPresence = 0
        hasAnyTag = false
        if !allTags.isEmpty { allTags.removeAll(keepingCapacity: true) }
        attachedCredit = .zero
        isEgress = false
        let empty = FieldBytes()
        chargePeriodStart = empty
        billingAccount = empty
        subAccount = empty
        service = empty
        serviceCode = empty
        serviceCategory = empty
        categoryKey = empty
        resourceId = empty
        region = empty
        usageType = empty
        currency = empty
    }

    /// Records the value of requested tag key `position` (a reader that matched its tag columns
    /// to the request up front).
    @inline(__always) mutating func setRequestedTag(at position: Int, value: FieldBytes) {
        tagValues[position] = value
        tagPresence |= 1 << UInt32(position)
    }

    /// Records a tag; keeps it when its key is requested or all tags are wanted.
    @inline(__always) mutating func setTag(key: FieldBytes, value: FieldBytes, request: TagKeyLookup) {
        guard !value.isEmpty else { return }
        hasAnyTag = true
        if let position = request.position(of: key) { setRequestedTag(at: position, value: value) }
        if request.all { allTags.append((key, value)) }
    }
}

/// The requested tag keys as bytes, for comparison against exported keys without Strings. A
/// reader keeps one and hands its `lookup` to the row decoding.
struct RequestedTagKeys: Sendable {
    /// Owns the lookup's storage, for as long as the reader lives.
    private let storage: TagKeyStorage
    /// The keys to compare with. Copying it counts no references: two workers copying shared
    /// arrays for every row contended for their reference counts (7 % of a FOCUS read).
    let lookup: TagKeyLookup

    init(_ request: TagRequest) {
        storage = TagKeyStorage(request.keys)
        lookup = TagKeyLookup(storage: storage, all: request.all)
    }
}

/// A requested key: its length, where its bytes are, and its identifying words
/// (`ByteInterner.identifyingWords`), which hold every byte of a key of up to 16 bytes, so such
/// a key is matched with register compares.
struct TagKeyProbe {
    var count: Int
    var offset: Int
    var first: UInt64
    var second: UInt64
}

/// The storage of the requested keys, written in `init` only and freed in `deinit`.
///
/// Sendable: read-only after `init`, so workers share it safely.
final class TagKeyStorage: @unchecked Sendable {
    let probes: ManualBuffer<TagKeyProbe>
    let bytes: ManualBuffer<UInt8>
    let count: Int

    init(_ keys: [String]) {
        count = keys.count
        probes = ManualBuffer(capacity: keys.count)
        bytes = ManualBuffer(capacity: keys.reduce(0) { $0 + $1.utf8.count })
        var offset = 0
        for (position, key) in keys.enumerated() {
            var text = key
            let probe = text.withByteView { view -> TagKeyProbe in
                bytes.copy(view, to: offset)
                let words = view.isEmpty ? (0, 0) : ByteInterner.identifyingWords(view, view.count)
                return TagKeyProbe(count: view.count, offset: offset, first: words.0, second: words.1)
            }
            probes.initialize(at: position, to: probe)
            offset += probe.count
        }
    }

    deinit {
        probes.deallocate()
        bytes.deallocate()
    }
}

/// The requested keys as plain values (buffers owned by a `TagKeyStorage`).
///
/// Sendable: the buffers are read-only, and live as long as the `RequestedTagKeys` that made it.
struct TagKeyLookup: @unchecked Sendable {
    private let probes: ManualBuffer<TagKeyProbe>
    private let bytes: ManualBuffer<UInt8>
    private let count: Int
    /// True when every tag is wanted as well.
    let all: Bool

    init(storage: TagKeyStorage, all: Bool) {
        probes = storage.probes
        bytes = storage.bytes
        count = storage.count
        self.all = all
    }

    /// Position of `key` among the requested keys (the first, when a key is requested twice).
    @inline(__always) func position(of key: FieldBytes) -> Int? {
        let length = key.count
        var words: (UInt64, UInt64)?
        for position in 0..<count {
            let probe = probes[position]
            guard probe.count == length else { continue }
            guard length > 0 else { return position }
            let (first, second) = words ?? ByteInterner.identifyingWords(key, length)
            words = (first, second)
            guard first == probe.first && second == probe.second else { continue }
            if length <= 16 || ByteText.equal(bytes.bytes(from: probe.offset, count: length), key) { return position }
        }
        return nil
    }
}

/// Tag keys known when a reader binds to a header (CUR's `resourceTags/user:<key>` columns), in
/// one allocation that lives as long as the reader, so lines can point at them.
///
/// Sendable: `storage` is written in `init` only, read-only afterwards and freed in `deinit`.
final class TagKeyBytes: @unchecked Sendable {
    private let storage: ManualBuffer<UInt8>
    private let ranges: [(start: Int, count: Int)]

    init(_ keys: [String]) {
        var ranges: [(start: Int, count: Int)] = []
        var total = 0
        for key in keys {
            ranges.append((total, key.utf8.count))
            total += key.utf8.count
        }
        let storage = ManualBuffer<UInt8>(capacity: max(total, 1))
        for (key, range) in zip(keys, ranges) {
            var copy = key
            copy.withByteView { storage.copy($0, to: range.start) }
        }
        self.storage = storage
        self.ranges = ranges
    }

    deinit { storage.deallocate() }

    /// The bytes of key `position` (immutable once built, so safe to share between workers).
    func key(_ position: Int) -> FieldBytes { storage.bytes(from: ranges[position].start, count: ranges[position].count) }
}
