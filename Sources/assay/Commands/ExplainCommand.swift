import ArgumentParser
import PolicyEngine
import PolicyLoader

/// `assay explain`: documentation of a policy or an operator, from the same data the engine uses.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what a policy or an operator means, with examples.",
        discussion: """
            Examples:
              assay explain encryption.at_rest.enabled
              assay explain within_days
              assay explain operators
            """
    )

    @Argument(help: ArgumentHelp("A policy id, an operator name, or 'operators'.", valueName: "name"))
    var name: String

    @OptionGroup var runOptions: RunOptions

    func run() throws {
        if name == "operators" {
            for op in Operator.allCases { print("\(op.rawValue.padding(to: 16))\(op.summary)") }
            return
        }
        if let op = Operator(rawValue: name) {
            print(OperatorReference.text(for: op))
            return
        }
        let request = try RunRequest.build(runOptions)
        let policySet = try PolicySetLoader.load(paths: request.config.policies)
        guard let policy = policySet.policies.first(where: { $0.id == name || $0.aliases.contains(name) }) else {
            let candidates = policySet.policies.map(\.id) + Operator.allCases.map(\.rawValue)
            let hint = NameSuggester.suggestion(for: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandFailure.input("'\(name)' is neither a policy in \(request.config.policies.joined(separator: ", ")) nor an operator\(hint)")
        }
        let catalogs = try FrameworkCatalogLoader.load(paths: request.config.policies)
        Terminal.output(PolicyDocumentation.text(for: policy, params: request.overrides(for: policy), catalogs: catalogs) + "\n")
    }
}

/// Plain-text documentation of a policy.
enum PolicyDocumentation {
    static func text(for policy: Policy, params overrides: [String: Value], catalogs: FrameworkCatalogs) -> String {
        var lines = [
            "\(policy.id) — \(policy.title)",
            "severity: \(policy.severity.rawValue) · enforcement: \(policy.enforcement.rawValue) · category: \(policy.category)",
            "defined at: \(policy.location)",
        ]
        if !policy.aliases.isEmpty { lines.append("aliases: \(policy.aliases.joined(separator: ", "))") }
        if !policy.description.isEmpty { lines += ["", "Why it matters:", "  " + policy.description] }
        if !policy.remediation.isEmpty { lines += ["", "Remediation:", "  " + policy.remediation] }
        if let cost = policy.scope.cost {
            lines += ["", "Applies to: cost groups by \(cost.groupBy.joined(separator: ", ")) over the last \(cost.lastMonths) complete month(s)"]
        } else {
            lines += ["", "Applies to: " + (policy.scope.types.isEmpty ? "every document" : policy.scope.types.joined(separator: ", "))]
        }
        if !policy.params.isEmpty {
            lines += ["", "Parameters:"]
            for name in policy.params.keys.sorted() {
                let value = overrides[name] ?? policy.params[name] ?? .null
                let source = overrides[name] == nil ? "default" : "overridden"
                var line = "  \(name) = \(JSONWriter.compact(value)) (\(source))"
                if let doc = policy.paramDocs[name] { line += " — \(doc)" }
                lines.append(line)
            }
        }
        if !policy.frameworks.isEmpty {
            lines += ["", "Framework controls:"]
            for framework in policy.frameworks.keys.sorted() {
                lines.append("  \(catalogs[framework]?.title ?? framework) (\(framework)):")
                for control in policy.frameworks[framework] ?? [] {
                    let title = catalogs.title(framework: framework, control: control) ?? "(not in the \(framework) catalog)"
                    lines.append("    \(control) — \(title)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Left-aligned in a column of `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
