@testable import Inventory
import PolicyEngine
import Testing

/// The shortcuts taken when a reader builds a million engine resources hold the documents equal
/// to the long way (issue 20): the location members of the standard catalog's codes computed
/// once, and a streamed plan's resources completed from their own Terraform block.
@Suite("Resource building")
struct ResourceBuildingTests {
    /// A resource in `region` (and `zone`), built with the standard catalog passed explicitly
    /// (every lookup made) and with the default (the table of codes).
    func documents(region: String?, zone: String? = nil, kind: LocationKind? = nil) -> (lookedUp: Value, tabled: Value) {
        var resource = NormalizedResource(
            id: "r", provider: .gcp, kind: .storageBucket, nativeType: "t", attributes: .object(Fields()), format: .awsConfig,
            source: SourceReference(file: "f", pointer: "/0"))
        resource.region = region
        resource.zone = zone
        resource.locationKind = kind
        return (resource.resource(regions: RegionCatalogData.standard).document, resource.resource().document)
    }

    @Test func everyCatalogCodeGivesTheLookedUpLocationMembers() {
        var codes = RegionCatalogData.regions.map(\.code) + RegionCatalogData.multiRegions.keys + RegionCatalogData.dualRegions.keys
        // Spellings the table does not hold take the long way; unknown codes have no jurisdictions.
        codes += ["global", "GLOBAL", "EU", "Nam4", "EU-WEST-1", "West Europe", "mars-north-1", ""]
        for code in codes {
            for (zone, kind) in [(nil, nil), ("\(code)a", nil), (nil, LocationKind.multiRegion)] as [(String?, LocationKind?)] {
                let built = documents(region: code, zone: zone, kind: kind)
                #expect(built.tabled == built.lookedUp, "region \(code), zone \(zone ?? "none"), kind \(kind?.rawValue ?? "derived")")
            }
        }
        let known = documents(region: "eu-west-1").tabled
        #expect(known.path("jurisdictions") == .array([.string("EU")]))
        #expect(known.path("location_kind") == .string("region"))
        #expect(documents(region: "eu").tabled.path("location_kind") == .string("multi-region"))
        #expect(documents(region: "mars-north-1").tabled.path("jurisdictions") == nil)
        #expect(documents(region: nil).tabled.path("location_kind") == nil)
    }

    @Test("a document is held packed whatever is set, and stays packed when a later pass sets a group")
    func documentsAreHeldPacked() {
        // Every combination of the optional members: the resource holds the document packed, the
        // document unpacks to every member set, and the group a later pass gives a store whose
        // plans are unknown is set without unpacking it.
        for mask in 0..<(1 << 8) {
            func set(_ bit: Int) -> Bool { mask & (1 << bit) != 0 }
            var normalized = NormalizedResource(
                id: "r", provider: .aws, kind: .storageBucket, nativeType: "t", attributes: .object(Fields()), format: .awsConfig,
                source: SourceReference(file: "f", pointer: set(7) ? "/0" : nil))
            normalized.nativeID = set(0) ? "n" : nil
            normalized.name = set(1) ? "name" : nil
            normalized.region = set(2) ? "eu-west-1" : nil
            normalized.zone = set(3) ? "eu-west-1a" : nil
            normalized.account = set(4) ? "123" : nil
            normalized.capturedAt = set(5) ? "2025-01-01" : nil
            normalized.terraform = set(6) ? .object(Fields()) : nil
            normalized[.atRestEnabled] = .bool(true)
            var resource = normalized.resource()
            #expect(resource.isPacked, "mask \(mask)")
            #expect(resource.document.path("name") == (set(1) ? .string("name") : nil), "mask \(mask)")
            #expect(resource.facet(.atRestEnabled) == .bool(true), "mask \(mask)")
            var expected = resource.document
            expected.setFacet(.backupPlans, .unknown)
            resource.set(.unknown, at: Facet.backupPlans.keys[...])
            #expect(resource.isPacked, "mask \(mask)")
            #expect(resource.document == expected, "mask \(mask)")
            #expect(resource.facet(.backupPlans) == .unknown, "mask \(mask)")
        }
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent: public plans skipped"))
    func streamedPublicPlansMatchWholeReads() throws {
        // Checkov's plans: modules, nested child modules, for_each keys, references to resources
        // of the same module and of others.
        let plans = SampleConformanceTests.filesOnDisk.filter { $0.hasPrefix("terraform/plan-json/") }
        #expect(plans.count == 9)
        var referenced = 0
        for plan in plans {
            var streaming = TerraformPlanReader()
            streaming.wholeFileLimit = 0
            let path = Samples.resource(plan)
            let streamed = try read(streaming, path)
            let whole = try read(TerraformPlanReader(), path)
            #expect(streamed.map(\.document) == whole.map(\.document), "\(plan)")
            referenced += streamed.filter { $0.document.path("terraform.references") != nil }.count
        }
        #expect(referenced > 0)
    }

    @Test func facetPathsHaveTwoOrThreeKeysAndNoneIsAnother() {
        // `FacetGroups` builds a facet as a member of a group or of a subgroup, never of a facet.
        for facet in Facet.allCases {
            #expect((2...3).contains(facet.keys.count), "\(facet.rawValue)")
            for other in Facet.allCases where other != facet {
                #expect(!other.rawValue.hasPrefix(facet.rawValue + "."), "\(facet.rawValue) is a prefix of \(other.rawValue)")
            }
        }
    }

    @Test func facetsBuildTheDocumentThatPathWritesBuild() {
        // Seeded sequences of writes (set, overwrite, remove, null, unknown, an empty object) on
        // every facet: the flat store reads and builds what the nested tree written path by path
        // holds. A lost overwrite, a removal that leaves a value or an empty group, or a facet in
        // the wrong group fails here.
        var generator = SeededGenerator(seed: 20)
        let values: [Value?] = [nil, .null, .unknown, .bool(true), .bool(false), .number(3), .string("x"),
                                .array([.string("eu-west-1")]), .object(Fields())]
        for round in 0..<200 {
            var resource = NormalizedResource(
                id: "r", provider: .aws, kind: .storageBucket, nativeType: "t", attributes: .object(Fields()), format: .awsConfig,
                source: SourceReference(file: "f", pointer: "/0"))
            var tree = Value.object(Fields())
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let facet = Facet.allCases.randomElement(using: &generator)!
                let value = values.randomElement(using: &generator)!
                resource[facet] = value
                tree.setFacet(facet, value)
                #expect(resource[facet] == tree.facet(facet), "round \(round), \(facet.rawValue)")
            }
            let document = resource.resource().document
            let groups = Set(Facet.allCases.map { $0.components[0] })
            for group in groups {
                #expect(document[group] == tree[group], "round \(round), group \(group)")
            }
        }
    }
}

/// SplitMix64: the same sequence on every run and machine.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
