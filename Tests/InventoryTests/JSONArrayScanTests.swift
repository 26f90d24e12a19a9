import CTextScan
import Testing

/// The 64-byte JSON array scan (`json_array_scan`) against its byte-by-byte reference, on texts
/// built to hit what the vector path does differently: strings and escapes across 64-byte blocks,
/// runs of backslashes of every length, brackets and commas inside strings, scalars, whitespace
/// runs, and invalid texts (a backslash outside a string, a stray `}`, a missing value).
@Suite("JSON array scan")
struct JSONArrayScanTests {
    /// Everything one scan gives: the ranges, and where and why it stopped.
    struct Outcome: Equatable {
        var ranges: [[Int64]] = []
        var stops: [(Int64, Int32)] = []
        var end: json_array_scan_state

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.ranges == rhs.ranges && lhs.stops.map(\.0) == rhs.stops.map(\.0) && lhs.stops.map(\.1) == rhs.stops.map(\.1)
                && lhs.end.depth == rhs.end.depth && lhs.end.element_start == rhs.end.element_start
                && lhs.end.in_string == rhs.end.in_string && lhs.end.escaped == rhs.end.escaped
        }
    }

    /// Scans `text` in pieces ending at `cuts` (as a stream sees blocks), `capacity` ranges per call.
    static func scan(_ text: [UInt8], cuts: [Int], capacity: Int, vector: Bool) -> Outcome {
        var state = json_array_scan_state(depth: 0, element_start: -1, in_string: 0, escaped: 0)
        var outcome = Outcome(end: state)
        var pairs = [Int64](repeating: -1, count: 2 * capacity)
        var position: Int64 = 0
        text.withUnsafeBufferPointer { bytes in
            for cut in cuts + [text.count] where Int64(cut) >= position {
                while true {
                    let found = pairs.withUnsafeMutableBufferPointer { out in
                        vector ? json_array_scan(bytes.baseAddress, position, Int64(cut), &state, out.baseAddress, Int64(capacity))
                            : json_array_scan_portable(bytes.baseAddress, position, Int64(cut), &state, out.baseAddress, Int64(capacity))
                    }
                    for pair in 0..<Int(found.ranges) { outcome.ranges.append([pairs[2 * pair], pairs[2 * pair + 1]]) }
                    outcome.stops.append((found.position, found.status))
                    position = found.position
                    if found.status == Int32(JSON_ARRAY_SCAN_FULL.rawValue) { continue }
                    if found.status != Int32(JSON_ARRAY_SCAN_MORE.rawValue) { outcome.end = state; return }
                    break
                }
            }
        }
        outcome.end = state
        return outcome
    }

    /// A deterministic generator (xorshift), so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static func value(_ random: inout Generator, depth: Int, invalid: Bool) -> String {
        let pieces = ["\\\\", "\\\"", "\\", "\"", ",", "]", "}", "[", "{", " ", "é", "a", "\\n", "\\\\\\"]
        switch random.next(depth > 3 ? 4 : 7) {
        case 0:
            var text = "\""
            for _ in 0..<random.next(90) {
                let piece = pieces[random.next(pieces.count)]
                // Inside a string only escaped quotes and backslash pairs keep it valid.
                text += piece == "\"" || piece == "\\" || piece == "\\\\\\" ? (invalid ? piece : "x") : piece
            }
            return text + "\""
        case 1: return String(random.next(1_000_000))
        case 2: return ["true", "false", "null"][random.next(3)]
        case 3: return String(repeating: " ", count: random.next(70)) + "1"
        case 4:
            let items = (0..<random.next(5)).map { _ in value(&random, depth: depth + 1, invalid: invalid) }
            return "[" + items.joined(separator: ",") + "]"
        default:
            let members = (0..<random.next(6)).map { index in "\"k\(index)\": " + value(&random, depth: depth + 1, invalid: invalid) }
            return "{" + members.joined(separator: ",\n") + "}"
        }
    }

    @Test("the 64-byte scan finds the ranges, stops and errors of the byte-by-byte scan", arguments: 0..<40)
    func vectorMatchesReference(seed: Int) {
        var random = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        let invalid = seed % 4 == 3
        var items = (0..<(20 + random.next(60))).map { _ in Self.value(&random, depth: 0, invalid: invalid) }
        if invalid {
            for _ in 0..<3 {
                let position = random.next(items.count)
                items[position] = ["}", "", "\\x", "a\\\"b", "{\"a\\\\\": 1}}"][random.next(5)]
            }
        }
        let text = Array((items.joined(separator: random.next(2) == 0 ? "," : " ,\n  ") + "]  ").utf8)
        let cuts = (0..<random.next(8)).map { _ in random.next(text.count) }.sorted()
        let capacity = [1, 2, 3, 7, 4_096][random.next(5)]
        let vector = Self.scan(text, cuts: cuts, capacity: capacity, vector: true)
        let reference = Self.scan(text, cuts: cuts, capacity: capacity, vector: false)
        #expect(vector == reference, "seed \(seed)")
        if !invalid {
            // A valid array ends at its `]` with one range per item.
            #expect(reference.ranges.count == items.count)
            #expect(reference.stops.last?.1 == Int32(JSON_ARRAY_SCAN_END.rawValue))
        }
    }

    @Test("a run of backslashes that ends a 64-byte block escapes the first byte of the next")
    func escapeAcrossBlocks() {
        for run in 1...6 {
            for offset in 55...66 {
                let prefix = "\"" + String(repeating: "a", count: offset - 1 - run) + String(repeating: "\\", count: run)
                let text = Array((prefix + "\"] , 3] ").utf8)
                let vector = Self.scan(text, cuts: [], capacity: 8, vector: true)
                #expect(vector == Self.scan(text, cuts: [], capacity: 8, vector: false), "run \(run) at \(offset)")
                // An even run closes the string and the `]` after it ends the array; an odd run
                // escapes the quote, and the rest is still inside the string.
                #expect(vector.ranges.count == (run % 2 == 0 ? 1 : 0), "run \(run) at \(offset)")
                #expect(vector.end.in_string == (run % 2 == 0 ? 0 : 1), "run \(run) at \(offset)")
            }
        }
    }
}
