import Mustache
import Testing
@testable import Reports

/// `TemplateModel.tree` turns view structs into dictionaries so Mustache does not reflect on
/// every lookup; the text must be what Mustache's own `Mirror` lookups give.
@Suite("Template model")
struct TemplateModelTests {
    struct Money: CustomStringConvertible {
        let cents: Int
        var description: String { "EUR \(cents / 100).\(cents % 100)" }
    }

    struct Row {
        let name: String
        let note: String?
        let amount: Money
        let flags: [Bool]
    }

    struct Page {
        let note: String
        let title: String?
        let rows: [Row]
        let none: [Row]
        let count: Int
    }

    /// A `nil` property lets the lookup go on outwards (row a's note is the page's), a value
    /// with a description prints it, arrays and booleans drive sections, `empty()` sees arrays.
    @Test("the same text as Mustache's Mirror lookups")
    func sameText() throws {
        let template = "{{title}}|{{#rows}}[{{name}}:{{note}}:{{amount}}:{{#flags}}{{.}},{{/flags}}:{{count}}]{{/rows}}"
            + "|{{^empty(none)}}some{{/empty(none)}}{{#empty(none)}}none{{/empty(none)}}|{{^title}}untitled{{/title}}"
        var library = MustacheLibrary()
        try library.register(template, named: "page")
        let page = Page(note: "outer", title: nil, rows: [
            Row(name: "a", note: nil, amount: Money(cents: 1250), flags: [true, false]),
            Row(name: "b", note: "inner", amount: Money(cents: 5), flags: []),
        ], none: [], count: 2)
        let reflected = library.render(page, withTemplate: "page")
        #expect(reflected == "|[a:outer:EUR 12.50:true,false,:2][b:inner:EUR 0.5::2]|none|untitled")
        #expect(library.render(TemplateModel.tree(page), withTemplate: "page") == reflected)
    }
}
