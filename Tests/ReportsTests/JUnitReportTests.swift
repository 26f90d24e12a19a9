import CLibXML2
import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// A small result with every kind of verdict.
enum SampleResult {
    static func make() -> RunResult {
        var counts = VerdictCounts()
        for status in [Verdict.pass, .fail, .waived, .error, .unknown] { counts.record(status) }
        let source = SourceReference(file: "fixtures/inventory.json", pointer: "/3")
        func finding(_ resource: String, _ status: Verdict, _ message: String) -> Finding {
            Finding(policy: "encryption.at_rest.enabled", resource: resource, resourceType: "storage.bucket", status: status, severity: .high,
                    enforcement: .hard, message: message, source: source,
                    evidence: status == .pass ? [] : [Evidence(path: "encryption.at_rest.enabled", actual: .bool(false), expected: "equals true", status: .fail)],
                    waiver: status == .waived ? AppliedWaiver(id: "w.yaml:3", reason: "migration <CHG-1>", owner: "o@x", ticket: "CHG-1",
                                                              expires: CivilDate(year: 2027, month: 1, day: 31)!) : nil)
        }
        let findings = [
            finding("arn:a", .pass, ""), finding("arn:b", .fail, "bucket <b> & \"c\" is \u{01}unencrypted"),
            finding("arn:c", .waived, "waived one"), finding("arn:d", .error, "evaluation error: x"), finding("arn:e", .unknown, "cannot be decided yet"),
        ]
        return RunResult(
            toolVersion: "0.0.1", asOf: CivilDate(year: 2026, month: 11, day: 27)!, failOn: .high, passing: .list, policySetDigest: "d",
            inputs: [], policies: [
                PolicyReport(metadata: PolicyMetadata(id: "encryption.at_rest.enabled", title: "Encrypted", severity: .high, enforcement: .hard, category: "encryption",
                             frameworks: ["soc2": ["CC6.1"]], description: "", remediation: "Turn it on."), params: [:], source: "p.yaml:2:5",
                             counts: counts),
                PolicyReport(metadata: PolicyMetadata(id: "tagging.owner", title: "Owner", severity: .low, enforcement: .soft, category: "tagging", frameworks: [:],
                             description: "", remediation: ""), params: [:], source: "t.yaml:2:5", counts: VerdictCounts()),
            ], findings: findings, waivers: [])
    }
}

/// Validates XML bytes against an XSD with libxml2; returns the error messages.
func schemaErrors(_ xml: [UInt8], schema path: String) -> [String] {
    final class Sink: @unchecked Sendable { var messages: [String] = [] }
    let sink = Sink()
    guard let parserContext = xmlSchemaNewParserCtxt(path), let schema = xmlSchemaParse(parserContext) else { return ["schema \(path) unreadable"] }
    defer {
        xmlSchemaFree(schema)
        xmlSchemaFreeParserCtxt(parserContext)
    }
    guard let document = xml.withUnsafeBufferPointer({ buffer in
        buffer.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlReadMemory($0, Int32(buffer.count), "report.xml", nil, 0) }
        }
    }) else { return ["not well-formed"] }
    defer { xmlFreeDoc(document) }
    guard let validation = xmlSchemaNewValidCtxt(schema) else { return ["no validation context"] }
    defer { xmlSchemaFreeValidCtxt(validation) }
    xmlSchemaSetValidStructuredErrors(validation, { context, error in
        guard let context, let error, let message = error.pointee.message else { return }
        Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().messages.append("line \(error.pointee.line): " + String(cString: message))
    }, Unmanaged.passUnretained(sink).toOpaque())
    let status = xmlSchemaValidateDoc(validation, document)
    return status == 0 ? [] : (sink.messages.isEmpty ? ["invalid (status \(status))"] : sink.messages)
}

@Suite("JUnit report")
struct JUnitReportTests {
    @Test("a policy's finding positions are held as runs and read back one by one, across runs and merged runs")
    func findingPositionsAsRuns() {
        var positions = JUnitReport.FindingPositions()
        #expect(positions.isEmpty)
        positions.append(10..<13)
        positions.append(13..<15)   // touches the last run: merged
        positions.append(20..<20)   // empty: nothing
        positions.append(40..<41)
        positions.append(7..<9)     // before the others: a run of its own, in the order given
        #expect(Array(positions) == [10, 11, 12, 13, 14, 40, 7, 8])
        #expect(positions.count == 8)
        #expect(positions[5] == 40)
        #expect(positions[7] == 8)
        var single = JUnitReport.FindingPositions()
        single.append(3..<100_003)
        #expect(single.count == 100_000)
        #expect(single[0] == 3 && single[99_999] == 100_002)
    }

    @Test("validates against the junit-10, junit-4 and Ant schemas",
          .enabled(if: Fixtures.hasShared, "../shared/external-data/junit is absent: schema validation skipped"),
          arguments: ["jenkins-xunit-junit-10", "jenkins-dtkit-junit-4", "windyroad-ant-junit"])
    func schemas(name: String) throws {
        let xml = try JUnitReport().render(SampleResult.make())
        let schema = try #require(Fixtures.shared).appendingPathComponent("external-data/junit/\(name).xsd").path
        #expect(schemaErrors(xml, schema: schema) == [])
    }

    @Test("counts, element kinds and escaping")
    func structure() throws {
        let text = String(decoding: try JUnitReport().render(SampleResult.make()), as: UTF8.self)
        #expect(text.contains(#"<testsuite name="encryption.at_rest.enabled" package="assay.encryption" id="0" timestamp="2026-11-27T00:00:00" hostname="localhost" tests="5" failures="1" errors="2" skipped="1" time="0">"#))
        #expect(text.contains(#"message="bucket &lt;b&gt; &amp; &quot;c&quot; is \#u{FFFD}unencrypted" type="high""#))
        #expect(text.contains("<skipped>waived until 2027-01-31: migration &lt;CHG-1&gt; (owner o@x, ticket CHG-1)"))
        #expect(text.contains(#"type="unknown-value""#))
        #expect(text.contains(#"type="evaluation-error""#))
        #expect(text.contains("<skipped>not applicable: no input document in scope</skipped>"))
        #expect(text.contains("Controls: soc2 CC6.1"))
        #expect(!text.contains(" file="))
    }

    @Test("summary mode replaces passing cases with one count case; gitlab flavour adds file=")
    func modes() throws {
        var result = SampleResult.make()
        result.passing = .summary
        let text = String(decoding: try JUnitReport(flavour: .gitlab).render(result), as: UTF8.self)
        #expect(text.contains(#"<testcase name="1 resource pass" classname="encryption.at_rest.enabled" time="0"/>"#))
        #expect(!text.contains(#"name="arn:a""#))
        #expect(text.contains(#"file="fixtures/inventory.json""#))
    }

    @Test("a resource's second and third findings in one suite are named #2 and #3, in id order or not")
    func repeatedResources() throws {
        func names(_ resources: [String]) throws -> [String] {
            var result = SampleResult.make()
            let template = result.findings[1]
            result.findings = resources.map { resource in
                var finding = template
                finding.resource = resource
                return finding
            }
            result.findings.insert(SampleResult.make().findings[0], at: 0)  // a pass of arn:a, counted in summary mode without a case
            result.passing = .summary
            let text = String(decoding: try JUnitReport().render(result), as: UTF8.self)
            // (The sample's second policy matched nothing: its suite's one case is "not applicable".)
            return text.components(separatedBy: "<testcase name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        // In id order (as the engine hands them over): runs of one id.
        #expect(try names(["arn:b", "arn:b", "arn:b", "arn:c"]) == ["1 resource pass", "arn:b", "arn:b #2", "arn:b #3", "arn:c", "not applicable"])
        // Any other order: counted by id.
        #expect(try names(["arn:c", "arn:b", "arn:c", "arn:b"]) == ["1 resource pass", "arn:c", "arn:b", "arn:c #2", "arn:b #2", "not applicable"])
        #expect(try names(["arn:a", "arn:b"]) == ["1 resource pass", "arn:a #2", "arn:b", "not applicable"])
    }

    @Test("rendering is deterministic")
    func deterministic() throws {
        let result = SampleResult.make()
        #expect(try JUnitReport().render(result) == JUnitReport().render(result))
        #expect(try JSONReport().render(result) == JSONReport().render(result))
    }
}

@Suite("JUnit report with a baseline")
struct JUnitBaselineTests {
    @Test("findings already in the baseline are skipped with the baseline named; new ones still fail")
    func persistingSkipped() throws {
        var result = SampleResult.make()
        let known = try #require(result.findings.first { $0.resource == "arn:b" })
        result.baselineFingerprints = [known.fingerprint]
        result.sections["baseline"] = BaselineSection(
            kind: .run, run: "3", file: nil, database: ".assay/history.sqlite", resultsSHA256: "r", recordSHA256: nil, asOf: "2026-10-27",
            open: 1, new: 4, newBlocking: 2, persisting: 1, fixed: 0, persistingFingerprints: [known.fingerprint]).value
        let text = String(decoding: try JUnitReport().render(result), as: UTF8.self)
        #expect(text.contains("<skipped>persisting: present in the baseline (run 3 of .assay/history.sqlite, as of 2026-10-27), not blocking"))
        #expect(text.contains(#"tests="5" failures="0" errors="2" skipped="2""#))
        let schema = Fixtures.shared?.appendingPathComponent("external-data/junit/windyroad-ant-junit.xsd").path
        if let schema { #expect(schemaErrors(try JUnitReport().render(result), schema: schema) == []) }
    }
    @Test("a malformed baseline section is an error at its member, not a report that names no baseline")
    func malformedBaseline() throws {
        var result = SampleResult.make()
        result.baselineFingerprints = []
        result.sections["baseline"] = ["kind": "run", "run": 3, "as_of": "2026-10-27"]
        #expect(throws: ReportError.malformedSection(SectionError(path: "sections.baseline.run", expected: "a string", found: "3"))) {
            try JUnitReport().render(result)
        }
    }
}
