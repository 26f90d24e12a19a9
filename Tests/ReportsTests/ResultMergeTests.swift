import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

@Suite("Merging results")
struct ResultMergeTests {
    /// Two accounts' results: `eu` fails buckets 0–2 and passes 3–4; `us` (other resource ids)
    /// fails 0–1 and passes 2–5.
    static func accounts() -> (eu: RunResult, us: RunResult) {
        var eu = ReportFixtures.minimal(failing: 3, passing: 2, resourcePrefix: "arn:aws:s3:::eu-")
        eu.labels = ["account": "111", "pipeline": "nightly"]
        eu.inputs = [InputRecord(path: "eu/inventory.json", format: "json", sha256: "e1", documents: 5)]
        var us = ReportFixtures.minimal(failing: 2, passing: 4, resourcePrefix: "arn:aws:s3:::us-")
        us.labels = ["account": "222", "pipeline": "nightly"]
        us.inputs = [InputRecord(path: "us/inventory.json", format: "json", sha256: "u1", documents: 6)]
        return (eu, us)
    }

    @Test("counts are summed, findings concatenated and re-sorted, inputs and labels unioned")
    func counts() throws {
        let (eu, us) = Self.accounts()
        // `us` first on the command line: the merged findings are still sorted by resource.
        let merged = try ResultMerge.merge([.init(name: "us.json", result: us), .init(name: "eu.json", result: eu)])
        let policy = try #require(merged.result.policies.first)
        #expect(policy.counts.evaluated == 11)
        #expect(policy.counts.fail == 5)
        #expect(policy.counts.pass == 6)
        #expect(merged.result.findings.count == 11)
        #expect(merged.result.findings.map(\.resource) == merged.result.findings.map(\.resource).sorted())
        #expect(merged.result.findings.first?.resource == "arn:aws:s3:::eu-0000")
        #expect(merged.result.inputs.map(\.path) == ["eu/inventory.json", "us/inventory.json"])
        #expect(merged.result.labels == ["account": "111, 222", "pipeline": "nightly"])
        #expect(merged.duplicates.isEmpty)
        #expect(merged.result.blockingFindings.count == 5)
        let sources = merged.result.sections["merge"]?["sources"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(sources == ["us.json", "eu.json"])
    }

    @Test("framework coverage is recomputed from the merged counts; it alone differing is no conflict")
    func frameworkCoverage() throws {
        var (eu, us) = Self.accounts()
        // One job had only passing buckets: its own coverage says CC6.1 passes.
        us = ReportFixtures.minimal(failing: 0, passing: 3, resourcePrefix: "arn:aws:s3:::us-")
        let catalogs = FrameworkCatalogs([FrameworkCatalog(key: "soc2", title: "SOC 2", controls: [
            FrameworkControl(id: "CC6.1", title: "Logical access"), FrameworkControl(id: "CC7.2", title: "Monitoring"),
        ], location: SourceLocation(file: "soc2.yaml", line: 1, column: 1))])
        eu.sections["frameworks"] = catalogs.section(policies: eu.policies).value
        us.sections["frameworks"] = catalogs.section(policies: us.policies).value
        #expect(us.sections["frameworks"]?["soc2"]?["control_status"]?["CC6.1"] == "pass")
        let merged = try ResultMerge.merge([.init(name: "us.json", result: us), .init(name: "eu.json", result: eu)])
        let soc2 = merged.result.sections["frameworks"]?["soc2"]
        #expect(soc2?["control_status"]?["CC6.1"] == "fail")
        #expect(soc2?["control_status"]?["CC7.2"] == "not assessed by Assay")
        #expect(soc2?["coverage"]?["assessed"] == 1 && soc2?["coverage"]?["controls"] == 2 && soc2?["coverage"]?["fail"] == 1)
        let notes = merged.result.sections["merge"]?["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(!notes.contains { $0.contains("'frameworks'") }, "\(notes)")
    }

    @Test("the same policy and resource in two results is counted once and reported")
    func duplicates() throws {
        let eu = ReportFixtures.minimal(failing: 3, passing: 2, resourcePrefix: "arn:aws:s3:::shared-")
        // The second job saw the same five buckets; bucket 3 fails there (worse than its pass in eu).
        var again = ReportFixtures.minimal(failing: 0, passing: 5, resourcePrefix: "arn:aws:s3:::shared-")
        again.findings[3].status = .fail
        again.policies[0].counts.pass = 4
        again.policies[0].counts.fail = 1
        let merged = try ResultMerge.merge([.init(name: "a.json", result: eu), .init(name: "b.json", result: again)])
        #expect(merged.duplicates.count == 5)
        #expect(merged.duplicates.first == ResultMerge.Duplicate(policy: "storage.encrypted", resource: "arn:aws:s3:::shared-0000",
                                                                 keptFrom: "a.json", droppedFrom: ["b.json"]))
        // Bucket 3: fail (b) beats pass (a); bucket 0: fail (a) beats pass (b); ties keep a.
        #expect(merged.duplicates.first { $0.resource.hasSuffix("0003") }?.keptFrom == "b.json")
        let policy = try #require(merged.result.policies.first)
        #expect(policy.counts.evaluated == 5)
        #expect(policy.counts.fail == 4)
        #expect(policy.counts.pass == 1)
        #expect(merged.result.findings.count == 5)
        #expect(Set(merged.result.findings.map(\.resource)).count == 5)
        #expect(merged.result.sections["merge"]?["duplicates"]?.arrayValue?.count == 5)
    }

    @Test("different as-of dates are an error unless allowed")
    func asOfMismatch() throws {
        let first = ReportFixtures.minimal(failing: 1, asOf: "2026-11-27")
        let second = ReportFixtures.minimal(failing: 1, asOf: "2026-11-20", resourcePrefix: "other-")
        let sources: [ResultMerge.Source] = [.init(name: "a.json", result: first), .init(name: "b.json", result: second)]
        #expect(throws: ReportError.self) { try ResultMerge.merge(sources) }
        do {
            _ = try ResultMerge.merge(sources)
        } catch {
            #expect(error.diagnostic.description.contains("a.json 2026-11-27, b.json 2026-11-20"))
        }
        let merged = try ResultMerge.merge(sources, allowMixedAsOf: true)
        #expect(merged.result.asOf.description == "2026-11-27")
        #expect(merged.notes.contains { $0.hasPrefix("As-of dates differ") })
    }

    @Test("waivers are matched by id, their matches summed and their state recomputed")
    func waivers() throws {
        let asOf = try #require(CivilDate(parsing: "2026-11-27"))
        let waiver = Waiver(policy: "storage.encrypted", resources: ["*"], reason: "r", owner: "o", ticket: nil,
                            expires: try #require(CivilDate(parsing: "2026-12-10")), location: SourceLocation(file: "w.yaml", line: 3, column: 1))
        var first = ReportFixtures.minimal(failing: 1)
        first.waivers = [WaiverApplication.status(of: waiver, matched: 0, asOf: asOf)]
        var second = ReportFixtures.minimal(failing: 1, resourcePrefix: "other-")
        second.waivers = [WaiverApplication.status(of: waiver, matched: 2, asOf: asOf)]
        #expect(first.waivers.first?.state == .stale)
        let merged = try ResultMerge.merge([.init(name: "a", result: first), .init(name: "b", result: second)])
        #expect(merged.result.waivers.count == 1)
        #expect(merged.result.waivers.first?.matched == 2)
        #expect(merged.result.waivers.first?.state == .expiring)
        #expect(merged.result.waivers.first?.daysToExpiry == 13)
    }

    @Test("fail-on takes the strictest; differing sections keep the first with a note")
    func settings() throws {
        var first = ReportFixtures.minimal(failing: 1)
        first.failOn = .critical
        first.sections["cost"] = ["as_of": "2026-11-27"]
        var second = ReportFixtures.minimal(failing: 1, resourcePrefix: "other-")
        second.failOn = .medium
        second.sections["cost"] = ["as_of": "2026-11-26"]
        let merged = try ResultMerge.merge([.init(name: "a", result: first), .init(name: "b", result: second)])
        #expect(merged.result.failOn == .medium)
        #expect(merged.result.sections["cost"]?["as_of"]?.stringValue == "2026-11-27")
        #expect(merged.notes.contains("Section 'cost' differs between the results; the one from a is shown."))
    }

    @Test("the merged report renders its provenance and duplicates")
    func rendered() throws {
        let eu = ReportFixtures.minimal(failing: 2, resourcePrefix: "dup-")
        let merged = try ResultMerge.merge([.init(name: "a.json", result: eu), .init(name: "b.json", result: eu)])
        let html = try #require(HTMLQuery(try HTMLReport().render(merged.result)))
        #expect(html.strings("//table[caption='Results merged into this report']/tbody/tr/th") == ["a.json", "b.json"])
        #expect(html.strings("//table[starts-with(caption,'Duplicate resources')]/tbody/tr/td[1]") == ["dup-0000", "dup-0001"])
    }
}
