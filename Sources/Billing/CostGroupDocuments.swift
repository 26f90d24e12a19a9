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
        guard let dimensions = Self.dimensions(scope.groupBy), let selected = groups(groupBy: scope.groupBy),
            let totals = groups(groupBy: [])
        else { return [] }
        let months = Set(Self.window(asOf: asOf, months: scope.lastMonths))
        return selected.keys.filter { months.contains($0.month) }.sorted().compactMap { key -> Resource? in
            guard let bucket = selected[key] else { return nil }
            let previous = selected[key.moved(to: key.month.adding(-1))]
            let total = totals[CostGroupKey(month: key.month, currency: key.currency, values: [])]
            return document(key: key, dimensions: dimensions, bucket: bucket, previous: previous, monthTotal: total)
        }
    }

    /// The complete months a window of `count` months before `asOf` covers.
    static func window(asOf: CivilDate, months count: Int) -> [BillingMonth] {
        let last = BillingMonth.lastComplete(before: asOf)
        return (0..<max(1, count)).reversed().map { last.adding(-$0) }
    }

    /// The document of one group.
    func document(key: CostGroupKey, dimensions: [CostDimension], bucket: CostBucket, previous: CostBucket?, monthTotal: CostBucket?) -> Resource {
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
        fields["cost"] = .object(Self.costFields(bucket, previous: previous, monthTotal: monthTotal))
        let id = "cost:" + key.month.description + ":" + (idParts.isEmpty ? "all" : idParts.joined(separator: ",")) + ":" + key.currency
        let source = SourceReference(file: sourceNames(bucket.inputs).joined(separator: ", "))
        return Resource(id: id, type: "cost.group", document: .object(fields), source: source)
    }

    /// The `cost` object of a group document (and of the review totals).
    static func costFields(_ bucket: CostBucket, previous: CostBucket?, monthTotal: CostBucket?) -> Fields {
        var cost = Fields()
        cost["amount"] = .decimal(bucket.amount)
        cost["effective"] = .decimal(bucket.effective)
        cost["list"] = .decimal(bucket.list)
        cost["credits"] = .decimal(bucket.credits)
        cost["refunds"] = .decimal(bucket.refunds)
        cost["net"] = .decimal(bucket.net)
        let previousAmount = previous?.amount ?? .zero
        cost["previous_amount"] = .decimal(previousAmount)
        cost["change_pct"] = ratio(bucket.amount - previousAmount, previousAmount).map { .number($0 * 100) } ?? .null
        cost["share_of_total"] = ratio(bucket.amount, monthTotal?.amount ?? .zero).map(Value.number) ?? .null
        cost["untagged_amount"] = .decimal(bucket.untaggedUsage)
        // The denominator of untagged_share: usage spend (charges a tag can allocate), not the total.
        cost["usage_amount"] = .decimal(bucket.usage)
        cost["untagged_share"] = ratio(bucket.untaggedUsage, bucket.usage).map(Value.number) ?? .null
        cost["egress_amount"] = .decimal(bucket.egress)
        cost["egress_share"] = ratio(bucket.egress, bucket.amount).map(Value.number) ?? .null
        cost["lines"] = .number(Double(bucket.lines))
        cost["commitments"] = .object(commitmentFields(bucket))
        return cost
    }

    /// `cost.commitments` (docs/billing.md, "Commitments"): coverage = covered usage / all usage,
    /// both at on-demand-equivalent (list) cost; utilisation = used / (used + unused) amortized
    /// commitment. Unknown, with the reason, when a line of the group came from an export that
    /// cannot show commitments; utilisation is null (not applicable) in a month without
    /// commitments, and coverage null in a month without usage.
    static func commitmentFields(_ bucket: CostBucket) -> Fields {
        var fields = Fields()
        guard bucket.commitmentBlindness.isEmpty else {
            fields["status"] = .string("unknown")
            fields["coverage"] = .unknown
            fields["utilisation"] = .unknown
            fields["unknown_reason"] = .string(bucket.commitmentBlindness.reason)
            return fields
        }
        let total = bucket.commitmentUsed + bucket.commitmentUnused
        fields["status"] = .string(total.isZero && bucket.coveredList.isZero ? "none" : "active")
        fields["covered_list"] = .decimal(bucket.coveredList)
        fields["eligible_list"] = .decimal(bucket.eligibleList)
        fields["coverage"] = ratio(bucket.coveredList, bucket.eligibleList).map(Value.number) ?? .null
        fields["used"] = .decimal(bucket.commitmentUsed)
        fields["unused"] = .decimal(bucket.commitmentUnused)
        fields["total"] = .decimal(total)
        if let utilisation = ratio(bucket.commitmentUsed, total) {
            fields["utilisation"] = .number(utilisation)
        } else if !bucket.coveredList.isZero {
            // Covered usage without any commitment fee in the group: the fee lines are in an
            // export Assay did not read (another payer's, or another month's file).
            fields["utilisation"] = .unknown
            fields["unknown_reason"] = .string("commitment-covered usage without a commitment fee line (RIFee, SavingsPlanRecurringFee or an Unused row) in the inputs for this month")
        } else {
            fields["utilisation"] = .null
        }
        return fields
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
