public import PolicyEngine

/// GitLab's code-quality report (`artifacts:reports:codequality`): a JSON array with one issue
/// per failing or erroring finding, in GitLab's documented subset of the Code Climate format —
/// `description`, `check_name`, `fingerprint`, `severity` (`info`, `minor`, `major`,
/// `critical`, `blocker`) and `location.path` with `location.lines.begin`. Paths and lines come
/// from `FindingLocation` (the `.tf` block when located). Byte-identical for identical results.
public struct GitLabCodeQualityReport: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// `gitlab-codequality`.
    public var format: ReportFormat { .gitlabCodeQuality }

    /// GitLab's severity for a policy severity.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .info: return "info"
        case .low: return "minor"
        case .medium: return "major"
        case .high: return "critical"
        case .critical: return "blocker"
        }
    }

    /// The JSON text.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        var issues: [Value] = []
        for finding in result.findings where finding.status == .fail || finding.status == .error {
            let location = FindingLocation(finding)
            var lines = Fields()
            lines["begin"] = .number(Double(location?.line ?? 1))
            var place = Fields()
            let path = location?.file ?? ""
            place["path"] = .string(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
            place["lines"] = .object(lines)
            var issue = Fields()
            let prefix = finding.status == .error ? "evaluation error: " : ""
            issue["description"] = .string("\(prefix)\(finding.policy): \(finding.resource): \(finding.message)")
            issue["check_name"] = .string(finding.policy)
            issue["fingerprint"] = .string(finding.fingerprint)
            issue["severity"] = .string(Self.severity(finding.severity))
            issue["type"] = .string("issue")
            issue["location"] = .object(place)
            issues.append(.object(issue))
        }
        return Array(JSONWriter.pretty(.array(issues)).utf8)
    }
}
