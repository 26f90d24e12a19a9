import PolicyEngine

/// The `history` section of a recorded run's result: the trend the HTML report charts.
///
/// Schema (agreed with the report): `{ "runs": [ { "id": "12", "as_of": "2026-11-27",
/// "compliance_score": 0.93, "failing": 12, "cost": { "USD": "1234.50" } } ] }` — oldest first in
/// recording order, the current run last, at most `HistoryStore.trendLength` runs. `failing` is
/// the number of failing verdicts (after waivers); `cost` is the last complete month's billed
/// `amount` per currency from the run's `cost` section, to the cent (empty without one).
enum TrendSection {
    /// The key in `RunResult.sections`.
    static let key = "history"

    /// One run of the trend.
    struct Point {
        var id: String
        var asOf: String
        var complianceScore: Double
        var failing: Int
        var cost: [String: FixedDecimal]

        init(id: String, asOf: String, complianceScore: Double, failing: Int, cost: [String: FixedDecimal]) {
            self.id = id
            self.asOf = asOf
            self.complianceScore = complianceScore
            self.failing = failing
            self.cost = cost
        }

        /// From a `SELECT seq, as_of, compliance_score, fail, monthly_cost` row (lenient: a
        /// malformed cell shows as zero or empty; `assay history verify` is what reports tampering).
        init(_ row: [Cell]) {
            let cells = row + Array(repeating: Cell.null, count: max(0, 5 - row.count))
            id = cells[0].integer.map(String.init) ?? ""
            asOf = cells[1].text ?? ""
            switch cells[2] {
            case .real(let score): complianceScore = score
            case .integer(let score): complianceScore = Double(score)
            case .null, .text: complianceScore = 0
            }
            failing = cells[3].integer ?? 0
            var cost: [String: FixedDecimal] = [:]
            if let text = cells[4].text, let object = (try? JSONParser.parse(text))?.objectValue {
                for member in object { cost[member.key] = SectionMoney.decimal(member.value) }
            }
            self.cost = cost
        }

        var value: Value {
            [
                "id": .string(id), "as_of": .string(asOf), "compliance_score": .number(complianceScore),
                "failing": .number(Double(failing)),
                "cost": .object(Fields(cost.map { ($0.key, Value.string($0.value.formatted(fractionDigits: 2))) })),
            ]
        }
    }

    /// The section for `points` (oldest first).
    static func value(_ points: [Point]) -> Value {
        ["runs": .array(points.map(\.value))]
    }
}
