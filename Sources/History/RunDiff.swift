public import PolicyEngine

/// What changed between two recorded runs: open findings (fail, error, unknown) compared by
/// fingerprint, and cost figures compared between each run's last complete month.
public struct RunDiff: Sendable {
    /// The earlier run (A).
    public var from: RunRecord
    /// The later run (B).
    public var to: RunRecord
    /// Open in B, absent from A.
    public var new: [StoredFinding]
    /// Open in A, absent from B (as recorded in A).
    public var fixed: [StoredFinding]
    /// Open in both (as recorded in B).
    public var persisting: [StoredFinding]
    /// Cost figures that differ, month totals first, then by size of the change.
    public var costMovers: [CostMovement]

    /// Compares two runs' open findings and cost figures.
    public init(from: RunRecord, to: RunRecord, fromFindings: [StoredFinding], toFindings: [StoredFinding],
                fromCosts: [StoredCost], toCosts: [StoredCost]) {
        self.from = from
        self.to = to
        let before = Set(fromFindings.filter(\.finding.isOpen).map(\.fingerprint))
        let after = Set(toFindings.filter(\.finding.isOpen).map(\.fingerprint))
        new = toFindings.filter { $0.finding.isOpen && !before.contains($0.fingerprint) }
        fixed = fromFindings.filter { $0.finding.isOpen && !after.contains($0.fingerprint) }
        persisting = toFindings.filter { $0.finding.isOpen && before.contains($0.fingerprint) }
        costMovers = CostMovement.between(fromCosts, toCosts)
    }
}

/// One cost figure in both runs: the same month total, mover or group key and currency, each
/// run at its own last complete month.
public struct CostMovement: Sendable, Hashable {
    /// `total`, `mover` or `group`.
    public var kind: String
    /// The figure's key (`all` for totals).
    public var key: String
    /// Currency.
    public var currency: String
    /// Month of the figure in run A, when A has it.
    public var fromPeriod: String?
    /// Amount in run A.
    public var fromAmount: FixedDecimal?
    /// Month of the figure in run B, when B has it.
    public var toPeriod: String?
    /// Amount in run B.
    public var toAmount: FixedDecimal?

    /// B − A when both runs have the figure (a mover lists only the top groups of its run, so
    /// a missing side is unknown, not zero).
    public var change: FixedDecimal? {
        guard let fromAmount, let toAmount else { return nil }
        return toAmount - fromAmount
    }

    /// Change in percent of A's amount; nil when unknown or A is zero.
    public var changePercent: Double? {
        guard let change, let fromAmount, !fromAmount.isZero else { return nil }
        return change.doubleValue / fromAmount.doubleValue * 100
    }

    /// The kinds of cost rows the history records (`RunRows.costRows`), in the order a diff lists them.
    private static let kindOrder = ["total": 0, "mover": 1]

    /// The figures of each run's latest month, paired by kind, key and currency; unchanged ones left out.
    static func between(_ from: [StoredCost], _ to: [StoredCost]) -> [CostMovement] {
        struct Key: Hashable { var kind: String, key: String, currency: String }
        func latest(_ costs: [StoredCost]) -> [Key: StoredCost] {
            guard let month = costs.map(\.period).max() else { return [:] }
            var figures: [Key: StoredCost] = [:]
            for cost in costs where cost.period == month { figures[Key(kind: cost.kind, key: cost.key, currency: cost.currency)] = cost }
            return figures
        }
        let before = latest(from)
        let after = latest(to)
        let movements = Set(before.keys).union(after.keys).map { key in
            CostMovement(kind: key.kind, key: key.key, currency: key.currency, fromPeriod: before[key]?.period, fromAmount: before[key]?.amount,
                         toPeriod: after[key]?.period, toAmount: after[key]?.amount)
        }
        return movements.filter { $0.change.map { !$0.isZero } ?? true }.sorted { lhs, rhs in
            let left = kindOrder[lhs.kind] ?? kindOrder.count
            let right = kindOrder[rhs.kind] ?? kindOrder.count
            if left != right { return left < right }
            switch (lhs.change.map(Self.magnitude), rhs.change.map(Self.magnitude)) {
            case (let a?, let b?) where a != b: return b < a
            case (.some, .none): return true
            case (.none, .some): return false
            default: return (lhs.currency, lhs.key) < (rhs.currency, rhs.key)
            }
        }
    }

    private static func magnitude(_ amount: FixedDecimal) -> FixedDecimal { amount.isNegative ? -amount : amount }
}

extension HistoryStore {
    /// Compares two recorded runs.
    public func diff(_ from: RunRecord, _ to: RunRecord) throws(HistoryError) -> RunDiff {
        RunDiff(from: from, to: to, fromFindings: try findings(of: from, openOnly: true), toFindings: try findings(of: to, openOnly: true),
                fromCosts: try costs(of: from), toCosts: try costs(of: to))
    }
}
