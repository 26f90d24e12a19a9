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

    /// Month figures with `commitments` as given.
    static func figures(_ amount: String, commitments: Commitments?) -> CostFigures {
        let amount = FixedDecimal(exactly: Double(amount) ?? 0) ?? .zero
        return CostFigures(amount: amount, effective: amount, list: amount + FixedDecimal(7), credits: -FixedDecimal(2), refunds: .zero,
                           net: amount - FixedDecimal(2), previousAmount: FixedDecimal(100), changePercent: 12.5, shareOfTotal: 1,
                           untaggedAmount: FixedDecimal(3), usageAmount: amount, untaggedShare: 0.03, egressAmount: .zero, egressShare: nil,
                           lines: 4, commitments: commitments)
    }

    /// A cost section with every variant of its optional parts: an SQL engine's input and a
    /// native one, commitments unknown, measured (each kind of utilisation) and absent.
    static let cost = CostReviewSection(
        asOf: "2026-11-27", months: ["2026-09", "2026-10"], requiredTags: ["owner"],
        inputs: [
            .init(path: "cur.csv.gz", format: "aws-cur", rows: 10, lines: 9, badRowsSkipped: 1, firstBadRows: ["cur.csv.gz:4:2"]),
            .init(path: "exports/*.parquet", format: "focus", rows: 3, lines: 3, badRowsSkipped: 0, firstBadRows: [], engine: "duckdb",
                  querySHA256: String(repeating: "ab", count: 32)),
        ],
        totals: [
            .init(period: "2026-09", currency: "EUR", figures: figures("10.5", commitments: .unknown(reason: "an SQL engine"))),
            .init(period: "2026-09", currency: "USD", figures: figures("110", commitments: .measured(MeasuredCommitments(
                isActive: true, coveredList: FixedDecimal(40), eligibleList: FixedDecimal(80), coverage: 0.5, used: FixedDecimal(30),
                unused: FixedDecimal(10), total: FixedDecimal(40), utilisation: .ratio(0.75))))),
            .init(period: "2026-10", currency: "USD", figures: figures("120.25", commitments: .measured(MeasuredCommitments(
                isActive: true, coveredList: FixedDecimal(5), eligibleList: FixedDecimal(80), coverage: 0.0625, used: .zero, unused: .zero,
                total: .zero, utilisation: .unknown(reason: "no fee line"))))),
            .init(period: "2026-10", currency: "EUR", figures: figures("11", commitments: .measured(MeasuredCommitments(
                isActive: false, coveredList: .zero, eligibleList: .zero, coverage: nil, used: .zero, unused: .zero, total: .zero,
                utilisation: .notApplicable)))),
            .init(period: "2026-10", currency: "GBP", figures: figures("1", commitments: nil)),
        ],
        topMovers: [
            .init(period: "2026-10", currency: "USD", account: "111", service: nil, amount: FixedDecimal(50), previousAmount: FixedDecimal(20),
                  change: FixedDecimal(30), changePercent: 150),
            .init(period: "2026-10", currency: "USD", account: nil, service: "S3", amount: FixedDecimal(5), previousAmount: .zero,
                  change: FixedDecimal(5), changePercent: nil),
        ])

    @Test("the cost section reads back what Billing writes, also through JSON, where money is a string and unknown a text")
    func costRoundTrip() throws {
        #expect(try CostReviewSection(decoding: Self.cost.value) == Self.cost)
        let text = JSONWriter.compact(Self.cost.value)
        let reparsed = try JSONParser.parse(Array(text.utf8))
        #expect(try CostReviewSection(decoding: reparsed) == Self.cost)
        // Written back, the decoded section is the same bytes.
        #expect(JSONWriter.compact(try CostReviewSection(decoding: reparsed).value) == text)
        // The rich fixture (written before usage_amount and commitments existed) decodes too.
        let rich = try #require(try ReportFixtures.rich().sections[section: .cost])
        let decoded = try CostReviewSection(decoding: rich)
        #expect(decoded.totals.allSatisfy { $0.figures.commitments == nil && $0.figures.usageAmount == nil })
        #expect(decoded.inputs.map(\.badRowsSkipped) == [2, 0])
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

    @Test("the downtime and frameworks sections are one type each: decoded, they encode to what was read")
    func downtimeAndFrameworksRoundTrip() throws {
        let rich = try ReportFixtures.rich()
        // A model-written section (every member present): the one in the rich result, completed by writing it once.
        let downtime = try DowntimeModelSection(decoding: try #require(rich.sections["downtime"]))
        #expect(downtime.applications.map(\.id) == ["payments-api", "checkout-web", "catalog-search"])
        let written = JSONWriter.pretty(downtime.value)
        let reread = try DowntimeModelSection(decoding: JSONParser.parse(written))
        #expect(reread == downtime)
        #expect(JSONWriter.pretty(reread.value) == written)
        let catalogs = FrameworkCatalogs([FrameworkCatalog(key: "soc2", title: "SOC 2", scope: "CC only",
                                                           controls: [FrameworkControl(id: "CC6.1", title: "Logical access"),
                                                                      FrameworkControl(id: "CC7.2", title: "Monitoring")],
                                                           location: SourceLocation(file: "soc2.yaml"))])
        for section in [catalogs.section(), catalogs.section(policies: rich.policies)] {
            let text = JSONWriter.pretty(section.value)
            let decoded = try FrameworksSection(decoding: JSONParser.parse(text))
            #expect(decoded == section)
            #expect(JSONWriter.pretty(decoded.value) == text)
        }
        #expect(catalogs.section(policies: rich.policies).catalogs["soc2"]?.coverage?.controls == 2)
        #expect(catalogs.section().catalogs["soc2"]?.coverage == nil)
    }

    @Test("a mistyped member is an error at its path", arguments: [
        (["cost", "totals", "0", "amount"], Value.bool(true), "sections.cost.totals[0].amount"),
        (["cost", "top_movers", "1", "change_pct"], Value.string("a lot"), "sections.cost.top_movers[1].change_pct"),
        (["cost", "inputs", "0", "first_bad_rows"], Value.string("17:3"), "sections.cost.inputs[0].first_bad_rows"),
        (["cost", "inputs", "1", "rows"], Value.string("many"), "sections.cost.inputs[1].rows"),
        (["cost", "totals", "0", "untaged_share"], Value.number(0.1), "sections.cost.totals[0].untaged_share"),
        (["cost", "totals", "1", "net"], Value.null, "sections.cost.totals[1].net"),
        (["cost", "totals", "0", "commitments"], ["status": "sometimes"], "sections.cost.totals[0].commitments.status"),
        (["cost", "totals", "0", "commitments"], ["status": "unknown", "coverage": 0.5, "utilisation": .unknown, "unknown_reason": "x"],
         "sections.cost.totals[0].commitments.coverage"),
        (["cost", "totals", "0", "commitments"], ["status": "none", "covered_list": "0", "eligible_list": "0", "used": "0", "unused": true],
         "sections.cost.totals[0].commitments.unused"),
        (["cost", "top_movers", "0", "previous_amount"], Value.null, "sections.cost.top_movers[0].previous_amount"),
        (["cost", "groups"], Value.array([]), "sections.cost.groups"),
        (["cost", "as_of"], Value.number(2026), "sections.cost.as_of"),
        (["downtime", "applications", "0", "id"], Value.null, "sections.downtime.applications[0].id"),
        (["downtime", "applications", "0", "strategies", "1", "comparison", "break_even_revenue_per_hour"], Value.string("soon"),
         "sections.downtime.applications[0].strategies[1].comparison.break_even_revenue_per_hour"),
        (["downtime", "settings"], Value.array([]), "sections.downtime.settings"),
        (["downtime", "applications", "0", "strategies", "0", "compliance", "meets_rto"], Value.string("yes"),
         "sections.downtime.applications[0].strategies[0].compliance.meets_rto"),
        (["downtime", "portfolio", "expected_annual_loss_current"], Value.bool(true), "sections.downtime.portfolio.expected_annual_loss_current"),
        (["downtime", "applications", "0", "expected_anual_loss"], Value.string("1"), "sections.downtime.applications[0].expected_anual_loss"),
        (["downtime", "applications", "0", "strategies", "0", "freshness", "phi"], Value.string("high"),
         "sections.downtime.applications[0].strategies[0].freshness.phi"),
        (["downtime", "applications", "0", "strategies", "1", "comparison", "break_even_reading"], Value.string("sideways"),
         "sections.downtime.applications[0].strategies[1].comparison.break_even_reading"),
        (["downtime", "applications", "0", "dependencies", "edges"], Value.array([["target": "db", "kind": "sideways"]]),
         "sections.downtime.applications[0].dependencies.edges[0].kind"),
        (["downtime", "applications", "0", "availability", "composite"], Value.string("high"),
         "sections.downtime.applications[0].availability.composite"),
        (["downtime", "applications", "0", "strategies", "0", "analytic", "expected_annual_loss_bracket"], Value.array(["1"]),
         "sections.downtime.applications[0].strategies[0].analytic.expected_annual_loss_bracket"),
        (["downtime", "schema_version"], Value.number(2), "sections.downtime.schema_version"),
        (["downtime", "as_of"], Value.null, "sections.downtime.as_of"),
        (["history", "runs", "0", "failing"], Value.string("many"), "sections.history.runs[0].failing"),
        (["history", "runs", "1", "cost", "USD"], Value.bool(false), "sections.history.runs[1].cost.USD"),
        (["frameworks"], Value.array([]), "sections.frameworks"),
        (["frameworks", "soc2", "title"], Value.bool(true), "sections.frameworks.soc2.title"),
        (["frameworks", "soc2", "controls", "CC6.1"], Value.number(3), "sections.frameworks.soc2.controls.CC6.1"),
        (["frameworks", "soc2", "controls"], Value.array([]), "sections.frameworks.soc2.controls"),
        (["frameworks", "soc2", "titel"], Value.string("SOC 2"), "sections.frameworks.soc2.titel"),
        (["frameworks", "soc2", "control_status"], ["CC6.1": "green"], "sections.frameworks.soc2.control_status.CC6.1"),
        (["frameworks", "soc2", "coverage"], ["controls": 1], "sections.frameworks.soc2.coverage.pass"),
        (["frameworks", "soc2", "coverage"], ["controls": 9, "mapped": 1, "assessed": 1, "share": 1, "pass": 1, "fail": 0, "partial": 0,
                                              "not_assessed": 0, "not_assessed_by_assay": 0], "sections.frameworks.soc2.coverage.controls"),
        (["frameworks", "soc2", "title"], Value.null, "sections.frameworks.soc2.title"),
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
