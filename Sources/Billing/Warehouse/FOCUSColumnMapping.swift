/// FOCUS 1.0–1.2 columns as SQL, mirroring `FOCUSReader`: null literals are empty; the month is
/// `BillingPeriodStart` (else `ChargePeriodStart`); corrections of usage or purchases with a
/// negative billed cost are refunds; tags are the `Tags` object with a `user:` prefix removed.
struct FOCUSColumnMapping: CostLineMapping {
    private let columns: TableColumns
    private let billedColumn, effectiveColumn, listColumn, currencyColumn: String?
    private let billingPeriodStart, chargePeriodStart, billingAccount, subAccount, service, serviceCode: String?
    private let serviceCategory, resource, regionId, regionName, chargeCategoryColumn, chargeClass, tags: String?
    private let usageTypeColumns: [String]

    init(columns: TableColumns) {
        self.columns = columns
        billedColumn = columns.column("BilledCost")
        effectiveColumn = columns.column("EffectiveCost")
        listColumn = columns.column("ListCost")
        currencyColumn = columns.column("BillingCurrency")
        billingPeriodStart = columns.column("BillingPeriodStart")
        chargePeriodStart = columns.column("ChargePeriodStart")
        billingAccount = columns.column("BillingAccountId")
        subAccount = columns.column("SubAccountId")
        service = columns.column("ServiceName")
        serviceCode = columns.column("x_ServiceCode", "ServiceName")
        serviceCategory = columns.column("ServiceCategory")
        resource = columns.column("ResourceId")
        regionId = columns.column("RegionId", "Region")
        regionName = columns.column("RegionName")
        chargeCategoryColumn = columns.column("ChargeCategory", "ChargeType")
        chargeClass = columns.column("ChargeClass")
        tags = columns.column("Tags")
        usageTypeColumns = [columns.column("x_UsageType"), columns.column("SkuMeter"), columns.column("ChargeDescription")].compactMap { $0 }
    }

    var period: SQLExpression {
        let billing = columns.value(billingPeriodStart)
        return TableColumns.month(.cases([(.equal(billing, .text("")), columns.value(chargePeriodStart))], otherwise: billing))
    }

    var currency: SQLExpression { columns.value(currencyColumn) }

    var billed: SQLExpression { columns.amount(billedColumn) }
    var effective: SQLExpression { columns.optionalAmount(effectiveColumn, otherwise: billed) }
    var list: SQLExpression { columns.optionalAmount(listColumn, otherwise: billed) }

    var chargeCategory: SQLExpression {
        let text = SQLExpression.lower(columns.raw(chargeCategoryColumn))
        let isCorrection = SQLExpression.equal(.lower(columns.raw(chargeClass)), .text("correction"))
        let refund = SQLExpression.all([isCorrection, .less(billed, .zero), .any([.equal(text, .text("")), .equal(text, .text("usage")), .equal(text, .text("purchase"))])])
        return .cases([
            (refund, .text("refund")),
            (.any([.equal(text, .text("")), .equal(text, .text("usage"))]), .text("usage")),
            (.equal(text, .text("purchase")), .text("purchase")),
            (.equal(text, .text("tax")), .text("tax")),
            (.equal(text, .text("credit")), .text("credit")),
        ], otherwise: .text("adjustment"))
    }

    /// `EgressRules.text` over the first non-empty usage-type column.
    var usageIsEgress: SQLExpression {
        guard !usageTypeColumns.isEmpty else { return .all([.equal(.integer(1), .integer(0))]) }
        let usageType = SQLExpression.lower(.firstNonEmpty(usageTypeColumns.map { columns.value($0) }))
        return .all([
            .not(.any([.contains(usageType, "ingress"), .contains(usageType, "-in-bytes")])),
            .any([.contains(usageType, "data transfer out"), .contains(usageType, "egress"), .contains(usageType, "datatransfer-out"), .contains(usageType, "-out-bytes")]),
        ])
    }

    var hasAnyTag: SQLExpression {
        guard let tags else { return .all([.equal(.integer(1), .integer(0))]) }
        return .hasAnyTag(column: tags, kind: columns.tagKind, excludedPrefix: nil)
    }

    /// The member `key`, else `user:key` (AWS exports of user tags).
    func tag(_ key: String) -> SQLExpression {
        guard let tags else { return .text("") }
        return .coalesce([
            .nullIfEmpty(.tagMember(column: tags, kind: columns.tagKind, key: key)),
            .nullIfEmpty(.tagMember(column: tags, kind: columns.tagKind, key: "user:" + key)),
            .text(""),
        ])
    }

    func value(of dimension: CostDimension) -> SQLExpression {
        switch dimension {
        case .account: return columns.value(billingAccount)
        case .subAccount: return columns.value(subAccount)
        case .service: return columns.value(service)
        case .serviceCategory:
            let exported = columns.value(serviceCategory)
            let derived = TableColumns.derivedCategory(
                columns.value(serviceCode), lookups: [ServiceCategories.awsLookup, ServiceCategories.azureLookup, ServiceCategories.gcpLookup])
            return .cases([(.equal(exported, .text("")), derived)], otherwise: exported)
        case .region:
            let id = columns.value(regionId)
            return TableColumns.normalizedRegion(.cases([(.equal(id, .text("")), columns.value(regionName))], otherwise: id))
        case .chargeCategory: return chargeCategory
        case .currency: return currency
        case .resource: return columns.value(resource)
        case .tag(let key): return tag(key)
        }
    }
}
