import PolicyEngine
import Testing

@testable import Resilience

/// The figures written on application records and into the downtime section: composite
/// availability from the model's implied availability, effective RTO from its recovery time,
/// unknown (with the reason) where a figure rests on placeholders; the SLO; operational documents.
@Suite struct DependencyAnnotationTests {
    static let scenarios: Value = [
        ["id": "region", "kind": "regional", "frequency": ["poisson": 0.2], "duration_ci90_hours": [1, 12]],
        ["id": "deploy", "kind": "independent", "frequency": ["poisson": 2], "duration_ci90_hours": [0.05, 1]],
    ]

    static func app(_ name: String, _ extra: [(String, Value)], line: Int = 4) -> Resource {
        var fields = Fields([("name", .string(name)), ("status", "active"), ("tier", "tier0")])
        for (key, value) in extra { fields[key] = value }
        return Resource(id: name, type: "application", document: .object(fields), source: SourceReference(file: "apps.yaml", line: line))
    }

    /// As the pipeline does: DR-test enrichment (no tests here), the model, then the annotation.
    static func run(_ registered: [Resource]) throws -> (DependencyAnnotation.Output, [ApplicationAssessment]) {
        let settings = ModelSettings(trials: 2_000)
        let applications = try DRTestEvidence.enrich(applications: registered, tests: [], asOf: CivilDate(year: 2026, month: 11, day: 27)!,
                                                     settings: settings).applications
        let inputs = try ApplicationRegister.inputs(from: applications)
        let assessments = try DowntimeModel.run(inputs, settings: settings, workers: 1)
        return (try DependencyAnnotation.annotate(applications, assessments: assessments, modelRan: true), assessments)
    }

    @Test func compositeIsTheProductOfTheModelsImpliedAvailabilities() throws {
        let apps = [
            Self.app("web", [("depends_on", ["db"]), ("scenarios", Self.scenarios), ("slo_availability", 99.99),
                             ("dr", ["strategy": "warm_standby", "rto_hours": 0.2])]),
            Self.app("db", [("scenarios", Self.scenarios), ("dr", ["strategy": "pilot_light", "rto_hours": 0.75])]),
        ]
        let (output, assessments) = try Self.run(apps)
        let implied = Dictionary(uniqueKeysWithValues: assessments.map { ($0.model.id, $0.current.impliedAvailability) })
        let recovery = Dictionary(uniqueKeysWithValues: assessments.map { ($0.model.id, $0.current.option.recoveryHours) })
        let web = try #require(output.applications.first { $0.id == "web" }?.document)
        let composite = try #require(web["availability"]?["composite"]?.doubleValue)
        #expect(abs(composite - implied["web"]! * implied["db"]!) < 1e-15)
        #expect(web["availability"]?["implied"]?.doubleValue == implied["web"])
        #expect(abs((web["availability"]?["slo"]?.doubleValue ?? 0) - 0.9999) < 1e-12)
        #expect(web["availability"]?["slo_text"] == "99.99 %")
        #expect(web["availability"]?["composite_text"]?.stringValue == DependencyAnnotation.text(composite))
        let slowest = max(recovery["web"]!, recovery["db"]!)
        #expect(web["dependencies"]?["effective_rto_hours"] == .number((slowest * 100).rounded() / 100))
        #expect(web["dependencies"]?["rto_bottleneck"] == Value.string(recovery["db"]! > recovery["web"]! ? "db" : "web"))
        #expect(web["dependencies"]?["rto_target_hours"] == 0.25)
        #expect(web["dependencies"]?["hard"] == ["db"])
        // The section carries the same figures and the edges to draw.
        let section = try #require(output.sectionFigures["web"])
        #expect(section.dependencies.value(unknown: .null, edges: true)["edges"]
            == [["target": "db", "kind": "hard", "resolved": true, "inversion": false, "cycle": false]])
        #expect(section.availability.value(unknown: .null)["composite"]?.doubleValue == composite)
    }

    @Test func placeholdersAndOutsideIDsAreUnknownWithTheReasonAndNullInTheSection() throws {
        let apps = [
            Self.app("web", [("depends_on", ["db"]), ("scenarios", Self.scenarios), ("slo_availability", "99.9"), ("dr", ["strategy": "warm_standby"])]),
            Self.app("db", [("dr", ["strategy": "none"])]),
            Self.app("portal", [("depends_on", ["identity-svc"]), ("scenarios", Self.scenarios), ("dr", ["strategy": "warm_standby", "rto_hours": 0.1])]),
        ]
        let (output, _) = try Self.run(apps)
        let web = try #require(output.applications.first { $0.id == "web" }?.document)
        #expect(web["availability"]?["composite"] == .unknown)
        #expect(web["availability"]?["composite_unknown_reason"]
            == "'db': its availability rests on the placeholder incident scenarios (declare scenarios in the register)")
        #expect(web["dependencies"]?["effective_rto_hours"] == .unknown)
        let reason = web["dependencies"]?["effective_rto_unknown_reason"]?.stringValue ?? ""
        // web's own RTO is only the warm-standby default, and that is the first reason met.
        #expect(reason == "its RTO is only the strategy's default (never tested, none declared)", "\(reason)")
        #expect(output.sectionFigures["web"]?.availability.value(unknown: .null)["composite"] == .null)
        let portal = try #require(output.applications.first { $0.id == "portal" }?.document)
        #expect(portal["dependencies"]?["cycle"] == .unknown)
        #expect(portal["dependencies"]?["unresolved"] == ["'identity-svc' (not in the register)"])
        #expect(portal["availability"]?["composite_unknown_reason"] == "'portal' hard-depends on 'identity-svc', which is not in the register")
    }

    @Test func theModelOffMakesEveryComposedFigureUnknown() throws {
        let apps = [Self.app("web", [("depends_on", ["db"])]), Self.app("db", [("rto_target_hours", 2)])]
        let output = try DependencyAnnotation.annotate(apps, assessments: [], modelRan: false)
        let web = try #require(output.applications.first?.document)
        #expect(web["availability"]?["composite_unknown_reason"] == .string("'web' " + DependencyAnnotation.modelOffReason))
        #expect(web["dependencies"]?["rto_target_hours"] == .unknown)
        #expect(output.applications[1].document["dependencies"]?["rto_target_hours"] == 2)
    }

    @Test(arguments: [Value.number(0.9999), .string("101"), .string("high")])
    func anSLOThatIsNotAPercentageIsALocatedError(value: Value) throws {
        let apps = [Self.app("web", [("slo_availability", value)], line: 12)]
        #expect(throws: ResilienceError.self) { try DependencyAnnotation.annotate(apps, assessments: [], modelRan: false) }
        do {
            _ = try DependencyAnnotation.annotate(apps, assessments: [], modelRan: false)
        } catch {
            #expect(error.diagnostic.location?.line == 12 && error.diagnostic.file == "apps.yaml")
            #expect(error.diagnostic.message.contains("slo_availability"))
        }
    }

    // MARK: - Operational documents

    static func document(_ id: String, type: String, application: Value?, line: Int = 5) -> Resource {
        var fields = Fields([("id", .string(id)), ("type", .string(type))])
        if let application { fields["application"] = application }
        return Resource(id: id, type: type, document: .object(fields), source: SourceReference(file: "ops.yaml", line: line))
    }

    @Test func operationalDocumentsCarryTheirApplicationsTierAndStatus() throws {
        let applications = [
            Self.app("payments-api", []), Self.app("reports", [("tier", "3"), ("status", "retired")]), Self.app("untiered", [("tier", .null)]),
        ]
        let records = [
            Self.document("a", type: "ops.runbook", application: "payments-api"), Self.document("b", type: "ops.continuity_plan", application: "reports"),
            Self.document("c", type: "ops.incident_playbook", application: "payment-api", line: 9), Self.document("d", type: "ops.runbook", application: "untiered"),
            Self.document("e", type: "dr.test", application: "payments-api"),
        ]
        let (enriched, warnings) = try OperationalDocuments.enrich(records, applications: applications)
        func field(_ index: Int, _ key: String) -> Value? { enriched[index].document[key] }
        #expect(field(0, "application_tier") == "tier0" && field(0, "application_status") == "active")
        #expect(field(1, "application_tier") == "tier3" && field(1, "application_status") == "retired")
        #expect(field(2, "application_tier") == .unknown && field(2, "application_status") == "unregistered")
        #expect(field(3, "application_tier") == .unknown && field(3, "application_status") == "active")
        #expect(field(4, "application_tier") == nil)  // not an operational document
        #expect(warnings == ["ops.yaml:9: ops.incident_playbook 'c' names application 'payment-api', which is not in the register (did you mean 'payments-api'?)"])
    }

    @Test func anOperationalDocumentWithoutAnApplicationIsALocatedError() throws {
        do {
            _ = try OperationalDocuments.enrich([Self.document("a", type: "ops.runbook", application: nil, line: 14)], applications: [])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.location?.line == 14)
            #expect(error.diagnostic.message == "ops.runbook record: field 'application': is required (the application the document serves)")
        }
    }

    @Test func theOperationalKindsAreTheRegisterTypesPoliciesMayName() {
        #expect(OperationalDocuments.Kind.allCases.map(\.rawValue) == ["ops.runbook", "ops.continuity_plan", "ops.incident_playbook"])
    }
}
