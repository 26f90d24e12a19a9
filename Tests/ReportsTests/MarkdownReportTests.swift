import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

@Suite("Markdown summary")
struct MarkdownReportTests {
    /// The table rows under the heading that starts with `heading`, up to the next heading.
    static func rows(under heading: String, in text: String) -> [Substring] {
        let lines = text.split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("#") && !$0.hasPrefix("<sub>") }
        return section.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Policy |") }
    }

    @Test("matches the golden file")
    func golden() throws {
        let bytes = try MarkdownReport().render(try ReportFixtures.rich())
        if let mismatch = GoldenFile.mismatch(bytes, golden: "Tests/ReportsTests/Goldens/rich-summary.md") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("verdict, score, blocking findings and expiring waivers of the rich result")
    func content() throws {
        let text = String(decoding: try MarkdownReport().render(try ReportFixtures.rich()), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "## Assay: ✗ Not compliant — acme-retail, as of 2026-11-27")
        #expect(text.contains("Compliance score **55.6%**"))
        #expect(lines.contains("### Blocking findings (4)"))
        // Blocking = the four failures of high/hard policies; the medium and advisory ones are not.
        let blockingRows = Self.rows(under: "### Blocking findings", in: text)
        #expect(blockingRows.map { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) } ==
            ["access.review.age", "access.review.age", "dr.test.cadence", "dr.test.cadence"])
        #expect(lines.contains { $0.hasPrefix("- Expires **2026-12-15** (18 days): access.review.age") })
        #expect(lines.contains("- Billed in 2026-10: **USD 24,265.77** (+19.0% on the month before)"))
        #expect(lines.contains { $0.hasPrefix("- Applications not DR-ready: **2 of 4**") })
    }

    @Test("blocking findings are capped with the count of the rest")
    func capped() throws {
        let text = String(decoding: try MarkdownReport(blockingLimit: 20).render(ReportFixtures.minimal(failing: 35)), as: UTF8.self)
        #expect(text.contains("### Blocking findings (first 20 of 35)"))
        #expect(Self.rows(under: "### Blocking findings", in: text).count == 20)
        #expect(text.contains("… and 15 more blocking findings"))
    }

    @Test("a compliant run says so and lists no blocking table")
    func compliant() throws {
        let text = String(decoding: try MarkdownReport().render(ReportFixtures.minimal(failing: 0, passing: 3)), as: UTF8.self)
        #expect(text.hasPrefix("## Assay: ✓ Compliant, as of 2026-11-27"))
        #expect(!text.contains("### Blocking findings"))
        #expect(text.contains("Compliance score **100.0%**"))
    }
}
