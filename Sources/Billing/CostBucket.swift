public import PolicyEngine

/// The sums kept for one cost group in one month and currency. Exact integers, so merging
/// partial buckets in any order gives the same result.
public struct CostBucket: Sendable, Hashable {
    /// Billed cost of every charge but credits and refunds.
    public var amount = FixedDecimal.zero
    /// Effective cost of the same charges.
    public var effective = FixedDecimal.zero
    /// List cost of the same charges.
    public var list = FixedDecimal.zero
    /// Billed credits (negative).
    public var credits = FixedDecimal.zero
    /// Billed refunds (negative).
    public var refunds = FixedDecimal.zero
    /// Billed cost of egress usage.
    public var egress = FixedDecimal.zero
    /// Billed cost of usage charges (the untagged-share denominator).
    public var usage = FixedDecimal.zero
    /// Billed cost of usage charges lacking the required tags.
    public var untaggedUsage = FixedDecimal.zero
    /// On-demand-equivalent (list) cost of usage a commitment covered.
    public var coveredList = FixedDecimal.zero
    /// On-demand-equivalent (list) cost of all usage, covered or not (the coverage denominator).
    public var eligibleList = FixedDecimal.zero
    /// Amortized commitment used.
    public var commitmentUsed = FixedDecimal.zero
    /// Amortized commitment left unused.
    public var commitmentUnused = FixedDecimal.zero
    /// Why some lines could not show commitments (empty: every line could).
    public var commitmentBlindness = CommitmentBlindness()
    /// Number of cost lines.
    public var lines = 0
    /// Bit `i` set when input `i` contributed (inputs beyond 63 share bit 63).
    public var inputs: UInt64 = 0

    /// An empty bucket.
    public init() {}

    /// Adds one line's amounts.
    @inline(__always) mutating func add(
        category: ChargeCategory, billed: FixedDecimal, effective lineEffective: FixedDecimal, list lineList: FixedDecimal,
        isEgress: Bool, untagged: Bool, commitment: CommitmentCharge, inputBit: UInt64
    ) {
        lines += 1
        inputs |= inputBit
        if commitment.blindness.isEmpty {
            addCommitment(commitment, category: category, list: lineList)
        } else {
            commitmentBlindness.formUnion(commitment.blindness)
        }
        switch category {
        case .credit: credits += billed
        case .refund: refunds += billed
        case .usage:
            usage += billed
            if untagged { untaggedUsage += billed }
            if isEgress { egress += billed }
            fallthrough
        case .tax, .purchase, .adjustment:
            amount += billed
            effective += lineEffective
            list += lineList
        }
    }

    /// Adds the commitment figures of a line whose export shows commitments.
    @inline(__always) private mutating func addCommitment(_ commitment: CommitmentCharge, category: ChargeCategory, list lineList: FixedDecimal) {
        switch commitment.role {
        case .none: if category == .usage { eligibleList += lineList }
        case .covered:
            eligibleList += lineList
            coveredList += lineList
        case .unused, .negation: break
        }
        commitmentUsed += commitment.used
        commitmentUnused += commitment.unused
    }

    /// Adds another bucket.
    mutating func merge(_ other: CostBucket) {
        amount += other.amount
        effective += other.effective
        list += other.list
        credits += other.credits
        refunds += other.refunds
        egress += other.egress
        usage += other.usage
        untaggedUsage += other.untaggedUsage
        coveredList += other.coveredList
        eligibleList += other.eligibleList
        commitmentUsed += other.commitmentUsed
        commitmentUnused += other.commitmentUnused
        commitmentBlindness.formUnion(other.commitmentBlindness)
        lines += other.lines
        inputs |= other.inputs
    }

    /// Billed total: amount plus credits and refunds.
    public var net: FixedDecimal { amount + credits + refunds }
}

/// The key of a cost group: month, currency and one value per dimension (nil = absent).
public struct CostGroupKey: Hashable, Sendable, Comparable {
    /// Month.
    public var month: BillingMonth
    /// Currency code.
    public var currency: String
    /// One value per dimension of the grouping, nil when the line has none.
    public var values: [String?]

    /// Orders by month, currency, then values (absent first).
    public static func < (lhs: CostGroupKey, rhs: CostGroupKey) -> Bool {
        if lhs.month != rhs.month { return lhs.month < rhs.month }
        if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
        for (left, right) in zip(lhs.values, rhs.values) where left != right {
            guard let left else { return true }
            guard let right else { return false }
            return left < right
        }
        return lhs.values.count < rhs.values.count
    }

    /// The same key in another month.
    func moved(to month: BillingMonth) -> CostGroupKey { CostGroupKey(month: month, currency: currency, values: values) }
}
