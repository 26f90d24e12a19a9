import Foundation
import Testing
import TestSupport

/// `assay report` and `assay evaluate --html/--markdown/--csv`, run as a user runs them.
@Suite("assay report end to end", .serialized)
struct ReportCommandTests {
    static let rich = "Tests/ReportsTests/Fixtures/rich-results.json"

    private func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test("one results file re-renders; its JSON comes back byte for byte; two processes write the same HTML")
    func reRender() throws {
        let folder = Fixtures.temporaryFolder("cli-report")
        var pages: [[UInt8]] = []
        for run in 0..<2 {
            let html = folder.appendingPathComponent("report-\(run).html").path
            let json = folder.appendingPathComponent("results-\(run).json").path
            let output = try AssayProcess.run(["report", Self.rich, "--html", html, "--json", json, "--markdown",
                                               folder.appendingPathComponent("summary.md").path])
            #expect(output.status == 0, "\(output.stderr)")
            pages.append(try bytes(html))
            #expect(try bytes(json) == bytes(Fixtures.path(Self.rich)))
        }
        // Separate processes hash dictionaries with different seeds: equal bytes mean no order leaks in.
        #expect(pages[0] == pages[1])
        #expect(String(decoding: pages[0], as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
    }

    @Test("several results merge; duplicates are reported on stderr and in the report")
    func merge() throws {
        let folder = Fixtures.temporaryFolder("cli-merge")
        let json = folder.appendingPathComponent("merged.json").path
        let csv = folder.appendingPathComponent("merged.csv").path
        let output = try AssayProcess.run(["report", Self.rich, Self.rich, "--json", json, "--csv", csv])
        #expect(output.status == 0, "\(output.stderr)")
        // Every finding of the rich result is a duplicate of itself: 18 warnings, one per resource.
        #expect(output.stderr.components(separatedBy: "duplicate resource").count - 1 == 18)
        let merged = try JSONSerialization.jsonObject(with: Data(try bytes(json))) as? [String: Any]
        let summary = merged?["summary"] as? [String: Any]
        #expect((summary?["counts"] as? [String: Any])?["evaluated"] as? Int == 18)
        let duplicates = (merged?["sections"] as? [String: Any])?["merge"] as? [String: Any]
        #expect((duplicates?["duplicates"] as? [Any])?.count == 18)
        let lines = String(decoding: try bytes(csv), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 19)
    }

    @Test("usage and input errors exit 2", arguments: [
        ["report", "Tests/ReportsTests/Fixtures/rich-results.json"],
        ["report", "no-such-results.json", "--html", "/tmp/x.html"],
        ["report", "Package.swift", "--html", "/tmp/x.html"],
    ])
    func errors(arguments: [String]) throws {
        let output = try AssayProcess.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    /// The rich results with their sections edited by `edit`, written to `broken.json` in `folder`.
    static func richResults(in folder: URL, edit: (inout [String: Any]) throws -> Void) throws -> String {
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path(Self.rich))))
            as? [String: Any])
        var sections = try #require(document["sections"] as? [String: Any])
        try edit(&sections)
        document["sections"] = sections
        let broken = folder.appendingPathComponent("broken.json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: broken))
        return broken
    }

    @Test("a malformed section is an error naming the file and the member, and nothing is written")
    func malformedSection() throws {
        let folder = Fixtures.temporaryFolder("cli-malformed-section")
        let broken = try Self.richResults(in: folder) { sections in
            var cost = try #require(sections["cost"] as? [String: Any])
            var totals = try #require(cost["totals"] as? [[String: Any]])
            totals[0]["amount"] = true
            cost["totals"] = totals
            sections["cost"] = cost
        }
        let html = folder.appendingPathComponent("report.html").path
        let output = try AssayProcess.run(["report", broken, "--html", html])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("broken.json"), "\(output.stderr)")
        #expect(output.stderr.contains("sections.cost.totals[0].amount: expected money"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    @Test("a malformed frameworks, merge, run, downtime or baseline section is an error naming the file and the member; nothing is written",
          arguments: [
        ("frameworks", #"{"soc2": {"title": "SOC 2", "controls": ["CC6.1"]}}"#, "sections.frameworks.soc2.controls: expected an object"),
        ("frameworks", #"{"soc2": {"title": "SOC 2", "controls": {}, "covrage": {}}}"#, "sections.frameworks.soc2.covrage: expected no such member"),
        ("frameworks", #"{"soc2": {"title": "SOC 2", "controls": {"CC6.1": "x"}, "control_status": {"CC6.1": "green"}}}"#,
         "sections.frameworks.soc2.control_status.CC6.1: expected pass, fail, partial"),
        ("downtime", #"{"schema_version": 1, "as_of": "2026-11-27", "applications": [{"id": "a", "strategies": [{"key": "current", "compliance": {"meets_rto": "yes"}}]}]}"#,
         "sections.downtime.applications[0].strategies[0].compliance.meets_rto: expected true or false"),
        ("downtime", #"{"schema_version": 1, "as_of": "2026-11-27", "applications": [{"id": "a", "expected_anual_loss": "12.50"}]}"#,
         "sections.downtime.applications[0].expected_anual_loss: expected no such member"),
        ("downtime", #"{"schema_version": 2, "as_of": "2026-11-27", "applications": []}"#, "sections.downtime.schema_version: expected 1"),
        ("baseline", #"{"kind": "file", "run": null, "file": "old.json", "database": null, "results_sha256": "ab", "record_sha256": null, "as_of": "2026-11-01", "open": 3, "new": "two", "new_blocking": 0, "persisting": 1, "fixed": 0, "persisting_fingerprints": []}"#,
         "sections.baseline.new: expected a number"),
        ("merge", #"{"sources": [{"name": "a.json", "as_of": "2026-11-27", "policy_set_digest": "x", "findings": "many"}]}"#,
         "sections.merge.sources[0].findings: expected a number"),
        ("run", #"{"duration_seconds": "long"}"#, "sections.run.duration_seconds: expected a number"),
    ])
    func malformedStrictSection(section: String, json: String, message: String) throws {
        let folder = Fixtures.temporaryFolder("cli-malformed-\(section)")
        let broken = try Self.richResults(in: folder) { sections in sections[section] = try JSONSerialization.jsonObject(with: Data(json.utf8)) }
        let markdown = folder.appendingPathComponent("summary.md").path
        let output = try AssayProcess.run(["report", broken, "--markdown", markdown])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("broken.json"), "\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: markdown))
    }

    @Test("no report flag overwrites a results file it reads", arguments: ["--sarif", "--gitlab-codequality", "--json"])
    func outputOverInput(flag: String) throws {
        let folder = Fixtures.temporaryFolder("cli-report-overwrite")
        let copy = Fixtures.write(String(decoding: try bytes(Fixtures.path(Self.rich)), as: UTF8.self), to: "results.json", in: folder)
        let before = try bytes(copy)
        let output = try AssayProcess.run(["report", copy, flag, copy])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("is an input"), "\(output.stderr)")
        #expect(try bytes(copy) == before)
    }

    @Test("results of different as-of dates do not merge without --allow-mixed-as-of")
    func mixedAsOf() throws {
        let folder = Fixtures.temporaryFolder("cli-asof")
        let text = String(decoding: try bytes(Fixtures.path(Self.rich)), as: UTF8.self)
        let earlier = Fixtures.write(text.replacingOccurrences(of: "\"as_of\": \"2026-11-27\"", with: "\"as_of\": \"2026-11-20\""),
                                     to: "earlier.json", in: folder)
        let html = folder.appendingPathComponent("r.html").path
        let refused = try AssayProcess.run(["report", Self.rich, earlier, "--html", html])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("as-of dates differ"))
        let allowed = try AssayProcess.run(["report", Self.rich, earlier, "--html", html, "--allow-mixed-as-of"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: html))
    }

    @Test("evaluate writes the HTML, Markdown and CSV reports")
    func evaluate() throws {
        let folder = Fixtures.temporaryFolder("cli-evaluate-html")
        let html = folder.appendingPathComponent("report.html").path
        let markdown = folder.appendingPathComponent("summary.md").path
        let csv = folder.appendingPathComponent("findings.csv").path
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--html", html, "--markdown", markdown, "--csv", csv])
        #expect(output.status == 1, "\(output.stderr)")
        let page = String(decoding: try bytes(html), as: UTF8.self)
        #expect(page.contains("<section id=\"findings\""))
        #expect(String(decoding: try bytes(markdown), as: UTF8.self).hasPrefix("## Assay: ✗ Not compliant"))
        #expect(String(decoding: try bytes(csv), as: UTF8.self).hasPrefix("policy,policy_title,"))
    }
}
