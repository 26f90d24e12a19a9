public import PolicyEngine

/// The billing formats the cost-group query reads, and the columns a warehouse table of each
/// has when nobody says otherwise (`assay cost --emit-sql` without `--columns`).
public enum WarehouseQueryFormats {
    /// FOCUS, legacy CUR (also its Athena snake_case form) and CUR 2.0.
    public static let formats: [InputFormat] = CostLineMappings.formats

    /// The standard columns of a table of `format` the query reads: the FOCUS 1.0 columns, the
    /// CUR 2.0 static schema (AWS Data Exports `COST_AND_USAGE_REPORT`), and for legacy CUR its
    /// Athena form without tag columns.
    public static func standardColumns(_ format: InputFormat) -> [String] {
        switch format {
        case .awsCUR2: return cur2 + ["resource_tags"]
        case .awsCUR: return cur2.filter { $0 != "product_to_location" }
        case .focus, .azureCost, .gcpBilling, .costGroups, .json, .jsonl, .yaml, .csv, .awsConfig, .terraformPlan, .terraformState,
            .gcpAssetInventory, .azureResourceGraph, .awsIAMCredentialReport, .awsRoute53:
            return focus
        }
    }

    private static let focus = [
        "BilledCost", "EffectiveCost", "ListCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "BillingAccountId",
        "SubAccountId", "ServiceName", "ServiceCategory", "RegionId", "RegionName", "ResourceId", "ChargeCategory", "ChargeClass",
        "ChargeDescription", "Tags",
    ]

    private static let cur2 = [
        "bill_billing_period_start_date", "bill_payer_account_id", "line_item_usage_account_id", "line_item_line_item_type",
        "line_item_usage_start_date", "line_item_product_code", "line_item_usage_type", "line_item_currency_code",
        "line_item_unblended_cost", "line_item_net_unblended_cost", "pricing_public_on_demand_cost", "product_region_code",
        "product_servicecode", "product_to_location", "line_item_availability_zone", "line_item_resource_id",
        "reservation_effective_cost", "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_recurring_fee",
        "reservation_reservation_a_r_n", "savings_plan_savings_plan_effective_cost", "savings_plan_total_commitment_to_date",
        "savings_plan_used_commitment",
    ]
}
