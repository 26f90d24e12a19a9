import PolicyEngine
import Testing

@testable import Resilience

/// Application-register records (snake_case, numbers or numeric strings) → model inputs.
@Suite struct RegisterMappingTests {
    static func record(_ document: Value, line: Int = 2) -> Resource {
        Resource(id: document["name"]?.stringValue ?? "app", type: "application", document: document, source: SourceReference(file: "apps.csv", line: line))
    }

    @Test func csvStringsAndNestedDRObjectMapToInputs() throws {
        let document: Value = [
            "name": "crm", "tier": "1", "status": "active", "rto_target_hours": "2", "rpo_target_hours": "0.5",
            "revenue_per_hour": "1500.50", "revenue_hours_per_week": "60", "revenue_dependency": "0.8", "revenue_recapture": "0.2",
            "margin_factor": "0.4", "dependent_employees": "120", "loaded_hourly_cost": "55", "productivity_impact": "0.7",
            "work_hours_per_week": "38", "responders": "3", "responder_hourly_cost": "90", "fixed_cost_per_incident": "2500",
            "data_value_per_hour": "800", "sla_monthly_revenue": "10000",
            "sla_credit_tiers": [["threshold": "0.999", "credit": "0.1"], ["threshold": 0.99, "credit": 0.5]],
            "reputation_threshold_hours": "6", "reputation_loss_per_event": "15000", "production_annual_spend": "123456.78",
            "dr": [
                "strategy": "pilot_light", "rto_hours": "0.75", "rpo_hours": "0.2", "test_cost_per_exercise": "3000",
                "tests_per_year": "4", "planned_test_cadence_days": "90", "live_traffic_all_regions": "false",
                "candidates": ["warm_standby": ["one_time_cost": "40000", "rto_hours": 0.1], "active_active": 90_000],
            ],
        ]
        let inputs = try ApplicationRegister.inputs(from: [Self.record(document)], drCosts: ["crm": FixedDecimal(7_000)])
        let input = try #require(inputs.first)
        #expect(input.id == "crm")
        #expect(input.tier == .tier1)
        #expect(input.rtoTargetHours == 2 && input.rpoTargetHours == 0.5)
        #expect(input.revenuePerHour == 1500.5 && input.revenueHoursPerWeek == 60 && input.revenueDependency == 0.8)
        #expect(input.revenueRecapture == 0.2 && input.marginFactor == 0.4)
        #expect(input.dependentEmployees == 120 && input.loadedHourlyCost == 55 && input.productivityImpact == 0.7 && input.workHoursPerWeek == 38)
        #expect(input.responders == 3 && input.responderHourlyCost == 90 && input.fixedCostPerIncident == 2500)
        #expect(input.dataValuePerHour == 800 && input.slaMonthlyRevenue == 10_000)
        #expect(input.slaCreditTiers == [SLACreditTier(threshold: 0.999, credit: 0.1), SLACreditTier(threshold: 0.99, credit: 0.5)])
        #expect(input.reputationThresholdHours == 6 && input.reputationLossPerEvent == 15_000)
        #expect(input.productionAnnualSpend?.description == "123456.78")
        #expect(input.scenarios == nil)
        let dr = input.recovery
        #expect(dr.strategy == .pilotLight && dr.rtoHours == 0.75 && dr.rpoHours == 0.2)
        #expect(dr.testCostPerExercise == 3000 && dr.testsPerYear == 4 && dr.plannedTestCadenceDays == 90 && !dr.liveTrafficAllRegions)
        #expect(dr.candidates[.warmStandby] == CandidateSettings(oneTimeCost: 40_000, rtoHours: 0.1))
        #expect(dr.candidates[.activeActive] == CandidateSettings(oneTimeCost: 90_000))
        #expect(dr.annualCostFromBilling == FixedDecimal(7_000))

        let model = try ApplicationModel(resolving: input, settings: ModelSettings())
        #expect(model.current.runCostSource == .billing && model.current.runCost == 7_000)
        #expect(model.current.testCostPerYear == 12_000)
        let warm = try #require(model.options.first { $0.kind == .warmStandby })
        #expect(warm.runCostSource == .estimate && abs(warm.runCost - 0.40 * 123_456.78) < 1e-6)
        #expect(warm.oneTimeCost == 40_000 && warm.parameters.rtoHours == 0.1)
        #expect(abs(warm.testCostPerYear - 3000 * 365 / 90) < 1e-9)
        // h_rev = R·(H_rev/168)·ρ·(1 − κ)·m, computed independently.
        #expect(abs(model.terms.rates.revenue - 1500.5 * (60.0 / 168.0) * 0.8 * 0.8 * 0.4) < 1e-9)
        #expect(model.placeholders.isEmpty == false)  // the default scenario library
        #expect(model.placeholders.contains { $0.field == "scenarios" })
        #expect(!model.placeholders.contains { $0.field == "revenue_recapture" })
    }

    @Test(arguments: [("tier0", ApplicationTier.tier0), ("TIER3", .tier3), ("2", .tier2)])
    func tierSpellings(text: String, tier: ApplicationTier) throws {
        let input = try #require(try ApplicationRegister.inputs(from: [Self.record(["name": "a", "tier": .string(text)])]).first)
        #expect(input.tier == tier)
        let numeric = try #require(try ApplicationRegister.inputs(from: [Self.record(["name": "a", "tier": 1])]).first)
        #expect(numeric.tier == .tier1)
    }

    @Test func invalidTierAndStrategyAreNamed() {
        #expect(throws: ResilienceError.self) { _ = try ApplicationRegister.inputs(from: [Self.record(["name": "a", "tier": "gold"])]) }
        do {
            _ = try ApplicationRegister.inputs(from: [Self.record(["name": "a", "dr": ["strategy": "hot_spare"]], line: 9)])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.description.hasPrefix("apps.csv:9: error: application 'a': field 'dr.strategy'"))
        }
    }

    @Test func retiredApplicationsAndOtherTypesAreSkipped() throws {
        let retired = Self.record(["name": "old", "status": "retired"])
        let bucket = Resource(id: "b", type: "storage.bucket", document: [:], source: SourceReference(file: "x.json"))
        let active = Self.record(["name": "new"])
        #expect(try ApplicationRegister.inputs(from: [retired, bucket, active]).map(\.id) == ["new"])
    }

    @Test func scenariosAreRead() throws {
        let document: Value = [
            "name": "a",
            "scenarios": [
                ["id": "region", "kind": "regional", "frequency": ["poisson": "0.3"], "duration_ci90_hours": ["1", "8"]],
                [
                    "kind": "corruption", "frequency": ["pert": [0.1, 0.2, 0.9]], "duration_log_params": ["mu": 1.0, "sigma": 0.5],
                    "backup_interval_hours": 12, "detection_lag_hours": 2,
                ],
            ],
        ]
        let input = try #require(try ApplicationRegister.inputs(from: [Self.record(document)]).first)
        #expect(
            input.scenarios == [
                Scenario(id: "region", kind: .regional, frequency: .poisson(rate: 0.3), duration: .ci90(low: 1, high: 8)),
                Scenario(
                    id: "corruption", kind: .corruption, frequency: .pert(low: 0.1, mode: 0.2, high: 0.9, gamma: 4),
                    duration: .logParameters(mu: 1, sigma: 0.5), backupIntervalHours: 12, detectionLagHours: 2),
            ])
    }

    @Test func missingCostDataMeansNoRecommendationOfPaidStrategies() throws {
        let input = try #require(try ApplicationRegister.inputs(from: [Self.record(["name": "a", "dr": ["strategy": "warm_standby"]])]).first)
        let model = try ApplicationModel(resolving: input, settings: ModelSettings())
        #expect(model.current.runCostSource == .missing)
        #expect(model.inputWarnings.contains { $0.code == "run_cost_missing" })
        var settings = ModelSettings()
        settings.trials = 2_000
        let assessment = DowntimeModel.assess(model, settings: settings)
        #expect(assessment.recommended.map { $0.option.runCostSource != .missing } ?? true)
    }
}
