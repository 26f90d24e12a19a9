import PolicyEngine

/// AWS CUR columns as SQL, mirroring `CURColumns` (legacy `lineItem/…` names, their Athena
/// snake_case form, and CUR 2.0): the line item type's charge category, the amortization formula,
/// the region fallbacks and the egress rule. Tags: legacy `resourceTags/user:<k>` columns, Athena
/// `resource_tags_user_<k>` columns, or the CUR 2.0 `resource_tags` map (`user_<k>`, `aws_<k>`).
struct CURColumnMapping: CostLineMapping {
    private let columns: TableColumns
    /// The SQL column of each `CURColumn`, nil when absent.
    private let at: CURColumnBinding<String?>
    private let interRegionIsEgress: Bool
    /// Tag columns by tag key (legacy and Athena), in header order; user tags flagged.
    private let tagColumns: [(key: String, column: String, isUser: Bool)]
    /// The CUR 2.0 `resource_tags` column.
    private let tagMap: String?

    init(columns: TableColumns, options: BillingReadOptions) {
        self.columns = columns
        at = CURColumnBinding { columns.column(of: $0.names) }
        interRegionIsEgress = options.interRegionIsEgress
        let header = columns.header
        var found: [(key: String, column: String, isUser: Bool)] = []
        for (index, suffix) in header.columns(withPrefix: "resourcetags/") {
            if suffix.lowercased().hasPrefix("user:") {
                found.append((String(suffix.dropFirst(5)), header.names[index], true))
            } else {
                found.append((suffix, header.names[index], false))
            }
        }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_user_") { found.append((suffix, header.names[index], true)) }
        for (index, suffix) in header.columns(withPrefix: "resource_tags_aws_") { found.append(("aws:" + suffix, header.names[index], false)) }
        tagColumns = found
        tagMap = found.isEmpty ? columns.column("resource_tags") : nil
    }

    var period: SQLExpression {
        let billing = columns.raw(at[.billingPeriodStart])
        return TableColumns.month(.cases([(.equal(billing, .text("")), columns.raw(at[.usageStart]))], otherwise: billing))
    }

    var currency: SQLExpression { columns.raw(at[.currency]) }

    private var unblendedCost: SQLExpression { columns.amount(at[.unblended]) }
    var billed: SQLExpression { columns.optionalAmount(at[.netUnblended], otherwise: unblendedCost) }
    var list: SQLExpression { columns.optionalAmount(at[.publicOnDemand], otherwise: billed) }

    private var itemType: SQLExpression { .lower(columns.raw(at[.lineItemType])) }

    private func itemTypeIs(_ names: String...) -> SQLExpression { .any(names.map { .equal(itemType, .text($0)) }) }

    /// `CURColumns.category`.
    var chargeCategory: SQLExpression {
        .cases([
            (itemTypeIs("", "usage", "discountedusage", "savingsplancoveredusage", "savingsplannegation"), .text("usage")),
            (itemTypeIs("tax"), .text("tax")),
            (itemTypeIs("fee", "rifee", "savingsplanupfrontfee", "savingsplanrecurringfee"), .text("purchase")),
            (itemTypeIs("credit"), .text("credit")),
            (itemTypeIs("refund"), .text("refund")),
            (.hasSuffix(columns.raw(at[.lineItemType]), "Discount"), .text("credit")),
        ], otherwise: .text("adjustment"))
    }

    /// `CURColumns.effectiveCost` (BILLING.md §2.4).
    var effective: SQLExpression {
        .cases([
            (itemTypeIs("savingsplancoveredusage"), columns.amount(at[.savingsPlanEffective])),
            (itemTypeIs("savingsplanrecurringfee"), .subtract(columns.amount(at[.savingsPlanTotalCommitment]), columns.amount(at[.savingsPlanUsedCommitment]))),
            (itemTypeIs("savingsplannegation", "savingsplanupfrontfee"), .zero),
            (itemTypeIs("discountedusage"), columns.amount(at[.reservationEffective])),
            (itemTypeIs("rifee"), .add(columns.amount(at[.reservationUnusedUpfront]), columns.amount(at[.reservationUnusedRecurring]))),
            (.all([itemTypeIs("fee"), .not(.equal(columns.raw(at[.reservationARN]), .text("")))]), .zero),
        ], otherwise: unblendedCost)
    }

    /// `EgressRules.awsCUR`.
    var usageIsEgress: SQLExpression {
        let type = columns.raw(at[.usageType])
        let transfer = SQLExpression.lower(columns.raw(at[.transferType]))
        let interRegion: SQLExpression = interRegionIsEgress ? .all([]) : .any([])
        return .cases([
            (.hasSuffix(type, "-In-Bytes"), .any([])),
            (.equal(transfer, .text("aws outbound")), .all([])),
            (.equal(transfer, .text("interregion outbound")), interRegion),
            (.equal(.lower(columns.raw(at[.toLocation])), .text("external")), .all([])),
            (.hasSuffix(type, "DataTransfer-Out-Bytes"), .all([])),
            (.hasSuffix(type, "-AWS-Out-Bytes"), interRegion),
        ], otherwise: .any([]))
    }

    var hasAnyTag: SQLExpression {
        if let tagMap { return .hasAnyTag(column: tagMap, kind: columns.tagKind, excludedPrefix: "aws_") }
        return .any(tagColumns.filter(\.isUser).map { .not(.equal(columns.raw($0.column), .text(""))) })
    }

    func tag(_ key: String) -> SQLExpression {
        if let tagMap {
            let kind = columns.tagKind
            if key.hasPrefix("aws:") {
                return .coalesce([.nullIfEmpty(.tagMember(column: tagMap, kind: kind, key: "aws_" + key.dropFirst(4))), .text("")])
            }
            return .coalesce([
                .nullIfEmpty(.tagMember(column: tagMap, kind: kind, key: "user_" + key)),
                .nullIfEmpty(.tagMember(column: tagMap, kind: kind, key: key)), .text(""),
            ])
        }
        // The last non-empty column with this key wins, as in the reader.
        return .firstNonEmpty(tagColumns.filter { $0.key == key }.reversed().map { columns.raw($0.column) })
    }

    func value(of dimension: CostDimension) -> SQLExpression {
        switch dimension {
        case .account: return columns.raw(at[.payer])
        case .subAccount: return columns.raw(at[.usageAccount])
        case .service:
            let name = columns.raw(at[.productName])
            return .cases([(.equal(name, .text("")), code)], otherwise: name)
        case .serviceCategory: return TableColumns.derivedCategory(code, lookups: [ServiceCategories.awsLookup])
        case .region: return TableColumns.normalizedRegion(regionText)
        case .chargeCategory: return chargeCategory
        case .currency: return currency
        case .resource: return columns.raw(at[.resource])
        case .tag(let key): return tag(key)
        }
    }

    /// `lineItem/ProductCode`, else `product/servicecode`.
    private var code: SQLExpression {
        let product = columns.raw(at[.productCode])
        return .cases([(.equal(product, .text("")), columns.raw(at[.serviceCode]))], otherwise: product)
    }

    /// `CURColumns.regionText`: region, region code, the zone without its letter, the usage
    /// type's prefix (`AWSUsageTypeRegions`).
    private var regionText: SQLExpression {
        let primary = columns.raw(at[.region])
        let code = columns.raw(at[.regionCode])
        let zone = columns.raw(at[.availabilityZone])
        let zoneLetter = SQLExpression.substring(zone, start: -1, length: 1)
        let type = columns.raw(at[.usageType])
        var branches: [(SQLExpression, SQLExpression)] = [
            (.not(.equal(primary, .text(""))), primary),
            (.not(.equal(code, .text(""))), code),
            (.all([.less(.integer(1), .length(zone)), .greaterOrEqual(zoneLetter, .text("a")), .lessOrEqual(zoneLetter, .text("z"))]), .dropLast(zone)),
            (.equal(type, .text("")), .text("")),
        ]
        for (prefix, name) in AWSUsageTypeRegions.table { branches.append((.hasPrefix(type, prefix + "-"), .text(name))) }
        branches.append((.contains(.lower(type), "tax"), .text("")))
        return .cases(branches, otherwise: .text("us-east-1"))
    }
}
