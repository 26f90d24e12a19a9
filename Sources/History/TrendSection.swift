import PolicyEngine

/// The runs of the `history` trend section (`HistoryTrendSection`, the one encoder and decoder
/// of it) as the history reads them back from its `run` table.
enum TrendSection {
    /// One run of the trend from a `SELECT seq, as_of, compliance_score, fail, monthly_cost` row
    /// (lenient: a malformed cell shows as zero or empty; `assay history verify` is what reports
    /// tampering).
    static func run(_ row: [Cell]) -> HistoryTrendSection.Run {
        let cells = row + Array(repeating: Cell.null, count: max(0, 5 - row.count))
        let complianceScore: Double
        switch cells[2] {
        case .real(let score): complianceScore = score
        case .integer(let score): complianceScore = Double(score)
        case .null, .text: complianceScore = 0
        }
        var cost: [String: FixedDecimal] = [:]
        if let text = cells[4].text, let object = (try? JSONParser.parse(text))?.objectValue {
            for member in object { cost[member.key] = SectionMoney.decimal(member.value) }
        }
        return HistoryTrendSection.Run(id: cells[0].integer.map(String.init) ?? "", asOf: cells[1].text ?? "",
                                       complianceScore: complianceScore, failing: cells[3].integer ?? 0, cost: cost)
    }
}
