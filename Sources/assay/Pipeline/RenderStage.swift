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
        if let path = targets.junit { try ReportFile.write(try JUnitReport(flavour: targets.junitFlavour).render(result), to: path) }
        if let path = targets.json { try ReportFile.write(try JSONReport().render(result), to: path) }
        if let path = targets.html { try ReportFile.write(try HTMLReport().render(result), to: path) }
        if let path = targets.markdown { try ReportFile.write(try MarkdownReport().render(result), to: path) }
        if let path = targets.csv { try ReportFile.write(try CSVReport().render(result), to: path) }
    }
}
