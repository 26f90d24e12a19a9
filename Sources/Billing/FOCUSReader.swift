public import PolicyEngine
public import TabularText

/// FinOps FOCUS 1.0–1.2 CSV (and the pre-1.0 names the focus-converter still writes).
///
/// Nulls may be empty, `NULL` or `null`. Tags are a JSON object; a `user:` key prefix (AWS
/// exports of user tags) is removed. Corrections (`ChargeClass = Correction`) of usage or
/// purchases with a negative billed cost are refunds.
public struct FOCUSReader: BillingFormatReader {
    /// FOCUS.
    public static let format = InputFormat.focus
    /// `BilledCost` and a period start.
    public static let requiredColumns = [RequiredColumn("BilledCost"), RequiredColumn("ChargePeriodStart", "BillingPeriodStart")]

    private let header: BillingHeader
    private let billedCost, effectiveCost, listCost, currency: Int
    private let billingPeriodStart, chargePeriodStart: Int
    private let billingAccount, subAccount, service, serviceCode, serviceCategory, resource, regionId, regionName: Int
    private let chargeCategory, chargeClass, tags: Int
    /// `CommitmentDiscountStatus` (`Used`/`Unused`), and whether the file can show commitments
    /// (that column and `ListCost`, the on-demand equivalent).
    private let commitmentStatus: Int
    private let commitmentBlindness: CommitmentBlindness
    /// `x_UsageType`, `SkuMeter`, `ChargeDescription`: the first non-empty is the usage text
    /// (three stored indices, not an array whose reference count every row would touch).
    private let usageType, skuMeter, chargeDescription: Int
    private let tagKeys: RequestedTagKeys

    /// Binds to the header.
    public init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String) {
        self.header = header
        billedCost = header.index("BilledCost") ?? -1
        effectiveCost = header.index("EffectiveCost") ?? -1
        listCost = header.index("ListCost") ?? -1
        currency = header.index("BillingCurrency") ?? -1
        billingPeriodStart = header.index("BillingPeriodStart") ?? -1
        chargePeriodStart = header.index("ChargePeriodStart") ?? -1
        billingAccount = header.index("BillingAccountId") ?? -1
        subAccount = header.index("SubAccountId") ?? -1
        service = header.index("ServiceName") ?? -1
        serviceCode = header.index("x_ServiceCode", "ServiceName") ?? -1
        serviceCategory = header.index("ServiceCategory") ?? -1
        resource = header.index("ResourceId") ?? -1
        regionId = header.index("RegionId", "Region") ?? -1
        regionName = header.index("RegionName") ?? -1
        chargeCategory = header.index("ChargeCategory", "ChargeType") ?? -1
        chargeClass = header.index("ChargeClass") ?? -1
        self.tags = header.index("Tags") ?? -1
        commitmentStatus = header.index("CommitmentDiscountStatus") ?? -1
        commitmentBlindness = commitmentStatus >= 0 && listCost >= 0 ? [] : .columnsMissing
        usageType = header.index("x_UsageType") ?? -1
        skuMeter = header.index("SkuMeter") ?? -1
        chargeDescription = header.index("ChargeDescription") ?? -1
        tagKeys = RequestedTagKeys(tags)
    }

    /// Decodes one row.
    public func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure) {
        try FieldValues.setPeriod(of: &line, usageStart: ByteText.valueOrEmpty(record.field(chargePeriodStart)), column: chargePeriodStart,
                                  billingPeriod: ByteText.valueOrEmpty(record.field(billingPeriodStart)), column: billingPeriodStart, header: header)
        line.billingAccount = ByteText.valueOrEmpty(record.field(billingAccount))
        line.subAccount = ByteText.valueOrEmpty(record.field(subAccount))
        line.service = ByteText.valueOrEmpty(record.field(service))
        line.serviceCode = ByteText.valueOrEmpty(record.field(serviceCode))
        line.serviceCategory = ByteText.valueOrEmpty(record.field(serviceCategory))
        line.categoryKey = line.serviceCode
        line.resourceId = ByteText.valueOrEmpty(record.field(resource))
        let region = ByteText.valueOrEmpty(record.field(regionId))
        line.region = region.isEmpty ? ByteText.valueOrEmpty(record.field(regionName)) : region
        line.currency = ByteText.valueOrEmpty(record.field(currency))
        let billedText = record.field(billedCost)
        let billed = try FieldValues.amount(billedText, column: billedCost, header: header)
        line.billedCost = billed
        // Effective and list cost mostly repeat the billed text (on-demand usage): equal bytes
        // are the same amount, so the text is parsed once.
        let effectiveText = record.field(effectiveCost)
        line.effectiveCost = effectiveText.sameBytes(as: billedText)
            ? billed : try FieldValues.optionalAmount(effectiveText, present: effectiveCost >= 0, column: effectiveCost, header: header) ?? billed
        let listText = record.field(listCost)
        line.listCost = listText.sameBytes(as: billedText)
            ? billed : try FieldValues.optionalAmount(listText, present: listCost >= 0, column: listCost, header: header) ?? billed
        line.chargeCategory = Self.category(record.field(chargeCategory), chargeClass: record.field(chargeClass), billed: billed)
        line.commitment = CommitmentCharge(blindness: commitmentBlindness)
        if commitmentStatus >= 0 { Self.commitment(status: record.field(commitmentStatus), effective: line.effectiveCost, into: &line.commitment) }
        var usage = ByteText.valueOrEmpty(record.field(usageType))
        if usage.isEmpty { usage = ByteText.valueOrEmpty(record.field(skuMeter)) }
        if usage.isEmpty { usage = ByteText.valueOrEmpty(record.field(chargeDescription)) }
        line.usageType = usage
        line.isEgress = line.chargeCategory == .usage && EgressRules.text(line.usageType)
        // Read as it stands in the file: the JSON's quotes are doubled, and collapsing them first
        // cost more than parsing the JSON.
        let tagField = record.rawField(tags)
        let tagText = ByteText.valueOrEmpty(tagField.bytes)
        if !tagText.isEmpty {
            scratch.startRow(maximumBytes: tagText.count)
            let keys = tagKeys.lookup
            TagText.forEachMember(tagText, doubledQuotes: tagField.doubledQuotes, scratch: scratch) { key, value in
                line.setTag(key: Self.withoutUserPrefix(key), value: value, request: keys)
            }
        }
    }

    /// FOCUS `ChargeCategory` (pre-1.0 `ChargeType`) with refunds split out of corrections.
    static func category(_ text: FieldBytes, chargeClass: FieldBytes, billed: FixedDecimal) -> ChargeCategory {
        let category: ChargeCategory
        if text.isEmpty || ByteText.equalsLowercase(text, "usage") {
            category = .usage
        } else if ByteText.equalsLowercase(text, "purchase") {
            category = .purchase
        } else if ByteText.equalsLowercase(text, "tax") {
            category = .tax
        } else if ByteText.equalsLowercase(text, "credit") {
            category = .credit
        } else {
            category = .adjustment
        }
        if (category == .usage || category == .purchase) && billed.isNegative && ByteText.equalsLowercase(chargeClass, "correction") {
            return .refund
        }
        return category
    }

    /// A `Used` row is covered usage whose effective cost is used commitment; an `Unused` row
    /// carries the unused commitment in its effective cost (FOCUS 1.0+).
    @inline(__always) static func commitment(status: FieldBytes, effective: FixedDecimal, into commitment: inout CommitmentCharge) {
        if status.count == 4 && ByteText.equalsLowercase(status, "used") {
            commitment.role = .covered
            commitment.used = effective
        } else if status.count == 6 && ByteText.equalsLowercase(status, "unused") {
            commitment.role = .unused
            commitment.unused = effective
        }
    }

    /// `user:environment` → `environment`.
    @inline(__always) static func withoutUserPrefix(_ key: FieldBytes) -> FieldBytes {
        guard key.count > 5 else { return key }
        // `user` and `:` compared as `ByteText.hasLowercasePrefix` does (each byte OR 0x20), as
        // one word and one byte: every tag key of every row goes through here.
        let head = UInt32(littleEndian: key.loadUnaligned(as: UInt32.self)) | 0x2020_2020
        guard head == 0x7265_7375, key[4] | 0x20 == UInt8(ascii: ":") else { return key }
        return key.extracting(5...)
    }

    /// Category from the service name when the export has no `ServiceCategory` column.
    public func serviceCategory(forKey key: String) -> String {
        ServiceCategories.category(awsProductCode: key) ?? ServiceCategories.category(azureMeterCategory: key)
            ?? ServiceCategories.category(gcpService: key) ?? "Other"
    }
}
