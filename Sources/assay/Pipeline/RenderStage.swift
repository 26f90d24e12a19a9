import PolicyEngine
import Reports

/// Pipeline stage 6: write every requested report atomically.
struct RenderStage {
    struct Targets {
        var junit: String?
        var json: String?
        var junitFlavour: JUnitReport.Flavour = .portable
    }

    let targets: Targets

    func run(_ result: RunResult) throws {
        if let path = targets.junit { try ReportFile.write(try JUnitReport(flavour: targets.junitFlavour).render(result), to: path) }
        if let path = targets.json { try ReportFile.write(try JSONReport().render(result), to: path) }
    }
}
