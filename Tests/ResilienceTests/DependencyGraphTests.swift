import PolicyEngine
import Testing

@testable import Resilience

/// The register's `depends_on`: parsing (YAML and CSV forms, located errors), the graph's checks
/// (tier inversions, cycles, unresolved ids) and serial composition of availability and recovery
/// time (DOWNTIME-MODEL §B.6).
@Suite struct DependencyGraphTests {
    static func app(_ name: String, tier: String? = "tier1", status: String = "active", dependsOn: Value? = nil, line: Int = 3) -> Resource {
        var fields = Fields([("name", .string(name)), ("status", .string(status))])
        if let tier { fields["tier"] = .string(tier) }
        if let dependsOn { fields["depends_on"] = dependsOn }
        return Resource(id: name, type: "application", document: .object(fields), source: SourceReference(file: "registers/apps.yaml", line: line))
    }

    static func known(_ availability: Double, _ hours: Double) -> ApplicationFigures {
        ApplicationFigures(availability: .known(availability), recoveryHours: .known(hours))
    }

    // MARK: - Parsing

    @Test func yamlAndCSVFormsParse() throws {
        let yaml = Self.app("shop", dependsOn: ["identity", "catalog:soft", ["id": "payments", "kind": "hard"], ["id": "ads", "kind": "SOFT"]])
        #expect(try DependencyReader.dependencies(of: yaml) == [
            Dependency(id: "identity", kind: .hard), Dependency(id: "catalog", kind: .soft),
            Dependency(id: "payments", kind: .hard), Dependency(id: "ads", kind: .soft),
        ])
        // A CSV `depends_on[]` cell arrives as a list; a plain text cell is split on `;`.
        let csvList = Self.app("shop", dependsOn: ["identity", " catalog : soft "])
        #expect(try DependencyReader.dependencies(of: csvList) == [Dependency(id: "identity", kind: .hard), Dependency(id: "catalog", kind: .soft)])
        let csvText = Self.app("shop", dependsOn: "identity;catalog:soft")
        #expect(try DependencyReader.dependencies(of: csvText) == [Dependency(id: "identity", kind: .hard), Dependency(id: "catalog", kind: .soft)])
        #expect(try DependencyReader.dependencies(of: Self.app("shop")) == [])
    }

    @Test(arguments: [
        (Value.array(["identity", "catalog:weak"]), "depends_on[1] kind", "expected hard or soft, got 'weak'"),
        (Value.array([["id": "identity", "knid": "soft"]]), "depends_on[0].knid", "unknown key (did you mean 'kind'?)"),
        (Value.array([["kind": "soft"]]), "depends_on[0].id", "is required"),
        (Value.array(["identity", "identity:soft"]), "depends_on[1]", "'identity' is listed twice"),
        (Value.array([42]), "depends_on[0]", "expected an application id or {id, kind}, got number"),
        (Value.array([":soft"]), "depends_on[0]", "has no application id before ':'"),
        (Value.number(3), "depends_on", "expected a list of application ids, got number"),
    ])
    func malformedEntriesAreLocatedErrors(value: Value, field: String, reason: String) throws {
        let resource = Self.app("shop", dependsOn: value, line: 17)
        do {
            _ = try DependencyReader.dependencies(of: resource)
            Issue.record("expected an error for \(value)")
        } catch {
            guard case .invalidField(let application, let found, let why, let source) = error else { Issue.record("\(error)"); return }
            #expect(application == "shop")
            #expect(found == field)
            #expect(why.contains(reason), "\(why)")
            #expect(source?.file == "registers/apps.yaml" && source?.line == 17)
            #expect(error.diagnostic.location?.line == 17)
        }
    }

    // MARK: - Graph checks

    @Test func inversionsNameTheLowerTierAndIgnoreSoftDependencies() throws {
        let graph = try DependencyGraph(applications: [
            Self.app("payments", tier: "tier0", dependsOn: ["identity", "catalog", "ads:soft"]),
            Self.app("identity", tier: "tier0"), Self.app("catalog", tier: "tier2"), Self.app("ads", tier: "tier3"),
            Self.app("reports", tier: nil), Self.app("portal", tier: "1", dependsOn: ["reports"]),
        ])
        let payments = try #require(graph.assess("payments", figures: [:], unmodelledReason: "x"))
        #expect(payments.tierInversions == ["'catalog' (tier2)"])
        #expect(payments.edges.map(\.inversion) == [false, true, false])
        #expect(payments.hard == ["identity", "catalog"] && payments.soft == ["ads"])
        // A tier the register does not give: the inversion is not decided.
        let portal = try #require(graph.assess("portal", figures: [:], unmodelledReason: "x"))
        #expect(portal.tierInversions == nil)
        #expect(portal.tierUnknownReason == "its hard dependency 'reports' has no tier in the register")
    }

    @Test func cyclesArePrintedAsTheShortestPathBack() throws {
        let graph = try DependencyGraph(applications: [
            Self.app("a", dependsOn: ["b"]), Self.app("b", dependsOn: ["c", "a"]), Self.app("c", dependsOn: ["a"]),
            Self.app("d", dependsOn: ["a"]), Self.app("self", dependsOn: ["self"]), Self.app("soft-loop", dependsOn: ["e:soft"]),
            Self.app("e", dependsOn: ["soft-loop"]),
        ])
        func cycle(_ id: String) -> [String]? { graph.assess(id, figures: [:], unmodelledReason: "x")?.cycle }
        #expect(cycle("a") == ["a", "b", "a"])
        #expect(cycle("b") == ["b", "a", "b"])
        #expect(cycle("c") == ["c", "a", "b", "c"])
        #expect(cycle("d") == nil)  // reaches the cycle, is not on it
        #expect(cycle("self") == ["self", "self"])
        #expect(cycle("soft-loop") == nil && cycle("e") == nil)  // a soft edge breaks it
        let a = try #require(graph.assess("a", figures: [:], unmodelledReason: "x"))
        #expect(a.edges.map(\.onCycle) == [true])
        let d = try #require(graph.assess("d", figures: [:], unmodelledReason: "x"))
        #expect(d.edges.map(\.onCycle) == [false])
        #expect(d.closure == ["a", "b", "c"])
    }

    @Test func aLongChainDoesNotExhaustTheStack() throws {
        let count = 20_000
        let apps = (0..<count).map { index in Self.app("app\(index)", dependsOn: index + 1 < count ? [.string("app\(index + 1)")] : ["app0"]) }
        let graph = try DependencyGraph(applications: apps)
        let first = try #require(graph.assess("app0", figures: [:], unmodelledReason: "x"))
        #expect(first.cycle?.count == count + 1)
        #expect(first.closure.count == count - 1)
    }

    @Test func unresolvedIDsSuggestTheClosestNameAndNameRetiredApplications() throws {
        let graph = try DependencyGraph(applications: [
            Self.app("portal", dependsOn: ["identity-svc", "legacy:soft", "zzz"]), Self.app("identity-service"),
            Self.app("legacy", status: "retired"),
        ])
        let portal = try #require(graph.assess("portal", figures: ["identity-service": Self.known(0.999, 1)], unmodelledReason: "x"))
        #expect(portal.unresolved == [
            "'identity-svc' (not in the register; did you mean 'identity-service'?)", "'legacy' (retired)", "'zzz' (not in the register)",
        ])
        #expect(portal.edges.map(\.resolved) == [false, false, false])
        // The tier of a hard dependency outside the register cannot be compared.
        #expect(portal.tierInversions == nil)
        #expect(portal.tierUnknownReason == "its hard dependency 'identity-svc' is not in the register")
        // A hard dependency outside the register makes every composed figure, and "no cycle", unknown.
        #expect(portal.compositeAvailability == .unknown(reason: "'portal' hard-depends on 'identity-svc', which is not in the register"))
        #expect(portal.closureUnknownReason == "'portal' hard-depends on 'identity-svc', which is not in the register")
    }

    // MARK: - Composition

    @Test func serialCompositionMatchesTheAzureExampleAndTakesTheSlowestRecovery() throws {
        // DOWNTIME-MODEL C.1.2 (A10, Azure resiliency overview): web 99.95 % × DB 99.99 % = 0.99940005.
        let graph = try DependencyGraph(applications: [
            Self.app("web", dependsOn: ["db", "cdn:soft"]), Self.app("db"), Self.app("cdn"),
        ])
        let figures = ["web": Self.known(0.9995, 0.2), "db": Self.known(0.9999, 1.5), "cdn": Self.known(0.9, 30)]
        let web = try #require(graph.assess("web", figures: figures, unmodelledReason: "x"))
        guard case .known(let availability) = web.compositeAvailability else { Issue.record("\(web.compositeAvailability)"); return }
        #expect(abs(availability - 0.99940005) < 1e-12)
        #expect(web.effectiveRecoveryHours == .known(1.5))
        #expect(web.recoveryBottleneck == "db")
        // Without hard dependencies the figures are the application's own.
        let db = try #require(graph.assess("db", figures: figures, unmodelledReason: "x"))
        #expect(db.compositeAvailability == .known(0.9999) && db.effectiveRecoveryHours == .known(1.5) && db.recoveryBottleneck == "db")
    }

    @Test func anUnknownMemberFigureMakesTheCompositeUnknownWithItsReason() throws {
        let graph = try DependencyGraph(applications: [Self.app("web", dependsOn: ["db"]), Self.app("db"), Self.app("batch", dependsOn: ["web"])])
        let figures = [
            "web": Self.known(0.9995, 0.2),
            "db": ApplicationFigures(availability: .unknown(reason: "its availability rests on the placeholder incident scenarios"),
                                     recoveryHours: .known(2)),
        ]
        let web = try #require(graph.assess("web", figures: figures, unmodelledReason: "is not modelled"))
        #expect(web.compositeAvailability == .unknown(reason: "'db': its availability rests on the placeholder incident scenarios"))
        #expect(web.effectiveRecoveryHours == .known(2))
        let batch = try #require(graph.assess("batch", figures: figures, unmodelledReason: "is not modelled"))
        #expect(batch.compositeAvailability == .unknown(reason: "'batch' is not modelled"))
        #expect(batch.effectiveRecoveryHours == .unknown(reason: "'batch' is not modelled"))
        #expect(batch.recoveryBottleneck == nil)
    }

    // MARK: - Availability text

    @Test(arguments: [
        (0.9993, "99.93 %"), (0.999899, "99.98 %"), (0.99995, "99.995 %"), (0.9999, "99.99 %"), (1.0, "100.00 %"),
        (0.99940005, "99.94 %"), (0.95, "95.00 %"), (0.9999996, "99.99996 %"),
    ])
    func availabilityTextShowsTheFirstDigitOfDowntimeRoundedDown(value: Double, text: String) {
        #expect(DependencyAnnotation.text(value) == text)
    }
}
