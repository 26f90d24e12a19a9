import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// Input-derived text never becomes markup: not in the HTML, not in the Markdown.
@Suite("Escaping")
struct ReportEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let attributeBreak = "x\" onmouseover=\"alert(2)"

    /// A result whose every free-text field carries markup.
    static func hostile() -> RunResult {
        var result = ReportFixtures.minimal(policy: "tagging.owner", failing: 1)
        result.labels = ["who": script, "estate": "<b>estate</b>"]
        result.inputs = [InputRecord(path: "inv<script>.json", format: "json", sha256: attributeBreak, documents: 1)]
        result.policies[0].title = "Owner " + script
        result.policies[0].remediation = "Fix <a href=\"javascript:alert(3)\">it</a>"
        result.policies[0].frameworks = ["soc2": [attributeBreak]]
        result.findings[0].resource = attributeBreak
        result.findings[0].message = "tag owner is " + script + " | **bold** [link](http://evil.example) `code`"
        result.findings[0].evidence = [Evidence(path: "tags.owner", actual: .string(script), expected: "matches ^[a-z]+$", status: .fail,
                                                note: "\u{01}control\u{7F}")]
        // Sanitises to the same anchor as tagging.owner's neighbour below: ids must still be unique.
        var twin = result.policies[0]
        twin.id = "tagging owner"
        twin.counts = VerdictCounts()
        var sibling = twin
        sibling.id = "tagging-owner"
        result.policies += [twin, sibling]
        result.sections["frameworks"] = ["soc2": ["title": .string(script), "controls": [attributeBreak: .string(script)]]]
        return result
    }

    @Test("a tag value <script>alert(1)</script> renders as text in the HTML")
    func html() throws {
        let bytes = try HTMLReport().render(Self.hostile())
        let html = try #require(HTMLQuery(bytes))
        // Only the report's own inline script exists, and no element got an event-handler attribute.
        #expect(html.count("//script") == 1)
        #expect(html.count("//*[@*[starts-with(name(), 'on')]]") == 0)
        #expect(html.count("//a[starts-with(@href, 'javascript:')]") == 0)
        #expect(html.count("//b") == 0)
        // The values are there, as text.
        #expect(html.strings("//ul[@class='evidence']/li/code").contains(Self.script))
        #expect(html.strings("//section[@id='evidence']//dd").contains(Self.script))
        #expect(html.strings("//table[caption='Input files']//code[@class='digest']") == [Self.attributeBreak])
        #expect(html.strings("//details[@class='policy']//table/tbody/tr/th/code") == [Self.attributeBreak])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script>alert(1)"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!text.contains("\u{01}") && !text.contains("\u{7F}"))
        let ids = html.strings("//@id")
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(html.count("//details[@id='policy-tagging-owner-2']") == 1)
    }

    @Test("Markdown escapes emphasis, links, code, table pipes and HTML")
    func markdown() throws {
        let text = String(decoding: try MarkdownReport().render(Self.hostile()), as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("\\| \\*\\*bold\\*\\* \\[link\\](http\\://evil.example) \\`code\\`"))
        // The blocking row keeps its five cells: the pipe in the message did not open a new one.
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| tagging.owner") })
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 6)
    }

    @Test("Markdown text from data never becomes a GitHub autolink (URLs, www., e-mail addresses)")
    func markdownAutolinks() {
        let escaper = MarkdownTextEscaper()
        #expect(escaper.escapeText("see https://evil.example/x") == "see https\\://evil.example/x")
        #expect(escaper.escapeText("WWW.evil.example") == "WWW\\.evil.example")
        #expect(escaper.escapeText("owner@acme.example") == "owner\\@acme.example")
        #expect(escaper.escapeText("arn:aws:s3:::bucket") == "arn:aws:s3:::bucket")
    }

    @Test("templates never use the unescaped forms")
    func templatesEscape() {
        for (name, text) in HTMLTemplate.templates + MarkdownTemplate.templates {
            #expect(!text.contains("{{{"), "\(name) uses {{{ }}}")
            #expect(!text.contains("{{&"), "\(name) uses {{& }}")
        }
    }

    @Test("the HTML escaper replaces forbidden code points and escapes the five special characters")
    func escaper() {
        let escaper = HTMLTextEscaper()
        #expect(escaper.escapeText("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        let nonCharacters = String(String.UnicodeScalarView([0xFDD0, 0xFFFE, 0x1FFFF].compactMap(Unicode.Scalar.init)))
        #expect(escaper.escapeText("x\u{0}y\u{1B}z\u{85}" + nonCharacters) == "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(escaper.escapeText("tab\there\nline\u{C}ff") == "tab\there\nline\u{C}ff")
        #expect(escaper.escapeText("plain ✓ text") == "plain ✓ text")
    }
}
