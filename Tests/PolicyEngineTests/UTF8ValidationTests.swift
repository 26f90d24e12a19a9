import Testing
import TestSupport
@testable import PolicyEngine

/// Issue 19: bytes that are not UTF-8 are located errors, never a silent U+FFFD in an id, a name
/// or a tag key.
@Suite("invalid UTF-8")
struct UTF8ValidationTests {
    @Test("the validator agrees with the standard library on random and edge-case bytes")
    func agreesWithTheStandardLibrary() {
        var random = SeededRandom(seed: 19)
        var cases: [[UInt8]] = [
            [], [0x41], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82], Array("abcdefghijklmnop\u{e9}".utf8) + [0xFF],
        ]
        for _ in 0..<20_000 {
            let length = Int(random.next() % 24)
            // Mostly ASCII with some high bytes, so that valid sequences occur too.
            cases.append((0..<length).map { _ in
                let roll = random.next()
                return roll % 3 == 0 ? UInt8(truncatingIfNeeded: roll >> 8) : UInt8(truncatingIfNeeded: (roll >> 8) % 0x80)
            })
        }
        for bytes in cases {
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let invalid = bytes.withByteView { UTF8Validation.firstInvalidByte(in: $0) }
            #expect((invalid == nil) == valid, "\(bytes)")
            if let invalid {
                // Everything before the reported byte is valid.
                #expect(String(validating: bytes[..<invalid], as: UTF8.self) != nil, "\(bytes) at \(invalid)")
            }
        }
    }

    @Test("an invalid byte in a JSON string or key is an error at its line and column",
          arguments: [
            (#"{"id": "bucket-"#, #""}"#),
            ("{\n  \"name\": \"caf", "\"}"),
            (#"{"ta"#, #"g": 1}"#),
            (#"{"id": "a\nb"#, #""}"#),  // after an escape
          ])
    func jsonStrings(before: String, after: String) {
        let bytes = Array(before.utf8) + [0xFF] + Array(after.utf8)
        let prefix = Array(before.utf8)
        let line = 1 + prefix.filter { $0 == 0x0A }.count
        let column = prefix.count - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("parsed invalid UTF-8: \(bytes)")
        } catch {
            #expect(error.reason.contains("invalid UTF-8 (0xFF)"), "\(error.reason)")
            #expect(error.line == line)
            #expect(error.column == column)
        }
        // Valid multi-byte text still parses, escapes included.
        #expect(throws: Never.self) { try JSONParser.parse(Array(#"{"name": "café \u00e9 😀"}"#.utf8)) }
    }

    @Test("a text check gives the line and column of the first invalid byte")
    func textCheck() {
        let bytes = Array("id,name\nweb,ok\napi,caf".utf8) + [0xE9] + Array("\n".utf8)
        let failure = UTF8Validation.check(bytes)
        #expect(failure?.line == 3)
        #expect(failure?.column == 8)
        #expect(failure?.message.contains("0xE9") == true)
        #expect(UTF8Validation.check(Array("id\nweb\n".utf8)) == nil)
    }
}
