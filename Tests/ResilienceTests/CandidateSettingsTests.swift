import PolicyEngine
import Testing

@testable import Resilience

/// `dr.candidates.<strategy>` register keys: each valid and each invalid with its location, one test
/// cadence and one cost per candidate, continuous exercise, and the current strategy's test rule.
@Suite struct CandidateSettingsTests {
    /// An application record of `apps.yaml` at `line` with `candidates` under `dr:`.
    static func record(candidates: Value, dr extra: [String: Value] = [:], line: Int = 7) -> Resource {
        var dr: [String: Value] = ["strategy": "pilot_light", "candidates": candidates]
        for (key, value) in extra { dr[key] = value }
        let document: Value = ["name": "crm", "tier": "tier2", "production_annual_spend": 100_000, "dr": .object(Fields(dr.map { ($0.key, $0.value) }))]
        return Resource(id: "crm", type: "application", document: document, source: SourceReference(file: "apps.yaml", line: line))
    }

    /// Reads and resolves the record; the first error of either step.
    static func model(_ resource: Resource, settings: ModelSettings = ModelSettings()) throws(ResilienceError) -> ApplicationModel {
        guard let input = try ApplicationRegister.input(from: resource, drCost: nil, asOf: CivilDate(parsing: "2026-11-27")) else {
            throw .invalidSetting(field: "test", reason: "retired")
        }
        return try ApplicationModel(resolving: input, settings: settings)
    }

    static func option(_ model: ApplicationModel, _ kind: StrategyKind) -> StrategyOption? {
        model.options.first { $0.kind == kind && !$0.isCurrent }
    }

    // MARK: - Each key, valid

    @Test func everyCandidateKeyIsReadAndUsed() throws {
        let candidates: Value = [
            "warm_standby": [
                "annual_run_cost": "240000", "one_time_cost": 50_000, "test_cadence_days": 90, "test_cost_per_exercise": "12000",
                "rto_hours": 0.1, "rpo_hours": "0.01",
            ]
        ]
        let model = try Self.model(Self.record(candidates: candidates))
        let warm = try #require(Self.option(model, .warmStandby))
        #expect(warm.runCost == 240_000 && warm.runCostSource == .register)
        #expect(warm.oneTimeCost == 50_000)
        #expect(warm.freshnessBasis == .cadence(days: 90))
        #expect(relativeError(warm.testCostPerYear, 12_000 * 365 / 90) <= 1e-12)
        #expect(warm.parameters.rtoHours == 0.1 && warm.parameters.rpoHours == 0.01)
        #expect(warm.annualCost == warm.runCost + warm.testCostPerYear)
        // The keys given are not placeholders; the other candidates' one-time costs are.
        #expect(!model.placeholders.contains { $0.field == "dr.candidates.warm_standby.one_time_cost" })
        #expect(model.placeholders.contains { $0.field == "dr.candidates.pilot_light.one_time_cost" } == false)  // same kind as current
        #expect(model.placeholders.contains { $0.field == "dr.candidates.backup_restore.one_time_cost" })
    }

    // MARK: - Each key, invalid, with file:line and the application

    static let invalidCases: [(key: String, value: Value, reason: String)] = [
        ("annual_run_cost", "-100", "must not be negative"),
        ("annual_run_cost", "a lot", "expected an amount of money"),
        ("one_time_cost", -1, "must be at least 0"),
        ("one_time_cost", "soon", "expected a number"),
        ("test_cadence_days", 0, "must be greater than 0 and at most 3650"),
        ("test_cadence_days", 4_000, "must be greater than 0 and at most 3650"),
        ("test_cost_per_exercise", -5, "must be at least 0"),
        ("rto_hours", 0, "must be greater than 0 and at most 8760"),
        ("rto_hours", "nan", "must be a finite number"),
        ("rpo_hours", -0.5, "must be between 0 and 8760"),
        ("rto_hour", 1, "unknown key (did you mean 'rto_hours'?)"),
    ]

    @Test(arguments: 0..<CandidateSettingsTests.invalidCases.count)
    func invalidCandidateKeyIsNamedWithItsLocation(index: Int) {
        let (key, value, reason) = Self.invalidCases[index]
        let resource = Self.record(candidates: ["warm_standby": .object(Fields([(key, value)]))], line: 12)
        do {
            _ = try Self.model(resource)
            Issue.record("\(key) = \(value.displayText) was accepted")
        } catch {
            let text = error.diagnostic.description
            #expect(text.hasPrefix("apps.yaml:12: error: application 'crm': field 'dr.candidates.warm_standby.\(key)'"), "\(text)")
            #expect(text.contains(reason), "\(text)")
        }
    }

    @Test func noneTakesOnlyAOneTimeCost() throws {
        let model = try Self.model(Self.record(candidates: ["none": ["one_time_cost": 30_000]]))
        #expect(Self.option(model, .noDR)?.oneTimeCost == 30_000)
        do {
            _ = try Self.model(Self.record(candidates: ["none": ["test_cadence_days": 90]], line: 4))
            Issue.record("a cadence for none was accepted")
        } catch {
            #expect(error.diagnostic.description.hasPrefix("apps.yaml:4: error: application 'crm': field 'dr.candidates.none.test_cadence_days'"))
        }
    }

    // MARK: - Per-candidate cadence and cost

    @Test func yearlyAndQuarterlyCandidatesInOneApplication() throws {
        let candidates: Value = [
            "backup_restore": ["test_cadence_days": 365, "test_cost_per_exercise": 3_000],
            "warm_standby": ["test_cadence_days": 90, "test_cost_per_exercise": 8_000],
            "active_active": ["test_cadence_days": 400],
        ]
        let model = try Self.model(Self.record(candidates: candidates, dr: ["planned_test_cadence_days": 180, "test_cost_per_exercise": 1_000]))
        let backup = try #require(Self.option(model, .backupRestore))
        let warm = try #require(Self.option(model, .warmStandby))
        let pilot = try #require(Self.option(model, .pilotLight))
        let active = try #require(Self.option(model, .activeActive))
        #expect(backup.freshnessBasis == .cadence(days: 365) && warm.freshnessBasis == .cadence(days: 90))
        // §C.1.3 cycle-average freshness: φ(365) = 0.428238, φ(90) = 0.786939 (6 digits in the spec).
        #expect(abs(backup.freshness - 0.428238) < 5e-7 && abs(warm.freshness - 0.786939) < 5e-7)
        #expect(abs(warm.successProbability - 0.869861) < 5e-7)
        #expect(backup.testCostPerYear == 3_000 && relativeError(warm.testCostPerYear, 8_000 * 365 / 90) <= 1e-12)
        // A candidate without its own cadence or test cost uses the application's plan.
        #expect(pilot.freshnessBasis == .cadence(days: 180) && relativeError(pilot.testCostPerYear, 1_000 * 365 / 180) <= 1e-12)
        #expect(backup.meetsTestRule && warm.meetsTestRule && pilot.meetsTestRule)
        #expect(!active.meetsTestRule)  // tested less often than yearly
        #expect(!model.placeholders.contains { $0.field == "dr.planned_test_cadence_days" })
    }

    @Test func perCandidateRunCostsAndConfiguredCostRatios() throws {
        let candidates: Value = ["backup_restore": ["annual_run_cost": 24_000], "warm_standby": ["annual_run_cost": "240000.50"]]
        var settings = ModelSettings()
        settings.setCostRatio(0.25, for: .activeActive)
        let model = try Self.model(Self.record(candidates: candidates), settings: settings)
        #expect(Self.option(model, .backupRestore)?.runCost == 24_000)
        #expect(Self.option(model, .warmStandby)?.runCost == 240_000.5)
        #expect(Self.option(model, .warmStandby)?.runCostSource == .register)
        // Without a quote: the (configured) cost ratio × production spend.
        #expect(Self.option(model, .activeActive)?.runCost == 25_000 && Self.option(model, .activeActive)?.runCostSource == .estimate)
        #expect(Self.option(model, .pilotLight)?.runCost == 15_000)
        // A quote for the current kind is the current run cost without billing; billing wins over it.
        let quoted = try Self.model(Self.record(candidates: ["pilot_light": ["annual_run_cost": 33_000]]))
        #expect(quoted.current.runCost == 33_000 && quoted.current.runCostSource == .register)
        var input = try #require(
            try ApplicationRegister.input(
                from: Self.record(candidates: ["pilot_light": ["annual_run_cost": 33_000]]), drCost: FixedDecimal(41_000), asOf: nil))
        input.recovery.annualCostFromBilling = FixedDecimal(41_000)
        let billed = try ApplicationModel(resolving: input, settings: ModelSettings())
        #expect(billed.current.runCost == 41_000 && billed.current.runCostSource == .billing)
    }

    @Test func continuouslyExercisedActiveActiveHasNoPerExerciseTestCost() throws {
        let candidates: Value = ["active_active": ["live_traffic_all_regions": true, "test_cost_per_exercise": 25_000, "test_cadence_days": 30]]
        let model = try Self.model(Self.record(candidates: candidates, dr: ["test_cost_per_exercise": 5_000]))
        let active = try #require(Self.option(model, .activeActive))
        #expect(active.freshnessBasis == .continuous && active.freshness == 1)
        #expect(active.testCostPerYear == 0 && active.meetsTestRule)
        // The flag belongs to active/active only.
        #expect(throws: ResilienceError.self) {
            _ = try Self.model(Self.record(candidates: ["warm_standby": ["live_traffic_all_regions": true]]))
        }
    }

    // MARK: - The current strategy's test rule rests on its evidence

    @Test func aPlannedCadenceDoesNotMakeAStaleTestCompliant() throws {
        let resource = Self.record(
            candidates: [:],
            dr: ["planned_test_cadence_days": 90, "last_test_date": "2025-10-23", "last_test_result": "pass", "last_test_type": "full_failover"])
        let model = try Self.model(resource)
        #expect(model.current.freshnessBasis == .passedTest(ageDays: 400, partial: false))
        #expect(!model.current.meetsTestRule)
        // The same strategy tested on the plan is a candidate that does meet it.
        let planned = try #require(Self.option(model, .pilotLight))
        #expect(planned.freshnessBasis == .cadence(days: 90) && planned.meetsTestRule)
        var settings = ModelSettings()
        settings.trials = 2_000
        let assessment = DowntimeModel.assess(model, settings: settings)
        #expect(!assessment.current.compliance.isCompliant)
        #expect(assessment.warnings.contains { $0.code == "dr_test_stale" })
        // A test within 365 days meets the rule with or without a plan.
        let fresh = try Self.model(Self.record(candidates: [:], dr: ["last_test_date": "2026-06-01"]))
        #expect(fresh.current.meetsTestRule)
    }
}
