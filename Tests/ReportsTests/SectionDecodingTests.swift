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
    ] as [([String], Value, String)])
    func mistyped(_ testCase: ([String], Value, String)) throws {
        let (path, replacement, expected) = testCase
        let broken = replacing(path, with: replacement, in: try ReportFixtures.rich())
        #expect(malformedPath(broken) == expected)
        // Every renderer that shows the section refuses it too, instead of leaving it out.
        if path[0] != "history" {
            #expect(throws: ReportError.self) { try MarkdownReport().render(broken) }
        }
        #expect(throws: ReportError.self) { try HTMLReport().render(broken) }
    }
}
