public import PolicyEngine

/// A short Markdown summary for pull-request comments and CI step summaries: the verdict and
/// score, failing findings by severity × enforcement, the blocking findings (the first
/// `blockingLimit`, with the count of the rest), the top failing policies, waivers expiring
/// within 30 days, the coverage of each framework, and the headline cost and DR figures when
/// those ran. Rendered with Mustache;
/// every value is Markdown-escaped (see `MarkdownTextEscaper`).
public struct MarkdownReport: ReportRenderer {
    /// Blocking findings listed before "… and N more".
    public var blockingLimit: Int

    /// Creates the renderer.
    public init(blockingLimit: Int = 20) { self.blockingLimit = max(1, blockingLimit) }

    /// `markdown`.
    public var format: ReportFormat { .markdown }

    /// The Markdown bytes (UTF-8).
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        Array(try ReportTemplates.render(try MarkdownPage(result, blockingLimit: blockingLimit), template: "markdown-summary").utf8)
    }
}

/// The view model of the Markdown summary: the executive summary shared with the HTML report,
/// plus the table of blocking findings.
struct MarkdownPage {
    struct BlockingRow {
        var policy: String
        var resource: String
        var severity: String
        var message: String
        var source: String
    }

    /// One framework's coverage (`FrameworkCoverage`).
    struct FrameworkRow {
        var framework: String
        var coverage: String
        var assessed: String
        var pass: String
        var fail: String
        var partial: String
        var notAssessed: String
        var notAssessedByAssay: String
    }

    var estate: [String]
    var asOf: String
    var frameworkRows: [FrameworkRow]
    var toolVersion: String
    var summary: SummaryView
    var blockingHeading: String
    var blockingRows: [BlockingRow]
    var blockingMore: [String]

    init(_ result: RunResult, blockingLimit: Int) throws(ReportError) {
        let overview = ReportOverview(result)
        let index = FindingIndex(result.findings)
        let impact = try DowntimeImpact(result)
        estate = result.labels["estate"].map { [$0] } ?? []
        asOf = result.asOf.description
        toolVersion = result.toolVersion
        summary = SummaryView(overview, result: result, cost: try CostReview(result, index: index), downtime: impact,
                              readiness: DRReadiness(result, index: index, downtime: impact), anchors: PolicyAnchors(result.policies))
        frameworkRows = FrameworkCoverage(result, catalogs: try ResultSections(result).frameworks, index: index).frameworks.map { framework in
            let coverage = framework.coverage
            let tally = { (verdict: ControlVerdict) in ReportText.count(coverage.tallies[verdict] ?? 0) }
            // Without a catalog the framework's size is unknown: no percentage, no denominator.
            return FrameworkRow(
                framework: framework.title ?? framework.key, coverage: framework.hasCatalog ? ReportText.percent(coverage.share) : "— (no catalog)",
                assessed: ReportText.count(coverage.assessed) + (framework.hasCatalog ? " of \(ReportText.count(coverage.controls))" : ""),
                pass: tally(.pass),
                fail: tally(.fail), partial: tally(.partial), notAssessed: tally(.notAssessed),
                notAssessedByAssay: framework.hasCatalog ? tally(.notAssessedByAssay) : "—")
        }
        let blocking = overview.blocking
        blockingRows = blocking.prefix(blockingLimit).map { finding in
            BlockingRow(policy: finding.policy, resource: finding.resource, severity: finding.severity.rawValue,
                        message: finding.message, source: finding.source?.reportText ?? "—")
        }
        blockingHeading = blocking.count > blockingRows.count
            ? "first \(ReportText.count(blockingRows.count)) of \(ReportText.count(blocking.count))" : ReportText.count(blocking.count)
        let more = blocking.count - blockingRows.count
        blockingMore = more > 0 ? ["… and \(ReportText.count(more)) more blocking findings: see the HTML report or the CSV export."] : []
    }
}
