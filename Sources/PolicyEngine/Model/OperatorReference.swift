/// Text documentation of the operators, generated from `Operator`'s own summaries and examples:
/// `assay explain` prints it and docs/policy-language.md embeds it (a test keeps them equal).
public enum OperatorReference {
    /// The as-of date the examples are evaluated with.
    public static let examplesAsOf = "2026-06-30"

    /// Plain text for one operator.
    public static func text(for op: Operator) -> String {
        var lines = ["\(op.rawValue): \(op.summary)", "", "Examples (as of \(examplesAsOf)):"]
        for example in op.examples {
            lines.append("  document:  \(example.document)")
            lines.append("  condition: \(example.condition)")
            lines.append("  outcome:   \(example.expected.rawValue)")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The Markdown reference section: one subsection per operator with its examples as a table.
    public static var markdown: String {
        var lines: [String] = []
        for op in Operator.allCases {
            lines.append("### `\(op.rawValue)`")
            lines.append("")
            lines.append(op.summary)
            lines.append("")
            lines.append("| document | condition | outcome |")
            lines.append("|---|---|---|")
            for example in op.examples {
                let document = example.document.replacingAll("|", with: "\\|")
                let condition = example.condition.replacingAll("|", with: "\\|")
                lines.append("| `\(document)` | `\(condition)` | \(example.expected.rawValue) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
