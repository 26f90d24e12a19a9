import PolicyEngine
import PolicyLoader
import Reports

/// Pipeline stage 9 (render): write every requested report atomically.
struct RenderStage {
    /// The requested report files.
    struct Targets {
        /// Report format → file, for each format requested.
        var files: [ReportFormat: String] = [:]
        var junitFlavour: JUnitReport.Flavour = .portable

        /// The flags, each falling back to the config's `outputs:` entry.
        init(_ options: OutputOptions, config: AssayConfig.Outputs = AssayConfig.Outputs()) {
            for format in ReportFormat.allCases {
                files[format] = options[format] ?? config.files[format]
            }
            junitFlavour = options.junitFlavour
        }

        /// The files written, in writing order.
        var paths: [String] { ReportFormat.allCases.compactMap { files[$0] } }

        /// True when no report is requested.
        var isEmpty: Bool { files.isEmpty }
    }

    let targets: Targets

    /// Writes the reports in `ReportFormat` order, each one's flush to disk and rename overlapping
    /// the next one's rendering (`ReportSequence`). A failure stops the reports not yet begun; the
    /// ones already rendered are still put in place, and the first failure is thrown.
    func run(_ result: RunResult) throws {
        let reports = ReportSequence()
        var renderFailure: (any Error)?
        for format in ReportFormat.allCases {
            guard let path = targets.files[format] else { continue }
            let renderer = format.renderer(junitFlavour: targets.junitFlavour)
            do {
                try reports.write(to: path) { output throws(ReportError) in try renderer.write(result, to: output) }
            } catch {
                renderFailure = error
                break
            }
        }
        try reports.finish()
        if let renderFailure { throw renderFailure }
    }
}
