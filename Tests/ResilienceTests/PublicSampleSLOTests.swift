import PolicyEngine
import Testing
import TestSupport
import Yams

@testable import Resilience

/// The SLO policy's public-sample case (policies/resilience/dependencies.test.yaml, "public sample:
/// OpenSLO timeslices SLO …"): the example SLO of the OpenSLO specification
/// (OpenSLO/OpenSLO `examples/budgeting-method/timeslices-slo.yaml`; Fixtures/public-samples, see
/// SOURCES.md there) mapped to the register's `slo_availability` and run through the downtime model
/// and the availability annotation as the pipeline does.
///
/// Transform (recorded in SOURCES.md and policies/PUBLIC-SAMPLES.md): the application is
/// `spec.service`; `slo_availability` is the strictest objective's `target` as a percentage
/// (OpenSLO's `target` is a fraction, `target: 0.9995` ≡ `targetPercent: 99.95`; the register takes
/// percentages and refuses fractions). Not in the SLO, and ours: the tier, the DR strategy and the
/// incident scenarios the model turns into the implied availability.
@Suite("OpenSLO objective against the model (public sample)")
struct PublicSampleSLOTests {
    static let file = Fixtures.path("Tests/ResilienceTests/Fixtures/public-samples/openslo-timeslices-slo.yaml")

    /// (service, strictest objective target as a fraction).
    static func objective() throws -> (service: String, target: Double) {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let slo = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(slo["kind"] as? String == "SLO")
        let spec = try #require(slo["spec"] as? [String: Any])
        let service = try #require(spec["service"] as? String)
        let targets = (spec["objectives"] as? [[String: Any]] ?? []).compactMap { $0["target"] as? Double }
        return (service, try #require(targets.max()))
    }

    /// Ours: the application's DR strategy and incident scenarios.
    static let scenarios: Value = [
        ["id": "region", "kind": "regional", "frequency": ["poisson": 0.2], "duration_ci90_hours": [1, 12]],
        ["id": "deploy", "kind": "independent", "frequency": ["poisson": 2], "duration_ci90_hours": [0.05, 1]],
    ]

    static func register(sloAvailability: Value) throws -> [Resource] {
        let (service, _) = try objective()
        let strategy: Value = ["strategy": "warm_standby", "rto_hours": 0.2]
        let fields = Fields([("name", .string(service)), ("status", "active"), ("tier", "tier1"), ("slo_availability", sloAvailability),
                             ("scenarios", scenarios), ("dr", strategy)])
        return [Resource(id: service, type: "application", document: .object(fields), source: SourceReference(file: "applications.yaml", line: 3))]
    }

    static func annotate(_ registered: [Resource]) throws -> Value {
        let settings = ModelSettings(trials: 2_000)
        let applications = try DRTestEvidence.enrich(applications: registered, tests: [], asOf: CivilDate(year: 2026, month: 11, day: 27)!,
                                                     settings: settings).applications
        let assessments = try DowntimeModel.run(try ApplicationRegister.inputs(from: applications), settings: settings, workers: 1)
        let output = try DependencyAnnotation.annotate(applications, assessments: assessments, modelRan: true)
        return try #require(output.applications.first?.document)
    }

    @Test func objectiveAsThePercentageTheRegisterTakes() throws {
        let (service, target) = try Self.objective()
        #expect(service == "web-availability")
        #expect(target == 0.995)
        // The fraction as written is refused (a percentage between 50 and 100 is expected) ...
        #expect(throws: ResilienceError.self) { try Self.annotate(try Self.register(sloAvailability: .number(target))) }
        // ... the percentage is the register's SLO.
        let application = try Self.annotate(try Self.register(sloAvailability: .number((target * 100 * 1e6).rounded() / 1e6)))
        let availability = try #require(application["availability"])
        #expect(abs((availability["slo"]?.doubleValue ?? 0) - 0.995) < 1e-12)
        #expect(availability["slo_text"] == "99.50 %")
        let implied = try #require(availability["implied"]?.doubleValue)
        // No dependencies: the composite is the application's own implied availability.
        #expect(availability["composite"]?.doubleValue == implied)
        #expect(availability["composite_text"]?.stringValue == DependencyAnnotation.text(implied))
        #expect(availability["composite_text"] == Self.compositeText, "composite \(implied)")
        #expect(implied == Self.composite, "composite \(implied)")
        #expect(implied >= 0.995)
    }

    /// The figures the YAML case gives (the model's, from our strategy and scenarios; 2,000 trials).
    static let composite = 0.9998666932089652
    static let compositeText: Value = "99.98 %"
}
