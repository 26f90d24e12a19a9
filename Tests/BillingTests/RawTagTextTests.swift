import PolicyEngine
import TabularText
import Testing
@testable import Billing

/// The readers parse tag text as it stands in a quoted CSV field (every `"` doubled) instead of
/// collapsing the field first. These tests hold the raw reading equal to reading the collapsed
/// field, on the tag shapes of every format and on generated texts with escapes, single-quoted
/// strings, stray quotes and nesting; and they check the record's lazy collapse.
@Suite("Tag text read raw from a quoted CSV field")
struct RawTagTextTests {
    /// Scans `fields` written as one CSV record (each quoted, quotes doubled) and calls `body`
    /// with the record.
    static func withRecord<Result>(_ fields: [String], _ body: (CSVRecord) -> Result) -> Result {
        var text = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        return text.withByteView { bytes in
            var scanner = CSVChunkScanner(chunk: bytes)
            let record = CSVRecord(expectedFields: 2)
            let scanned = (try? scanner.next(into: record)) ?? false
            #expect(scanned)
            return body(record)
        }
    }

    /// What each entry point of `TagText` visits, as strings.
    static func visits(_ bytes: FieldBytes, doubledQuotes: Bool) -> [String] {
        let scratch = TagScratch()
        scratch.startRow(maximumBytes: bytes.count)
        var seen: [String] = []
        TagText.forEachMember(bytes, doubledQuotes: doubledQuotes, scratch: scratch) { key, value in
            seen.append("member \(key.string)=\(value.string)")
        }
        scratch.startRow(maximumBytes: bytes.count)
        TagText.forEachKeyValueRecord(bytes, doubledQuotes: doubledQuotes, scratch: scratch) { key, value in
            seen.append("record \(key.string)=\(value.string)")
        }
        scratch.startRow(maximumBytes: bytes.count)
        let sum = TagText.sumOfAmounts(bytes, doubledQuotes: doubledQuotes, scratch: scratch)
        seen.append("sum \(sum.map { $0.formatted(fractionDigits: 4) } ?? "invalid")")
        return seen
    }

    /// Raw and collapsed readings of `text` agree, and the raw one really was raw.
    static func expectSameReading(_ text: String) {
        withRecord([text]) { record in
            let raw = record.rawField(0)
            #expect(raw.doubledQuotes == text.contains("\""), "\(text)")
            let rawVisits = visits(raw.bytes, doubledQuotes: raw.doubledQuotes)
            let collapsed = record.field(0)
            #expect(collapsed.string == text)
            #expect(rawVisits == visits(collapsed, doubledQuotes: false), "\(text)")
        }
    }

    @Test("the tag shapes of FOCUS, CUR 2.0, Azure and GCP exports", arguments: [
        #"{"user:environment":"prod","user:owner":"growth@example.com","aws:createdBy":"AssumedRole:AROA:ci"}"#,
        #"{"user_environment": "dr", "aws_createdBy": "x"}"#,
        #""environment": "prod","cost-center": "CC-1"  "#,
        #"[{'key': 'env', 'value': 'prod'}, {'key': 'team', 'value': "o'neil"}]"#,
        #"[{"key":"env","value":"prod"},{"key":"app","value":""}]"#,
        #"[{"name":"SUD","amount":-1.25},{"name":"CUD","amount":"-0.5"}]"#,
        #"{"a":{"nested":"x","deeper":["y","z"]},"b":"after"}"#,
        #"{"quote":"say \"hi\"","slash":"a\\b","unicode":"caf\u00e9 \ud83d\ude00","tab":"x\ty"}"#,
        #"{'single': 'has "double" inside', "n": 12.5, "t": true, "z": null, "none": None}"#,
        #"{"stray": 1"2, "k": "v"}"#,
        #"{"unterminated": "value"#,
        "",
        "{}",
        #"{"":"empty key","e":""}"#,
    ])
    func knownShapes(text: String) {
        Self.expectSameReading(text)
    }

    @Test("equals the collapsed reading on generated texts")
    func generated() {
        let pieces = [
            "{", "}", "[", "]", "\"", "'", ":", ",", " ", "\\\"", "\\\\", "\\u00e9", "\\n", "key", "value", "amount", "user:env",
            "prod", "1.5", "-2", "null", "\"\"", "é", "\\u12", "\\ud83d\\u", "\\", "{\"key\":\"k\",\"value\":\"v\"}", "{'amount': 3}",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<4_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var bits = state
            for _ in 0..<Int(bits % 13) {
                bits = bits &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((bits >> 33) % UInt64(pieces.count))]
            }
            Self.expectSameReading(text)
        }
    }

    @Test("collapsed fields are made when read, and earlier views stay valid")
    func lazyCollapse() {
        let fields = ["plain", #"a "b" c"#, #"{"k":"v"}"#, "x,y", #""""#]
        Self.withRecord(fields) { record in
            #expect(record.count == fields.count)
            let second = record.field(1)
            #expect(record.rawField(2).doubledQuotes)
            #expect(record.rawField(2).bytes.string == #"{""k"":""v""}"#)
            let third = record.field(2)
            let last = record.field(4)
            #expect(second.string == #"a "b" c"#)
            #expect(third.string == #"{"k":"v"}"#)
            #expect(last.string == "\"\"")
            // Once collapsed, the raw form is the collapsed text.
            #expect(record.rawField(2).doubledQuotes == false)
            #expect(record.rawField(2).bytes.string == #"{"k":"v"}"#)
            #expect(record.rawField(3).doubledQuotes == false)
            #expect(record.rawField(0).bytes.string == "plain")
            #expect(record.strings == fields)
            #expect(record.location(ofField: 2).column == 21)
        }
    }
}
