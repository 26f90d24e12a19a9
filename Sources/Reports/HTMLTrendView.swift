import PolicyEngine

/// Trends over the recorded runs: the compliance score and the monthly cost per currency, each as
/// a chart beside a table of the same numbers.
struct TrendView {
    struct RunRow {
        var runID: String
        var runAsOf: String
        var runScore: String
        var runFailing: String
        var runCosts: [String]
    }

    var scoreChart: SVGChart
    var costCharts: [SVGChart]
    var trendCurrencies: [String]
    var runRows: [RunRow]

    init?(_ trend: RunTrend) {
        guard !trend.runs.isEmpty else { return nil }
        scoreChart = SVGChart.line(
            id: "trend-score", title: "Compliance score per run",
            summary: "Line chart of the compliance score of each recorded run, oldest first; the table below lists the same figures.",
            data: trend.runs.map { run in
                SVGChart.Datum(label: run.asOf, value: run.complianceScore, text: ReportText.percent(run.complianceScore))
            },
            maximum: 1, tickLabel: { ReportText.percent($0, digits: 0) }
        )
        var names = AnchorNames()
        costCharts = trend.currencies.map { currency in
            SVGChart.line(
                id: names.make("trend-cost", currency), title: "Monthly cost in \(currency) per run",
                summary: "Line chart of the monthly cost recorded with each run, oldest first; the table below lists the same figures.",
                data: trend.runs.compactMap { run in
                    run.cost[currency].map { SVGChart.Datum(label: run.asOf, value: $0.doubleValue, text: ReportText.money($0, currency: currency)) }
                },
                tickLabel: SVGChart.compact
            )
        }
        trendCurrencies = trend.currencies
        runRows = trend.runs.map { run in
            RunRow(runID: run.id, runAsOf: run.asOf, runScore: ReportText.percent(run.complianceScore),
                   runFailing: ReportText.count(run.failing),
                   runCosts: trend.currencies.map { run.cost[$0].map { ReportText.money($0) } ?? "—" })
        }
    }
}
