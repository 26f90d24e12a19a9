public import PolicyEngine

/// How a cost line takes part in a commitment discount (reserved instance, savings plan, FOCUS
/// commitment discount, Azure reservation or savings plan).
public enum CommitmentRole: UInt8, Sendable, Hashable {
    /// Not commitment-related: on-demand usage, taxes, credits, and the commitment fees (whose
    /// used and unused amounts are carried in `CommitmentCharge`).
    case none
    /// Usage a commitment covered (CUR `DiscountedUsage`, `SavingsPlanCoveredUsage`; FOCUS
    /// `CommitmentDiscountStatus = Used`): counts as covered in the coverage figure.
    case covered
    /// The unused part of a commitment (FOCUS `CommitmentDiscountStatus = Unused`): not usage.
    case unused
    /// CUR `SavingsPlanNegation`: cancels the on-demand cost of covered usage; not usage of its own.
    case negation
}

/// Why an export cannot show commitment coverage and utilisation (a set: a group may mix inputs).
public struct CommitmentBlindness: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt8
    /// Creates the set.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A format whose commitment columns Assay does not read (Azure cost exports, GCP billing export).
    public static let formatWithoutCommitments = CommitmentBlindness(rawValue: 1)
    /// A CUR without `lineItem/LineItemType` or `pricing/publicOnDemandCost`, or a FOCUS file
    /// without `CommitmentDiscountStatus` or `ListCost`.
    public static let columnsMissing = CommitmentBlindness(rawValue: 2)
    /// Groups computed by an SQL engine (`--engine duckdb`, `--format cost-groups`), whose query
    /// does not sum the commitment columns.
    public static let warehouseGroups = CommitmentBlindness(rawValue: 4)

    /// Why coverage and utilisation are unknown, for people.
    public var reason: String {
        var reasons: [String] = []
        if contains(.formatWithoutCommitments) {
            reasons.append("part of the spend comes from an Azure cost or GCP billing export, whose commitment columns Assay does not read")
        }
        if contains(.columnsMissing) {
            reasons.append("part of the spend comes from an export without the commitment columns (CUR: lineItem/LineItemType and "
                + "pricing/publicOnDemandCost; FOCUS: CommitmentDiscountStatus and ListCost)")
        }
        if contains(.warehouseGroups) {
            reasons.append("part of the spend was aggregated by an SQL engine, whose cost-group query does not sum commitments")
        }
        return reasons.joined(separator: "; ")
    }
}

/// A line's part in commitment discounts: its role, the used and unused commitment it carries,
/// and whether its export can show commitments at all (a reader-wide constant).
///
/// Used commitment: CUR `reservation/EffectiveCost` of `DiscountedUsage`, `savingsPlan/UsedCommitment`
/// of `SavingsPlanRecurringFee`; FOCUS `EffectiveCost` of `Used` rows. Unused: CUR
/// `reservation/UnusedAmortizedUpfrontFeeForBillingPeriod + reservation/UnusedRecurringFee` of
/// `RIFee`, `savingsPlan/TotalCommitmentToDate − savingsPlan/UsedCommitment` of
/// `SavingsPlanRecurringFee`; FOCUS `EffectiveCost` of `Unused` rows (docs/billing.md, "Commitments").
public struct CommitmentCharge: Sendable, Hashable {
    /// The line's role.
    public var role: CommitmentRole
    /// Amortized commitment the line consumed.
    public var used: FixedDecimal
    /// Amortized commitment the line reports as unused.
    public var unused: FixedDecimal
    /// Empty when the export shows commitments; else why it cannot.
    public var blindness: CommitmentBlindness

    /// Creates a charge; by default a line of a format whose commitments are not read.
    public init(role: CommitmentRole = .none, used: FixedDecimal = .zero, unused: FixedDecimal = .zero,
                blindness: CommitmentBlindness = .formatWithoutCommitments) {
        self.role = role
        self.used = used
        self.unused = unused
        self.blindness = blindness
    }
}
