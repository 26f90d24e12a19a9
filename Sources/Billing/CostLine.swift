public import PolicyEngine

/// The highest-level kind of a charge, normalized across formats (FOCUS `ChargeCategory`, with
/// refunds kept apart from credits).
public enum ChargeCategory: String, CaseIterable, Sendable, Codable {
    /// Consumption of a service (including commitment-covered usage and unused commitments).
    case usage
    /// Taxes.
    case tax
    /// Credits, promotions and negotiated discounts (negative).
    case credit
    /// Refunds of earlier charges (negative).
    case refund
    /// Purchases: upfront and recurring commitment fees, marketplace and support fees.
    case purchase
    /// Rounding and other adjustments.
    case adjustment
}

/// A billing month (`2026-10`), the period cost groups are built for.
public struct BillingMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Months since year 0: `year × 12 + (month − 1)`.
    public let index: Int

    /// The month with this index.
    public init(index: Int) { self.index = index }

    /// The month of a date.
    public init(_ date: CivilDate) { index = date.year * 12 + date.month - 1 }

    /// The month `year-month`; nil when the month is not 1–12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        index = year * 12 + month - 1
    }

    /// Year.
    public var year: Int { index / 12 }
    /// Month, 1–12.
    public var month: Int { index % 12 + 1 }
    /// The month `count` months later (earlier when negative).
    public func adding(_ count: Int) -> BillingMonth { BillingMonth(index: index + count) }

    /// The last month that is complete before `asOf`: the month before the as-of month.
    public static func lastComplete(before asOf: CivilDate) -> BillingMonth { BillingMonth(asOf).adding(-1) }

    /// `YYYY-MM`.
    public var description: String {
        let yearText = String(year)
        let monthText = String(month)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + (month < 10 ? "0" : "") + monthText
    }

    /// Orders chronologically.
    public static func < (lhs: BillingMonth, rhs: BillingMonth) -> Bool { lhs.index < rhs.index }
}

/// One normalized cost line: the common shape every billing format is read into.
///
/// `docs/billing.md` lists, per format, which column fills each field.
public struct CostLine: Sendable, Hashable {
    /// The billing month the charge is invoiced in (billing period start; the charge period
    /// start when the format has no billing period).
    public var month: BillingMonth
    /// Start of the charge period (UTC date), when the export gives one.
    public var chargePeriodStart: CivilDate?
    /// Billing (payer) account: CUR payer account, FOCUS `BillingAccountId`, Azure billing
    /// account or profile, GCP billing account.
    public var billingAccount: String
    /// Sub-account: AWS usage account, Azure subscription, GCP project.
    public var subAccount: String
    /// Service display name.
    public var service: String
    /// The provider's service code (CUR product code, Azure consumed service, GCP service id).
    public var serviceCode: String
    /// FOCUS service category (`Compute`, `Storage`, …; `Other` when unknown).
    public var serviceCategory: String
    /// Resource id, when the export has one.
    public var resourceId: String
    /// Normalized region code (`us-east-1`, `eastus`, `us-central1`; `global` when none).
    public var region: String
    /// The provider's usage type (CUR usage type, Azure meter, GCP SKU description).
    public var usageType: String
    /// What kind of charge this is.
    public var chargeCategory: ChargeCategory
    /// Cash cost as invoiced (FOCUS `BilledCost`).
    public var billedCost: FixedDecimal
    /// Amortized cost (FOCUS `EffectiveCost`).
    public var effectiveCost: FixedDecimal
    /// Cost at public list prices (FOCUS `ListCost`).
    public var listCost: FixedDecimal
    /// ISO 4217 billing currency (`XXX` when the export gives none).
    public var currency: String
    /// Resource tags, keys case-sensitive as exported (CUR `user:` prefix removed).
    public var tags: [String: String]
    /// True for data transfer leaving the provider or region (BILLING.md §7 heuristics).
    public var isEgress: Bool
    /// The line's part in commitment discounts (reserved instances, savings plans).
    public var commitment: CommitmentCharge
    /// The file and line the charge came from.
    public var source: SourceReference

    /// Creates a line.
    public init(
        month: BillingMonth, chargePeriodStart: CivilDate? = nil, billingAccount: String = "", subAccount: String = "",
        service: String = "", serviceCode: String = "", serviceCategory: String = "Other", resourceId: String = "",
        region: String = "global", usageType: String = "", chargeCategory: ChargeCategory = .usage,
        billedCost: FixedDecimal, effectiveCost: FixedDecimal? = nil, listCost: FixedDecimal? = nil,
        currency: String = "USD", tags: [String: String] = [:], isEgress: Bool = false,
        commitment: CommitmentCharge = CommitmentCharge(), source: SourceReference = SourceReference(file: "")
    ) {
        self.month = month
        self.chargePeriodStart = chargePeriodStart
        self.billingAccount = billingAccount
        self.subAccount = subAccount
        self.service = service
        self.serviceCode = serviceCode
        self.serviceCategory = serviceCategory
        self.resourceId = resourceId
        self.region = region
        self.usageType = usageType
        self.chargeCategory = chargeCategory
        self.billedCost = billedCost
        self.effectiveCost = effectiveCost ?? billedCost
        self.listCost = listCost ?? billedCost
        self.currency = currency
        self.tags = tags
        self.isEgress = isEgress
        self.commitment = commitment
        self.source = source
    }
}
