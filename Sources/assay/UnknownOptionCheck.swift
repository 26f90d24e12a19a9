import ArgumentParser
import PolicyEngine

/// Reports the first unknown `--option` of a command line before anything else is checked (a
/// misspelt option otherwise hides behind "missing argument" errors), once, in the form
/// `unknown option '--output'`, with a suggestion only when a known option is close
/// (at most one edit per three characters).
enum UnknownOptionCheck {
    /// The message for the first unknown long option, or nil when every option is known.
    static func first(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Assay.self
        var path = ["assay"]
        var names: Set<String>?
        for argument in arguments {
            if argument == "--" { break }
            if argument.hasPrefix("--") {
                let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
                if names == nil { names = options(of: command) }
                guard let names, !names.contains(name) else { continue }
                let hint = suggestion(for: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                return "unknown option '\(name)'\(hint); see '\(path.joined(separator: " ")) --help'"
            }
            if !argument.hasPrefix("-"), names == nil || command.configuration.subcommands.contains(where: { $0._commandName == argument }),
               let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
                command = sub
                path.append(argument)
                names = nil
            }
        }
        return nil
    }

    /// The long options a command's help lists (its own and its option groups'), plus the
    /// built-in ones.
    static func options(of command: any ParsableCommand.Type) -> Set<String> {
        let help = Assay.helpMessage(for: command, includeHidden: true, columns: 10_000)
        var names: Set<String> = ["--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        var current = ""
        for character in help + " " {
            if character.isLetter || character.isNumber || character == "-" {
                current.append(character)
            } else {
                if current.hasPrefix("--"), current.count > 2 { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    /// A known option within one edit per three characters of `name`.
    static func suggestion(for name: String, among names: Set<String>) -> String? {
        guard let best = NameSuggester.suggestion(for: name, among: names.sorted()) else { return nil }
        let distance = NameSuggester.distance(Array(name.dropFirst(2)), Array(best.dropFirst(2)))
        return distance * 3 <= name.count - 2 ? best : nil
    }
}
