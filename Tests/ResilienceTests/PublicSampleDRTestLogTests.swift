import Foundation
import PolicyEngine
import Testing
import TestSupport

@testable import Resilience

/// The restore-test policy's public-sample case (policies/dr/dr.test.yaml, "public sample: ETP
/// Express DR testing log …"): the published disaster-recovery testing log of a real project
/// (CONFENGE/etp-express `docs/DISASTER_RECOVERY_TESTING.md`, MIT; Fixtures/public-samples, see
/// SOURCES.md there) mapped to a DR test log record and read by the register's own parser and the
/// DR enrichment, so the case cannot drift from the file.
///
/// Transform (recorded in SOURCES.md and policies/PUBLIC-SAMPLES.md): each `## Teste de Restore
/// #N - YYYY-MM-DD` entry ("restore test") is a `dr.test` record with `test_type: restore` and the
/// heading's date; its `result` is `pass` only when every item of the log's "Critérios de Sucesso"
/// (success criteria) checklist is ticked; `integrity` is recorded only when the log reports a
/// validation that ran — the entry's table is headed "Resultados Esperados" (expected results) and
/// holds placeholders (X, Y, Z, abc123), so the record has none. The application is the project,
/// `etp-express`; its register entry (active, tier 1) is ours.
@Suite("ETP Express DR testing log (public sample)")
struct PublicSampleDRTestLogTests {
    static let file = Fixtures.path("Tests/ResilienceTests/Fixtures/public-samples/etp-express-disaster-recovery-testing.md")
    static let application = "etp-express"

    /// One entry of the log, as the log states it.
    struct Entry {
        var number: Int
        var date: String
        var body: String
    }

    static func text() throws -> String { try String(contentsOfFile: file, encoding: .utf8) }

    /// The `## Teste de Restore #N - YYYY-MM-DD` entries, each up to the next `## ` heading.
    static func entries() throws -> [Entry] {
        let text = try text()
        let headings = try Regex(#"(?m)^## Teste de Restore #(\d+) - (\d{4}-\d{2}-\d{2})$"#)
        return text.matches(of: headings).map { match in
            let rest = text[match.range.upperBound...]
            let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
            return Entry(number: Int(match.output[1].substring ?? "") ?? 0, date: String(match.output[2].substring ?? ""),
                         body: String(rest[..<end]))
        }
    }

    /// The "Critérios de Sucesso" checklist: (ticked, item) per line.
    static func successCriteria() throws -> [(ticked: Bool, item: String)] {
        let text = try text()
        let section = try #require(text.range(of: "## Critérios de Sucesso\n"), "the log no longer has its success criteria")
        let rest = text[section.upperBound...]
        let block = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        return block.split(separator: "\n").compactMap { line in
            if line.hasPrefix("- [x] ") { return (true, String(line.dropFirst(6))) }
            if line.hasPrefix("- [ ] ") { return (false, String(line.dropFirst(6))) }
            return nil
        }
    }

    /// The transform: the entry as a DR test log record.
    static func record(_ entry: Entry) throws -> Resource {
        let passed = try successCriteria().allSatisfy(\.ticked)
        let fields = Fields([
            ("id", .string("\(application)/\(entry.date)")), ("type", .string(DRTestEvidence.resourceType)), ("application", .string(application)),
            ("date", .string(entry.date)), ("test_type", "restore"), ("result", .string(passed ? "pass" : "fail")),
        ])
        return Resource(id: "\(application)/\(entry.date)", type: DRTestEvidence.resourceType, document: .object(fields),
                        source: SourceReference(file: file, line: 3))
    }

    @Test("the log's one restore test: 2025-11-15, failed its own success criteria, no integrity result")
    func restoreTestRecord() throws {
        let entries = try Self.entries()
        try #require(entries.count == 1, "the log holds \(entries.count) restore entries; the case expects one")
        let entry = entries[0]
        #expect(entry.number == 1)
        #expect(entry.date == "2025-11-15")
        // Why the result is a fail: the restore with real data, one of the log's own criteria, did not run.
        let criteria = try Self.successCriteria()
        #expect(criteria.count == 6)
        #expect(criteria.filter { !$0.ticked }.map(\.item) == ["Teste de restore real executado (aguardando dados de produção)"])
        #expect(entry.body.contains("Teste de restore não pode ser executado com dados reais"))
        #expect(entry.body.contains("(52 bytes)"))
        // Why there is no integrity result: the table is of expected results, with placeholders.
        #expect(entry.body.contains("### Resultados Esperados\n"))
        #expect(entry.body.contains("| ETPs | X | X | ✅ |"))
        #expect(entry.body.contains("| Checksum ETPs | abc123 | abc123 | ✅ |"))

        // The register's parser reads the record as the case gives it.
        let record = try Self.record(entry)
        #expect(record.document["integrity"] == nil)
        let parsed = try DRTestEvidence.parse(record, order: 0)
        #expect(parsed.application == "etp-express")
        #expect(parsed.date == CivilDate(year: 2025, month: 11, day: 15))
        #expect(parsed.type == .restore)
        #expect(parsed.result == .fail)

        // Enriched as the pipeline does (as of the case's date): a restore is no failover test.
        let registered = Resource(id: Self.application, type: ApplicationRegister.resourceType,
                                  document: .object(Fields([("name", .string(Self.application)), ("status", "active"), ("tier", "tier1")])),
                                  source: SourceReference(file: "applications.yaml", line: 3))
        let enrichment = try DRTestEvidence.enrich(applications: [registered], tests: [record], asOf: CivilDate(year: 2025, month: 12, day: 1)!)
        #expect(enrichment.warnings.isEmpty)
        let dr = try #require(enrichment.applications.first?.document["dr"])
        #expect(dr["last_test_date"] == "2025-11-15")
        #expect(dr["last_test_type"] == "restore")
        #expect(dr["last_test_result"] == "fail")
        #expect(dr["last_successful_test_date"] == .null)
    }
}
