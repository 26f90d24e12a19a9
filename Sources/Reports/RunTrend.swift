import PolicyEngine

/// Trends over the recorded runs, read from `sections["history"]`:
/// `{ "runs": [ { "id", "as_of", "compliance_score", "failing", "cost": { "<currency>": "<amount>" } } ] }`,
/// oldest first (the order is kept as given).
struct RunTrend {
    /// One recorded run.
    struct Run {
        var id: String
        var asOf: String
        var complianceScore: Double?
        var failing: Int?
        /// Monthly cost per currency code.
        var cost: [String: FixedDecimal]
    }

    /// Runs, oldest first; empty when the result has no history section.
    let runs: [Run]
    /// Every currency that appears in a run's cost, sorted.
    let currencies: [String]

    init(_ result: RunResult) {
        runs = (result.sections["history"]?["runs"]?.elements ?? []).compactMap { run in
            guard let asOf = run["as_of"]?.textValue else { return nil }
            var cost: [String: FixedDecimal] = [:]
            for member in run["cost"]?.memberFields ?? Fields() {
                if let amount = member.value.moneyValue { cost[member.key] = amount }
            }
            return Run(id: run["id"]?.textValue ?? asOf, asOf: asOf, complianceScore: run["compliance_score"]?.numberValue,
                       failing: run["failing"]?.wholeNumberValue, cost: cost)
        }
        currencies = Set(runs.flatMap(\.cost.keys)).sorted()
    }
}
