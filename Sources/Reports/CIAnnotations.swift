public import PolicyEngine

/// One annotation per blocking finding, in the syntax of the CI system's log, pointing at the
/// `.tf` block or input file (`FindingLocation`):
///
/// - GitHub Actions workflow command: `::error file=main.tf,line=12,title=policy::message`, with
///   `%`, CR and LF escaped in the message and also `:` and `,` in properties (the escaping of
///   `@actions/core`).
/// - Azure Pipelines logging command: `##vso[task.logissue type=error;sourcepath=…;linenumber=…;code=…]message`,
///   with `%` as `%AZP25`, CR/LF, `;` and `]` escaped (the escaping of `azure-pipelines-task-lib`).
/// - GitLab has no log annotation syntax (merge requests annotate from the code-quality report,
///   `--gitlab-codequality`): `path:line: error: message` lines, the form compilers print.
public struct CIAnnotations: Sendable {
    /// The CI systems.
    public enum System: String, CaseIterable, Sendable {
        case github, gitlab, azure

        /// The system whose own variables are set: `GITHUB_ACTIONS`, `GITLAB_CI`, `TF_BUILD` (Azure).
        public static func detected(in environment: [String: String]) -> System? {
            if environment["GITHUB_ACTIONS"]?.isEmpty == false { return .github }
            if environment["GITLAB_CI"]?.isEmpty == false { return .gitlab }
            if environment["TF_BUILD"]?.isEmpty == false { return .azure }
            return nil
        }
    }

    /// The syntax written.
    public let system: System

    /// Creates the writer.
    public init(system: System) { self.system = system }

    /// The annotation lines of the blocking findings, in result order.
    public func lines(_ result: RunResult) -> [String] {
        result.findings.indices.filter { result.isBlocking(findingAt: $0) }.map { line(result.findings[$0]) }
    }

    /// One finding's annotation.
    public func line(_ finding: Finding) -> String {
        let location = FindingLocation(finding)
        let status = finding.status == .error ? "evaluation error: " : ""
        let message = "\(status)\(finding.resource): \(finding.message)"
        let title = "\(finding.policy) (\(finding.severity.rawValue))"
        switch system {
        case .github:
            var properties: [String] = []
            if let location {
                properties.append("file=" + Self.githubProperty(location.file))
                if let line = location.line { properties.append("line=\(line)") }
            }
            properties.append("title=" + Self.githubProperty(title))
            return "::error " + properties.joined(separator: ",") + "::" + Self.githubData(message)
        case .azure:
            var properties = ["type=error"]
            if let location {
                properties.append("sourcepath=" + Self.azureProperty(location.file))
                if let line = location.line { properties.append("linenumber=\(line)") }
            }
            properties.append("code=" + Self.azureProperty(finding.policy))
            return "##vso[task.logissue " + properties.joined(separator: ";") + "]" + Self.azureData("\(title): \(message)")
        case .gitlab:
            let place = location.map { "\($0.text): " } ?? ""
            return "\(place)error: \(title): " + message.replacingNewlines()
        }
    }

    /// `@actions/core` `escapeData`.
    static func githubData(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// `@actions/core` `escapeProperty`.
    static func githubProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// `azure-pipelines-task-lib` `escapedata`.
    static func azureData(_ text: String) -> String {
        escape(text, ["%": "%AZP25", "\r": "%0D", "\n": "%0A"])
    }

    /// `azure-pipelines-task-lib` `escape` (properties).
    static func azureProperty(_ text: String) -> String {
        escape(text, ["%": "%AZP25", "\r": "%0D", "\n": "%0A", ";": "%3B", "]": "%5D"])
    }

    /// `text` with each listed scalar replaced. Scalars, not characters: `"\r\n"` is one
    /// `Character`, and both of its scalars must be escaped.
    static func escape(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] { escaped += replacement } else { escaped.unicodeScalars.append(scalar) }
        }
        return escaped
    }
}

extension String {
    /// Line breaks as spaces (one finding, one log line).
    fileprivate func replacingNewlines() -> String {
        CIAnnotations.escape(replacing("\r\n", with: " "), ["\r": " ", "\n": " "])
    }
}
