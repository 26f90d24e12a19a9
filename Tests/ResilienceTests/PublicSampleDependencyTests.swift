import PolicyEngine
import Testing
import TestSupport
import Yams

@testable import Resilience

/// The dependency policies' public-sample cases (policies/resilience/dependencies.test.yaml,
/// "public sample: Online Boutique …"): the application register is read from the Kubernetes
/// manifest of Google's Online Boutique (Fixtures/public-samples, see SOURCES.md there) and the
/// fields the cases give are derived here the way the pipeline derives them, so the cases cannot
/// drift from the file.
///
/// Transform (recorded in SOURCES.md and policies/PUBLIC-SAMPLES.md): every `Deployment` is an
/// active application named by its `metadata.name`; every container `env` entry whose name ends
/// in `_ADDR` and whose value is `host:port` with `host` the name of another Deployment is a
/// dependency on it. What the manifest cannot say is ours: the tiers, the kinds (the frontend
/// renders without ads and recommendations: soft; every other call hard) and the recovery figures.
@Suite("Online Boutique dependency graph (public sample)")
struct PublicSampleDependencyTests {
    static let manifest = Fixtures.path("Tests/ResilienceTests/Fixtures/public-samples/online-boutique-kubernetes-manifests.yaml")

    /// Ours: the manifest has no criticality.
    static let tiers = [
        "frontend": "tier0", "checkoutservice": "tier0", "paymentservice": "tier0",
        "cartservice": "tier1", "redis-cart": "tier1", "productcatalogservice": "tier1", "currencyservice": "tier1", "shippingservice": "tier1",
        "emailservice": "tier2", "recommendationservice": "tier2", "adservice": "tier3", "loadgenerator": "tier3",
    ]

    /// Ours: the dependencies the frontend degrades without.
    static let soft: Set = ["frontend → recommendationservice", "frontend → adservice"]

    /// Deployment name → the Deployments its containers address, in the manifest's order.
    static func calls() throws -> [(name: String, calls: [String])] {
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let deployments = try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }.filter { $0["kind"] as? String == "Deployment" }
        let names = deployments.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        return deployments.map { deployment in
            let name = (deployment["metadata"] as? [String: Any])?["name"] as? String ?? ""
            let spec = ((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
            let containers = spec?["containers"] as? [[String: Any]] ?? []
            let calls = containers.flatMap { $0["env"] as? [[String: Any]] ?? [] }.compactMap { variable -> String? in
                guard let key = variable["name"] as? String, key.hasSuffix("_ADDR"), let value = variable["value"] as? String,
                      let host = value.split(separator: ":").first.map(String.init), value.contains(":"), names.contains(host), host != name else { return nil }
                return host
            }
            return (name, calls)
        }
    }

    /// The register the transform builds.
    static func register() throws -> [Resource] {
        try calls().map { entry in
            let dependsOn = entry.calls.map { Value.string(soft.contains("\(entry.name) → \($0)") ? "\($0):soft" : $0) }
            let fields = Fields([("name", .string(entry.name)), ("status", "active"), ("tier", .string(tiers[entry.name] ?? "")),
                                 ("depends_on", .array(dependsOn))])
            return Resource(id: entry.name, type: "application", document: .object(fields), source: SourceReference(file: manifest, line: 1))
        }
    }

    /// Ours: recovery hours of each application's current strategy; availability is not used here.
    static let recoveryHours: [String: Double] = [
        "frontend": 0.25, "checkoutservice": 0.25, "paymentservice": 0.25, "cartservice": 0.5, "redis-cart": 0.5, "productcatalogservice": 0.5,
        "currencyservice": 0.5, "shippingservice": 0.5, "emailservice": 0.75, "recommendationservice": 1, "adservice": 4, "loadgenerator": 4,
    ]

    static func fields(_ id: String, rtoTarget: Double? = nil) throws -> Fields {
        let graph = try DependencyGraph(applications: try register())
        let figures = recoveryHours.mapValues { ApplicationFigures(availability: .known(0.999), recoveryHours: .known($0)) }
        let assessment = try #require(graph.assess(id, figures: figures, unmodelledReason: "is not modelled"))
        return DependencyAnnotation.dependencies(assessment, rtoTarget: rtoTarget).value(unknown: .unknown, edges: false).objectValue ?? Fields()
    }

    @Test func theManifestsCallGraph() throws {
        let calls = Dictionary(uniqueKeysWithValues: try Self.calls().map { ($0.name, $0.calls) })
        #expect(calls.count == 12)
        #expect(calls["checkoutservice"] == ["productcatalogservice", "shippingservice", "paymentservice", "emailservice", "currencyservice", "cartservice"])
        #expect(calls["frontend"] == ["productcatalogservice", "currencyservice", "cartservice", "recommendationservice", "shippingservice",
                                      "checkoutservice", "adservice"])
        #expect(calls["recommendationservice"] == ["productcatalogservice"])
        // REDIS_ADDR names the redis-cart Deployment; LISTEN_ADDR (0.0.0.0) names none.
        #expect(calls["cartservice"] == ["redis-cart"])
        #expect(calls["loadgenerator"] == ["frontend"])
        for leaf in ["paymentservice", "emailservice", "productcatalogservice", "currencyservice", "shippingservice", "adservice", "redis-cart"] {
            #expect(calls[leaf] == [], "\(leaf)")
        }
    }

    /// `public sample: Online Boutique, tier inversions` (resilience.dependencies.tier_inversion).
    @Test func tierInversions() throws {
        let checkout = try Self.fields("checkoutservice")
        #expect(checkout["hard"] == ["productcatalogservice", "shippingservice", "paymentservice", "emailservice", "currencyservice", "cartservice"])
        #expect(checkout["tier_inversions"] == [
            "'productcatalogservice' (tier1)", "'shippingservice' (tier1)", "'emailservice' (tier2)", "'currencyservice' (tier1)", "'cartservice' (tier1)",
        ])
        #expect(try Self.fields("cartservice")["tier_inversions"] == [])
        #expect(try Self.fields("cartservice")["hard"] == ["redis-cart"])
        #expect(try Self.fields("recommendationservice")["tier_inversions"] == [])
        #expect(try Self.fields("frontend")["tier_inversions"] == ["'productcatalogservice' (tier1)", "'currencyservice' (tier1)", "'cartservice' (tier1)",
                                                                   "'shippingservice' (tier1)"])
    }

    /// `public sample: Online Boutique, cycles` (resilience.dependencies.cycle): the graph is acyclic.
    @Test func noCycle() throws {
        for id in Self.tiers.keys.sorted() {
            let fields = try Self.fields(id)
            #expect(fields["cycle"] == nil, "\(id)")
            #expect(fields["cycle_unknown_reason"] == nil, "\(id)")
        }
        let frontend = try Self.fields("frontend")
        #expect(frontend["hard"] == ["productcatalogservice", "currencyservice", "cartservice", "shippingservice", "checkoutservice"])
        #expect(frontend["soft"] == ["recommendationservice", "adservice"])
        #expect(frontend["closure"] == ["productcatalogservice", "currencyservice", "cartservice", "shippingservice", "checkoutservice", "redis-cart",
                                        "paymentservice", "emailservice"])
        #expect(try Self.fields("loadgenerator")["hard"] == ["frontend"])
    }

    /// `public sample: Online Boutique, known ids` (resilience.dependencies.known).
    @Test func everyCallNamesAnApplication() throws {
        for id in Self.tiers.keys.sorted() { #expect(try Self.fields(id)["unresolved"] == [], "\(id)") }
    }

    /// `public sample: Online Boutique, effective RTO` (resilience.dependencies.effective_rto):
    /// checkout is back when the slowest of its hard closure is (the figures are ours).
    @Test func effectiveRecoveryThroughTheClosure() throws {
        let checkout = try Self.fields("checkoutservice", rtoTarget: 0.25)
        #expect(checkout["closure"] == ["productcatalogservice", "shippingservice", "paymentservice", "emailservice", "currencyservice", "cartservice",
                                        "redis-cart"])
        #expect(checkout["effective_rto_hours"] == 0.75)
        #expect(checkout["rto_bottleneck"] == "emailservice")
        #expect(checkout["rto_target_hours"] == 0.25)
        let cart = try Self.fields("cartservice", rtoTarget: 1)
        #expect(cart["closure"] == ["redis-cart"])
        #expect(cart["effective_rto_hours"] == 0.5)
        #expect(cart["rto_target_hours"] == 1)
    }
}
