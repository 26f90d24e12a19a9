public import PolicyEngine

/// The HTML audit report: one self-contained file (inline CSS, inline SVG charts, an optional
/// inline script), rendered from the run result alone.
///
/// Sections: evidence (as-of date, version, policy-set digest, every input's SHA-256, labels,
/// run duration and merge provenance when present), executive summary, framework view and
/// coverage matrix, findings per policy (the first `findingsPerPolicy` non-passing resources of
/// each, with evidence and remediation), cost review, DR readiness, downtime financial impact,
/// waiver register and trends. What each section reads is documented in docs/reports.md.
///
/// The markup comes from Mustache templates (hummingbird-project/swift-mustache) whose every
/// `{{value}}` is HTML-escaped; nothing input-derived is concatenated into markup.
public struct HTMLReport: ReportRenderer {
    /// Non-passing resources listed per policy (the JSON and CSV hold all of them).
    public var findingsPerPolicy: Int

    /// Creates the renderer.
    public init(findingsPerPolicy: Int = 50) { self.findingsPerPolicy = max(1, findingsPerPolicy) }

    /// `html`.
    public var format: ReportFormat { .html }

    /// The HTML bytes (UTF-8).
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let page = try HTMLReportPage(result, findingsPerPolicy: findingsPerPolicy)
        return Array(try ReportTemplates.render(page, template: "html-report").utf8)
    }
}
