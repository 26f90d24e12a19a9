import Billing
import Inventory
import PolicyEngine
import PolicyLoader

/// What reads one input format: a reader of documents (records and cloud inventories), a
/// billing reader (the cost stage streams those), or the warehouse's cost groups.
enum InputReader {
    /// Reads the file into resources (record and inventory formats).
    case documents(any ExportReader)
    /// Decodes the rows of a billing export (read by the cost stage).
    case billing(any BillingFormatReader.Type)
    /// Cost groups a warehouse computed from `assay cost --emit-sql` (read by the cost stage).
    case costGroups
}

extension InputFormat {
    /// The reader of the format: the registry of input formats, the one place where a format
    /// meets its implementation (the compiler checks that every case has one). Adding a format
    /// is a case of `InputFormat` plus its reader's file, then one line here.
    var reader: InputReader {
        switch self {
        case .json: return .documents(JSONRecordReader())
        case .jsonl: return .documents(JSONLinesRecordReader())
        case .yaml: return .documents(YAMLRecordReader())
        case .csv: return .documents(CSVRecordReader())
        case .awsConfig: return .documents(AWSConfigReader())
        case .terraformPlan: return .documents(TerraformPlanReader())
        case .terraformState: return .documents(TerraformStateReader())
        case .gcpAssetInventory: return .documents(GCPAssetInventoryReader())
        case .azureResourceGraph: return .documents(AzureResourceGraphReader())
        case .awsIAMCredentialReport: return .documents(IAMCredentialReportReader())
        case .awsRoute53: return .documents(Route53RecordSetReader())
        case .focus: return .billing(FOCUSReader.self)
        case .awsCUR: return .billing(AWSCURReader.self)
        case .awsCUR2: return .billing(AWSCUR2Reader.self)
        case .azureCost: return .billing(AzureCostReader.self)
        case .gcpBilling: return .billing(GCPBillingReader.self)
        case .costGroups: return .costGroups
        }
    }

    /// The document reader of the format; nil for billing formats.
    var documentReader: (any ExportReader)? {
        if case .documents(let reader) = reader { return reader }
        return nil
    }

    /// The readers of documents, in the order of `allCases` (detection order: the highest score
    /// wins, the earlier format on a tie).
    static let documentReaders: [any ExportReader] = allCases.compactMap(\.documentReader)
}
