import PolicyEngine

/// Trends over the recorded runs: `sections["history"]` decoded by `HistoryTrendSection` (the
/// type `History` encodes it with), oldest first as given.
struct RunTrend {
    /// Runs, oldest first; empty when the result has no history section.
    let runs: [HistoryTrendSection.Run]
    /// Every currency that appears in a run's cost, sorted.
    let currencies: [String]

    /// The trend of `result`; a malformed section is an error naming the member.
    init(_ result: RunResult) throws(ReportError) {
        var runs: [HistoryTrendSection.Run] = []
        if let value = result.sections[section: HistoryTrendSection.key], value != .null {
            do throws(SectionError) {
                runs = try HistoryTrendSection(decoding: value).runs
            } catch {
                throw .malformedSection(error)
            }
        }
        self.runs = runs
        currencies = Set(runs.flatMap(\.cost.keys)).sorted()
    }
}
