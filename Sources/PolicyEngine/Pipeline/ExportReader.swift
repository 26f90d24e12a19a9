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
}

/// How a record file maps to resources (the `inputs:` entry of the config).
public struct RecordMapping: Sendable, Hashable {
    /// Resource type of every record; nil to take each record's own `type_field`.
    public var type: String?
    /// Field holding the record's id.
    public var idField: String
    /// Field holding the type when `type` is nil.
    public var typeField: String
    /// For JSON objects: the member holding the list (auto-detected when nil and unambiguous).
    public var listField: String?

    /// Creates a mapping.
    public init(type: String? = nil, idField: String = "id", typeField: String = "type", listField: String? = nil) {
        self.type = type
        self.idField = idField
        self.typeField = typeField
        self.listField = listField
    }
}

/// One input as configured: a path, an optional forced format, and record mapping options.
public struct InputSpec: Sendable, Hashable {
    /// The path as given (shown in messages and evidence).
    public var path: String
    /// Forced format; detected from content when nil.
    public var format: InputFormat?
    /// Record mapping (record formats only).
    public var mapping: RecordMapping

    /// Creates a spec.
    public init(path: String, format: InputFormat? = nil, mapping: RecordMapping = RecordMapping()) {
        self.path = path
        self.format = format
        self.mapping = mapping
    }
}

/// A diagnostic for the user: `file:line:column: error: message`, the source line and a caret.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file, if the problem is in one.
    public var file: String?
    /// 1-based line.
    public var line: Int?
    /// 1-based column.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String
    /// The offending source line, for the caret display.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String, sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message` plus the source line and a caret under the column.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        var text = "\(location)error: \(message)"
        if let sourceLine, let column {
            let shown = sourceLine.replacingAll("\t", with: " ")
            text += "\n" + shown + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return text
    }
}

/// An error that can be shown as a located diagnostic. Every module's error enum conforms.
public protocol DiagnosticError: Error {
    /// The diagnostic to print.
    var diagnostic: Diagnostic { get }
}

/// Reads one inventory or record format into resources. Implementations live outside the
/// engine (`Inventory`, `PolicyLoader`); the CLI asks each registered reader to detect a file.
public protocol ExportReader: Sendable {
    /// The format this reader handles.
    var format: InputFormat { get }

    /// How sure the reader is that a file with this beginning (decompressed, up to 64 KiB) and
    /// path is its format: 0 = not at all, 100 = certain.
    func detectionScore(sample: [UInt8], path: String) -> Int

    /// Reads the file into resources, reporting progress in bytes.
    func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource]
}

/// A register file's own `currency:` beside its list of records (`{currency: USD, applications:
/// [...]}`): the currency of every record's money fields, declared once instead of per record.
/// Readers copy it onto each record's `currency` field; a record that names another currency is
/// an error at the record (docs/registers.md).
public enum RegisterCurrency {
    /// The member of the file that declares it.
    public static let key = "currency"

    /// True for a three-letter upper-case ISO 4217 code such as `USD` or `EUR`.
    public static func isCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// The declared code, or why the declaration is not one.
    public static func code(of value: Value) -> Result<String, RegisterCurrencyProblem> {
        guard let text = value.stringValue, isCode(text) else {
            return .failure(RegisterCurrencyProblem(message: "the register's currency must be a three-letter ISO 4217 code such as USD or EUR, got '\(value.displayText)'"))
        }
        return .success(text)
    }

    /// The record with the file's currency; a failure when the record names another one.
    public static func apply(_ code: String, to record: Fields) -> Result<Fields, RegisterCurrencyProblem> {
        var fields = record
        if let own = record[key] {
            guard own.stringValue == code else {
                return .failure(RegisterCurrencyProblem(message: "the record's currency '\(own.displayText)' conflicts with the register's currency \(code)"))
            }
            return .success(fields)
        }
        fields[key] = .string(code)
        return .success(fields)
    }
}

/// Why a register's currency cannot be applied (the reader adds the file and line).
public struct RegisterCurrencyProblem: Error, Sendable, Equatable {
    /// What is wrong, for people.
    public var message: String
}
