/// The legacy AWS CUR columns Assay reads (BILLING.md §2), named once for both the native reader
/// (`CURColumns`, header indices) and the warehouse query (`CURColumnMapping`, SQL column names).
/// Each is found by its legacy name (`lineItem/UnblendedCost`) or its Athena / CUR 2.0 snake_case
/// form (`line_item_unblended_cost`).
enum CURColumn: Int, CaseIterable, Sendable {
    case billingPeriodStart, usageStart, payer, usageAccount, productCode, productName, serviceCode
    case usageType, lineItemType, currency, unblended, netUnblended, publicOnDemand
    case reservationEffective, reservationUnusedUpfront, reservationUnusedRecurring, reservationARN
    case savingsPlanEffective, savingsPlanTotalCommitment, savingsPlanUsedCommitment
    case region, regionCode, availabilityZone, resource, transferType, toLocation

    /// The column's name in a legacy CUR export.
    var legacyName: String {
        switch self {
        case .billingPeriodStart: return "bill/BillingPeriodStartDate"
        case .usageStart: return "lineItem/UsageStartDate"
        case .payer: return "bill/PayerAccountId"
        case .usageAccount: return "lineItem/UsageAccountId"
        case .productCode: return "lineItem/ProductCode"
        case .productName: return "product/ProductName"
        case .serviceCode: return "product/servicecode"
        case .usageType: return "lineItem/UsageType"
        case .lineItemType: return "lineItem/LineItemType"
        case .currency: return "lineItem/CurrencyCode"
        case .unblended: return "lineItem/UnblendedCost"
        case .netUnblended: return "lineItem/NetUnblendedCost"
        case .publicOnDemand: return "pricing/publicOnDemandCost"
        case .reservationEffective: return "reservation/EffectiveCost"
        case .reservationUnusedUpfront: return "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"
        case .reservationUnusedRecurring: return "reservation/UnusedRecurringFee"
        case .reservationARN: return "reservation/ReservationARN"
        case .savingsPlanEffective: return "savingsPlan/SavingsPlanEffectiveCost"
        case .savingsPlanTotalCommitment: return "savingsPlan/TotalCommitmentToDate"
        case .savingsPlanUsedCommitment: return "savingsPlan/UsedCommitment"
        case .region: return "product/region"
        case .regionCode: return "product/regionCode"
        case .availabilityZone: return "lineItem/AvailabilityZone"
        case .resource: return "lineItem/ResourceId"
        case .transferType: return "product/transferType"
        case .toLocation: return "product/toLocation"
        }
    }

    /// The spellings a header may use: the legacy name and its snake_case form.
    var names: [String] { [legacyName, Self.snakeCase(legacyName)] }

    /// `lineItem/UnblendedCost` → `line_item_unblended_cost`; `reservation/ReservationARN` →
    /// `reservation_reservation_a_r_n` (each capital starts a word, as Athena and CUR 2.0 spell it).
    static func snakeCase(_ legacy: String) -> String {
        var result = ""
        var previousWasSeparator = true
        for character in legacy {
            if character == "/" {
                result.append("_")
                previousWasSeparator = true
            } else if character.isUppercase {
                if !previousWasSeparator { result.append("_") }
                result.append(Character(character.lowercased()))
                previousWasSeparator = false
            } else {
                result.append(character)
                previousWasSeparator = false
            }
        }
        return result
    }
}

/// Where each `CURColumn` was found in one header: an index (native reader) or a column name (SQL).
struct CURColumnBinding<Location: Sendable>: Sendable {
    private let locations: [Location]

    /// Binds every column with `find`, which receives the spellings to look for.
    init(_ find: (CURColumn) -> Location) { locations = CURColumn.allCases.map(find) }

    subscript(column: CURColumn) -> Location { locations[column.rawValue] }
}
