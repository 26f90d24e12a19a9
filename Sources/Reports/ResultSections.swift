public import PolicyEngine

/// The sections of a result that have a schema (`cost`, `downtime`, `history`), decoded strictly
/// up front: `assay report` checks each results file with it, so a malformed section is an error
/// naming the file and the member instead of a report that silently leaves it out.
public enum ResultSections {
    /// Decodes every section with a schema; the first malformed member is the error.
    public static func check(_ result: RunResult) throws(ReportError) {
        if let cost = result.sections[section: .cost], cost != .null {
            do throws(SectionError) {
                _ = try CostReview.decode(cost)
            } catch {
                throw .malformedSection(error)
            }
        }
        _ = try DowntimeImpact(result)
        _ = try RunTrend(result)
    }
}
