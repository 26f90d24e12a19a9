import Testing
@testable import History
import PolicyEngine

@Suite("History: the stored results document")
struct ResultsDocumentTests {
    static func document(_ result: RunResult) -> ResultsDocument {
        ResultsDocument(result, items: ResultsDocument.findingTexts(result.findings).map(\.item))
    }

    @Test("rebuilt from its parts it is byte for byte the --json document", arguments: [0, 1, 3, 5_000])
    func identical(findings: Int) throws {
        // Labels and messages that look like the split point must not confuse it.
        let items = (0..<findings).map { SampleRuns.Item(policy: "p\($0 % 7)", resource: "r\($0)", status: $0.isMultiple(of: 3) ? .pass : .fail,
                                                         value: "\"findings\": []\n  \"findings\": []") }
        var result = SampleRuns.result(items, cost: SampleRuns.cost(months: ["2026-10"], totals: [("2026-10", "USD", "1")]),
                                       labels: ["note": "\n  \"findings\": []"])
        result.sections["other"] = ["findings": []]
        let expected = JSONWriter.pretty(RunResultCodec.encode(result))
        let document = Self.document(result)
        #expect(document.text == expected)
        #expect(document.sha256 == SHA256.hex(of: expected))
        #expect(document.items.count == findings)
    }

    @Test("the fingerprints computed alongside are the findings' own, in order")
    func fingerprints() {
        let result = SampleRuns.result((0..<3_000).map { SampleRuns.Item(policy: "p", resource: "r\($0)", value: "v\($0 % 5)") })
        #expect(ResultsDocument.findingTexts(result.findings).map(\.fingerprint) == result.findings.map(\.fingerprint))
    }

    @Test("the stored findings give back the recorded document byte for byte, whatever their values")
    func export() throws {
        var result = SampleRuns.result([SampleRuns.Item(policy: "p", resource: "r"), SampleRuns.Item(policy: "p", resource: "s")])
        result.findings[0].evidence = PrettyJSONTests.values.enumerated().map { index, value in
            Evidence(path: "field[\(index)]", actual: value, expected: "a \"quoted\" {expectation}", status: .fail, note: "note\nwith break")
        }
        result.findings[1].evidence.append(Evidence(path: "missing", actual: nil, expected: "exists", status: .unknown))
        let store = try HistoryStore(path: SampleRuns.databasePath("export"), create: true)
        let recorded = try store.record(result, context: RunContext())
        let expected = JSONWriter.pretty(RunResultCodec.encode(recorded.result))
        #expect(try store.resultsDocument(of: recorded.run) == expected)
        #expect(recorded.run.resultsSHA256 == SHA256.hex(of: expected))
        #expect(try store.verify().isIntact)
        #expect(try store.details(of: recorded.run).findings.map(\.finding) == result.findings.map { finding in
            // Decimals and unknowns come back as the strings the JSON holds.
            var read = finding
            read.evidence = finding.evidence.map { item in
                var copy = item
                copy.actual = item.actual.flatMap { try? JSONParser.parse(JSONWriter.compact($0)) }
                return copy
            }
            return read
        })
    }
}

@Suite("History: compact to pretty JSON")
struct PrettyJSONTests {
    static let values: [Value] = [
        .null, true, 12, 0.5, -1e300, "text", "", [], [:], ["a": [], "b": [:]], [[], [[]], [1, [2, [3]]]],
        ["quote\"d": "a \"b\" \\ c", "brackets": "{[,:]}", "control": "line\nbreak\ttab\u{01}", "unicode": "é 東京 🙂"],
        .decimal((try? FixedDecimal.parse("1234.50").get().value) ?? .zero), .unknown,
        ["nested": ["deeper": ["deepest": [true, false, .null, ["k": "v"]]]], "empty": ""],
    ]

    @Test("indenting JSONWriter's compact text gives JSONWriter's pretty text, at every depth")
    func matchesWriter() {
        for value in Self.values {
            for level in [0, 2] {
                var compact: [UInt8] = []
                JSONWriter.write(value, into: &compact, indent: nil, level: 0)
                var pretty: [UInt8] = []
                JSONWriter.write(value, into: &pretty, indent: "  ", level: level)
                #expect(PrettyJSON.expand(compact, level: level) == pretty, "\(JSONWriter.compact(value)) at depth \(level)")
            }
        }
    }
}
