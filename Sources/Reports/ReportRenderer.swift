public import PolicyEngine

extension ReportFormat {
    /// The renderer of the format: the one place a report format meets its implementation (the
    /// compiler checks that every format has one). `junitFlavour` is the JUnit renderer's option
    /// (`--junit-flavour`); the other renderers take none.
    public func renderer(junitFlavour: JUnitReport.Flavour = .portable) -> any ReportRenderer {
        switch self {
        case .junit: return JUnitReport(flavour: junitFlavour)
        case .json: return JSONReport()
        case .html: return HTMLReport()
        case .markdown: return MarkdownReport()
        case .csv: return CSVReport()
        case .sarif: return SARIFReport()
        case .gitlabCodeQuality: return GitLabCodeQualityReport()
        }
    }
}

/// Why a report could not be produced or written.
public enum ReportError: Error, Sendable, Equatable, DiagnosticError {
    /// The XML writer failed.
    case xmlWriter(reason: String)
    /// The output file cannot be written.
    case unwritable(file: String, reason: String)
    /// A results file cannot be read back.
    case unreadableResults(file: String, reason: String)
    /// A report template does not parse (a defect of this build, not of the input).
    case template(reason: String)
    /// Several results cannot be merged into one report.
    case mergeConflict(reason: String)
    /// A section of the result does not have its schema's types (the member's path says where).
    case malformedSection(SectionError)

    /// The located message.
    public var diagnostic: Diagnostic {
        switch self {
        case .xmlWriter(let reason): return Diagnostic(message: "cannot write XML: \(reason)")
        case .unwritable(let file, let reason): return Diagnostic(file: file, message: "cannot write report: \(reason)")
        case .unreadableResults(let file, let reason): return Diagnostic(file: file, message: "cannot read results: \(reason)")
        case .template(let reason): return Diagnostic(message: "cannot render report: \(reason)")
        case .mergeConflict(let reason): return Diagnostic(message: "cannot merge results: \(reason)")
        case .malformedSection(let error): return Diagnostic(message: "malformed results section: \(error)")
        }
    }
}

/// Renders a run result into one report format. Renderers are pure: everything they show comes
/// from the result (version, as-of date and labels included), never from the environment.
public protocol ReportRenderer: Sendable {
    /// The format produced.
    var format: ReportFormat { get }
    /// The report's bytes.
    func render(_ result: RunResult) throws(ReportError) -> [UInt8]
    /// Writes the report into `output`. Renderers whose size grows with the findings stream it;
    /// the others hand over their rendered bytes at once (the default).
    func write(_ result: RunResult, to output: ReportOutput) throws(ReportError)
}

extension ReportRenderer {
    /// Appends the rendered bytes.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        output.append(try render(result))
    }
}
