import Foundation
import PolicyEngine
import PolicyLoader

/// Everything one run needs, from the config file with CLI flags applied on top.
struct RunRequest {
    var config: AssayConfig
    var asOf: CivilDate
    /// Whether the as-of date came from the clock (reported, since it makes outputs date-dependent).
    var asOfFromClock: Bool
    var paramFlags: [(policy: String, name: String, value: Value)]

    /// Merges the config file (if any) and the flags. Relative flag paths stay relative to the
    /// working directory; config paths are relative to the config file. Without `--config`, the
    /// discovered config (`ConfigDiscovery`) is used and announced on stderr; without any policy
    /// path, the library embedded in the binary (`builtin`).
    static func build(_ options: RunOptions, defaultPolicies: [String] = [BuiltinPolicyLibrary.name]) throws -> RunRequest {
        var configFile = options.config
        if configFile == nil, let found = ConfigDiscovery.find() {
            configFile = found
            Terminal.line(Terminal.styled("using config \(found)", .dim) + " (found by discovery; pass --config to choose another)")
        }
        var config = try configFile.map(ConfigLoader.load(file:)) ?? AssayConfig()
        if !options.policies.isEmpty { config.policies = options.policies }
        if config.policies.isEmpty { config.policies = defaultPolicies }
        if !options.input.isEmpty { config.inputs = try options.input.map(parseInputFlag) }
        if !options.waivers.isEmpty { config.waivers = options.waivers }
        if let root = options.tfRoot { config.terraformRoot = root }
        var asOfFromClock = false
        if let flag = options.asOf, let date = CivilDate(parsing: flag) {
            config.asOf = date
        }
        let asOf: CivilDate
        if let fixed = config.asOf {
            asOf = fixed
        } else {
            asOf = Clock.todayUTC()
            asOfFromClock = true
        }
        var flags: [(policy: String, name: String, value: Value)] = []
        for text in options.param { flags.append(try ConfigLoader.parseParamFlag(text)) }
        return RunRequest(config: config, asOf: asOf, asOfFromClock: asOfFromClock, paramFlags: flags)
    }

    /// `--input PATH` or `--input FORMAT:PATH`.
    static func parseInputFlag(_ text: String) throws -> InputSpec {
        if let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            if let format = InputFormat(rawValue: prefix) {
                return InputSpec(path: String(text[text.index(after: colon)...]), format: format)
            }
            if !FileManager.default.fileExists(atPath: text), !prefix.contains("/") {
                let known = InputFormat.allCases.map(\.rawValue)
                let hint = NameSuggester.suggestion(for: prefix, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandFailure.input("--input \(text): unknown format '\(prefix)'\(hint); formats: \(known.joined(separator: ", "))")
            }
        }
        return InputSpec(path: text)
    }

    /// Parameter overrides for one policy: `*` entries the policy declares, then entries for its
    /// id, then `--param` flags (same order).
    func overrides(for policy: Policy) -> [String: Value] {
        var result: [String: Value] = [:]
        for (name, value) in config.params["*"] ?? [:] where policy.params[name] != nil { result[name] = value }
        for key in [policy.id] + policy.aliases {
            for (name, value) in config.params[key] ?? [:] { result[name] = value }
        }
        for flag in paramFlags where flag.policy == "*" && policy.params[flag.name] != nil { result[flag.name] = flag.value }
        for flag in paramFlags where flag.policy == policy.id || policy.aliases.contains(flag.policy) { result[flag.name] = flag.value }
        return result
    }

    /// Fails when an override names a policy that is not loaded (a typo would otherwise silently
    /// change nothing), or a `*` parameter that no policy declares.
    func checkOverrideTargets(_ policies: [Policy]) throws {
        let names = Set(policies.flatMap { [$0.id] + $0.aliases })
        let declared = Set(policies.flatMap { $0.params.keys })
        let targets = Array(config.params.keys) + paramFlags.map(\.policy)
        for target in targets where target != "*" && !names.contains(target) {
            let hint = NameSuggester.suggestion(for: target, among: names.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandFailure.input("parameter override for unknown policy '\(target)'\(hint)")
        }
        let global = Array((config.params["*"] ?? [:]).keys) + paramFlags.filter { $0.policy == "*" }.map(\.name)
        for name in global where !declared.contains(name) {
            let hint = NameSuggester.suggestion(for: name, among: declared.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandFailure.input("parameter '\(name)' is not declared by any loaded policy\(hint)")
        }
    }
}

/// Finds the run configuration when `--config` is not given: `./assay.yaml`, then `assay.yaml` at
/// the root of the enclosing repository (the nearest parent folder holding `.git`).
enum ConfigDiscovery {
    static let fileName = "assay.yaml"

    /// The config path to use (relative when in the working directory), nil when there is none.
    static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        let files = FileManager.default
        if files.fileExists(atPath: (directory as NSString).appendingPathComponent(fileName)) { return fileName }
        var folder = directory
        while true {
            if files.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) {
                let candidate = (folder as NSString).appendingPathComponent(fileName)
                return files.fileExists(atPath: candidate) ? candidate : nil
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }
}

/// The only place Assay reads the clock: the default as-of date.
enum Clock {
    /// Today's date in UTC.
    static func todayUTC() -> CivilDate {
        CivilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
