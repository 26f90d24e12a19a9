public import PolicyEngine
public import TabularText

/// Azure Cost Management exports, actual and amortized: EA (PascalCase, older `Cost` /
/// `BillingCurrency` / `Product` names), MCA (camelCase), the legacy pay-as-you-go schema
/// (`SubscriptionGuid`, `UsageDateTime`, `PreTaxCost`) and localised headers whose canonical
/// name is in parentheses.
///
/// The one cost column is billed cost in an *actual* export and effective cost in an
/// *amortized* one; the other field gets the same value (see docs/billing.md). Tags may lack the
/// outer braces.
public struct AzureCostReader: BillingFormatReader {
    /// Azure cost export.
    public static let format = InputFormat.azureCost
    /// A cost column, a date and a meter or consumed service.
    public static let requiredColumns = [
        RequiredColumn("CostInBillingCurrency", "Cost", "PreTaxCost"),
        RequiredColumn("Date", "UsageDateTime", "BillingPeriodStartDate"),
        RequiredColumn("MeterCategory", "ConsumedService"),
    ]

    private let header: BillingHeader
    private let cost, paygCost, paygPrice, quantity, currency: Int
    private let billingPeriodStart, date, billingAccount, subscription: Int
    private let meterCategory, meterName, consumedService, serviceFamily, resource, location, chargeType, tags: Int
    private let kind: AzureCostKind
    private let tagKeys: RequestedTagKeys

    /// Binds to the header; the export kind comes from the options or the file name.
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        self.header = header
        cost = header.index("CostInBillingCurrency", "Cost", "PreTaxCost") ?? -1
        paygCost = header.index("PaygCostInBillingCurrency") ?? -1
        paygPrice = header.index("PayGPrice") ?? -1
        quantity = header.index("Quantity", "UsageQuantity") ?? -1
        currency = header.index("BillingCurrencyCode", "BillingCurrency", "Currency") ?? -1
        billingPeriodStart = header.index("BillingPeriodStartDate") ?? -1
        date = header.index("Date", "UsageDateTime") ?? -1
        billingAccount = header.index("BillingAccountId", "BillingProfileId") ?? -1
        subscription = header.index("SubscriptionId", "SubscriptionGuid") ?? -1
        meterCategory = header.index("MeterCategory") ?? -1
        meterName = header.index("MeterName") ?? -1
        consumedService = header.index("ConsumedService") ?? -1
        serviceFamily = header.index("ServiceFamily") ?? -1
        resource = header.index("ResourceId", "InstanceId", "InstanceName") ?? -1
        location = header.index("ResourceLocationNormalized", "ResourceLocation", "location") ?? -1
        chargeType = header.index("ChargeType") ?? -1
        self.tags = header.index("Tags") ?? -1
        kind = options.azureCostKind ?? (path.lowercased().contains("amortized") ? .amortized : .actual)
        tagKeys = RequestedTagKeys(tags)
    }

    /// Decodes one row.
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try FieldValues.setPeriod(of: &line, usageStart: record.field(date), column: date,
                                  billingPeriod: record.field(billingPeriodStart), column: billingPeriodStart, header: header)
        line.billingAccount = record.field(billingAccount)
        line.subAccount = record.field(subscription)
        let category = record.field(meterCategory)
        let consumed = record.field(consumedService)
        line.service = category.isEmpty ? consumed : category
        line.serviceCode = consumed
        line.categoryKey = category
        let family = record.field(serviceFamily)
        if ServiceCategories.isFOCUSCategory(family) { line.serviceCategory = family }
        line.resourceId = record.field(resource)
        line.region = record.field(location)
        line.currency = record.field(currency)
        let meter = record.field(meterName)
        line.usageType = meter
        line.chargeCategory = Self.category(record.field(chargeType))
        let amount = try FieldValues.amount(record.field(cost), column: cost, header: header)
        line.billedCost = amount
        line.effectiveCost = amount
        if let payg = try FieldValues.optionalAmount(record.field(paygCost), present: paygCost >= 0, column: paygCost, header: header) {
            line.listCost = payg
        } else if let price = try FieldValues.optionalAmount(record.field(paygPrice), present: paygPrice >= 0, column: paygPrice, header: header),
            let units = try FieldValues.optionalAmount(record.field(quantity), present: quantity >= 0, column: quantity, header: header),
            !price.isZero, let product = FieldValues.product(price, units)
        {
            line.listCost = product
        } else {
            line.listCost = amount
        }
        if kind == .amortized && line.chargeCategory == .purchase {
            // Amortized exports spread purchases over the usage they cover; the purchase row
            // itself carries no effective cost (FOCUS: EffectiveCost = 0 for prepaid purchases).
            line.effectiveCost = .zero
        }
        line.isEgress = line.chargeCategory == .usage && (ByteText.equalsLowercase(category, "bandwidth") || ByteText.containsLowercase(meter, "egress"))
            && EgressRules.text(meter)
        let tagField = record.rawField(tags)  // doubled quotes decoded by the tag reader
        let tagText = ByteText.valueOrEmpty(tagField.bytes)
        if !tagText.isEmpty {
            scratch.startRow(maximumBytes: tagText.count)
            let keys = tagKeys.lookup
            TagText.forEachMember(tagText, doubledQuotes: tagField.doubledQuotes, scratch: scratch) { key, value in
                line.setTag(key: key, value: value, request: keys)
            }
        }
    }

    /// `ChargeType`: Usage, Purchase, Refund, Tax, UnusedReservation / UnusedSavingsPlan (usage
    /// of an idle commitment), RoundingAdjustment.
    static func category(_ text: FieldBytes) -> ChargeCategory {
        if text.isEmpty || ByteText.equalsLowercase(text, "usage") || ByteText.containsLowercase(text, "unused") { return .usage }
        if ByteText.equalsLowercase(text, "purchase") { return .purchase }
        if ByteText.equalsLowercase(text, "refund") { return .refund }
        if ByteText.equalsLowercase(text, "tax") { return .tax }
        if ByteText.containsLowercase(text, "credit") { return .credit }
        return .adjustment
    }

    /// Azure location spellings to region ids (`US East 2` → `eastus2`, `EU West` →
    /// `westeurope`, `Unassigned` → `global`).
    public func normalizedRegion(_ raw: String) -> String { AzureRegions.normalize(raw) }

    /// ARM ids differ in case between columns and rows; they are compared lowercased.
    public func normalizedResource(_ raw: String) -> String { raw.lowercased() }

    /// Category of a meter category.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(azureMeterCategory: key) ?? "Other"
    }
}

/// Normalization of Azure's free-form location strings to region ids.
enum AzureRegions {
    private static let directions = ["northcentral", "southcentral", "westcentral", "southeast", "northeast", "central", "east", "west", "north", "south"]
    private static let geographyFirst: [String: String] = [
        "us": "us", "ca": "canada", "au": "australia", "jp": "japan", "kr": "korea", "in": "india", "br": "brazil",
        "za": "southafrica", "ae": "uae", "de": "germany", "ch": "switzerland", "no": "norway", "fr": "france", "uk": "uk",
    ]

    /// The region id for a location string.
    static func normalize(_ raw: String) -> String {
        let compact = String(raw.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
        if compact.isEmpty || compact == "unassigned" || compact == "global" || compact == "allregions" { return "global" }
        // Geography-first spellings: "US East 2" → eastus2, "EU West" → westeurope.
        for (geography, name) in geographyFirst.sorted(by: { $0.key < $1.key }) where compact.hasPrefix(geography) {
            let rest = compact.dropFirst(geography.count)
            for direction in directions where rest.hasPrefix(direction) {
                let digits = rest.dropFirst(direction.count)
                guard digits.allSatisfy(\.isNumber) else { continue }
                return geography == "us" ? direction + "us" + digits : name + direction + digits
            }
        }
        for (prefix, region) in [("euwest", "westeurope"), ("eunorth", "northeurope"), ("asiaeast", "eastasia"), ("asiasoutheast", "southeastasia")]
        where compact == prefix {
            return region
        }
        return compact
    }
}
