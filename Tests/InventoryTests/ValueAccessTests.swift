import Testing
@testable import Inventory
import PolicyEngine

/// The one-to-three-key accessors (`at(_:)`, `at(_:_:)`, `at(_:_:_:)`) against the general
/// `value(at:)`: null is missing, unknown stays unknown at any depth, non-objects end a path.
@Suite("Value key-path accessors")
struct ValueAccessTests {
    static let document: Value = .object(Fields([
        ("a", .object(Fields([
            ("b", .object(Fields([("c", .string("deep")), ("n", .null), ("u", .unknown)]))),
            ("n", .null), ("u", .unknown), ("s", .string("text")),
        ]))),
        ("n", .null), ("u", .unknown), ("s", .string("top")), ("list", .array([.string("x")])),
    ]))

    static let keys = ["a", "b", "c", "n", "u", "s", "list", "missing"]

    @Test("every path of one to three keys reads what value(at:) reads")
    func sameAsValueAt() {
        let roots: [Value] = [Self.document, .unknown, .null, .string("scalar"), Self.document.at("a") ?? .null]
        for root in roots {
            for first in Self.keys {
                #expect(root.at(first) == root.value(at: [first]), "\(first)")
                for second in Self.keys {
                    #expect(root.at(first, second) == root.value(at: [first, second]), "\(first).\(second)")
                    for third in Self.keys {
                        #expect(root.at(first, second, third) == root.value(at: [first, second, third]), "\(first).\(second).\(third)")
                    }
                }
            }
        }
        #expect(Self.document.at("a", "b", "c") == .string("deep"))
        #expect(Self.document.at("a", "u", "c") == .unknown)
        #expect(Self.document.at("a", "n", "c") == nil)
    }
}
