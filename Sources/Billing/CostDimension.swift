/// One dimension a cost group can be keyed by (`CostScope.groupBy` entries).
public enum CostDimension: Hashable, Sendable, CustomStringConvertible {
    /// Billing account (`account`).
    case account
    /// Sub-account: AWS account, Azure subscription, GCP project (`sub_account`).
    case subAccount
    /// Service name (`service`).
    case service
    /// FOCUS service category (`service_category`).
    case serviceCategory
    /// Normalized region (`region`).
    case region
    /// Charge category (`charge_category`).
    case chargeCategory
    /// Billing currency (`currency`; groups are always per currency anyway).
    case currency
    /// Resource id (`resource`).
    case resource
    /// A tag value (`tags.<key>`), key case-sensitive as exported.
    case tag(String)

    /// The names accepted in `group_by`, besides `tags.<key>`.
    public static let names = ["account", "sub_account", "service", "service_category", "region", "charge_category", "currency", "resource"]

    /// Parses a `group_by` entry.
    public init(parsing name: String) throws(BillingError) {
        switch name {
        case "account": self = .account
        case "sub_account": self = .subAccount
        case "service": self = .service
        case "service_category": self = .serviceCategory
        case "region": self = .region
        case "charge_category": self = .chargeCategory
        case "currency": self = .currency
        case "resource": self = .resource
        default:
            guard name.hasPrefix("tags."), name.count > 5 else { throw .unknownDimension(name) }
            var key = String(name.dropFirst(5))
            // `tags["cost-center"]` in the policy language reaches us as `tags.cost-center` or quoted.
            if key.hasPrefix("[\""), key.hasSuffix("\"]") { key = String(key.dropFirst(2).dropLast(2)) }
            self = .tag(key)
        }
    }

    /// The `group_by` spelling.
    public var description: String {
        switch self {
        case .account: return "account"
        case .subAccount: return "sub_account"
        case .service: return "service"
        case .serviceCategory: return "service_category"
        case .region: return "region"
        case .chargeCategory: return "charge_category"
        case .currency: return "currency"
        case .resource: return "resource"
        case .tag(let key): return "tags." + key
        }
    }

    /// The tag key, for tag dimensions.
    var tagKey: String? {
        if case .tag(let key) = self { return key }
        return nil
    }
}
