import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// The sections with a schema are decoded strictly: what a stage writes reads back unchanged, and
/// a member of the wrong type is an error naming its path instead of a silent "not shown".
@Suite("typed sections")
struct SectionDecodingTests {
    /// `result` with the member at `path` (keys, and array indexes as digits, below `sections`) replaced.
    private func replacing(_ path: [String], with replacement: Value, in result: RunResult) -> RunResult {
        func replace(_ value: Value, _ rest: ArraySlice<String>) -> Value {
            guard let step = rest.first else { return replacement }
            switch value {
            case .object(var fields):
                fields[step] = replace(fields[step] ?? .null, rest.dropFirst())
                return .object(fields)
            case .array(var items):
                guard let index = Int(step), items.indices.contains(index) else { break }
                items[index] = replace(items[index], rest.dropFirst())
                return .array(items)
            default:
                break
            }
            Issue.record("no \(step) in \(value)")
            return value
        }
        var changed = result
        changed.sections[path[0]] = replace(result.sections[path[0]] ?? .null, path.dropFirst())
        return changed
    }

    private func malformedPath(_ result: RunResult) -> String? {
        do throws(ReportError) {
            try ResultSections.check(result)
            return nil
        } catch {
            guard case .malformedSection(let section) = error else { return "unexpected \(error)" }
            return section.path
        }
    }

    @Test("the rich result's sections decode, nulls reading as absent")
    func richDecodes() throws {
        let rich = try ReportFixtures.rich()
        #expect(malformedPath(rich) == nil)
        let review = try CostReview(rich, index: FindingIndex(rich.findings))
        // change_pct is null on the new mover (Amazon Bedrock): absent, not zero.
        let bedrock = review.currencies.first { $0.currency == "USD" }?.movers.first { $0.service == "Amazon Bedrock" }
        #expect(bedrock != nil)
        #expect(bedrock?.changePercent == nil)
        #expect(review.skippedRows.map(\.count) == [2])
    }

    @Test("the history trend reads back what History writes")
    func trendRoundTrip() throws {
        let section = HistoryTrendSection(runs: [
            .init(id: "1", asOf: "2026-10-27", complianceScore: 0.8125, failing: 3, cost: ["USD": FixedDecimal(exactly: 1234.5)!]),
            .init(id: "2", asOf: "2026-11-27", complianceScore: 0.9, failing: 0, cost: [:]),
        ])
        #expect(try HistoryTrendSection(decoding: section.value) == section)
        // Through JSON too, where money travels as a string.
        let reparsed = try JSONParser.parse(Array(JSONWriter.compact(section.value).utf8))
        #expect(try HistoryTrendSection(decoding: reparsed) == section)
    }

    /// A merge section as `ResultMerge` writes it: two sources, one duplicate, one note.
    static let merge = MergeSection(
        sources: [
            .init(name: "a.json", asOf: "2026-11-27", policySetDigest: "abc", findings: 12, labels: ["team": "web"]),
            .init(name: "b.json", asOf: "2026-11-27", policySetDigest: "abc", findings: 3, labels: ["team": "data"]),
        ],
        duplicates: [.init(policy: "storage.encrypted", resource: "r1", keptFrom: "a.json", droppedFrom: ["b.json"])],
        warnings: ["labels differ"])

    /// The rich result with the merge section added.
    static func richMerged() throws -> RunResult {
        var result = try ReportFixtures.rich()
        result.sections[section: .merge] = merge.value
        return result
    }

    @Test("the merge section reads back what ResultMerge writes, also through JSON; the run section gives its duration")
    func mergeRoundTrip() throws {
        #expect(try MergeSection(decoding: Self.merge.value) == Self.merge)
        let reparsed = try JSONParser.parse(Array(JSONWriter.compact(Self.merge.value).utf8))
        #expect(try MergeSection(decoding: reparsed) == Self.merge)
        let sections = try ResultSections(try Self.richMerged())
        #expect(sections.merge == Self.merge)
        #expect(sections.run?.durationSeconds == 12.5)
        #expect(sections.frameworks?.catalogs["soc2"]?.controls["CC6.1"] == "Logical access security")
        #expect(sections.frameworks?.catalogs["soc2"]?.title == "SOC 2 (2017 Trust Services Criteria)")
    }

    @Test("a mistyped member is an error at its path", arguments: [
        (["cost", "totals", "0", "amount"], Value.bool(true), "sections.cost.totals[0].amount"),
        (["cost", "top_movers", "1", "change_pct"], Value.string("a lot"), "sections.cost.top_movers[1].change_pct"),
        (["cost", "inputs", "0", "first_bad_rows"], Value.string("17:3"), "sections.cost.inputs[0].first_bad_rows"),
        (["downtime", "applications", "0", "id"], Value.null, "sections.downtime.applications[0].id"),
        (["downtime", "applications", "0", "strategies", "1", "comparison", "break_even_revenue_per_hour"], Value.string("soon"),
         "sections.downtime.applications[0].strategies[1].comparison.break_even_revenue_per_hour"),
        (["downtime", "settings"], Value.array([]), "sections.downtime.settings"),
        (["history", "runs", "0", "failing"], Value.string("many"), "sections.history.runs[0].failing"),
        (["history", "runs", "1", "cost", "USD"], Value.bool(false), "sections.history.runs[1].cost.USD"),
        (["frameworks"], Value.array([]), "sections.frameworks"),
        (["frameworks", "soc2", "title"], Value.bool(true), "sections.frameworks.soc2.title"),
        (["frameworks", "soc2", "controls", "CC6.1"], Value.number(3), "sections.frameworks.soc2.controls.CC6.1"),
        (["frameworks", "soc2", "controls"], Value.array([]), "sections.frameworks.soc2.controls"),
        (["run", "duration_seconds"], Value.string("long"), "sections.run.duration_seconds"),
        (["run"], Value.number(12.5), "sections.run"),
        (["merge", "sources", "0", "findings"], Value.string("many"), "sections.merge.sources[0].findings"),
        (["merge", "sources", "1", "labels", "team"], Value.number(1), "sections.merge.sources[1].labels.team"),
        (["merge", "duplicates", "0", "dropped_from"], Value.string("b.json"), "sections.merge.duplicates[0].dropped_from"),
        (["merge", "warnings"], Value.string("differs"), "sections.merge.warnings"),
    ] as [([String], Value, String)])
    func mistyped(_ testCase: ([String], Value, String)) throws {
        let (path, replacement, expected) = testCase
        let broken = replacing(path, with: replacement, in: try Self.richMerged())
        #expect(malformedPath(broken) == expected)
        // Every renderer that shows the section refuses it too, instead of leaving it out.
        if path[0] != "history" {
            #expect(throws: ReportError.self) { try MarkdownReport().render(broken) }
        }
        #expect(throws: ReportError.self) { try HTMLReport().render(broken) }
    }
}
