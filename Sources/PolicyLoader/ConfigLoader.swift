import Foundation
public import PolicyEngine

/// A run configuration (`assay.yaml`, `version: 1`). Paths inside are relative to the config
/// file's folder and are resolved when loading. Every field has a default, so an empty config
/// (`version: 1`) is valid; CLI flags override fields.
public struct AssayConfig: Sendable {
    /// Output files and options.
    public struct Outputs: Sendable, Equatable {
        /// Report format → file, for each report the config's `outputs:` names (keys:
        /// `ReportFormat.configKey`).
        public var files: [ReportFormat: String] = [:]
        /// How passing verdicts are recorded.
        public var passing: PassingMode = .list

        /// No outputs.
        public init() {}
    }

    /// Policy files and folders.
    public var policies: [String] = []
    /// Inputs.
    public var inputs: [InputSpec] = []
    /// Parameter overrides: policy id (or `*` for every policy declaring the parameter) → name → value.
    public var params: [String: [String: Value]] = [:]
    /// Waiver files.
    public var waivers: [String] = []
    /// Outputs.
    public var outputs = Outputs()
    /// Severity threshold for exit code 1.
    public var failOn: Severity = .high
    /// Whether unknown verdicts also fail the run.
    public var failOnUnknown = false
    /// Whether a run that evaluates nothing (no input documents, or no policy matching any) may
    /// succeed; false by default, because a run that checked nothing is never green.
    public var allowEmpty = false
    /// Fixed evaluation date.
    public var asOf: CivilDate?
    /// Labels recorded in every output.
    public var labels: [String: String] = [:]
    /// Run history database, when enabled.
    public var history: String?
    /// Folder of the Terraform configuration, to locate plan and state resources in `.tf` files.
    public var terraformRoot: String?
    /// The database `history: true` names (relative to the config file).
    public static let defaultHistory = ".assay/history.sqlite"
    /// Extra settings of later pipeline stages (`downtime:`, `cost:`, `identity:`), kept as values.
    public var extensions: [String: Value] = [:]
    /// The config file, when loaded from one.
    public var file: String?

    /// The defaults (what `version: 1` alone gives).
    public init() {}
}

/// Loads `assay.yaml`.
public enum ConfigLoader {
    static let keys = [
        "version", "policies", "inputs", "params", "waivers", "outputs", "fail_on", "fail_on_unknown", "as_of", "labels",
        "history", "downtime", "cost", "terraform_root", "identity", "allow_empty",
    ]
    static let inputKeys = ["path", "format", "type", "id_field", "type_field", "list_field"]
    /// The keys of `outputs:`: one per report format, and `passing`.
    static let outputKeys = ReportFormat.allCases.map(\.configKey) + ["passing"]

    /// Loads a config file.
    public static func load(file: String) throws(LoadError) -> AssayConfig {
        let documents = try YAMLNode.documents(file: file)
        guard documents.count == 1, let root = documents.first else {
            throw LoadError(.invalidValue(message: "a config file holds exactly one YAML document"), at: SourceLocation(file: file, line: 1, column: 1))
        }
        let base = (file as NSString).deletingLastPathComponent
        return try parse(root, base: base, file: file)
    }

    /// Parses a config document; relative paths are resolved against `base`.
    static func parse(_ root: YAMLNode, base: String, file: String?) throws(LoadError) -> AssayConfig {
        let entries = try root.mapping("a config mapping")
        try root.checkKeys(entries, allowed: keys, section: "config")
        try PolicyParser.checkVersion(entries.first { $0.key == "version" }?.value, in: root)
        var config = AssayConfig()
        config.file = file
        func resolve(_ path: String) -> String {
            if path.hasPrefix("/") || base.isEmpty || base == "." { return path }
            return ConfigLoader.normalize((base as NSString).appendingPathComponent(path))
        }
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "policies":
                // `builtin` names the library embedded in the binary, not a folder beside the config.
                config.policies = try value.stringList("a list of policy files or folders").map {
                    $0 == BuiltinPolicyLibrary.name ? $0 : resolve($0)
                }
            case "allow_empty": config.allowEmpty = try value.boolean()
            case "waivers": config.waivers = try value.stringList("a list of waiver files").map(resolve)
            case "inputs":
                for item in try value.sequence("a list of inputs") { config.inputs.append(try input(item, resolve: resolve)) }
            case "params":
                for policy in try value.mapping("a mapping of policy id (or \"*\") to parameters") {
                    var overrides: [String: Value] = [:]
                    for param in try policy.value.mapping("a mapping of parameter: value") { overrides[param.key] = try param.value.value() }
                    config.params[policy.key] = overrides
                }
            case "outputs":
                let outputs = try value.mapping("a mapping of outputs")
                try value.checkKeys(outputs, allowed: outputKeys, section: "outputs")
                for output in outputs {
                    if let format = ReportFormat(configKey: output.key) {
                        config.outputs.files[format] = resolve(try output.value.string("a file path"))
                    } else {
                        config.outputs.passing = try PolicyParser.enumeration(output.value, "passing mode")
                    }
                }
            case "fail_on": config.failOn = try PolicyParser.enumeration(value, "severity")
            case "fail_on_unknown": config.failOnUnknown = try value.boolean()
            case "as_of": config.asOf = try value.date()
            case "labels":
                for label in try value.mapping("a mapping of labels") { config.labels[label.key] = try label.value.value().displayText }
            case "history":
                // `history: true` records into the default database beside the config file.
                if case .bool(let enabled) = try value.value() {
                    config.history = enabled ? resolve(AssayConfig.defaultHistory) : nil
                } else {
                    config.history = resolve(try value.string("a database path, or true for \(AssayConfig.defaultHistory)"))
                }
            case "terraform_root": config.terraformRoot = resolve(try value.string("a folder of .tf files"))
            case "downtime", "cost", "identity": config.extensions[entry.key] = try value.value()
            default: break
            }
        }
        return config
    }

    private static func input(_ node: YAMLNode, resolve: (String) -> String) throws(LoadError) -> InputSpec {
        if !node.isMapping {
            return InputSpec(path: resolve(try node.string("an input path or a mapping with path")))
        }
        let entries = try node.mapping("an input")
        try node.checkKeys(entries, allowed: inputKeys, section: "input")
        guard let path = entries.first(where: { $0.key == "path" }) else { throw node.error(.missingKey(key: "path", section: "input")) }
        var spec = InputSpec(path: resolve(try path.value.string("a file path")))
        for entry in entries {
            switch entry.key {
            case "format": spec.format = try PolicyParser.enumeration(entry.value, "input format")
            case "type": spec.mapping.type = try entry.value.string("a resource type")
            case "id_field": spec.mapping.idField = try entry.value.string("a field name")
            case "type_field": spec.mapping.typeField = try entry.value.string("a field name")
            case "list_field": spec.mapping.listField = try entry.value.string("a field name")
            default: break
            }
        }
        return spec
    }

    /// Collapses `.` and `name/..` steps of a path without touching the file system, so a config
    /// in `fixtures/` naming `../reports/x` gives `reports/x` in messages and evidence.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Parses a `--param [POLICY:]NAME=VALUE` flag; VALUE is read as YAML (`[a, b]`, `90`, `true`).
    public static func parseParamFlag(_ text: String) throws(LoadError) -> (policy: String, name: String, value: Value) {
        let location = SourceLocation(file: "--param")
        guard let equals = text.firstIndex(of: "=") else {
            throw LoadError(.invalidValue(message: "--param '\(text)': expected [POLICY_ID:]NAME=VALUE"), at: location)
        }
        let key = String(text[..<equals])
        let valueText = String(text[text.index(after: equals)...])
        var policy = "*"
        var name = key
        if let colon = key.lastIndex(of: ":") {
            policy = String(key[..<colon])
            name = String(key[key.index(after: colon)...])
        }
        guard !name.isEmpty, !policy.isEmpty else {
            throw LoadError(.invalidValue(message: "--param '\(text)': expected [POLICY_ID:]NAME=VALUE"), at: location)
        }
        let documents = try YAMLNode.documents(text: valueText.isEmpty ? "\"\"" : valueText, file: "--param \(key)")
        let value = try documents.first?.value() ?? .string("")
        return (policy, name, value)
    }
}
