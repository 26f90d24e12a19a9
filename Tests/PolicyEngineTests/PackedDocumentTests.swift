import Testing
@testable import PolicyEngine

/// Packed documents (`PackedDocument`): what a resource holds between reading and evaluation
/// must give back exactly the document it was made from, and read a member as the tree does.
@Suite("Packed documents")
struct PackedDocumentTests {
    /// The keys of every object in `value`, in stored order, depth first: packing must keep the
    /// order `Fields` stored (insertion order for small objects, key order for large ones).
    static func memberOrder(_ value: Value) -> [String] {
        switch value {
        case .object(let fields): return fields.unorderedMembers.flatMap { [$0.key] + memberOrder($0.value) }
        case .array(let items): return items.flatMap(memberOrder)
        default: return []
        }
    }

    private static func sample() throws -> Value {
        var large = Fields()
        for index in (0..<40).reversed() { large["key\(index)"] = .number(Double(index)) }
        let long = String(repeating: "x", count: 200)
        return .object(Fields([
            ("zeta", .null), ("yes", .bool(true)), ("no", .bool(false)), ("unknown", .unknown),
            ("negative_zero", .number(-0.0)), ("huge", .number(1e300)), ("fraction", .number(0.1)),
            ("money", .decimal(try FixedDecimal.parse("-1234.56789").get().value)),
            ("empty", .string("")), ("fifteen", .string("abcdefghijklmno")), ("sixteen", .string("abcdefghijklmnop")),
            ("long", .string(long)), ("unicode", .string("Zürich 🌍 東京")),
            ("items", .array((0..<130).map { .number(Double($0)) })), ("nothing", .array([])), ("no_members", .object(Fields())),
            ("nested", .object(Fields([("b", .array([.object(Fields([("c", .string("deep"))])), .null])), ("a", .unknown)]))),
            ("large", .object(large)),
        ]))
    }

    @Test("a packed document unpacks to the same values in the same member order")
    func roundTrip() throws {
        let document = try Self.sample()
        let packed = PackedDocument(packing: document)
        let unpacked = packed.unpacked()
        #expect(unpacked == document)
        #expect(Self.memberOrder(unpacked) == Self.memberOrder(document))
        #expect(JSONWriter.compact(unpacked) == JSONWriter.compact(document))
        // Bit for bit: -0.0 stays negative (== would not tell).
        #expect(packed.resolve([ObjectKey("negative_zero")])?.doubleValue?.sign == .minus)
        // A 200-byte string and a 130-element array need two-byte lengths; the packed form is
        // smaller than the tree it replaces would be in memory, and a few bytes a scalar.
        #expect(PackedDocument(packing: .bool(true)).byteCount == 1)
        #expect(PackedDocument(packing: .string("ab")).byteCount == 4)
        #expect(PackedDocument(packing: .number(1)).byteCount == 9)
    }

    @Test("resolving keys in place agrees with FieldPath.resolve on the tree")
    func resolveAgreesWithTree() throws {
        let document = try Self.sample()
        let packed = PackedDocument(packing: document)
        let paths = [
            "zeta", "yes", "money", "long", "unicode", "items", "nested", "nested.b", "nested.a", "nested.a.anything",
            "unknown.below", "unknown", "missing", "missing.deeper", "yes.deeper", "long.x", "large.key7", "large.key39",
            "large.key40", "no_members.x", "no_members", "negative_zero",
        ]
        for text in paths {
            let path = try FieldPath(parsing: text)
            #expect(packed.resolve(path.objectKeys.map { $0! }) == path.resolve(from: document), "\(text)")
        }
        #expect(packed.hasMember(ObjectKey("zeta")))
        #expect(packed.member(ObjectKey("zeta")) == .null)
        #expect(!packed.hasMember(ObjectKey("absent")))
        #expect(packed.member(ObjectKey("nested")) == document["nested"])
    }

    @Test("setting a member replaces it in place or adds it last, as Fields does")
    func settingMember() throws {
        let document = Value.object(Fields([("a", .number(1)), ("b", .string("two")), ("c", .array([.bool(true)]))]))
        let packed = PackedDocument(packing: document)
        for (key, value) in [("b", Value.object(Fields([("x", .string(String(repeating: "y", count: 300)))]))), ("d", .unknown), ("a", .null)] {
            var fields = document.objectValue!
            fields[key] = value
            let changed = try #require(packed.settingMember(ObjectKey(key), to: value))
            #expect(changed.unpacked() == .object(fields))
            #expect(Self.memberOrder(changed.unpacked()) == Self.memberOrder(.object(fields)), "\(key)")
        }
        // Past `Fields.linearLimit` members `Fields` sorts them: not done in place.
        var wide = Fields()
        for index in 0..<Fields.linearLimit { wide["k\(index)"] = .number(Double(index)) }
        #expect(PackedDocument(packing: .object(wide)).settingMember(ObjectKey("new"), to: .null) == nil)
        #expect(PackedDocument(packing: .array([])).settingMember(ObjectKey("a"), to: .null) == nil)
    }

    @Test("JSON packed as it is parsed is the parsed tree packed; what needs the tree parse is left to it")
    func parsePacked() throws {
        let texts = [
            #"{"id": "arn:aws:s3:::bucket-with-a-long-name", "tags": {"Name": "x", "owner": "team@example.com"}, "n": -12.5e3, "list": [1, 2.25, true, false, null, [], {}]}"#,
            #"{"escaped": "line\nbreak \"quoted\" \u00e9 \ud83c\udf0d", "key\u0020with space": 0, "zero": 0, "big": 123456789012345678901234567890}"#,
            #"[{"a": 1}, {"a": 2, "b": [{"c": "d"}]}, "text", 3]"#,
            #"  "just a string"  "#, "42", "null", "true",
            "{" + (0..<32).map { #""m\#($0)": \#($0)"# }.joined(separator: ", ") + "}",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let tree = try JSONParser.parse(bytes)
            let packed = try #require(bytes.withByteView { JSONParser.parsePacked($0) }, "\(text)")
            #expect(packed.unpacked() == tree, "\(text)")
            #expect(Self.memberOrder(packed.unpacked()) == Self.memberOrder(tree), "\(text)")
            #expect(packed.bytes == PackedDocument(packing: tree).bytes, "\(text)")
        }
        // Errors, duplicate keys and objects Fields sorts (33 members) go to the tree parse.
        let refused = [
            #"{"a": 1, "a": 2}"#, #"{"a": }"#, #"[1, 2"#, #"{"a": 1} trailing"#, "",
            "{" + (0..<33).map { #""m\#($0)": \#($0)"# }.joined(separator: ", ") + "}",
        ]
        for text in refused {
            #expect(Array(text.utf8).withByteView { JSONParser.parsePacked($0) } == nil, "\(text)")
        }
    }
}
