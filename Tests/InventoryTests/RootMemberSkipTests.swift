@testable import Inventory
import PolicyEngine
import Testing

/// The root-object scan of a large file (`JSONArrayStream` looking for its array and picking
/// out a plan's `configuration` in the same pass) passes over the other members' nested values
/// with the C scan (`JSONValueSkipper`). On documents whose skipped members hold
/// what trips a scan (brackets, commas, quotes and backslash runs inside strings, deep nesting)
/// and cut into blocks of every size, they find what the whole document's parse finds.
@Suite("Root member skipping")
struct RootMemberSkipTests {
    /// A plan-shaped document: nested members before and after the streamed array.
    static func document(seed: Int) -> String {
        var random = JSONArrayScanTests.Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        func nested() -> String {
            let members = (0..<(2 + random.next(5))).map { index in
                "\"m\(index)\": " + JSONArrayScanTests.value(&random, depth: 0, invalid: false)
            }
            return random.next(2) == 0 ? "{" + members.joined(separator: ",") + "}" : "[" + members.map { "{\($0)}" }.joined(separator: ", ") + "]"
        }
        let changes = (0..<(1 + random.next(30))).map { _ in JSONArrayScanTests.value(&random, depth: 1, invalid: false) }
        return "{\"format_version\": \"1.2\", \"planned_values\": \(nested()), \"resource_drift\": [],\n"
            + "\"resource_changes\": [" + changes.joined(separator: ",\n") + "], \"prior_state\": \(nested()),\n"
            + "\"configuration\": \(nested()), \"variables\": {\"region\": {\"value\": \"eu-west-1\"}}, \"complete\": true}"
    }

    /// The streamed array's elements and the picked members, read through blocks of `blockSize`.
    static func streamed(_ path: String, blockSize: Int) throws -> (elements: [Value], members: [String: Value]) {
        var stream = JSONArrayStream(path: path, arrayKey: "resource_changes")
        stream.blockSize = blockSize
        stream.rootMembers = ["format_version", "configuration", "variables"]
        var elements: [Value] = []
        let members = try stream.forEachBatch { elements.append(contentsOf: $0.map(\.value)) }
        return (elements, members)
    }

    @Test("the array and the root members are found past skipped members", arguments: 0..<24)
    func skippedMembersHideNothing(seed: Int) throws {
        let text = Self.document(seed: seed)
        let whole = try JSONParser.parse(text)
        let path = Temporary.write(text, to: "plan-\(seed).json", in: Temporary.folder())
        for blockSize in [1, 7, 64, 65, 1_000, 1 << 20] {
            let (elements, members) = try Self.streamed(path, blockSize: blockSize)
            #expect(elements == whole["resource_changes"]?.arrayValue, "seed \(seed), blocks of \(blockSize)")
            #expect(members["configuration"] == whole["configuration"], "seed \(seed), blocks of \(blockSize)")
            #expect(members["variables"] == whole["variables"], "seed \(seed), blocks of \(blockSize)")
            #expect(members["format_version"] == .string("1.2"))
            #expect(members.count == 3)
        }
    }

    @Test("a wanted member cut by every block boundary is kept whole; one the file lacks is absent")
    func wantedMembersAcrossBlocks() throws {
        let configuration = #"{"provider_config": {"aws": {"expressions": {"region": {"constant_value": "eu-west-1"}}}}, "note": "a \" ] } , quote"}"#
        let text = #"{"variables": {"a": {"value": [1, "]"]}}, "resource_changes": [{"x": "]"}, [2]],"#
            + #" "prior_state": {"values": {"b": ["}", {"c": ","}]}}, "configuration": "# + configuration + #", "complete": true}"#
        let path = Temporary.write(text, to: "plan-wanted-members.json", in: Temporary.folder())
        let whole = try JSONParser.parse(text)
        for blockSize in [1, 2, 3, 5, 8, 13, 64, 1 << 20] {
            let (elements, members) = try Self.streamed(path, blockSize: blockSize)
            #expect(elements == whole["resource_changes"]?.arrayValue, "blocks of \(blockSize)")
            #expect(members["configuration"] == whole["configuration"], "blocks of \(blockSize)")
            #expect(members["variables"] == whole["variables"], "blocks of \(blockSize)")
            #expect(members["format_version"] == nil, "blocks of \(blockSize)")
        }
    }

    @Test("a plan cut off after its changes, inside the root object, is an error, not a plan without configuration")
    func truncatedAfterTheArray() throws {
        let text = #"{"format_version": "1.2", "resource_changes": [{"x": 1}], "configuration": {"provider_config": {"#
        let path = Temporary.write(text, to: "plan-truncated.json", in: Temporary.folder())
        for blockSize in [4, 1 << 20] {
            #expect(throws: InventoryError.self) { _ = try Self.streamed(path, blockSize: blockSize) }
        }
    }

    @Test("a comma with no value inside a skipped member is stepped over as before")
    func missingValueInsideASkippedMember() throws {
        let text = #"{"format_version": "1.2", "planned_values": {"a": 1,, "b": ["]", "}"]}, "resource_changes": [{"x": 1}, 2],"#
            + #" "configuration": {"provider_config": {}}}"#
        let path = Temporary.write(text, to: "plan-missing-value.json", in: Temporary.folder())
        for blockSize in [3, 1 << 20] {
            let (elements, members) = try Self.streamed(path, blockSize: blockSize)
            #expect(elements == [.object(Fields([("x", .number(1))])), .number(2)])
            #expect(members["configuration"] == .object(Fields([("provider_config", .object(Fields()))])))
        }
    }
}
