public import PolicyEngine

/// An error in a policy, config, waiver, test or register YAML file, with its location.
/// Printed as `file:line:column: error: message`, the source line and a caret.
public struct LoadError: Error, Sendable, Equatable, DiagnosticError {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file cannot be read.
        case unreadable(reason: String)
        /// YAML syntax error.
        case yamlSyntax(problem: String)
        /// A key that the section does not define.
        case unknownKey(key: String, section: String, suggestion: String?, known: [String])
        /// An operator name that does not exist.
        case unknownOperator(name: String, suggestion: String?)
        /// A required key is missing.
        case missingKey(key: String, section: String)
        /// A node of the wrong YAML kind.
        case wrongType(expected: String, found: String)
        /// A value that is not allowed here.
        case invalidValue(message: String)
        /// Two policies (or controls) share an id.
        case duplicateID(id: String, firstDefinedAt: SourceLocation)
        /// `version:` missing or unsupported.
        case unsupportedVersion(found: String, supported: Int)
    }

    /// What went wrong.
    public var kind: Kind
    /// Where.
    public var location: SourceLocation
    /// The source line, for the caret display.
    public var sourceLine: String?

    /// Creates an error.
    public init(_ kind: Kind, at location: SourceLocation, sourceLine: String? = nil) {
        self.kind = kind
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The human message (without location).
    public var message: String {
        switch kind {
        case .unreadable(let reason):
            return "cannot read file: \(reason)"
        case .yamlSyntax(let problem):
            return "YAML syntax error: \(problem)"
        case .unknownKey(let key, let section, let suggestion, let known):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            let list = known.isEmpty ? "" : "; known keys: \(known.joined(separator: ", "))"
            return "unknown key '\(key)' in \(section)\(hint)\(suggestion == nil ? list : "")"
        case .unknownOperator(let name, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown operator '\(name)'\(hint); `assay explain operators` lists them"
        case .missingKey(let key, let section):
            return "missing required key '\(key)' in \(section)"
        case .wrongType(let expected, let found):
            return "expected \(expected), found \(found)"
        case .invalidValue(let message):
            return message
        case .duplicateID(let id, let first):
            return "duplicate id '\(id)' (first defined at \(first))"
        case .unsupportedVersion(let found, let supported):
            return found.isEmpty
                ? "missing 'version: \(supported)' (every Assay file states its schema version)"
                : "unsupported version \(found) (this build reads version \(supported))"
        }
    }

    /// The located diagnostic.
    public var diagnostic: Diagnostic {
        Diagnostic(at: location, message: message, sourceLine: sourceLine)
    }
}
