import Testing
@testable import PolicyEngine

/// `FindingJSON` writes a finding straight from its fields; the `Value` path
/// (`RunResultCodec.encode` + `JSONWriter`) is the reference it must equal byte for byte.
@Suite("Finding JSON written directly")
struct FindingJSONTests {
    static func reference(_ finding: Finding, level: Int) -> String {
        var bytes: [UInt8] = []
        JSONWriter.write(RunResultCodec.encode(finding), into: &bytes, indent: "  ", level: level)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func direct(_ finding: Finding, level: Int) -> String {
        var bytes: [UInt8] = []
        var copy = finding
        FindingJSON.write(&copy, into: &bytes, level: level)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let declared = SourceReference(file: "plan.json", pointer: "/resource_changes/3", format: "terraform-plan",
                                          declaration: DeclarationLocation(address: "module.a.aws_s3_bucket.logs", file: "main.tf", line: 12))

    static var findings: [Finding] {
        var merged = Finding(policy: "storage.encrypted", resource: "arn:aws:s3:::logs", resourceType: "storage.bucket", status: .fail,
                             severity: .high, enforcement: .hard, message: "quote \" backslash \\ tab \t newline \n control \u{01} é — 😀",
                             source: SourceReference(file: "config.json", pointer: "/configurationItems/0", format: "aws-config"),
                             evidence: [
                                Evidence(path: "regions[2].kms", actual: .string("none"), expected: "not_equals none", status: .fail),
                                Evidence(path: "meta", actual: ["z": .null, "k": [2, 1.5, .bool(true)], "e": [:], "a": []], expected: "exists", status: .error,
                                         note: "a note"),
                                Evidence(path: "size", actual: nil, expected: "lt 1", status: .unknown),
                                Evidence(path: "cost", actual: .decimal(FixedDecimal(exactly: 12.5)!), expected: "gt 1", status: .fail),
                                Evidence(path: "planned", actual: .unknown, expected: "equals true", status: .unknown),
                             ],
                             waiver: AppliedWaiver(id: "waivers.yaml:3", reason: "accepted", owner: "team", ticket: "SEC-1",
                                                   expires: CivilDate(year: 2027, month: 1, day: 31)!))
        merged.mergedSources = [declared, SourceReference(file: "report.csv", line: 4, format: "aws-iam-credential-report"),
                                SourceReference(file: "bare.json"), SourceReference(file: "addressed.json", terraformAddress: "aws_iam_user.bob")]
        return [
            merged,
            Finding(policy: "p", resource: "r", resourceType: "t", status: .pass, severity: .low, enforcement: .advisory, message: "",
                    source: nil),
            Finding(policy: "p", resource: "r", resourceType: "t", status: .waived, severity: .medium, enforcement: .soft, message: "m",
                    source: declared, waiver: AppliedWaiver(id: "w", reason: "r", owner: "o", ticket: nil, expires: CivilDate(year: 2026, month: 12, day: 1)!)),
        ]
    }

    @Test("equals the Value path byte for byte, at every depth")
    func equalsReference() {
        for finding in Self.findings {
            for level in [0, 2, 5] {
                #expect(Self.direct(finding, level: level) == Self.reference(finding, level: level))
            }
        }
    }

    /// Every text of the finding and its source made of control bytes, each written as six
    /// (`\u001f`): the most any text can take of the room `FindingJSON` reserves for a finding's
    /// members. Too small a room traps the cursor, so this test fails by crashing.
    static var worstCase: Finding {
        let control = String(repeating: "\u{1f}", count: 300)
        let source = SourceReference(file: control, pointer: control, format: control,
                                     declaration: DeclarationLocation(address: control, file: control, line: 123_456_789))
        return Finding(policy: control, resource: control, resourceType: control, status: .fail, severity: .critical, enforcement: .advisory,
                       message: control, source: source)
    }

    @Test("texts made only of escaped bytes, deep and shallow, fit the room reserved for them")
    func worstCaseFitsTheRoom() {
        for level in [0, 2, 17, 40] {
            let text = Self.direct(Self.worstCase, level: level)
            #expect(text == Self.reference(Self.worstCase, level: level))
            #expect(text.utf8.count > 6 * 300 * 9)
        }
    }

    @Test("the reference is not trivially empty: keys, escapes and nesting are there")
    func referenceHasContent() {
        let text = Self.direct(Self.findings[0], level: 2)
        for expected in ["\"waiver\": {", "\"ticket\": \"SEC-1\"", "\\\"", "\\u0001", "\"declaration\": {", "\"line\": 12", "\"sources\": ["] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }
}
