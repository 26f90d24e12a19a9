public import PolicyEngine

extension CostAggregator {
    // MARK: - Documents for policies

    /// The cost-group documents for each scope (see `documents(for:asOf:)` for one scope).
    public func documents(for scopes: [CostScope], asOf: CivilDate) -> [CostScope: [Resource]] {
        var result: [CostScope: [Resource]] = [:]
        for scope in scopes { result[scope] = documents(for: scope, asOf: asOf) }
        return result
    }

    /// One `cost.group` document per (month, group, currency) for the `scope.lastMonths`
    /// complete months before `asOf`, sorted by month, currency and group values. Empty when the
    /// aggregator was not constructed with this scope.
    public func documents(for scope: CostScope, asOf: CivilDate) -> [Resource] {
        guard let dimensions = Self.dimensions(scope.groupBy), let groups = groupFigures(for: scope, asOf: asOf) else { return [] }
        return groups.map { document(key: $0.key, dimensions: dimensions, bucket: $0.bucket, figures: $0.figures) }
    }

    /// The groups of `scope` in its window with their figures, sorted by month, currency and group
    /// values; nil when the aggregator was not constructed with this scope.
    func groupFigures(for scope: CostScope, asOf: CivilDate) -> [(key: CostGroupKey, bucket: CostBucket, figures: CostFigures)]? {
        guard let selected = groups(groupBy: scope.groupBy), let totals = groups(groupBy: []) else { return nil }
        let months = Set(Self.window(asOf: asOf, months: scope.lastMonths))
        return selected.keys.filter { months.contains($0.month) }.sorted().compactMap { key in
            guard let bucket = selected[key] else { return nil }
            let previous = selected[key.moved(to: key.month.adding(-1))]
            let total = totals[CostGroupKey(month: key.month, currency: key.currency, values: [])]
            return (key, bucket, Self.costFigures(bucket, previous: previous, monthTotal: total))
        }
    }

    /// The complete months a window of `count` months before `asOf` covers.
    static func window(asOf: CivilDate, months count: Int) -> [BillingMonth] {
        let last = BillingMonth.lastComplete(before: asOf)
        return (0..<max(1, count)).reversed().map { last.adding(-$0) }
    }

    /// The document of one group.
    func document(key: CostGroupKey, dimensions: [CostDimension], bucket: CostBucket, figures: CostFigures) -> Resource {
        var fields = Fields()
        fields["period"] = .string(key.month.description)
        fields["currency"] = .string(key.currency)
        // Which grouping produced the document, so lookups across cost groups can select the
        // groups of one scope (`grouping: tags.environment`).
        fields["grouping"] = .string(dimensions.map(\.description).joined(separator: ","))
        var tags = Fields()
        var idParts: [String] = []
        for (dimension, value) in zip(dimensions, key.values) {
            let label = dimension.tagKey ?? dimension.description
            idParts.append(Self.escape(label) + "=" + (value.map(Self.escape) ?? "(absent)"))
            guard let value else { continue }
            if let tagKey = dimension.tagKey {
                tags[tagKey] = .string(value)
            } else if dimension != .currency {
                fields[dimension.description] = .string(value)
            }
        }
        if !tags.isEmpty { fields["tags"] = .object(tags) }
        fields["cost"] = .object(figures.fields)
        let id = "cost:" + key.month.description + ":" + (idParts.isEmpty ? "all" : idParts.joined(separator: ",")) + ":" + key.currency
        let source = SourceReference(file: sourceNames(bucket.inputs).joined(separator: ", "))
        return Resource(id: id, type: "cost.group", document: .object(fields), source: source)
    }

    /// The `cost` object of a group document (and of the review totals).
    static func costFigures(_ bucket: CostBucket, previous: CostBucket?, monthTotal: CostBucket?) -> CostFigures {
        let previousAmount = previous?.amount ?? .zero
        return CostFigures(
            amount: bucket.amount, effective: bucket.effective, list: bucket.list, credits: bucket.credits, refunds: bucket.refunds,
            net: bucket.net, previousAmount: previousAmount,
            changePercent: ratio(bucket.amount - previousAmount, previousAmount).map { $0 * 100 },
            shareOfTotal: ratio(bucket.amount, monthTotal?.amount ?? .zero),
            // The denominator of untagged_share: usage spend (charges a tag can allocate), not the total.
            untaggedAmount: bucket.untaggedUsage, usageAmount: bucket.usage, untaggedShare: ratio(bucket.untaggedUsage, bucket.usage),
            egressAmount: bucket.egress, egressShare: ratio(bucket.egress, bucket.amount), lines: bucket.lines,
            commitments: commitments(bucket))
    }

    /// `cost.commitments` (docs/billing.md, "Commitments"): coverage = covered usage / all usage,
    /// both at on-demand-equivalent (list) cost; utilisation = used / (used + unused) amortized
    /// commitment. Unknown, with the reason, when a line of the group came from an export that
    /// cannot show commitments; utilisation is null (not applicable) in a month without
    /// commitments, and coverage null in a month without usage.
    static func commitments(_ bucket: CostBucket) -> Commitments {
        guard bucket.commitmentBlindness.isEmpty else { return .unknown(reason: bucket.commitmentBlindness.reason) }
        let total = bucket.commitmentUsed + bucket.commitmentUnused
        let utilisation: MeasuredCommitments.Utilisation
        if let ratio = ratio(bucket.commitmentUsed, total) {
            utilisation = .ratio(ratio)
        } else if !bucket.coveredList.isZero {
            // Covered usage without any commitment fee in the group: the fee lines are in an
            // export Assay did not read (another payer's, or another month's file).
            utilisation = .unknown(reason: "commitment-covered usage without a commitment fee line (RIFee, SavingsPlanRecurringFee or an Unused row) in the inputs for this month")
        } else {
            utilisation = .notApplicable
        }
        return .measured(MeasuredCommitments(
            isActive: !(total.isZero && bucket.coveredList.isZero), coveredList: bucket.coveredList, eligibleList: bucket.eligibleList,
            coverage: ratio(bucket.coveredList, bucket.eligibleList), used: bucket.commitmentUsed, unused: bucket.commitmentUnused,
            total: total, utilisation: utilisation))
    }

    /// `numerator / denominator` as a Double, nil when the denominator is zero.
    static func ratio(_ numerator: FixedDecimal, _ denominator: FixedDecimal) -> Double? {
        guard !denominator.isZero else { return nil }
        return numerator.doubleValue / denominator.doubleValue
    }

    /// Percent-escapes the characters that separate parts of a cost-group id.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "%": escaped += "%25"
            case ":": escaped += "%3A"
            case ",": escaped += "%2C"
            case "=": escaped += "%3D"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
