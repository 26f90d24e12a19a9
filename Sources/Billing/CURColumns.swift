import PolicyEngine
import TabularText

/// The columns legacy CUR, its Athena snake_case form and CUR 2.0 share, with the decoding
/// rules of BILLING.md §2 (charge category from the line item type, the amortization formula of
/// §2.4, region fallbacks of §6 and the egress rule of §2.5).
struct CURColumns: Sendable {
    let header: BillingHeader
    let billingPeriodStart, usageStart, payer, usageAccount, productCode, productName, serviceCode: Int
    let usageType, lineItemType, currency, unblended, netUnblended, publicOnDemand: Int
    let reservationEffective, reservationUnusedUpfront, reservationUnusedRecurring, reservationARN: Int
    let savingsPlanEffective, savingsPlanTotalCommitment, savingsPlanUsedCommitment: Int
    let region, regionCode, availabilityZone, resource, transferType, toLocation: Int
    let interRegionIsEgress: Bool
    /// Empty when the header can show commitments: the line item type says which usage a
    /// commitment covered and `pricing/publicOnDemandCost` gives its on-demand equivalent.
    let commitmentBlindness: CommitmentBlindness

    /// Binds to `header`; each `CURColumn` is looked up by its legacy name and its snake_case
    /// form. The indices are copied into stored properties: the decoder reads them for every
    /// row, and an indexed lookup there cost a fifth of the CUR reader's time (docs/performance.md).
    init(header: BillingHeader, options: BillingReadOptions) {
        self.header = header
        let at = CURColumnBinding<Int> { header.index(of: $0.names) ?? -1 }
        billingPeriodStart = at[.billingPeriodStart]
        usageStart = at[.usageStart]
        payer = at[.payer]
        usageAccount = at[.usageAccount]
        productCode = at[.productCode]
        productName = at[.productName]
        serviceCode = at[.serviceCode]
        usageType = at[.usageType]
        lineItemType = at[.lineItemType]
        currency = at[.currency]
        unblended = at[.unblended]
        netUnblended = at[.netUnblended]
        publicOnDemand = at[.publicOnDemand]
        reservationEffective = at[.reservationEffective]
        reservationUnusedUpfront = at[.reservationUnusedUpfront]
        reservationUnusedRecurring = at[.reservationUnusedRecurring]
        reservationARN = at[.reservationARN]
        savingsPlanEffective = at[.savingsPlanEffective]
        savingsPlanTotalCommitment = at[.savingsPlanTotalCommitment]
        savingsPlanUsedCommitment = at[.savingsPlanUsedCommitment]
        region = at[.region]
        regionCode = at[.regionCode]
        availabilityZone = at[.availabilityZone]
        resource = at[.resource]
        transferType = at[.transferType]
        toLocation = at[.toLocation]
        interRegionIsEgress = options.interRegionIsEgress
        commitmentBlindness = lineItemType >= 0 && publicOnDemand >= 0 ? [] : .columnsMissing
    }

    /// Fills everything but the tags.
    func decode(_ record: CSVRecord, into line: inout RawCostLine) throws(FieldFailure) {
        try FieldValues.setPeriod(of: &line, usageStart: record.field(usageStart), column: usageStart,
                                  billingPeriod: record.field(billingPeriodStart), column: billingPeriodStart, header: header)
        line.billingAccount = record.field(payer)
        line.subAccount = record.field(usageAccount)
        let code = record.field(productCode)
        line.serviceCode = code.isEmpty ? record.field(serviceCode) : code
        let name = record.field(productName)
        line.service = name.isEmpty ? line.serviceCode : name
        line.categoryKey = line.serviceCode
        let type = record.field(usageType)
        line.usageType = type
        line.resourceId = record.field(resource)
        line.currency = record.field(currency)
        line.region = regionText(record, usageType: type)
        let itemType = record.field(lineItemType)
        line.chargeCategory = Self.category(itemType)
        let unblendedCost = try FieldValues.amount(record.field(unblended), column: unblended, header: header)
        let billed = try FieldValues.optionalAmount(record.field(netUnblended), present: netUnblended >= 0, column: netUnblended, header: header) ?? unblendedCost
        line.billedCost = billed
        line.commitment = CommitmentCharge(blindness: commitmentBlindness)
        line.effectiveCost = try effectiveCost(record, itemType: itemType, unblended: unblendedCost, commitment: &line.commitment)
        line.listCost = try FieldValues.optionalAmount(record.field(publicOnDemand), present: publicOnDemand >= 0, column: publicOnDemand, header: header) ?? billed
        line.isEgress = line.chargeCategory == .usage
            && EgressRules.awsCUR(usageType: type, transferType: record.field(transferType), toLocation: record.field(toLocation), interRegion: interRegionIsEgress)
    }

    /// BILLING.md §2.3: the line item type's charge category. Negotiated discounts are credits;
    /// unknown types are adjustments.
    static func category(_ type: FieldBytes) -> ChargeCategory {
        switch type.count {
        case 0: return .usage
        case 3 where ByteText.equalsLowercase(type, "tax"): return .tax
        case 3 where ByteText.equalsLowercase(type, "fee"): return .purchase
        case 5 where ByteText.equalsLowercase(type, "usage"): return .usage
        case 5 where ByteText.equalsLowercase(type, "rifee"): return .purchase
        case 6 where ByteText.equalsLowercase(type, "credit"): return .credit
        case 6 where ByteText.equalsLowercase(type, "refund"): return .refund
        default: break
        }
        if ByteText.equalsLowercase(type, "discountedusage") || ByteText.equalsLowercase(type, "savingsplancoveredusage")
            || ByteText.equalsLowercase(type, "savingsplannegation")
        {
            return .usage
        }
        if ByteText.equalsLowercase(type, "savingsplanupfrontfee") || ByteText.equalsLowercase(type, "savingsplanrecurringfee") {
            return .purchase
        }
        if ByteText.hasSuffix(type, "Discount") { return .credit }
        return .adjustment
    }

    /// BILLING.md §2.4: amortized cost by line item type. The same branches say what the line
    /// tells about commitments (docs/billing.md, "Commitments"): covered usage, used commitment
    /// (RI effective cost of `DiscountedUsage`, `UsedCommitment` of the savings plan's monthly
    /// fee), unused commitment (the RI fee's unused parts, the plan's total minus used).
    private func effectiveCost(
        _ record: CSVRecord, itemType: FieldBytes, unblended: FixedDecimal, commitment: inout CommitmentCharge
    ) throws(FieldFailure) -> FixedDecimal {
        func amount(_ column: Int) throws(FieldFailure) -> FixedDecimal {
            try FieldValues.amount(record.field(column), column: column, header: header)
        }
        switch itemType.count {
        case 5, 3, 6, 0: break  // Usage, Tax, Fee, Credit, Refund: unblended, except reserved fees below
        default:
            if ByteText.equalsLowercase(itemType, "savingsplancoveredusage") {
                commitment.role = .covered
                return try amount(savingsPlanEffective)
            }
            if ByteText.equalsLowercase(itemType, "savingsplanrecurringfee") {
                let used = try amount(savingsPlanUsedCommitment)
                let unused = try amount(savingsPlanTotalCommitment) - used
                commitment.used = used
                commitment.unused = unused
                return unused
            }
            if ByteText.equalsLowercase(itemType, "savingsplannegation") {
                commitment.role = .negation
                return .zero
            }
            if ByteText.equalsLowercase(itemType, "savingsplanupfrontfee") { return .zero }
            if ByteText.equalsLowercase(itemType, "discountedusage") {
                let effective = try amount(reservationEffective)
                commitment.role = .covered
                commitment.used = effective
                return effective
            }
        }
        if ByteText.equalsLowercase(itemType, "rifee") {
            let unused = try amount(reservationUnusedUpfront) + amount(reservationUnusedRecurring)
            commitment.unused = unused
            return unused
        }
        if ByteText.equalsLowercase(itemType, "fee") && !record.field(reservationARN).isEmpty { return .zero }
        return unblended
    }

    /// `product/region`, then `product/regionCode`, then the availability zone without its
    /// letter, then the usage type's region prefix; empty means global.
    private func regionText(_ record: CSVRecord, usageType: FieldBytes) -> FieldBytes {
        let primary = record.field(region)
        if !primary.isEmpty { return primary }
        let code = record.field(regionCode)
        if !code.isEmpty { return code }
        let zone = record.field(availabilityZone)
        if zone.count > 1, let last = zone.last, last >= UInt8(ascii: "a"), last <= UInt8(ascii: "z") {
            return zone.extracting(0..<(zone.count - 1))
        }
        return AWSUsageTypeRegions.region(ofUsageType: usageType)
    }
}

/// The billing-region prefixes of AWS usage types (BILLING.md §6).
enum AWSUsageTypeRegions {
    private static let prefixes: [(prefix: StaticString, region: StaticString)] = [
        ("USE1", "us-east-1"), ("USE2", "us-east-2"), ("USW1", "us-west-1"), ("USW2", "us-west-2"),
        ("CAN1", "ca-central-1"), ("EUC1", "eu-central-1"), ("EUW1", "eu-west-1"), ("EUW2", "eu-west-2"),
        ("EUW3", "eu-west-3"), ("EUN1", "eu-north-1"), ("EUS1", "eu-south-1"), ("APN1", "ap-northeast-1"),
        ("APN2", "ap-northeast-2"), ("APN3", "ap-northeast-3"), ("APS1", "ap-southeast-1"), ("APS2", "ap-southeast-2"),
        ("APS3", "ap-south-1"), ("APE1", "ap-east-1"), ("SAE1", "sa-east-1"), ("MES1", "me-south-1"),
        ("AFS1", "af-south-1"), ("EU", "eu-west-1"),
    ]

    /// The prefixes as text, in lookup order (for the cost-group query).
    static var table: [(prefix: String, region: String)] {
        prefixes.map { (String(describing: $0.prefix), String(describing: $0.region)) }
    }

    /// The region of a usage type such as `USW2-DataTransfer-Out-Bytes`; a usage type with no
    /// prefix (`BoxUsage:m5.large`) is us-east-1; empty for an empty usage type.
    static func region(ofUsageType usageType: FieldBytes) -> FieldBytes {
        guard !usageType.isEmpty else { return FieldBytes() }
        var dash = 0
        while dash < usageType.count && usageType[dash] != UInt8(ascii: "-") { dash += 1 }
        if dash < usageType.count {
            let prefix = usageType.extracting(0..<dash)
            for entry in prefixes where ByteText.equal(prefix, ByteText.bytes(entry.prefix)) { return ByteText.bytes(entry.region) }
        }
        if ByteText.containsLowercase(usageType, "tax") { return FieldBytes() }
        return ByteText.bytes("us-east-1")
    }
}
