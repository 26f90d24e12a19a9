import Mustache

// MARK: - Content types

/// Escaping of `{{value}}` in the HTML templates (pragma `{{% CONTENT_TYPE: ASSAY_HTML}}`).
///
/// Mustache's own HTML type escapes `< > & " '`; this one does the same and also replaces the
/// code points the HTML syntax forbids (controls other than tab, line feed, form feed and
/// carriage return, and noncharacters) with U+FFFD, which real exports occasionally carry and the
/// Nu validator rejects. Text without any of these characters is returned unchanged.
struct HTMLTextEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x26 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E || $0 >= 0x80 })
        else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(Self.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(escaped)
    }

    /// Controls (except ASCII whitespace) and noncharacters: parse errors in HTML.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D }
        if value >= 0x7F && value <= 0x9F { return true }
        if value >= 0xFDD0 && value <= 0xFDEF { return true }
        return value & 0xFFFE == 0xFFFE
    }
}

/// Escaping of `{{value}}` in the Markdown template (pragma `{{% CONTENT_TYPE: ASSAY_MARKDOWN}}`).
///
/// The characters with an inline meaning in CommonMark/GitHub Flavored Markdown (emphasis, code,
/// links and images, strikethrough, table cells) are backslash-escaped, `< > &` become entities
/// (no raw HTML), and line breaks become spaces, so an input-derived value stays literal text in
/// one table cell or line. Block markers (`#`, `-`, `1.`) need no escape because the template never
/// starts a line with a value.
///
/// Text from data never becomes a link: GitHub's extended autolinks start at `://` (URLs), at
/// `www.` and at `@` (e-mail addresses), so `:` before `//`, `@`, and the dot of `www.` are
/// backslash-escaped (they render as themselves, but the autolink scanner no longer sees them).
struct MarkdownTextEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "@":
                escaped.append("\\")
                escaped.unicodeScalars.append(scalar)
            case ":" where scalars[(index + 1)...].starts(with: ["/", "/"]):
                escaped += "\\:"
            case "." where index >= 3 && scalars[(index - 3)..<index].map({ $0.properties.lowercaseMapping }) == ["w", "w", "w"]:
                escaped += "\\."
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\n", "\r", "\t": escaped += " "
            default: escaped.unicodeScalars.append(HTMLTextEscaper.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }
}

// MARK: - Template library

/// Parses the report templates once, after registering the content types they name.
enum ReportTemplates {
    /// Content type name used by the HTML templates.
    static let htmlContentType = "ASSAY_HTML"
    /// Content type name used by the Markdown template.
    static let markdownContentType = "ASSAY_MARKDOWN"

    /// The parsed templates, or why they could not be parsed (a build defect, reported as an error).
    static let library: Result<MustacheLibrary, ReportError> = {
        MustacheContentTypes.register(HTMLTextEscaper(), named: htmlContentType)
        MustacheContentTypes.register(MarkdownTextEscaper(), named: markdownContentType)
        var library = MustacheLibrary()
        for (name, text) in HTMLTemplate.templates + MarkdownTemplate.templates {
            do {
                try library.register(text, named: name)
            } catch {
                return .failure(.template(reason: "template '\(name)' does not parse: \(error)"))
            }
        }
        return .success(library)
    }()

    /// Renders `model` with the named template.
    static func render(_ model: Any, template name: String) throws(ReportError) -> String {
        let library = try library.get()
        guard let text = library.render(TemplateModel.tree(model), withTemplate: name) else {
            throw .template(reason: "no template named '\(name)'")
        }
        return text
    }
}
