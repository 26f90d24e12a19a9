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
                switch format {
                case .junit: files[format] = options.junit ?? config.junit
                case .json: files[format] = options.json ?? config.json
                case .html: files[format] = options.html ?? config.html
                case .markdown: files[format] = options.markdown ?? config.markdown
                case .csv: files[format] = options.csv ?? config.csv
                case .sarif: files[format] = options.sarif ?? config.sarif
                case .gitlabCodeQuality: files[format] = options.gitlabCodeQuality ?? config.gitlabCodeQuality
                }
            }
            junitFlavour = options.junitFlavour == .gitlab ? .gitlab : .portable
        }

        /// The files written, in writing order.
        var paths: [String] { ReportFormat.allCases.compactMap { files[$0] } }

        /// True when no report is requested.
        var isEmpty: Bool { files.isEmpty }
    }

    let targets: Targets

    /// The renderer of each format (the compiler checks that every format has one).
    func renderer(for format: ReportFormat) -> any ReportRenderer {
        switch format {
        case .junit: return JUnitReport(flavour: targets.junitFlavour)
        case .json: return JSONReport()
        case .html: return HTMLReport()
        case .markdown: return MarkdownReport()
        case .csv: return CSVReport()
        case .sarif: return SARIFReport()
        case .gitlabCodeQuality: return GitLabCodeQualityReport()
        }
    }

    func run(_ result: RunResult) throws {
        for format in ReportFormat.allCases {
            guard let path = targets.files[format] else { continue }
            let renderer = renderer(for: format)
            try ReportFile.write(to: path) { output throws(ReportError) in try renderer.write(result, to: output) }
        }
    }
}
