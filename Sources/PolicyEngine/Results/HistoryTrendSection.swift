/// The `history` section of a recorded run's result: the trend of the last recorded runs that
/// the HTML report charts. Written by `History` when it records a run, read by `Reports`; this
/// type is the one encoder and the one (strict) decoder of it.
///
/// Schema: `{ "runs": [ { "id": "12", "as_of": "2026-11-27", "compliance_score": 0.93,
/// "failing": 12, "cost": { "USD": "1234.50" } } ] }` — oldest first in recording order, the
/// current run last. `failing` is the number of failing verdicts (after waivers); `cost` is the
/// last complete month's billed `amount` per currency from the run's `cost` section, to the cent
/// (empty without one).
public struct HistoryTrendSection: Sendable, Equatable {
    /// One recorded run.
    public struct Run: Sendable, Equatable {
        /// The run's id in the history (its sequence number).
        public var id: String
        /// The run's as-of date (`YYYY-MM-DD`).
        public var asOf: String
        /// Share of passing verdicts, 0…1.
        public var complianceScore: Double
        /// Failing verdicts after waivers.
        public var failing: Int
        /// The last complete month's billed amount per currency code.
        public var cost: [String: FixedDecimal]

        /// Creates a run.
        public init(id: String, asOf: String, complianceScore: Double, failing: Int, cost: [String: FixedDecimal]) {
            self.id = id
            self.asOf = asOf
            self.complianceScore = complianceScore
            self.failing = failing
            self.cost = cost
        }
    }

    /// The key in `RunResult.sections`.
    public static let key = SectionKey.history

    /// Runs, oldest first.
    public var runs: [Run]

    /// Creates the section.
    public init(runs: [Run]) { self.runs = runs }

    /// The section's JSON value.
    public var value: Value {
        ["runs": .array(runs.map { run -> Value in
            [
                "id": .string(run.id), "as_of": .string(run.asOf), "compliance_score": .number(run.complianceScore),
                "failing": .number(Double(run.failing)),
                "cost": .object(Fields(run.cost.map { ($0.key, Value.string($0.value.formatted(fractionDigits: 2))) })),
            ]
        })]
    }

    /// Decodes the section strictly: a member of the wrong type, or a missing one, is an error
    /// naming its path (`sections.history.runs[3].as_of`).
    public init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(Self.key.rawValue)")
        runs = try section.array("runs").map { run throws(SectionError) -> Run in
            var cost: [String: FixedDecimal] = [:]
            if let amounts = try run.object("cost") {
                for key in amounts.keys { cost[key] = try amounts.requiredMoney(key) }
            }
            return Run(id: try run.requiredText("id"), asOf: try run.requiredText("as_of"),
                       complianceScore: try run.requiredNumber("compliance_score"), failing: try run.requiredWholeNumber("failing"),
                       cost: cost)
        }
    }
}
