#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the terminal: human output on stderr, colour only when stderr is a TTY and
/// `NO_COLOR` is unset.
enum Terminal {
    /// True when stderr is an interactive terminal that accepts colour.
    static let colour: Bool = isatty(2) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"

    /// ANSI styles.
    enum Style: String {
        case red = "\u{1B}[31m"
        case green = "\u{1B}[32m"
        case yellow = "\u{1B}[33m"
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
    }

    /// `text` wrapped in `style` when colour is on.
    static func styled(_ text: String, _ style: Style) -> String {
        colour ? style.rawValue + text + "\u{1B}[0m" : text
    }

    /// `text` safe for a terminal: control characters that came from data (ESC, BEL, backspace,
    /// carriage return, C1 controls, DEL) are shown as `\x1B`-style escapes, so a resource id cannot
    /// clear the screen, set the window title or rewrite the line. Line feeds and tabs stay; the
    /// style sequences this type emits itself stay when colour is on.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
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
        var copy = printable(text)
        copy.withUTF8 { buffer in _ = write(1, buffer.baseAddress, buffer.count) }
    }

    /// A line on stderr.
    static func line(_ text: String) {
        var copy = printable(text) + "\n"
        copy.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    }

    /// An error line on stderr (diagnostics already start with `file:line:col: error:`).
    static func error(_ text: String) {
        if text.contains(": error: ") || text.hasPrefix("error: ") {
            line(text)
        } else {
            line(styled("error: ", .red) + text)
        }
    }

    /// True when stderr is a terminal.
    static let isInteractive: Bool = isatty(2) == 1

    /// Rewrites the current progress line on stderr (nil clears it).
    static func progress(_ text: String?) {
        var copy = "\r\u{1B}[K" + (text ?? "")
        copy.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    }

    /// A warning line on stderr.
    static func warning(_ text: String) { line(styled("warning: ", .yellow) + text) }
}
