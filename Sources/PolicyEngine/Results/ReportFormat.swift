/// The report formats Assay writes: the registry of reports. Each case carries everything the
/// command line, the config and the docs say about it (flag, config key, help); the renderer is
/// `ReportFormat.renderer` in `Reports`, an exhaustive switch. Adding a report is one case here
/// plus its renderer's file; the compiler and `ReportRegistryTests` point at the rest.
public enum ReportFormat: String, CaseIterable, Codable, Sendable {
    case json, junit, html, markdown, csv, sarif
    /// GitLab code-quality JSON (`codequality` artifact).
    case gitlabCodeQuality = "gitlab-codequality"

    /// The command-line flag, without its dashes (`--gitlab-codequality FILE`).
    public var flag: String { rawValue }

    /// The key under the config's `outputs:` (`gitlab_codequality`).
    public var configKey: String { rawValue.replacingAll("-", with: "_") }

    /// The format's config key, if `key` is one.
    public init?(configKey key: String) {
        guard let format = Self.allCases.first(where: { $0.configKey == key }) else { return nil }
        self = format
    }

    /// The flag's help text.
    public var help: String {
        switch self {
        case .junit: return "Write JUnit XML here."
        case .json: return "Write the JSON results here."
        case .html: return "Write the self-contained HTML audit report here."
        case .markdown: return "Write the Markdown summary (PR comments, CI step summaries) here."
        case .csv: return "Write every finding as CSV (RFC 4180) here."
        case .sarif: return "Write SARIF 2.1.0 (GitHub code scanning) here."
        case .gitlabCodeQuality: return "Write a GitLab code-quality report here."
        }
    }
}
