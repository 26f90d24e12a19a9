import ArgumentParser
import PolicyEngine
import Reports

/// Options shared by the commands that load policies, inputs and waivers.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Run configuration (default: ./assay.yaml, else assay.yaml at the repository root, when present).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Policy file or folder, or builtin for the library embedded in assay (repeatable; replaces the config's list; default: builtin).",
        valueName: "path"))
    var policies: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Input file, format detected from content; FORMAT:PATH forces a format (repeatable; replaces the config's list).",
        valueName: "path"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("Waiver file (repeatable; replaces the config's list).", valueName: "file"))
    var waivers: [String] = []

    @Option(name: .long, help: ArgumentHelp("Parameter override [POLICY_ID:]NAME=VALUE; VALUE is YAML (repeatable).", valueName: "assignment"))
    var param: [String] = []

    @Option(name: .customLong("tf-root"), help: ArgumentHelp(
        "Folder of the Terraform configuration: findings of plan/state resources point at their .tf file and line.", valueName: "folder"))
    var tfRoot: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluation date (default: the config's as_of, else today in UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let asOf, CivilDate(parsing: asOf) == nil || asOf.count != 10 {
            throw ValidationError("--as-of '\(asOf)' is not a date in the form YYYY-MM-DD")
        }
        for spec in input where spec.isEmpty {
            throw ValidationError("--input needs a path")
        }
    }
}

/// Output options of `evaluate` and `report`. The report flags are named and explained by
/// `ReportFormat` (`flag`, `help`); `subscript(format)` is the one switch that ties a format to
/// its property, so a new format that lacks its flag does not compile.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong(ReportFormat.junit.flag), help: ArgumentHelp(ReportFormat.junit.help, valueName: "file"))
    var junit: String?

    @Option(name: .customLong(ReportFormat.json.flag), help: ArgumentHelp(ReportFormat.json.help, valueName: "file"))
    var json: String?

    @Option(name: .customLong(ReportFormat.html.flag), help: ArgumentHelp(ReportFormat.html.help, valueName: "file"))
    var html: String?

    @Option(name: .customLong(ReportFormat.markdown.flag), help: ArgumentHelp(ReportFormat.markdown.help, valueName: "file"))
    var markdown: String?

    @Option(name: .customLong(ReportFormat.csv.flag), help: ArgumentHelp(ReportFormat.csv.help, valueName: "file"))
    var csv: String?

    @Option(name: .customLong(ReportFormat.sarif.flag), help: ArgumentHelp(ReportFormat.sarif.help, valueName: "file"))
    var sarif: String?

    @Option(name: .customLong(ReportFormat.gitlabCodeQuality.flag), help: ArgumentHelp(ReportFormat.gitlabCodeQuality.help, valueName: "file"))
    var gitlabCodeQuality: String?

    @Option(name: .long, help: ArgumentHelp("Passing resources in JUnit/JSON: list (one test case each) or summary (one per policy).",
                                            valueName: "mode"))
    var passing: PassingMode?

    @Option(name: .customLong("junit-flavour"), help: ArgumentHelp(
        "portable (default; valid under the Jenkins and Ant schemas) or gitlab (adds file= for annotations).", valueName: "flavour"))
    var junitFlavour: JUnitReport.Flavour = .portable

    /// The file given for `format`'s flag.
    subscript(format: ReportFormat) -> String? {
        switch format {
        case .junit: return junit
        case .json: return json
        case .html: return html
        case .markdown: return markdown
        case .csv: return csv
        case .sarif: return sarif
        case .gitlabCodeQuality: return gitlabCodeQuality
        }
    }

    /// Every report flag, for messages (`--json, --junit, …`).
    static var reportFlags: String { ReportFormat.allCases.map { "--" + $0.flag }.joined(separator: ", ") }
}

/// An enumeration argument matched without regard to case (`--fail-on HIGH`). The core's own
/// enumerations are the arguments; the command line mirrors none of them.
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `--passing` values.
extension PassingMode: CaseInsensitiveArgument {}

/// `--fail-on` values.
extension Severity: CaseInsensitiveArgument {}

/// `--junit-flavour` values.
extension JUnitReport.Flavour: CaseInsensitiveArgument {}

/// `--annotations` values: a CI system, or `none`.
enum AnnotationTarget: ExpressibleByArgument, Equatable {
    case system(CIAnnotations.System)
    /// `none`: no annotations.
    case off

    init?(argument: String) {
        let value = argument.lowercased()
        if value == "none" {
            self = .off
        } else if let system = CIAnnotations.System(rawValue: value) {
            self = .system(system)
        } else {
            return nil
        }
    }

    /// The CI systems, then `none` (help and shell completion).
    static var allValueStrings: [String] { CIAnnotations.System.allCases.map(\.rawValue) + ["none"] }

    /// Shell completion offers the same values.
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// The CI system, nil for `none`.
    var system: CIAnnotations.System? {
        if case .system(let system) = self { return system }
        return nil
    }

    /// The CI whose variables are set, else `none`.
    static func detected(in environment: [String: String]) -> AnnotationTarget {
        CIAnnotations.System.detected(in: environment).map(AnnotationTarget.system) ?? .off
    }
}

/// `--quiet` and `--verbose`, on every command. Parsing them sets `Terminal.verbosity` before
/// the command runs.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "Print only errors (evaluate: also the blocking findings).")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Print every warning of a group and every detail.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
        Terminal.verbosity = quiet ? .quiet : (verbose ? .verbose : .normal)
    }
}
