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

/// Output options of `evaluate` and `report`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write JUnit XML here.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("Write the JSON results here.", valueName: "file"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Write the self-contained HTML audit report here.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Write the Markdown summary (PR comments, CI step summaries) here.", valueName: "file"))
    var markdown: String?

    @Option(name: .long, help: ArgumentHelp("Write every finding as CSV (RFC 4180) here.", valueName: "file"))
    var csv: String?

    @Option(name: .long, help: ArgumentHelp("Write SARIF 2.1.0 (GitHub code scanning) here.", valueName: "file"))
    var sarif: String?

    @Option(name: .customLong("gitlab-codequality"), help: ArgumentHelp("Write a GitLab code-quality report here.", valueName: "file"))
    var gitlabCodeQuality: String?

    @Option(name: .long, help: ArgumentHelp("Passing resources in JUnit/JSON: list (one test case each) or summary (one per policy).",
                                            valueName: "mode"))
    var passing: PassingArgument?

    @Option(name: .customLong("junit-flavour"), help: ArgumentHelp(
        "portable (default; valid under the Jenkins and Ant schemas) or gitlab (adds file= for annotations).", valueName: "flavour"))
    var junitFlavour: JUnitFlavourArgument = .portable
}

/// An enumeration argument matched without regard to case (`--fail-on HIGH`).
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `--passing` values.
enum PassingArgument: String, CaseInsensitiveArgument {
    case list, summary

    var mode: PassingMode { self == .list ? .list : .summary }
}

/// `--fail-on` values.
enum SeverityArgument: String, CaseInsensitiveArgument {
    case info, low, medium, high, critical

    var severity: Severity { Severity(rawValue: rawValue) ?? .high }
}

/// `--junit-flavour` values.
enum JUnitFlavourArgument: String, CaseInsensitiveArgument {
    case portable, gitlab
}

/// `--annotations` values.
enum AnnotationArgument: String, CaseInsensitiveArgument {
    case github, gitlab, azure, none

    /// The CI system, nil for `none`.
    var system: CIAnnotations.System? {
        switch self {
        case .github: return .github
        case .gitlab: return .gitlab
        case .azure: return .azure
        case .none: return nil
        }
    }

    /// The CI whose variables are set, else `none`.
    static func detected(in environment: [String: String]) -> AnnotationArgument {
        switch CIAnnotations.System.detected(in: environment) {
        case .github?: return .github
        case .gitlab?: return .gitlab
        case .azure?: return .azure
        case nil: return .none
        }
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
