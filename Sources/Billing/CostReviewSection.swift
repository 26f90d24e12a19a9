public import PolicyEngine

/// One row of the month-over-month movers table.
public struct CostMover: Sendable, Hashable {
    /// Month.
    public var month: BillingMonth
    /// Currency.
    public var currency: String
    /// Billing account (nil when the lines have none).
    public var account: String?
    /// Service (nil when the lines have none).
    public var service: String?
    /// Amount this month.
    public var amount: FixedDecimal
    /// Amount the month before.
    public var previousAmount: FixedDecimal

    /// Amount minus previous amount.
    public var change: FixedDecimal { amount - previousAmount }
    /// Change in percent of the previous amount; nil when that is zero.
    public var changePercent: Double? { CostAggregator.ratio(change, previousAmount).map { $0 * 100 } }
}

extension CostAggregator {
    // MARK: - The cost review

    /// The month totals (one document per month and currency, grouped by nothing) for the
    /// `months` complete months before `asOf`.
    public func monthTotals(asOf: CivilDate, months: Int) -> [Resource] {
        documents(for: CostScope(groupBy: [], lastMonths: months), asOf: asOf)
    }

    /// The account × service groups whose amount moved most against the previous month, at
    /// most `limit` per month and currency, largest absolute change first.
    public func topMovers(asOf: CivilDate, months: Int, limit: Int = 10) -> [CostMover] {
        guard let groups = groups(groupBy: ["account", "service"]) else { return [] }
        var movers: [CostMover] = []
        for month in Self.window(asOf: asOf, months: months) {
            var candidates: [CostGroupKey: (FixedDecimal, FixedDecimal)] = [:]
            for (key, bucket) in groups where key.month == month { candidates[key, default: (.zero, .zero)].0 = bucket.amount }
            for (key, bucket) in groups where key.month == month.adding(-1) {
                candidates[key.moved(to: month), default: (.zero, .zero)].1 = bucket.amount
            }
            let ranked = candidates.map { key, amounts in
                CostMover(month: month, currency: key.currency, account: key.values[0], service: key.values[1], amount: amounts.0, previousAmount: amounts.1)
            }
            .filter { !$0.change.isZero }
            .sorted { lhs, rhs in
                if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
                let left = lhs.change.isNegative ? -lhs.change : lhs.change
                let right = rhs.change.isNegative ? -rhs.change : rhs.change
                if left != right { return right < left }
                return (lhs.account ?? "", lhs.service ?? "") < (rhs.account ?? "", rhs.service ?? "")
            }
            var perCurrency: [String: Int] = [:]
            for mover in ranked {
                perCurrency[mover.currency, default: 0] += 1
                if perCurrency[mover.currency, default: 0] <= limit { movers.append(mover) }
            }
        }
        return movers
    }

    /// The `cost` section of a run result (`RunResult.sections["cost"]`); its schema is in
    /// docs/billing.md and `CostReviewSection`.
    public func costSection(asOf: CivilDate, months: Int = 3) -> CostReviewSection {
        let totals = groupFigures(for: CostScope(groupBy: [], lastMonths: months), asOf: asOf) ?? []
        return CostReviewSection(
            asOf: asOf.description, months: Self.window(asOf: asOf, months: months).map(\.description), requiredTags: requiredTags,
            inputs: inputs.map { input in
                CostReviewSection.Input(
                    path: input.path, format: input.format.rawValue, rows: input.rows, lines: input.lines, badRowsSkipped: input.badRows,
                    firstBadRows: input.firstBadRows.map(\.description), engine: input.provenance?.engine,
                    querySHA256: input.provenance?.querySHA256)
            },
            totals: totals.map { CostReviewSection.Total(period: $0.key.month.description, currency: $0.key.currency, figures: $0.figures) },
            topMovers: topMovers(asOf: asOf, months: months).map { mover in
                CostReviewSection.Mover(
                    period: mover.month.description, currency: mover.currency, account: mover.account, service: mover.service,
                    amount: mover.amount, previousAmount: mover.previousAmount, change: mover.change, changePercent: mover.changePercent)
            })
    }
}
