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
    /// docs/billing.md.
    public func costSection(asOf: CivilDate, months: Int = 3) -> Value {
        var section = Fields()
        section["as_of"] = .string(asOf.description)
        section["months"] = .array(Self.window(asOf: asOf, months: months).map { .string($0.description) })
        section["required_tags"] = .array(requiredTags.map(Value.string))
        section["inputs"] = .array(inputs.map { input in
            var fields = Fields()
            fields["path"] = .string(input.path)
            fields["format"] = .string(input.format.rawValue)
            fields["rows"] = .number(Double(input.rows))
            fields["lines"] = .number(Double(input.lines))
            fields["bad_rows_skipped"] = .number(Double(input.badRows))
            fields["first_bad_rows"] = .array(input.firstBadRows.map { .string($0.description) })
            if let provenance = input.provenance {
                fields["engine"] = .string(provenance.engine)
                fields["query_sha256"] = .string(provenance.querySHA256)
            }
            return .object(fields)
        })
        section["totals"] = .array(monthTotals(asOf: asOf, months: months).map { total in
            var fields = Fields()
            fields["period"] = total.document["period"] ?? .null
            fields["currency"] = total.document["currency"] ?? .null
            if let cost = total.document["cost"]?.objectValue {
                for member in cost { fields[member.key] = member.value }
            }
            return .object(fields)
        })
        section["top_movers"] = .array(topMovers(asOf: asOf, months: months).map { mover in
            var fields = Fields()
            fields["period"] = .string(mover.month.description)
            fields["currency"] = .string(mover.currency)
            fields["account"] = mover.account.map(Value.string) ?? .null
            fields["service"] = mover.service.map(Value.string) ?? .null
            fields["amount"] = .decimal(mover.amount)
            fields["previous_amount"] = .decimal(mover.previousAmount)
            fields["change"] = .decimal(mover.change)
            fields["change_pct"] = mover.changePercent.map(Value.number) ?? .null
            return .object(fields)
        })
        return .object(section)
    }
}
