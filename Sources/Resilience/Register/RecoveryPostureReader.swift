import PolicyEngine

/// Reads the `dr:` object of an application record into the current posture and candidates.
struct RecoveryPostureReader {
    /// The posture.
    private(set) var posture = RecoveryPosture()
    /// Defaults assumed while reading (test type or result missing beside a test date).
    private(set) var assumed: [Placeholder] = []

    init(dr: RegisterFields, asOf: CivilDate?) throws(ResilienceError) {
        if let text = try dr.text("strategy") {
            guard let kind = StrategyKind(registerText: text) else {
                throw dr.error("strategy", "expected none, backup_restore, pilot_light, warm_standby or active_active, got '\(text)'")
            }
            posture.strategy = kind
        }
        posture.rtoHours = try dr.number("rto_hours")
        posture.rpoHours = try dr.number("rpo_hours")
        posture.liveTrafficAllRegions = try dr.flag("live_traffic_all_regions") ?? false
        posture.testCostPerExercise = try dr.number("test_cost_per_exercise")
        posture.testsPerYear = try dr.number("tests_per_year")
        posture.plannedTestCadenceDays = try dr.number("planned_test_cadence_days")
        posture.evidence = try evidence(dr, asOf: asOf)
        posture.candidates = try Self.candidates(dr)
    }

    /// The test the freshness rests on: `dr.test_age_days` (as enrichment writes it) or the age of
    /// `dr.last_test_date` at `asOf`, with `dr.last_test_result`, `dr.last_test_type` and measured values.
    private mutating func evidence(_ dr: RegisterFields, asOf: CivilDate?) throws(ResilienceError) -> TestEvidence? {
        var age = try dr.number("test_age_days")
        if age == nil, let dateText = try dr.text("last_test_date") {
            guard let date = CivilDate(parsing: dateText) else { throw dr.error("last_test_date", "expected a date YYYY-MM-DD, got '\(dateText)'") }
            guard let asOf else { throw dr.error("last_test_date", "needs an as-of date to compute the test age") }
            age = Double(asOf.days(since: date))
        }
        guard let age else { return nil }
        guard age == age.rounded(), age >= 0, let ageDays = age.intRoundedDown else {
            throw dr.error("test_age_days", "expected a whole number of days ≥ 0 (no tests after the as-of date), got \(age)")
        }
        let result: TestResult
        if let text = try dr.text("last_test_result") {
            guard let parsed = TestResult(rawValue: text.lowercased()) else { throw dr.error("last_test_result", "expected pass or fail, got '\(text)'") }
            result = parsed
        } else {
            result = .pass
            assumed.append(Placeholder(field: "dr.last_test_result", value: "pass"))
        }
        let type: TestType
        if let text = try dr.text("last_test_type") {
            guard let parsed = TestType(rawValue: text.lowercased()) else {
                throw dr.error("last_test_type", "expected one of \(TestType.acceptedValues), got '\(text)'")
            }
            type = parsed
        } else {
            type = .fullFailover
            assumed.append(Placeholder(field: "dr.last_test_type", value: "full_failover"))
        }
        return TestEvidence(
            ageDays: ageDays, result: result, type: type, measuredRTOHours: try dr.number("measured_rto_hours"),
            measuredRPOHours: try dr.number("measured_rpo_hours"))
    }

    /// The keys of one `dr.candidates.<strategy>` object.
    static let candidateKeys = [
        "annual_run_cost", "one_time_cost", "test_cadence_days", "test_cost_per_exercise", "rto_hours", "rpo_hours", "live_traffic_all_regions",
    ]

    /// `dr.candidates`: strategy → one-time cost, or → an object of `candidateKeys` (unknown keys are errors).
    private static func candidates(_ dr: RegisterFields) throws(ResilienceError) -> [StrategyKind: CandidateSettings] {
        guard let candidates = try dr.nested("candidates") else { return [:] }
        var settings: [StrategyKind: CandidateSettings] = [:]
        for member in candidates.object {
            guard let kind = StrategyKind(registerText: member.key) else {
                throw candidates.error(member.key, "is not a strategy (none, backup_restore, pilot_light, warm_standby, active_active)")
            }
            guard settings[kind] == nil else { throw candidates.error(member.key, "names the strategy \(kind.rawValue) twice") }
            if member.value.objectValue != nil, let entry = try candidates.nested(member.key) {
                for key in entry.object.keys where !candidateKeys.contains(key) {
                    let hint = NameSuggester.suggestion(for: key, among: candidateKeys).map { " (did you mean '\($0)'?)" } ?? ""
                    throw entry.error(key, "unknown key\(hint); known keys: \(candidateKeys.joined(separator: ", "))")
                }
                settings[kind] = CandidateSettings(
                    annualRunCost: try entry.money("annual_run_cost"), oneTimeCost: try entry.number("one_time_cost"),
                    testCadenceDays: try entry.number("test_cadence_days"), testCostPerExercise: try entry.number("test_cost_per_exercise"),
                    rtoHours: try entry.number("rto_hours"), rpoHours: try entry.number("rpo_hours"),
                    liveTrafficAllRegions: try entry.flag("live_traffic_all_regions"))
            } else {
                settings[kind] = CandidateSettings(oneTimeCost: try candidates.number(member.key))
            }
        }
        return settings
    }
}
