public import PolicyEngine

/// Why the downtime model rejected its input. Every case names the application (when there is
/// one) and the field, and carries the register record's source so the CLI prints `file:line:`.
public enum ResilienceError: Error, Sendable, Hashable, DiagnosticError {
    /// A field of an application (or of one of its scenarios or DR settings) is invalid.
    case invalidField(application: String, field: String, reason: String, source: SourceReference?)
    /// Two applications share an id.
    case duplicateApplication(application: String, source: SourceReference?)
    /// A model setting (trials, seed, discount rate, …) is invalid.
    case invalidSetting(field: String, reason: String)
    /// A DR test record is invalid.
    case invalidTestRecord(field: String, reason: String, source: SourceReference?)
    /// A register record of another kind (an operational document) is invalid.
    case invalidRecord(kind: String, field: String, reason: String, source: SourceReference?)

    /// The message and location for the terminal.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidField(let application, let field, let reason, let source):
            return Diagnostic(
                at: source?.location,
                message: "application '\(application)'\(Self.pointerText(source)): field '\(field)': \(reason)")
        case .duplicateApplication(let application, let source):
            return Diagnostic(
                at: source?.location,
                message: "application '\(application)'\(Self.pointerText(source)): duplicate application id")
        case .invalidSetting(let field, let reason):
            return Diagnostic(message: "downtime model setting '\(field)': \(reason)")
        case .invalidTestRecord(let field, let reason, let source):
            return Diagnostic(
                at: source?.location,
                message: "DR test record\(Self.pointerText(source)): field '\(field)': \(reason)")
        case .invalidRecord(let kind, let field, let reason, let source):
            return Diagnostic(
                at: source?.location,
                message: "\(kind) record\(Self.pointerText(source)): field '\(field)': \(reason)")
        }
    }

    /// ` (at /applications/3)` for JSON sources, which have a pointer but no line.
    private static func pointerText(_ source: SourceReference?) -> String {
        guard let pointer = source?.pointer else { return "" }
        return " (at \(pointer))"
    }
}
