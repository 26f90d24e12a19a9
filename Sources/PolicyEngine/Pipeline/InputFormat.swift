/// Every input format Assay reads. Record formats map rows to a configured resource type; cloud
/// inventory formats normalise resources; billing formats produce cost lines.
public enum InputFormat: String, CaseIterable, Codable, Sendable {
    // Record files (registers, normalized inventories)
    case json
    case jsonl
    case yaml
    case csv
    // Cloud inventory exports
    case awsConfig = "aws-config"
    case terraformPlan = "terraform-plan"
    case terraformState = "terraform-state"
    case gcpAssetInventory = "gcp-cai"
    case azureResourceGraph = "azure-arg"
    case awsIAMCredentialReport = "aws-iam-credential-report"
    case awsRoute53 = "aws-route53"
    // Billing exports
    case focus
    case awsCUR = "aws-cur"
    case awsCUR2 = "aws-cur2"
    case azureCost = "azure-cost"
    case gcpBilling = "gcp-billing"
    /// Cost groups computed by a warehouse engine from the cost-group query (`assay cost --emit-sql`).
    case costGroups = "cost-groups"

    /// What a format's documents are.
    public enum Kind: String, Sendable {
        /// Register records or already-normalized resources.
        case records
        /// Cloud inventory resources.
        case inventory
        /// Billing cost lines.
        case billing
    }

    /// The format's kind.
    public var kind: Kind {
        switch self {
        case .json, .jsonl, .yaml, .csv: return .records
        case .awsConfig, .terraformPlan, .terraformState, .gcpAssetInventory, .azureResourceGraph, .awsIAMCredentialReport, .awsRoute53:
            return .inventory
        case .focus, .awsCUR, .awsCUR2, .azureCost, .gcpBilling, .costGroups:
            return .billing
        }
    }

    /// The format's name interned, as a `SourceReference` stores it: looked up among the cases
    /// (a comparison of case numbers each), not hashed and interned again for every record.
    public var nameKey: ObjectKey {
        Self.nameKeys.first { $0.format == self }?.key ?? ObjectKey(rawValue)
    }

    /// Each case with its name key, made once (`allCases` makes a new array at every use).
    private static let nameKeys = allCases.map { (format: $0, key: ObjectKey($0.rawValue)) }
}
