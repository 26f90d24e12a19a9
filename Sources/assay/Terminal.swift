import Foundation
import PolicyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much a command prints (`--quiet`, `--verbose`).
enum Verbosity: Int, Comparable, Sendable {
    /// Errors only (and, for `evaluate`, the blocking findings).
    case quiet
    /// The summary, grouped warnings and status lines.
    case normal
    /// Also every warning of a group and every detail.
    case verbose

    static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a stream gets ANSI colour, by the published conventions, first rule that applies:
/// `FORCE_COLOR` set and not empty (force-color.org) or `CLICOLOR_FORCE` set and not `0`
/// (bixense.com/clicolors) force colour; `NO_COLOR` set and not empty (no-color.org) or
/// `CLICOLOR=0` turn it off; otherwise colour when the stream is a terminal and `TERM` is not `dumb`.
enum ColourRule {
    static func decide(isTerminal: Bool, environment: [String: String]) -> Bool {
        if let force = environment["FORCE_COLOR"], !force.isEmpty { return true }
        if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
        if let none = environment["NO_COLOR"], !none.isEmpty { return false }
        if environment["CLICOLOR"] == "0" { return false }
        return isTerminal && (environment["TERM"] ?? "dumb") != "dumb"
    }
}

/// Writes to the terminal. The human summary and command results go to stdout (so they can be
/// redirected); diagnostics — errors, warnings, progress, "wrote …" status lines — go to stderr.
/// `--quiet` silences everything on stderr but errors; colour follows `ColourRule` per stream.
enum Terminal {
    /// The two streams.
    enum Stream {
        /// stdout: results.
        case output
        /// stderr: diagnostics.
        case diagnostics
    }

    /// Set once from `--quiet` / `--verbose` while the command line is parsed.
    nonisolated(unsafe) static var verbosity: Verbosity = .normal

    /// Colour on stdout.
    static let outputColour = ColourRule.decide(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
    /// Colour on stderr.
    static let diagnosticsColour = ColourRule.decide(isTerminal: isatty(2) == 1, environment: ProcessInfo.processInfo.environment)

    /// ANSI styles.
    enum Style: String {
        case red = "\u{1B}[31m"
        case green = "\u{1B}[32m"
        case yellow = "\u{1B}[33m"
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
    }

    /// `text` wrapped in `style` when `stream` takes colour.
    static func styled(_ text: String, _ style: Style, on stream: Stream = .output) -> String {
        let colour = stream == .output ? outputColour : diagnosticsColour
        return colour ? style.rawValue + text + "\u{1B}[0m" : text
    }

    /// `text` safe for a terminal: control characters that came from data (ESC, BEL, backspace,
    /// carriage return, C1 controls, DEL) are shown as `\x1B`-style escapes, so a resource id cannot
    /// clear the screen, set the window title or rewrite the line. Line feeds and tabs stay; the
    /// style sequences this type emits itself stay when `stream` takes colour.
    static func printable(_ text: String, on stream: Stream = .diagnostics) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        let colour = stream == .output ? outputColour : diagnosticsColour
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}", colour, let style = ownStyles.first(where: { scalars.starts(with: $0.unicodeScalars) }) {
                output.append(contentsOf: style.unicodeScalars)
                scalars = scalars.dropFirst(style.unicodeScalars.count)
                continue
            }
            scalars = scalars.dropFirst()
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output.append(contentsOf: ("\\x" + (hex.count < 2 ? "0" : "") + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static let ownStyles = [Style.red, .green, .yellow, .bold, .dim].map(\.rawValue) + ["\u{1B}[0m"]

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Text on stdout, control characters from data escaped (see `printable`).
    static func output(_ text: String) {
        var copy = printable(text, on: .output)
        copy.withByteView { _ = $0.write(to: 1) }
    }

    /// A result line on stdout.
    static func out(_ text: String) {
        output(text + "\n")
    }

    /// A status line on stderr (not with `--quiet`).
    static func line(_ text: String) {
        guard verbosity > .quiet else { return }
        writeDiagnostics(text + "\n")
    }

    /// A detail line on stderr, only with `--verbose`.
    static func detail(_ text: String) {
        guard verbosity == .verbose else { return }
        writeDiagnostics(text + "\n")
    }

    /// An error line on stderr, always (diagnostics already start with `file:line:col: error:`).
    static func error(_ text: String) {
        if text.contains(": error: ") || text.hasPrefix("error: ") {
            writeDiagnostics(text + "\n")
        } else {
            writeDiagnostics(styled("error: ", .red, on: .diagnostics) + text + "\n")
        }
    }

    /// A warning line on stderr (not with `--quiet`).
    static func warning(_ text: String) { line(styled("warning: ", .yellow, on: .diagnostics) + text) }

    /// Warnings in named groups: a group of one prints its warning; a larger group prints its
    /// count (`warning: 19 downtime model warnings (--verbose lists them)`), and every warning
    /// with `--verbose`.
    static func warnings(_ groups: [(name: String, items: [String])]) {
        for group in groups where !group.items.isEmpty {
            if group.items.count == 1 || verbosity == .verbose {
                for item in group.items { warning(item) }
            } else {
                warning("\(group.items.count) \(group.name) warnings (--verbose lists them)")
            }
        }
    }

    /// True when stderr is an interactive terminal.
    static let isInteractive: Bool = isatty(2) == 1

    /// Rewrites the current progress line on an interactive stderr (nil clears it).
    static func progress(_ text: String?) {
        writeRaw("\r\u{1B}[K" + printable(text ?? ""))
    }

    private static func writeDiagnostics(_ text: String) {
        writeRaw(printable(text))
    }

    private static func writeRaw(_ text: String) {
        var copy = text
        copy.withByteView { _ = $0.write(to: 2) }
    }
}
