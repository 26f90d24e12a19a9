import PolicyEngine
import Testing

@testable import Resilience

/// Invalid inputs give a typed error naming the application, the field and the record's source.
@Suite struct ValidationTests {
    static let source = SourceReference(file: "apps.csv", line: 7)

    static func input(_ change: (inout ApplicationInput) -> Void) -> ApplicationInput {
        var input = ApplicationInput(id: "billing-api", source: source)
        change(&input)
        return input
    }

    static func expectError(field: String, containing text: String, _ change: (inout ApplicationInput) -> Void) {
        do {
            _ = try DowntimeModel.resolve([input(change)], settings: ModelSettings())
            Issue.record("expected an error for \(field)")
        } catch {
            guard case .invalidField(let application, let reported, let reason, let source) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(application == "billing-api")
            #expect(reported == field)
            #expect(reason.contains(text), "reason: \(reason)")
            #expect(source == Self.source)
            let printed = error.diagnostic.description
            #expect(printed.hasPrefix("apps.csv:7: error: application 'billing-api'"), "\(printed)")
            #expect(printed.contains(field))
        }
    }

    @Test func notANumberIsRejected() {
        Self.expectError(field: "revenue_per_hour", containing: "finite") { $0.revenuePerHour = .nan }
        Self.expectError(field: "data_value_per_hour", containing: "finite") { $0.dataValuePerHour = .infinity }
    }

    @Test func durationIntervalLowMustBeBelowHigh() {
        Self.expectError(field: "scenarios[0].duration_ci90_hours", containing: "must be less than") {
            $0.scenarios = [Scenario(id: "r", kind: .regional, frequency: .poisson(rate: 1), duration: .ci90(low: 4, high: 4))]
        }
        Self.expectError(field: "scenarios[1].duration_ci90_hours", containing: "greater than 0") {
            $0.scenarios = [
                Scenario(id: "r", kind: .regional, frequency: .poisson(rate: 1), duration: .ci90(low: 1, high: 4)),
                Scenario(id: "c", kind: .corruption, frequency: .poisson(rate: 1), duration: .ci90(low: 0, high: 4)),
            ]
        }
    }

    @Test func rateAbove365IsRejected() {
        Self.expectError(field: "scenarios[0].frequency.poisson", containing: "exceeds 365") {
            $0.scenarios = [Scenario(id: "r", kind: .independent, frequency: .poisson(rate: 365.5), duration: .ci90(low: 1, high: 2))]
        }
        Self.expectError(field: "scenarios[0].frequency.pert", containing: "must be less than") {
            $0.scenarios = [Scenario(id: "r", kind: .independent, frequency: .pert(low: 2, mode: 2, high: 2, gamma: 4), duration: .ci90(low: 1, high: 2))]
        }
    }

    @Test func nonMonotoneCreditTiersAreRejected() {
        Self.expectError(field: "sla_credit_tiers", containing: "not monotone") {
            $0.slaCreditTiers = [SLACreditTier(threshold: 0.999, credit: 0.25), SLACreditTier(threshold: 0.99, credit: 0.10)]
        }
        Self.expectError(field: "sla_credit_tiers[0].threshold", containing: "less than 1") {
            $0.slaCreditTiers = [SLACreditTier(threshold: 1.5, credit: 0.25)]
        }
    }

    @Test func outOfRangeFractionsAndTargets() {
        Self.expectError(field: "revenue_recapture", containing: "less than 1") { $0.revenueRecapture = 1 }
        Self.expectError(field: "rto_target_hours", containing: "greater than 0") { $0.rtoTargetHours = 0 }
        Self.expectError(field: "dependent_employees", containing: "whole number") { $0.dependentEmployees = 2.5 }
        Self.expectError(field: "dr.rto_hours", containing: "greater than 0") {
            $0.recovery = RecoveryPosture(strategy: .pilotLight, rtoHours: -1)
        }
    }

    @Test func duplicateApplicationsAreRejected() {
        let first = ApplicationInput(id: "shop")
        let second = ApplicationInput(id: "shop", source: Self.source)
        #expect(throws: ResilienceError.duplicateApplication(application: "shop", source: Self.source)) {
            _ = try DowntimeModel.resolve([first, second], settings: ModelSettings())
        }
    }

    @Test func settingsAreValidated() {
        var settings = ModelSettings()
        settings.trials = 999
        #expect(throws: ResilienceError.self) { try settings.validate() }
        settings = ModelSettings(discountRate: 0.6)
        #expect(throws: ResilienceError.self) { try settings.validate() }
        #expect(throws: Never.self) { try ModelSettings().validate() }
    }

    @Test func registerRejectsTextWhereANumberBelongs() {
        let record = Resource(
            id: "crm", type: "application", document: ["name": "crm", "revenue_per_hour": "a lot"],
            source: SourceReference(file: "register.csv", line: 3))
        do {
            _ = try ApplicationRegister.inputs(from: [record])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.description.hasPrefix("register.csv:3: error: application 'crm': field 'revenue_per_hour': expected a number"))
        }
    }

    @Test func registerRejectsNaNStrings() {
        let record = Resource(
            id: "crm", type: "application", document: ["name": "crm", "dr": ["strategy": "pilot_light", "rto_hours": "nan"]],
            source: SourceReference(file: "register.json", pointer: "/applications/0"))
        let inputs = (try? ApplicationRegister.inputs(from: [record])) ?? []
        #expect(throws: ResilienceError.self) { _ = try DowntimeModel.resolve(inputs, settings: ModelSettings()) }
        do {
            _ = try DowntimeModel.resolve(inputs, settings: ModelSettings())
        } catch {
            #expect(error.diagnostic.description.contains("application 'crm' (at /applications/0): field 'dr.rto_hours'"))
        }
    }
}
