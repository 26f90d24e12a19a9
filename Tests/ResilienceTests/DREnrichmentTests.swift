import PolicyEngine
import Testing

@testable import Resilience

/// DR test evidence → derived `dr.` fields on application records.
@Suite struct DREnrichmentTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 20)!

    static func application(_ name: String, dr: Value) -> Resource {
        Resource(id: name, type: "application", document: ["name": .string(name), "tier": "tier1", "dr": dr], source: SourceReference(file: "apps.json"))
    }

    static func test(_ application: String, _ date: String, _ type: String, _ result: String, rto: Double? = nil, line: Int = 2) -> Resource {
        var document: Value = ["application": .string(application), "date": .string(date), "test_type": .string(type), "result": .string(result)]
        if let rto, case .object(var fields) = document {
            fields["measured_rto_hours"] = .number(rto)
            document = .object(fields)
        }
        return Resource(id: "\(application)@\(date)", type: "dr.test", document: document, source: SourceReference(file: "tests.csv", line: line))
    }

    static func dr(_ resource: Resource) -> Value { resource.document["dr"] ?? .null }

    @Test func ageLastSuccessfulTestAndProbability() throws {
        let app = Self.application("shop", dr: ["strategy": "warm_standby"])
        let tests = [
            Self.test("shop", "2026-01-10", "full_failover", "pass", rto: 0.3), Self.test("shop", "2026-10-06", "full_failover", "pass", rto: 0.2),
            Self.test("shop", "2026-11-01", "tabletop", "pass"),
        ]
        let result = try DRTestEvidence.enrich(applications: [app], tests: tests, asOf: Self.asOf)
        let dr = Self.dr(try #require(result.applications.first))
        #expect(dr["last_test_date"] == "2026-10-06")
        #expect(dr["last_test_type"] == "full_failover")
        #expect(dr["last_test_result"] == "pass")
        #expect(dr["test_age_days"] == 45)
        #expect(dr["last_successful_test_date"] == "2026-10-06")
        #expect(dr["successful_test_age_days"] == 45)
        #expect(dr["tests_last_12_months"] == 3)
        #expect(dr["measured_rto_hours"] == 0.2)
        // Warm standby 45 days after a passing full test: p = 0.5 + 0.47·e^(−45/180) (§C.2: 0.866036368).
        let p = try #require(dr["failover_success_probability"]?.doubleValue)
        #expect(abs(p - 0.866036368) <= 1e-9)
        // The capability RTO is the model's R = δ + RTO·k(φ) (the DR table's figure), rounded to 0.01 h.
        let input = try #require(try ApplicationRegister.inputs(from: result.applications).first)
        let current = try ApplicationModel(resolving: input, settings: ModelSettings()).current
        #expect(dr["rto_before_decay_hours"] == 0.2)
        #expect(dr["capability_rto_hours"] == .number((current.recoveryHours * 100).rounded() / 100))
        #expect(dr["rto_decay_factor"] == .number((current.rtoMultiplier * 100).rounded() / 100))
        #expect(current.recoveryHours != 0.2, "the decay and declaration delay should change the figure in this example")
        #expect(dr["meets_rto"] == true)  // under 1 h against the tier1 target of 1 h
        #expect(dr["meets_rpo"] == true)  // 1 min against 15 min
    }

    @Test func failedTestSetsFreshnessToZeroUntilALaterPass() throws {
        let app = Self.application("shop", dr: ["strategy": "pilot_light"])
        let failed = try DRTestEvidence.enrich(
            applications: [app], tests: [Self.test("shop", "2026-06-01", "full_failover", "pass"), Self.test("shop", "2026-11-01", "full_failover", "fail")],
            asOf: Self.asOf)
        let dr = Self.dr(try #require(failed.applications.first))
        #expect(dr["last_test_result"] == "fail")
        #expect(dr["last_successful_test_date"] == "2026-06-01")
        #expect(dr["failover_success_probability"] == 0.5)  // pFloor of pilot light
        let input = try #require(try ApplicationRegister.inputs(from: failed.applications).first)
        let model = try ApplicationModel(resolving: input, settings: ModelSettings())
        #expect(model.current.freshness == 0)
        #expect(model.current.rtoMultiplier == 1.5)

        let recovered = try DRTestEvidence.enrich(
            applications: [app], tests: [Self.test("shop", "2026-11-01", "full_failover", "fail"), Self.test("shop", "2026-11-20", "full_failover", "pass")],
            asOf: Self.asOf)
        #expect(Self.dr(try #require(recovered.applications.first))["failover_success_probability"] == 0.95)
    }

    @Test func partialTestHalvesFreshnessAndTabletopOnlyIsUntested() throws {
        let app = Self.application("shop", dr: ["strategy": "backup_restore"])
        let partial = try DRTestEvidence.enrich(applications: [app], tests: [Self.test("shop", "2026-11-20", "partial", "pass")], asOf: Self.asOf)
        // φ = 0.5 at age 0: p = 0.5 + 0.4·0.5.
        let partialApp = try #require(partial.applications.first)
        let p = try #require(Self.dr(partialApp)["failover_success_probability"]?.doubleValue)
        #expect(abs(p - 0.7) < 1e-12)
        let tabletop = try DRTestEvidence.enrich(applications: [app], tests: [Self.test("shop", "2026-11-19", "tabletop", "pass")], asOf: Self.asOf)
        let dr = Self.dr(try #require(tabletop.applications.first))
        #expect(dr["last_test_type"] == "tabletop")
        #expect(dr["failover_success_probability"] == 0.5)
        #expect(dr["last_successful_test_date"] == .null)
    }

    @Test func restoreTestsProveBackupsNotFailover() throws {
        // A restore test is DR evidence of the data, not of the failover: it neither becomes the
        // freshness basis next to a failover test nor, alone, makes the strategy tested.
        let app = Self.application("shop", dr: ["strategy": "backup_restore"])
        let withFailover = try DRTestEvidence.enrich(
            applications: [app], tests: [Self.test("shop", "2026-06-01", "full_failover", "pass"), Self.test("shop", "2026-11-19", "restore", "pass")],
            asOf: Self.asOf)
        let dr = Self.dr(try #require(withFailover.applications.first))
        #expect(dr["last_test_type"] == "full_failover")
        #expect(dr["last_test_date"] == "2026-06-01")
        #expect(dr["tests_last_12_months"] == 2)
        let restoreOnly = try DRTestEvidence.enrich(applications: [app], tests: [Self.test("shop", "2026-11-19", "restore", "pass")], asOf: Self.asOf)
        let untested = Self.dr(try #require(restoreOnly.applications.first))
        #expect(untested["last_test_type"] == "restore")
        #expect(untested["failover_success_probability"] == 0.5)
        #expect(untested["last_successful_test_date"] == .null)
        // An unknown test type names the accepted ones.
        #expect(throws: ResilienceError.self) {
            try DRTestEvidence.enrich(applications: [app], tests: [Self.test("shop", "2026-11-19", "chaos_day", "pass")], asOf: Self.asOf)
        }
    }

    @Test func futureTestsAndUnknownApplicationsAreSetAside() throws {
        let app = Self.application("shop", dr: ["strategy": "pilot_light"])
        let result = try DRTestEvidence.enrich(
            applications: [app], tests: [Self.test("shop", "2026-12-01", "full_failover", "pass"), Self.test("ghost", "2026-01-01", "partial", "pass", line: 5)],
            asOf: Self.asOf)
        #expect(result.warnings.count == 2)
        #expect(result.warnings[1].hasPrefix("tests.csv:5"))
        let dr = Self.dr(try #require(result.applications.first))
        #expect(dr["last_test_date"] == nil || dr["last_test_date"] == .null)
        #expect(dr["failover_success_probability"] == 0.5)
        #expect(dr["tests_last_12_months"] == 0)
    }

    @Test func registerTestDateIsAgedWhenTheLogHasNothing() throws {
        let app = Self.application("shop", dr: ["strategy": "warm_standby", "last_test_date": "2026-10-06", "last_test_result": "pass", "last_test_type": "full_failover"])
        let result = try DRTestEvidence.enrich(applications: [app], tests: [], asOf: Self.asOf)
        let dr = Self.dr(try #require(result.applications.first))
        #expect(dr["test_age_days"] == 45)
        let p = try #require(dr["failover_success_probability"]?.doubleValue)
        #expect(abs(p - 0.866036368) <= 1e-9)
    }

    @Test func invalidTestRecordsNameTheField() {
        let bad = Self.test("shop", "2026-13-45", "full_failover", "pass", line: 4)
        do {
            _ = try DRTestEvidence.enrich(applications: [], tests: [bad], asOf: Self.asOf)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.description.hasPrefix("tests.csv:4: error: DR test record: field 'date'"))
        }
        let badResult = Self.test("shop", "2026-01-01", "full_failover", "maybe")
        #expect(throws: ResilienceError.self) { _ = try DRTestEvidence.enrich(applications: [], tests: [badResult], asOf: Self.asOf) }
    }

    @Test func noneStrategyHasNoCapability() throws {
        let result = try DRTestEvidence.enrich(applications: [Self.application("wiki", dr: ["strategy": "none"])], tests: [], asOf: Self.asOf)
        let dr = Self.dr(try #require(result.applications.first))
        #expect(dr["failover_success_probability"] == 0)
        #expect(dr["meets_rto"] == false)
        #expect(dr["capability_rto_hours"] == .null)
    }
}
