import Foundation
import Testing
@testable import PolicyEngine

/// Interned object keys (`ObjectKey`, the key table in the unsafe corner): what a document member
/// costs, that a key has one number whichever thread sees it first, and that nothing a user sees
/// depends on the numbers' order.
@Suite("Object keys")
struct ObjectKeyTests {
    /// Keys no other test uses, so that each test interns them afresh.
    static func freshKeys(_ count: Int, tag: String) -> [String] {
        let run = UUID().uuidString
        return (0..<count).map { "\(tag)-\(run)-\($0)" }
    }

    @Test("a member is its value and a 4-byte key: 24 bytes, the value first")
    func memberLayout() {
        #expect(MemoryLayout<Fields.Member>.stride == 24)
        #expect(MemoryLayout<Fields.Member>.offset(of: \Fields.Member.value) == 0)
        #expect(MemoryLayout<ObjectKey>.size == 4)
    }

    @Test("one text, one key: equal texts give equal keys, and the text and its KeyHash come back")
    func roundTrip() {
        let texts = ["a", "", "région", "a-key-longer-than-fifteen-bytes", "tags", "A"]
        for text in texts {
            let key = ObjectKey(text)
            #expect(key == ObjectKey(text))
            #expect(key.text == text)
            #expect(key.textHash == KeyHash.of(text))
            #expect(ObjectKey(existing: text) == key)
        }
        #expect(ObjectKey("a") != ObjectKey("A"))
        #expect(ObjectKey(existing: Self.freshKeys(1, tag: "never")[0]) == nil)
    }

    @Test("a key looked up but never stored is not interned, and objects still find nothing under it")
    func lookupsDoNotIntern() {
        let absent = Self.freshKeys(1, tag: "absent")[0]
        let fields = Fields([("present", .bool(true))])
        #expect(fields[absent] == nil)
        #expect(ObjectKey(existing: absent) == nil)
        var removing = fields
        removing[absent] = nil
        #expect(removing == fields)
        #expect(ObjectKey(existing: absent) == nil)
    }

    @Test("threads interning the same new keys in different orders agree on every number, across index growth")
    func concurrentInterning() async {
        let texts = Self.freshKeys(6_000, tag: "concurrent")  // well past the first index's 1,024 slots
        let orders: [[String]] = [texts, texts.reversed(), texts.shuffled(), texts.shuffled()]
        let numbered = await withTaskGroup(of: [String: ObjectKey].self) { group in
            for order in orders {
                group.addTask {
                    var keys: [String: ObjectKey] = [:]
                    for text in order { keys[text] = ObjectKey(text) }
                    return keys
                }
            }
            var all: [[String: ObjectKey]] = []
            for await keys in group { all.append(keys) }
            return all
        }
        for keys in numbered.dropFirst() { #expect(keys == numbered[0]) }
        #expect(Set(numbered[0].values).count == texts.count)
        #expect(texts.allSatisfy { ObjectKey($0).text == $0 && ObjectKey(existing: $0) == numbered[0][$0] })
    }

    @Test("the JSON writer and iteration order members by text, not by when their keys were first seen")
    func orderIsByTextNotNumber() throws {
        // Intern the keys in the reverse of their text order, so that numbers and texts disagree.
        let texts = Self.freshKeys(40, tag: "order").sorted()
        for text in texts.reversed() { _ = ObjectKey(text) }
        for count in [3, 40] {  // a linear object and a sorted one (more than 32 members)
            let chosen = Array(texts.prefix(count))
            let document = Value.object(Fields(chosen.reversed().map { ($0, Value.bool(true)) }))
            let written = JSONWriter.compact(document)
            let parsed = try #require(JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Bool])
            #expect(parsed.count == count)
            #expect(document.objectValue?.keys == chosen)
            let positions = chosen.map { written.range(of: "\"\($0)\"")!.lowerBound }
            #expect(positions == positions.sorted())
            for text in chosen { #expect(document[text] == .bool(true)) }
        }
    }

    @Test("parsed keys with escapes and repeats are the same keys as built ones")
    func parsedKeysAreInterned() throws {
        let cache = JSONKeyCache()
        let first = try Array(#"{"na\u006de": 1, "name2": {"name": 2}}"#.utf8).withByteView { try JSONParser.parse($0, keyCache: cache) }
        let again = try Array(#"{"name": 1, "name2": {"name": 2}}"#.utf8).withByteView { try JSONParser.parse($0, keyCache: cache) }
        #expect(first == again)
        let members = try #require(first.objectValue?.unorderedMembers)
        #expect(members.map { $0.objectKey } == [ObjectKey("name"), ObjectKey("name2")])
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(#"{"name": 1, "na\u006de": 2}"#.utf8)) }
    }
}

/// `ByteView.sameBytes`, which key lookups and the parser's caches compare with: word loads up to
/// 16 bytes, `memcmp` beyond.
@Suite("Byte comparison")
struct SameBytesTests {
    @Test("equal views are equal and a view differing in any one byte is not, at every length from 0 to 40")
    func everyLengthAndPosition() {
        for count in 0...40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ count) }
            bytes.withByteView { view in
                bytes.map { $0 }.withByteView { copy in #expect(view.sameBytes(as: copy), "length \(count)") }
                for position in 0..<count {
                    var changed = bytes
                    changed[position] ^= 0x40
                    changed.withByteView { other in #expect(!view.sameBytes(as: other), "length \(count), byte \(position)") }
                }
                // A longer or shorter view with the same prefix differs.
                (bytes + [0]).withByteView { longer in #expect(!view.sameBytes(as: longer)) }
            }
        }
    }
}
