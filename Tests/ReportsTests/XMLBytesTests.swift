import Testing
@testable import PolicyEngine
@testable import Reports

/// `XMLBytes` (JUnit test cases written straight into bytes) against libxml2's `xmlTextWriter`,
/// the reference: the same escaping on generated text, and the same JUnit documents.
@Suite("XML written into bytes equals libxml2's")
struct XMLBytesTests {
    /// Characters every escaping rule touches, plus plain and non-ASCII text.
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{00}", "\u{01}", "\u{08}", "\u{0B}", "\u{1F}",
        "\u{7F}", "é", "ß", "漢", "🙂", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "&amp;", "]]>", "-->", "#", ";",
    ]

    /// Deterministic pseudo-random strings over `alphabet` (a linear congruential generator).
    static func generated(_ count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    /// `<e a="VALUE">TEXT</e>` as libxml2 writes it, without the declaration.
    static func libxml2(attribute: String, text: String) throws -> [UInt8] {
        let output = ReportOutput()
        let writer = try XMLWriter(output: output)
        try writer.startDocument()
        try writer.start("e")
        try writer.attribute("a", attribute)
        try writer.text(text)
        try writer.end()
        try writer.finish()
        let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        #expect(output.bytes.starts(with: declaration))
        return Array(output.bytes.dropFirst(declaration.count))
    }

    @Test("attribute values and text are escaped as libxml2 escapes them", arguments: [0, 1, 2, 3])
    func escaping(part: Int) throws {
        let texts = Self.generated(2000)
        for index in stride(from: part, to: texts.count, by: 4) {
            let attribute = texts[index], text = texts[(index + 1) % texts.count]
            var bytes = XMLBytes()
            bytes.raw("<e a=\"")
            bytes.attribute(attribute)
            bytes.raw("\">")
            bytes.text(text)
            bytes.raw("</e>\n")
            let expected = try Self.libxml2(attribute: attribute, text: text)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "attribute \(attribute.debugDescription), text \(text.debugDescription)")
        }
    }

    @Test("a character to escape is found at every offset of the eight-byte steps")
    func everyOffset() throws {
        for special in ["&", "<", ">", "\"", "\t", "\n", "\r", "\u{01}", "\u{FFFE}", "\u{FFFF}", "é"] {
            for offset in 0..<24 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 24 - offset)
                var bytes = XMLBytes()
                bytes.raw("<e a=\"")
                bytes.attribute(text)
                bytes.raw("\">")
                bytes.text(text)
                bytes.raw("</e>\n")
                let expected = try Self.libxml2(attribute: text, text: text)
                #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(special.debugDescription) at \(offset)")
            }
        }
    }

    /// A result whose findings carry every outcome, generated text in every field a case shows,
    /// several sources, waivers with and without owner, and one resource found twice.
    static func adversarialResult(passing: PassingMode) -> RunResult {
        var result = SampleResult.make()
        let texts = generated(64)
        var findings = result.findings
        for (index, text) in texts.enumerated() {
            let status: Verdict = [.pass, .fail, .waived, .error, .unknown][index % 5]
            var finding = Finding(
                policy: "encryption.at_rest.enabled", resource: "arn:" + text + (index % 7 == 0 ? "" : String(index % 3)),
                resourceType: "type " + text, status: status, severity: .high, enforcement: .hard, message: text + " message",
                source: SourceReference(file: "inventory \(text).json", pointer: "/\(index)", format: index % 2 == 0 ? "aws-config" : nil),
                evidence: status == .pass ? [] : [
                    Evidence(path: "tags." + text, actual: index % 3 == 0 ? nil : .string(text), expected: "equals " + text, status: .fail,
                             note: index % 4 == 0 ? "note " + text : nil),
                    Evidence(path: "encrypted", actual: .bool(false), expected: "equals true", status: .fail),
                ],
                waiver: status == .waived ? AppliedWaiver(id: "w.yaml:\(index)", reason: "reason " + text, owner: "owner " + text,
                                                          ticket: index % 2 == 0 ? nil : "T-\(index)", expires: CivilDate(year: 2027, month: 1, day: 31)!) : nil)
            if index % 3 == 1 { finding.mergedSources = [SourceReference(file: "plan \(text).json", pointer: "/r/\(index)", format: "terraform-plan")] }
            findings.append(finding)
        }
        result.findings = findings
        result.passing = passing
        return result
    }

    @Test("whole JUnit documents are byte for byte those libxml2 writes", arguments: [PassingMode.list, .summary])
    func documents(passing: PassingMode) throws {
        var result = Self.adversarialResult(passing: passing)
        for flavour in JUnitReport.Flavour.allCases {
            var reference = JUnitReport(flavour: flavour)
            reference.caseWriter = .libxml2
            let expected = try reference.render(result)
            #expect(try JUnitReport(flavour: flavour).render(result) == expected, "flavour \(flavour)")
        }
        // With a baseline, persisting findings become skipped cases naming it.
        result.baselineFingerprints = Set(result.findings.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.fingerprint))
        result.sections["baseline"] = ["kind": "file", "file": "old <results>.json", "as_of": "2026-10-27"]
        var reference = JUnitReport()
        reference.caseWriter = .libxml2
        #expect(try JUnitReport().render(result) == reference.render(result))
    }
}
