import CTextScan
import Testing
import TestSupport
@testable import PolicyEngine

/// The JSON parser's string scan: CTextScan's SSE2 run scan against its byte-by-byte reference,
/// and the parser's strings, errors and shared values on texts that put quotes, backslashes,
/// control bytes and UTF-8 at every offset of a 16-byte block and at the end of the buffer.
@Suite("JSON string scan")
struct JSONStringScanTests {
    /// The bytes that end a plain run, and the non-ASCII bytes whose presence before it is reported.
    static let stops: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00, 0x0A, 0x1F]
    static let nonASCII: [UInt8] = [0x80, 0xC3, 0xFF]

    @Test("the vector run scan matches the byte-by-byte scan at every offset, length and buffer end")
    func vectorScanMatchesTheReference() {
        var checked = 0
        for length in 0...70 {
            for stop in [nil] + Self.stops.map(Optional.some) {
                for stopAt in stop == nil ? [length] : Array(0..<length) {
                    // A non-ASCII byte before the stop, after it, or none.
                    for highAt in [nil, 0, stopAt - 1, stopAt + 1, length - 1] where highAt.map({ $0 >= 0 && $0 < length && $0 != stopAt }) ?? true {
                        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                        if let stop, stopAt < length { bytes[stopAt] = stop }
                        if let highAt { bytes[highAt] = Self.nonASCII[(length + stopAt) % Self.nonASCII.count] }
                        // Non-ASCII and stop bytes in the 16 bytes before the start must not count.
                        let padded = [UInt8](repeating: 0xC3, count: 8) + [UInt8(ascii: "\"")] + [UInt8](repeating: 0x5C, count: 7) + bytes
                        padded.withUnsafeBufferPointer { buffer in
                            let base = buffer.baseAddress! + 16
                            let vector = text_scan_json_string(base, length)
                            let portable = text_scan_json_string_portable(base, length)
                            #expect(vector.end == portable.end, "length \(length), stop \(stop.map(String.init) ?? "none") at \(stopAt)")
                            #expect((vector.non_ascii != 0) == (portable.non_ascii != 0), "length \(length), stop at \(stopAt), high at \(highAt.map(String.init) ?? "none")")
                            #expect(vector.end == (stop == nil ? length : stopAt))
                            #expect((portable.non_ascii != 0) == (highAt.map { $0 < stopAt } ?? false))
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test("strings with non-ASCII, escapes and nothing special at every offset parse to their text")
    func stringsAtEveryOffset() throws {
        let cache = JSONKeyCache()
        for length in 0...40 {
            for position in 0...length {
                let prefix = String(repeating: "k", count: position)
                let suffix = String(repeating: "v", count: length - position)
                for (inner, expected) in [("é", "é"), ("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("\\u00e9", "é"), ("😀", "😀"), ("", "")] {
                    let text = "\"\(prefix)\(inner)\(suffix)\""
                    let value = try Array(text.utf8).withByteView { bytes in try JSONParser.parse(bytes, keyCache: cache) }
                    #expect(value == .string(prefix + expected + suffix), "\(text)")
                    // The same string as a key, and as the last member of an object (the buffer's end).
                    let object = "{\"x\":\(text),\(text):1}"
                    let parsed = try Array(object.utf8).withByteView { bytes in try JSONParser.parse(bytes, keyCache: cache) }
                    #expect(parsed["x"] == .string(prefix + expected + suffix))
                    #expect(parsed[prefix + expected + suffix] == .number(1), "\(object)")
                }
            }
        }
    }

    @Test("a control byte, invalid UTF-8 or a missing quote at any offset is refused where it is")
    func errorsAtEveryOffset() {
        for position in 0...40 {
            let before = String(repeating: "a", count: position)
            let cases: [(bytes: [UInt8], column: Int, reason: String)] = [
                (Array("[\"\(before)".utf8) + [0x01] + Array("bc\"]".utf8), position + 3, "control character byte 0x1 inside a string"),
                (Array("[\"\(before)".utf8) + [0x0A] + Array("\"]".utf8), position + 3, "control character byte 0xA inside a string"),
                (Array("[\"\(before)".utf8) + [0xC3, 0x28] + Array("xyz\"]".utf8), position + 3, "invalid UTF-8"),
                (Array("[\"\(before)".utf8) + [0xFF] + Array("\\n\"]".utf8), position + 3, "invalid UTF-8"),
                (Array("[\"\(before)".utf8), 2, "unterminated string"),
                (Array("[\"\(before)\\q\"]".utf8), position + 3, "invalid escape '\\q' in a string"),
            ]
            for (bytes, column, reason) in cases {
                do {
                    _ = try JSONParser.parse(bytes)
                    Issue.record("expected an error for \(bytes)")
                } catch {
                    #expect(error.line == 1)
                    #expect(error.column == column, "\(error) for \(bytes)")
                    #expect(error.reason.hasPrefix(reason), "\(error.reason)")
                }
            }
        }
    }

    @Test("one cache across thousands of distinct and repeated small objects, arrays and strings gives each its own value")
    func sharedCacheKeepsValuesApart() throws {
        let cache = JSONKeyCache()
        for round in 0..<3 {
            for number in 0..<6000 {
                // Same lengths, different bytes: slots that collide must compare the texts.
                let text = #"{"id":"r-\#(number % 1000 + 1000)","n":\#(number),"t":["\#(number % 7)"],"s":"owner-\#(number % 10_000 + 10_000)-team-with-a-longer-name"}"#
                let value = try Array(text.utf8).withByteView { bytes in try JSONParser.parse(bytes, keyCache: cache) }
                #expect(value["id"] == .string("r-\(number % 1000 + 1000)"), "round \(round)")
                #expect(value["n"] == .number(Double(number)))
                #expect(value["t"] == .array([.string("\(number % 7)")]))
                #expect(value["s"] == .string("owner-\(number % 10_000 + 10_000)-team-with-a-longer-name"))
            }
        }
    }

    @Test("the content hash depends on every byte and on the length")
    func contentHashSeesEveryByte() {
        for length in 1...96 {
            let base = [UInt8]((0..<length).map { UInt8(0x30 + $0 % 40) })
            let hash = base.withByteView { JSONKeyCache.contentHash(of: $0) }
            #expect(base.withByteView { JSONKeyCache.contentHash(of: $0) } == hash)
            var longer = base
            longer.append(0)
            #expect(longer.withByteView { JSONKeyCache.contentHash(of: $0.extracting(0..<length)) } == hash)
            #expect(longer.withByteView { JSONKeyCache.contentHash(of: $0) } != hash)
            for position in 0..<length {
                var changed = base
                changed[position] ^= 0x01
                #expect(changed.withByteView { JSONKeyCache.contentHash(of: $0) } != hash, "length \(length), byte \(position)")
            }
        }
    }
}
