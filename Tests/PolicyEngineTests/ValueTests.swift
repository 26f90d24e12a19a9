import Foundation
import Testing
@testable import PolicyEngine

@Suite("FixedDecimal")
struct FixedDecimalTests {
    @Test("parses exactly and prints canonically", arguments: [
        ("0", "0"), ("12.50", "12.5"), ("-0.0001", "-0.0001"), ("1e3", "1000"), ("1.5E-7", "0.00000015"),
        ("+7", "7"), ("  3.14  ", "3.14"), ("0.00000000000000000001", "0.00000000000000000001"),
        ("123456789012345678.12345678901234567891", "123456789012345678.12345678901234567891"),
    ])
    func parses(input: String, canonical: String) throws {
        let parsed = try FixedDecimal.parse(input).get()
        #expect(parsed.value.description == canonical)
        #expect(!parsed.roundedAway)
    }

    @Test("rounds half to even beyond 20 fractional digits and says so")
    func roundsBeyondScale() throws {
        let up = try FixedDecimal.parse("0.000000000000000000015").get()
        #expect(up.value.description == "0.00000000000000000002")
        #expect(up.roundedAway)
        let even = try FixedDecimal.parse("0.000000000000000000025").get()
        #expect(even.value.description == "0.00000000000000000002")
        let above = try FixedDecimal.parse("0.0000000000000000000250001").get()
        #expect(above.value.description == "0.00000000000000000003")
    }

    @Test("rejects what is not a number", arguments: ["", "abc", "1.2.3", "--1", "1e", "12a", "."])
    func rejects(input: String) {
        #expect(throws: FixedDecimal.ParseError.self) { try FixedDecimal.parse(input).get() }
    }

    @Test("sums are exact where Double drifts")
    func exactSums() throws {
        var total = FixedDecimal.zero
        var floating = 0.0
        for _ in 0..<10 {
            total += try FixedDecimal.parse("0.1").get().value
            floating += 0.1
        }
        #expect(total.description == "1")
        #expect(floating != 1.0)
        let a = try FixedDecimal.parse("3.35617269490").get().value
        let b = try FixedDecimal.parse("-3.35617269490").get().value
        #expect((a + b).isZero)
    }

    @Test("formats with half-even rounding", arguments: [
        ("1234.5", 2, "1234.50"), ("0.125", 2, "0.12"), ("0.135", 2, "0.14"), ("-2.5", 0, "-2"), ("-0.001", 2, "0.00"), ("7", 0, "7"),
    ])
    func formats(input: String, digits: Int, expected: String) throws {
        #expect(try FixedDecimal.parse(input).get().value.formatted(fractionDigits: digits) == expected)
    }

    @Test("converts doubles through their shortest text")
    func fromDouble() {
        #expect(FixedDecimal(exactly: 25000.0)?.description == "25000")
        #expect(FixedDecimal(exactly: 0.1)?.description == "0.1")
        #expect(FixedDecimal(exactly: .nan) == nil)
    }
}

@Suite("JSON parsing and writing")
struct JSONTests {
    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.5, -3e2, true, false, null], "a": "x\u00e9\ud83d\ude00\n", "c": {}}"#)
        #expect(value["a"] == .string("xé😀\n"))
        #expect(value["b"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null]))
        #expect(value["c"] == .object(Fields()))
    }

    @Test("numbers: fast path and fallback agree with Double(String)", arguments: [
        "0", "-0.5", "123456789012345", "0.1", "1.7976931348623157e308", "5e-324", "12345678901234567890", "3.141592653589793238",
    ])
    func numbers(text: String) throws {
        #expect(try JSONParser.parse(text) == .number(Double(text) ?? .nan))
    }

    @Test("errors carry line and column", arguments: [
        ("{\"a\": 1,\n \"b\" 2}", 2, 6), ("[1, 2", 1, 6), ("{\"a\": tru}", 1, 7), ("[01]", 1, 2), ("\"abc", 1, 1), ("[1] x", 1, 5),
    ])
    func errorLocations(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test("deep nesting is an error, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test("writer sorts keys, escapes, and writes decimals as strings")
    func writer() throws {
        let amount = try FixedDecimal.parse("10.25").get().value
        let value: Value = ["z": 1, "a": .string("q\"\\\n\u{01}"), "m": .decimal(amount), "u": .unknown, "f": 0.5]
        #expect(JSONWriter.compact(value) == #"{"a":"q\"\\\n\u0001","f":0.5,"m":"10.25","u":"(known after apply)","z":1}"#)
        #expect(try JSONParser.parse(JSONWriter.pretty(["b": [1, 2], "a": [:]])) == ["a": [:], "b": [1, 2]])
    }

    @Test("objects keep the last of duplicate keys and look keys up in any order")
    func fields() {
        let fields = Fields([("b", 1), ("a", 2), ("b", 3)])
        #expect(fields.keys == ["a", "b"])
        #expect(fields["b"] == .number(3))
        var many = Fields((0..<40).map { ("k\($0)", Value.number(Double($0))) }.reversed())
        #expect(many["k7"] == .number(7))
        many["k7"] = nil
        #expect(many["k7"] == nil)
        #expect(many.count == 39)
    }
}

@Suite("Field paths")
struct FieldPathTests {
    let document: Value = try! JSONParser.parse(#"{"tags": {"cost-center": "CC-1", "a.b": "dotted"}, "rules": [{"s": "on"}, {"s": "off"}], "gone": null, "later": "(x)"}"#)

    @Test("parses and resolves the documented forms", arguments: [
        (#"tags["cost-center"]"#, Value.string("CC-1")), (#"tags['a.b']"#, .string("dotted")), ("rules[1].s", .string("off")),
        ("rules[-1].s", .string("off")), ("$.rules[0].s", .string("on")),
    ])
    func resolves(path: String, expected: Value) throws {
        #expect(try FieldPath(parsing: path).resolve(from: document) == expected)
    }

    @Test("null and absent are both missing; unknown propagates")
    func missing() throws {
        #expect(try FieldPath(parsing: "gone").resolve(from: document) == nil)
        #expect(try FieldPath(parsing: "nope.deeper").resolve(from: document) == nil)
        let unknown: Value = ["encryption": .unknown]
        #expect(try FieldPath(parsing: "encryption.at_rest.enabled").resolve(from: unknown) == .unknown)
    }

    @Test("rejects malformed paths", arguments: ["a..b", "a.", "tags[\"x", "rules[x]", "a[0]b", ""])
    func rejects(path: String) {
        #expect(throws: FieldPath.ParseError.self) { try FieldPath(parsing: path) }
    }

    @Test("canonical text round-trips")
    func description() throws {
        for text in [#"tags["cost-center"]"#, "a.b[2].c", "$.region", "@", #"tags["a.b"]"#] {
            let path = try FieldPath(parsing: text)
            #expect(try FieldPath(parsing: path.description) == path)
        }
    }
}
