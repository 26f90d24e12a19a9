import Foundation
public import PolicyEngine

/// The Markdown reference of a policy library (`docs/policies.md`): every policy with its
/// documentation, parameters and framework controls, then each framework's controls with the
/// policies that evidence them. A pure function of the loaded policies and catalogs, so the page
/// is regenerated (and checked) by a test rather than written by hand.
public enum PolicyLibraryDocument {
    /// The generated Markdown. `root` is stripped from policy file paths so the page does not
    /// depend on where the checkout lives.
    public static func markdown(policies: [Policy], catalogs: FrameworkCatalogs, root: String) -> String {
        let sorted = policies.sorted { $0.id < $1.id }
        let topics = Dictionary(grouping: sorted, by: \.category)
        let topicNames = topics.keys.sorted()
        var lines: [String] = []
        lines.append("\(sorted.count) policies in \(topicNames.count) topics, mapped to \(catalogs.catalogs.count) frameworks.")
        lines.append("")
        lines += summaryTable(topicNames, topics: topics)
        for topic in topicNames {
            lines += ["", "## Topic `\(topic)`"]
            for policy in topics[topic] ?? [] { lines += section(for: policy, catalogs: catalogs, root: root) }
        }
        lines += ["", "## Framework coverage", ""]
        lines.append("Per framework: what its catalog lists (`policies/frameworks/`), each control the library maps to with the policies "
            + "that evidence it, and the controls no policy checks, which reports show as *not assessed by Assay* and count in the "
            + "coverage figure.")
        for catalog in catalogs.catalogs { lines += coverage(of: catalog, policies: sorted) }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    static func summaryTable(_ topicNames: [String], topics: [String: [Policy]]) -> [String] {
        var lines = ["| topic | policy | severity | enforcement | title |", "|---|---|---|---|---|"]
        for topic in topicNames {
            for policy in topics[topic] ?? [] {
                lines.append("| \(topic) | [`\(policy.id)`](#\(anchor(policy.id))) | \(policy.severity.rawValue) | \(policy.enforcement.rawValue) | \(cell(policy.title)) |")
            }
        }
        return lines
    }

    static func section(for policy: Policy, catalogs: FrameworkCatalogs, root: String) -> [String] {
        var lines = ["", "### \(policy.id)", "", "**\(policy.title)**", ""]
        lines.append("| severity | enforcement | applies to | defined in |")
        lines.append("|---|---|---|---|")
        lines.append("| \(policy.severity.rawValue) | \(policy.enforcement.rawValue) | \(cell(scopeText(policy.scope))) | `\(relative(policy.location.file, to: root))` |")
        if !policy.aliases.isEmpty { lines += ["", "Former ids: " + policy.aliases.map { "`\($0)`" }.joined(separator: ", ")] }
        if !policy.description.isEmpty { lines += ["", policy.description] }
        if !policy.remediation.isEmpty { lines += ["", "**Remediation.** " + policy.remediation] }
        if !policy.params.isEmpty {
            lines += ["", "| parameter | default | meaning |", "|---|---|---|"]
            for name in policy.params.keys.sorted() {
                let value = JSONWriter.compact(policy.params[name] ?? .null)
                lines.append("| `\(name)` | `\(cell(value))` | \(cell(policy.paramDocs[name] ?? "")) |")
            }
        }
        if !policy.frameworks.isEmpty {
            lines += ["", "Controls:", ""]
            for framework in policy.frameworks.keys.sorted() {
                let controls = (policy.frameworks[framework] ?? []).map { control in
                    catalogs.title(framework: framework, control: control).map { "\(control) \(shortTitle($0))" } ?? control
                }
                lines.append("- \(catalogs[framework]?.title ?? framework): \(controls.joined(separator: "; "))")
            }
        }
        return lines
    }

    static func coverage(of catalog: FrameworkCatalog, policies: [Policy]) -> [String] {
        var lines = ["", "### \(catalog.title) (`\(catalog.key)`)", ""]
        var unmapped: [String] = []
        var rows: [String] = []
        for control in catalog.controls {
            let mapped = policies.filter { $0.frameworks[catalog.key]?.contains(control.id) == true }
                .map { "[`\($0.id)`](#\(anchor($0.id)))" }
            if mapped.isEmpty {
                unmapped.append(control.id)
            } else {
                rows.append("| \(control.id) | \(cell(control.title)) | \(mapped.joined(separator: ", ")) |")
            }
        }
        let share = catalog.controls.isEmpty ? 0 : Double(rows.count) / Double(catalog.controls.count)
        lines.append("\(catalog.controls.count) controls in the catalog\(catalog.scope.map { " (\($0.hasSuffix(".") ? String($0.dropLast()) : $0))" } ?? ""); "
            + "the library maps \(rows.count) of them (\(MessageTemplate.percentText(share * 100))).")
        lines += ["", "| control | title | policies |", "|---|---|---|"] + rows
        if !unmapped.isEmpty {
            lines += ["", "Not assessed by Assay (\(unmapped.count)): " + unmapped.joined(separator: ", ") + "."]
        }
        return lines
    }

    // MARK: - Text helpers

    static func scopeText(_ scope: PolicyScope) -> String {
        if let cost = scope.cost {
            let dimensions = cost.groupBy.isEmpty ? "month and currency" : cost.groupBy.joined(separator: " × ")
            return "cost groups by \(dimensions), last \(cost.lastMonths) month(s)" + (scope.filter == nil ? "" : ", filtered")
        }
        let types = scope.types.isEmpty ? "every document" : scope.types.map { "`\($0)`" }.joined(separator: ", ")
        return types + (scope.filter == nil ? "" : ", filtered")
    }

    /// The control title up to its first sentence end, for the per-policy list (SOC 2 and PCI
    /// titles are whole requirement sentences; the coverage tables keep them in full).
    static func shortTitle(_ title: String) -> String {
        let words = title.split(separator: " ")
        guard words.count > 12 else { return "— \(title)" }
        return "— " + words.prefix(12).joined(separator: " ") + " …"
    }

    /// GitHub's heading anchor of a policy id heading (`### a.b_c` → `abc`… keeps `_` and `-`).
    static func anchor(_ id: String) -> String {
        String(id.lowercased().unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }.map(Character.init))
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func relative(_ file: String, to root: String) -> String {
        guard !root.isEmpty, file.hasPrefix(root) else { return file }
        var rest = String(file.dropFirst(root.count))
        while rest.hasPrefix("/") { rest.removeFirst() }
        return rest
    }
}
