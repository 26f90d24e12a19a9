public import PolicyEngine
import TabularText

/// Everything that can go wrong reading a billing export, located by file, line and column.
public enum BillingError: DiagnosticError, Sendable, Equatable {
    /// The file cannot be opened or read, or its gzip stream is corrupt or truncated.
    case unreadable(path: String, line: Int?, reason: String)
    /// The file has no header row.
    case emptyFile(path: String)
    /// The header matches no billing format; `closest` is the format with the most required
    /// columns present, `missing` the columns it still lacks.
    case unrecognizedHeader(path: String, closest: InputFormat, missing: [String])
    /// A format was forced but the header lacks its required columns.
    case missingColumns(path: String, format: InputFormat, missing: [String])
    /// A row is malformed (quoting, field count) or holds a value that cannot be read.
    case badRow(path: String, line: Int, column: Int, message: String, sourceLine: String?)
    /// A cost-groups result (from a warehouse engine) is not what the cost-group query returns.
    case badGroups(path: String, line: Int, message: String)
    /// The cost-group query cannot be rendered for this billing format.
    case unsupportedQueryFormat(InputFormat)
    /// A cost scope names a dimension the aggregator does not know.
    case unknownDimension(String)
    /// A cost scope groups by more dimensions than the aggregator supports.
    case tooManyDimensions([String], limit: Int)

    /// The located diagnostic.
    public var diagnostic: Diagnostic {
        switch self {
        case .unreadable(let path, let line, let reason):
            return Diagnostic(file: path, line: line, column: line == nil ? nil : 1, message: reason)
        case .emptyFile(let path):
            return Diagnostic(file: path, line: 1, column: 1, message: "the billing export is empty (no header row)")
        case .unrecognizedHeader(let path, let closest, let missing):
            return Diagnostic(
                file: path, line: 1, column: 1,
                message: "the header matches no billing export format; closest is \(closest.rawValue), which also needs: "
                    + missing.joined(separator: ", "))
        case .missingColumns(let path, let format, let missing):
            return Diagnostic(
                file: path, line: 1, column: 1,
                message: "not a \(format.rawValue) export: missing required columns " + missing.joined(separator: ", "))
        case .badRow(let path, let line, let column, let message, let sourceLine):
            return Diagnostic(file: path, line: line, column: column, message: message, sourceLine: sourceLine)
        case .badGroups(let path, let line, let message):
            return Diagnostic(file: path, line: line, column: 1, message: message)
        case .unsupportedQueryFormat(let format):
            return Diagnostic(
                message: "the cost-group query reads \(CostLineMappings.formats.map(\.rawValue).joined(separator: ", ")) tables, not \(format.rawValue); "
                    + "read \(format.rawValue) exports with the native reader")
        case .unknownDimension(let name):
            return Diagnostic(
                message: "unknown cost dimension '\(name)'; use one of "
                    + CostDimension.names.joined(separator: ", ") + ", or tags.<key>")
        case .tooManyDimensions(let names, let limit):
            return Diagnostic(message: "a cost group has at most \(limit) dimensions; got \(names.joined(separator: ", "))")
        }
    }

    /// Wraps a reading failure, with the line the data had reached when it is known.
    static func wrapping(_ error: TabularTextError, path: String, line: Int?) -> BillingError {
        .unreadable(path: path, line: line, reason: error.message)
    }
}
