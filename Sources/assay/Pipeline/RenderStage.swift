import PolicyEngine
import Reports

/// Pipeline stage 6: write every requested report atomically.
struct RenderStage {
    struct Targets {
        var junit: String?
        var json: String?
        var junitFlavour: JUnitReport.Flavour = .portable
        var html: String?
        var markdown: String?
        var csv: String?

        /// The files written, in writing order.
        var paths: [String] { [junit, json, html, markdown, csv].compactMap { $0 } }
    }

    let targets: Targets

    func run(_ result: RunResult) throws {
        let renderers: [(String?, any ReportRenderer)] = [
            (targets.junit, JUnitReport(flavour: targets.junitFlavour)), (targets.json, JSONReport()), (targets.html, HTMLReport()),
            (targets.markdown, MarkdownReport()), (targets.csv, CSVReport()),
        ]
        for case (let path?, let renderer) in renderers {
            try ReportFile.write(to: path) { output throws(ReportError) in try renderer.write(result, to: output) }
        }
    }
}
