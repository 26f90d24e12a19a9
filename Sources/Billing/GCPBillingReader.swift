public import PolicyEngine
public import TabularText

/// Google Cloud billing export (BigQuery standard or detailed table) flattened to CSV: dotted
/// column names (`service.description`), repeated records as JSON or Python repr.
///
/// `cost` is before credits; the credits of a row are emitted as a separate credit line, so the
/// billed total is `cost + Σ credits.amount`. Labels become tags.
public struct GCPBillingReader: BillingFormatReader {
    /// GCP billing export.
    public static let format = InputFormat.gcpBilling
    /// Billing account, cost and service.
    public static let requiredColumns = [
        RequiredColumn("billing_account_id"), RequiredColumn("cost"), RequiredColumn("service.description", "service_description"),
    ]

    private let header: BillingHeader
    private let account, project, service, serviceId, resource, region, location, costType: Int
    private let cost, costAtList, credits, currency, invoiceMonth, usageStart, sku, labels: Int
    private let tagKeys: RequestedTagKeys

    /// Binds to the header (dotted or underscore spellings).
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        self.header = header
        func find(_ dotted: String) -> Int { header.index(dotted, String(dotted.map { $0 == "." ? "_" : $0 })) ?? -1 }
        account = find("billing_account_id")
        project = find("project.id")
        service = find("service.description")
        serviceId = find("service.id")
        resource = header.index("resource.global_name", "resource_global_name", "resource.name", "resource_name") ?? -1
        region = find("location.region")
        location = find("location.location")
        costType = find("cost_type")
        cost = find("cost")
        costAtList = find("cost_at_list")
        credits = find("credits")
        currency = find("currency")
        invoiceMonth = find("invoice.month")
        usageStart = find("usage_start_time")
        sku = find("sku.description")
        labels = find("labels")
        tagKeys = RequestedTagKeys(tags)
    }

    /// Decodes one row (its credits go to `attachedCredit`).
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try FieldValues.setPeriod(of: &line, usageStart: record.field(usageStart), column: usageStart,
                                  billingPeriod: record.field(invoiceMonth), column: invoiceMonth, header: header)
        line.billingAccount = record.field(account)
        line.subAccount = record.field(project)
        line.service = record.field(service)
        line.serviceCode = record.field(serviceId)
        line.categoryKey = line.service
        line.resourceId = record.field(resource)
        let regionText = record.field(region)
        line.region = regionText.isEmpty ? record.field(location) : regionText
        line.currency = record.field(currency)
        let skuText = record.field(sku)
        line.usageType = skuText
        line.chargeCategory = Self.category(record.field(costType))
        let amount = try FieldValues.amount(record.field(cost), column: cost, header: header)
        line.billedCost = amount
        line.effectiveCost = amount
        line.listCost = try FieldValues.optionalAmount(record.field(costAtList), present: costAtList >= 0, column: costAtList, header: header) ?? amount
        line.isEgress = line.chargeCategory == .usage && EgressRules.text(skuText)
        // Both as they stand in the file (doubled quotes decoded by the tag reader).
        let creditField = record.rawField(credits)
        let labelField = record.rawField(labels)
        let creditText = ByteText.valueOrEmpty(creditField.bytes)
        let labelText = ByteText.valueOrEmpty(labelField.bytes)
        scratch.startRow(maximumBytes: creditText.count + labelText.count)
        if !creditText.isEmpty {
            guard let credit = TagText.sumOfAmounts(creditText, doubledQuotes: creditField.doubledQuotes, scratch: scratch) else {
                throw FieldFailure(column: credits, message: "credits hold an amount that is not a number")
            }
            line.attachedCredit = credit
        }
        if !labelText.isEmpty {
            let keys = tagKeys.lookup
            TagText.forEachKeyValueRecord(labelText, doubledQuotes: labelField.doubledQuotes, scratch: scratch) { key, value in
                line.setTag(key: key, value: value, request: keys)
            }
        }
    }

    /// `cost_type`: regular → usage, tax → tax, adjustment and rounding_error → adjustment.
    static func category(_ text: FieldBytes) -> ChargeCategory {
        if text.isEmpty || ByteText.equalsLowercase(text, "regular") { return .usage }
        if ByteText.equalsLowercase(text, "tax") { return .tax }
        return .adjustment
    }

    /// Category of a GCP service description.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(gcpService: key) ?? "Other"
    }
}
