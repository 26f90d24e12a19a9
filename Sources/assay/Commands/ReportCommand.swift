import ArgumentParser
import Foundation
import PolicyEngine
import Reports

/// `assay report`: re-render reports from JSON results, merging several into one.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render HTML, JUnit, Markdown, CSV, SARIF, GitLab code-quality or JSON reports from one or more JSON results.",
        discussion: """
            Several results (one per account from parallel CI jobs, say) merge into one report: policy \
            counts are summed, findings concatenated and re-sorted, inputs unioned. The same policy \
            and resource in two results is counted once and listed as a duplicate (see docs/reports.md). \
            As-of dates must agree unless --allow-mixed-as-of is given.

            Examples:
              assay report reports/results.json --html reports/report.html
              assay report eu.json us.json --html merged.html --junit merged.xml --json merged.json
              assay report big.json --junit junit.xml --passing summary
              assay report reports/results.json --sarif reports/results.sarif

            Exit codes: 0 written · 2 unreadable results, conflicting as-of dates or nothing to write.
            """
    )

    @Argument(help: ArgumentHelp("JSON results written by `assay evaluate --json`.", valueName: "results.json"))
    var results: [String]

    @OptionGroup var outputs: OutputOptions
    @OptionGroup var verbosity: VerbosityOptions

    @Flag(name: .customLong("allow-mixed-as-of"), help: "Merge results of different as-of dates (the report uses the latest).")
    var allowMixedAsOf = false

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results file") }
        if RenderStage.Targets(outputs).isEmpty {
            throw ValidationError("nothing to write: give at least one of \(OutputOptions.reportFlags)")
        }
    }

    func run() throws {
        let targets = RenderStage.Targets(outputs)
        try OutputTargets.check(outputs: targets.paths, against: results)
        let sources = try results.map { path in ResultMerge.Source(name: path, result: try Self.load(path)) }
        var result: RunResult
        if sources.count == 1, let only = sources.first {
            // One file re-renders as it is, so `--json` reproduces it byte for byte.
            result = only.result
        } else {
            let merged = try ResultMerge.merge(sources, allowMixedAsOf: allowMixedAsOf)
            for duplicate in merged.duplicates {
                Terminal.warning("duplicate resource \(duplicate.resource) under \(duplicate.policy): kept from \(duplicate.keptFrom), "
                    + "dropped from \(duplicate.droppedFrom.joined(separator: ", "))")
            }
            for note in merged.notes { Terminal.warning(note) }
            result = merged.result
        }
        if let passing = outputs.passing, passing != result.passing {
            guard passing == .summary else {
                throw CommandFailure.input("--passing list: the results record passing resources as counts only, so they cannot be listed")
            }
            // Counts only: the passing findings go, the policy counts stay.
            result.passing = .summary
            result.findings.removeAll { $0.status == .pass }
        }
        try RenderStage(targets: targets).run(result)
        for path in targets.paths { Terminal.line(Terminal.styled("wrote ", .dim, on: .diagnostics) + path) }
    }

    /// Reads and decodes one results file, its sections with a schema strictly.
    static func load(_ path: String) throws -> RunResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError.unreadableResults(file: path, reason: "no such file or not readable")
        }
        let result: RunResult
        do {
            result = try RunResultCodec.decode(try JSONParser.parse(Array(data)))
        } catch let error as JSONSyntaxError {
            throw ReportError.unreadableResults(file: path, reason: "not JSON (\(error))")
        } catch {
            throw ReportError.unreadableResults(file: path, reason: "\(error)")
        }
        do {
            try ResultSections.check(result)
        } catch ReportError.malformedSection(let error) {
            throw ReportError.unreadableResults(file: path, reason: error.description)
        }
        return result
    }
}
