import Testing
@testable import PolicyEngine

@Suite("Finding fingerprints")
struct FingerprintTests {
    static func finding(policy: String = "storage.encrypted", resource: String = "bucket-1", status: Verdict = .fail,
                        evidence: [Evidence], source: SourceReference? = SourceReference(file: "a.json", pointer: "/0"),
                        message: String = "not encrypted", severity: Severity = .high) -> Finding {
        Finding(policy: policy, resource: resource, resourceType: "bucket", status: status, severity: severity, enforcement: .hard,
                message: message, source: source, evidence: evidence)
    }

    static let evidence: [Evidence] = [
        Evidence(path: "regions[2].kms", actual: .string("none"), expected: "not_equals none", status: .fail),
        Evidence(path: "tags", actual: ["b", "a"], expected: "contains owner", status: .fail),
        Evidence(path: "size", actual: .number(1.5), expected: "lt 1", status: .fail),
        Evidence(path: "meta", actual: ["z": .null, "k": [2, 1]], expected: "exists", status: .fail),
    ]

    // The expected digests were computed outside Swift (Python's hashlib) from the definition in
    // docs/history.md: SHA-256 over `<byte count>:<text>` of the marker, policy, resource and the
    // sorted distinct facts `path NUL compact-json`.
    @Test("matches the documented definition, computed independently")
    func golden() {
        let missing = Self.finding(policy: "p", resource: "r", evidence: [Evidence(path: "a.b", actual: nil, expected: "exists", status: .fail)])
        #expect(missing.fingerprint == "c0de9edb42354e789d0da4d043d0bf0089e004f56394fab2a405c4ed791527be")
        #expect(Self.finding(evidence: Self.evidence).fingerprint == "3e58e8921ec7cf0b23d2c0dd43fd52a574d61c8af49d9acb8ae3b53a909397a6")
    }

    /// The resource component is the id's key (`ResourceKey.of`): written byte by byte for an
    /// ASCII ARM id, through `String.lowercased` for one with other letters. Each must hash the
    /// same as the key spelled out, and the JSON report's digest must equal `fingerprint`.
    @Test("an ARM id is hashed as its lower-cased key, ASCII or not, in the report as in `fingerprint`")
    func armKeys() {
        let cases = [
            "/SUBSCRIPTIONS/0000/resourceGroups/RG-Data/providers/Microsoft.Storage/storageAccounts/Logs",
            "/subscriptions/0000/resourceGroups/DÉJÀ-VU/providers/Microsoft.Sql/servers/ÉTÉ",
            "/Subscriptions/İstanbul/x",
            "arn:aws:s3:::Mixed-Case-Bucket",
            "short",
        ]
        for id in cases {
            let finding = Self.finding(resource: id, evidence: Self.evidence)
            let spelledKey = Self.finding(resource: ResourceKey.of(id), evidence: Self.evidence)
            #expect(finding.fingerprint == spelledKey.fingerprintBeforeResourceKeys, "\(id)")
            var buffer: [UInt8] = [1, 2, 3]
            var hex: [UInt8] = []
            finding.fingerprintDigest(hashingAtEndOf: &buffer).appendHex(to: &hex)
            #expect(String(decoding: hex, as: UTF8.self) == finding.fingerprint, "\(id)")
            #expect(buffer == [1, 2, 3], "the canonical bytes are cut off again")
        }
        #expect(ResourceKey.of("/SUBSCRIPTIONS/a") != "/SUBSCRIPTIONS/a")
    }

    @Test("ignores file, position, order, message, severity, status and the expectation")
    func stable() {
        let base = Self.finding(evidence: Self.evidence).fingerprint
        var moved = Self.evidence.reversed().map { $0 }
        moved[0].expected = "a different parameter"
        moved[3].path = "regions[7].kms"
        moved[2].actual = ["a", "b"]
        let variants = [
            Self.finding(evidence: moved, source: SourceReference(file: "other/b.json", line: 99)),
            Self.finding(status: .waived, evidence: Self.evidence, source: nil, message: "changed text", severity: .low),
            Self.finding(evidence: Self.evidence + [Self.evidence[0]]),
        ]
        for variant in variants { #expect(variant.fingerprint == base) }
    }

    @Test("changes with the policy, the resource and every failed fact")
    func sensitive() {
        let base = Self.finding(evidence: Self.evidence).fingerprint
        var otherValue = Self.evidence
        otherValue[0].actual = .string("aws:kms")
        var otherPath = Self.evidence
        otherPath[2].path = "size_gb"
        var nullInsteadOfMissing = Self.evidence
        nullInsteadOfMissing[1].actual = .null
        var missing = Self.evidence
        missing[1].actual = nil
        let variants = [
            Self.finding(policy: "storage.encrypted.kms", evidence: Self.evidence), Self.finding(resource: "bucket-2", evidence: Self.evidence),
            Self.finding(evidence: otherValue), Self.finding(evidence: otherPath), Self.finding(evidence: nullInsteadOfMissing),
            Self.finding(evidence: missing), Self.finding(evidence: Array(Self.evidence.dropLast())),
        ]
        var seen: Set<String> = [base]
        for variant in variants { seen.insert(variant.fingerprint) }
        #expect(seen.count == variants.count + 1, "two different findings share a fingerprint")
        // Component boundaries cannot be forged: moving text between policy and resource changes it.
        #expect(Self.finding(policy: "ab", resource: "c", evidence: []).fingerprint != Self.finding(policy: "a", resource: "bc", evidence: []).fingerprint)
    }

    @Test("is written into the results JSON, survives a round trip, and is computed when absent")
    func codec() throws {
        var evidence = Self.evidence
        evidence.append(Evidence(path: "cost", actual: .decimal(try FixedDecimal.parse("12.50").get().value), expected: "lt 10", status: .fail))
        let finding = Self.finding(evidence: evidence)
        let encoded = RunResultCodec.encode(finding)
        #expect(encoded["fingerprint"]?.stringValue == finding.fingerprint)
        let reparsed = try JSONParser.parse(JSONWriter.compact(encoded))
        #expect(try RunResultCodec.decode(finding: reparsed).fingerprint == finding.fingerprint)
        guard case .object(var fields) = reparsed else { Issue.record("not an object"); return }
        fields["fingerprint"] = nil
        #expect(try RunResultCodec.decode(finding: .object(fields)).fingerprint == finding.fingerprint)
    }

    @Test("a recorded fingerprint that disagrees with the finding is a decoding error")
    func tampered() throws {
        guard case .object(var fields) = RunResultCodec.encode(Self.finding(evidence: Self.evidence)) else { return }
        fields["resource"] = "bucket-2"
        #expect(throws: RunResultCodec.DecodingError.self) { try RunResultCodec.decode(finding: .object(fields)) }
        fields["resource"] = "bucket-1"
        fields["fingerprint"] = .string(String(repeating: "0", count: 64))
        #expect(throws: RunResultCodec.DecodingError.self) { try RunResultCodec.decode(finding: .object(fields)) }
    }
}

@Suite("Baselines")
struct BaselineTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 27)!

    static func finding(_ resource: String, _ status: Verdict = .fail, severity: Severity = .high, value: String = "x") -> Finding {
        Finding(policy: "p", resource: resource, resourceType: "t", status: status, severity: severity, enforcement: .hard, message: "m",
                source: nil, evidence: [Evidence(path: "v", actual: .string(value), expected: "equals y", status: .fail)])
    }

    static func result(_ findings: [Finding]) -> RunResult {
        RunResult(toolVersion: "1", asOf: asOf, failOn: .high, passing: .list, policySetDigest: "d", inputs: [], policies: [],
                  findings: findings, waivers: [])
    }

    @Test("only findings absent from the baseline block; persisting ones are reported but do not")
    func blocking() {
        let old = Self.result([Self.finding("a"), Self.finding("b"), Self.finding("c", .waived), Self.finding("d", .pass)])
        let baseline = Baseline(file: "old.json", sha256: "abc", result: old)
        #expect(baseline.fingerprints.count == 2, "only open findings (fail, error, unknown) form a baseline")
        var current = Self.result([
            Self.finding("a"), Self.finding("b", value: "changed"), Self.finding("c"), Self.finding("e", severity: .low), Self.finding("f", .error),
        ])
        #expect(current.blockingFindings.map(\.resource) == ["a", "b", "c", "f"])
        current.apply(baseline)
        // a persists; b's failed fact changed; c was waived in the baseline, its waiver no longer covers it.
        #expect(current.blockingFindings.map(\.resource) == ["b", "c", "f"])
        #expect(current.isPersisting(current.findings[0]))
        let section = current.sections["baseline"]
        #expect(section?["kind"]?.stringValue == "file")
        #expect(section?["file"]?.stringValue == "old.json")
        #expect(section?["results_sha256"]?.stringValue == "abc")
        #expect(section?["as_of"]?.stringValue == "2026-11-27")
        #expect(section?["new"]?.doubleValue == 4)
        #expect(section?["new_blocking"]?.doubleValue == 3)
        #expect(section?["persisting"]?.doubleValue == 1)
        #expect(section?["fixed"]?.doubleValue == 1)
        #expect(section?["persisting_fingerprints"]?.arrayValue == [.string(Self.finding("a").fingerprint)])
    }

    @Test("a fingerprint found more often than in the baseline (the same resource id in another input) is new every time")
    func duplicates() {
        func copy(_ file: String) -> Finding {
            var finding = Self.finding("aws_s3_bucket.this")
            finding.source = SourceReference(file: file, pointer: "/resource_changes/0")
            return finding
        }
        let baseline = Baseline(file: "old.json", sha256: "s", result: Self.result([copy("prod/plan.json")]))
        #expect(baseline.occurrences == [copy("x").fingerprint: 1])
        var same = Self.result([copy("prod/plan.json")])
        same.apply(baseline)
        #expect(same.blockingFindings.isEmpty)
        var doubled = Self.result([copy("prod/plan.json"), copy("staging/plan.json")])
        doubled.apply(baseline)
        #expect(doubled.blockingFindings.count == 2)
        #expect(doubled.sections["baseline"]?["new"]?.doubleValue == 2)
        #expect(doubled.sections["baseline"]?["persisting"]?.doubleValue == 0)
    }

    @Test("decoding a result restores the baseline, so re-rendered reports block the same findings")
    func decoded() throws {
        var current = Self.result([Self.finding("a"), Self.finding("b")])
        current.apply(Baseline(kind: .run, reference: "3", database: "h.sqlite", resultsSHA256: "r", recordSHA256: "h", asOf: Self.asOf,
                               occurrences: [Self.finding("a").fingerprint: 1, "unrelated": 1]))
        let decoded = try RunResultCodec.decode(try JSONParser.parse(JSONWriter.pretty(RunResultCodec.encode(current))))
        #expect(decoded.blockingFindings.map(\.resource) == ["b"])
        #expect(decoded.sections["baseline"]?["run"]?.stringValue == "3")
        #expect(Self.result([Self.finding("a")]).baselineFingerprints == nil)
    }

    @Test("the baseline section is one type: what apply writes decodes back equal and re-encodes byte for byte; a bad member is an error")
    func baselineSectionRoundTrips() throws {
        var current = Self.result([Self.finding("a"), Self.finding("b")])
        current.apply(Baseline(kind: .run, reference: "3", database: "h.sqlite", resultsSHA256: "r", recordSHA256: "h", asOf: Self.asOf,
                               occurrences: [Self.finding("a").fingerprint: 1, "unrelated": 1]))
        let value = try #require(current.sections["baseline"])
        let section = try BaselineSection(decoding: value)
        #expect(section.value == value)
        #expect(section.kind == .run && section.run == "3" && section.file == nil && section.new == 1 && section.fixed == 1)
        let text = JSONWriter.pretty(value)
        #expect(JSONWriter.pretty(try BaselineSection(decoding: JSONParser.parse(text)).value) == text)
        // The history keeps the identity without the list; it decodes too.
        #expect(section.identity.value["persisting_fingerprints"] == nil)
        #expect(try BaselineSection(decoding: section.identity.value).persistingFingerprints == nil)
        #expect(section.summary == "run 3 of h.sqlite (as of 2026-11-27, results sha256 r) — 1 new (1 blocking), 1 persisting (not blocking), 1 fixed")
        for (member, replacement, path) in [("new", Value.string("two"), "sections.baseline.new"), ("kind", "plan", "sections.baseline.kind"),
                                            ("fixd", Value.number(1), "sections.baseline.fixd"), ("run", Value.null, "sections.baseline.run")] {
            var broken = value.objectValue ?? Fields()
            broken[member] = replacement
            #expect(throws: SectionError.self) { try BaselineSection(decoding: .object(broken)) }
            do {
                _ = try BaselineSection(decoding: .object(broken))
            } catch {
                #expect(error.path == path, "\(member)")
            }
            var document = RunResultCodec.encode(current).objectValue ?? Fields()
            var sections = document["sections"]?.objectValue ?? Fields()
            sections["baseline"] = .object(broken)
            document["sections"] = .object(sections)
            #expect(throws: RunResultCodec.DecodingError.self) { try RunResultCodec.decode(.object(document)) }
        }
    }

    // MARK: - Aliases (a resource read under another name)

    static let address = "module.data.aws_ebs_volume.reports"
    static let arn = "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0f9e8d7c6b5a40312"

    /// A finding on the volume as a plan-only run reports it: the plan creates it, so its id is its address.
    static func planned(value: String = "x") -> Finding {
        var finding = Self.finding(address, value: value)
        finding.source = SourceReference(file: "plan.json", pointer: "/resource_changes/3", format: "terraform-plan", terraformAddress: address)
        return finding
    }

    /// The same problem once Config reports the volume too: one merged resource under its ARN,
    /// the plan record listed as a source.
    static func merged(value: String = "x") -> Finding {
        var finding = Self.finding(arn, value: value)
        finding.source = SourceReference(file: "config.json", pointer: "/configurationItems/4", format: "aws-config")
        finding.mergedSources = [SourceReference(file: "plan.json", pointer: "/resource_changes/3", format: "terraform-plan",
                                                 terraformAddress: address)]
        return finding
    }

    @Test("a finding baselined under the Terraform address (plan-only run) persists when its resource is now read with its ARN")
    func addressThenARN() {
        let baseline = Baseline(file: "plan-only.json", sha256: "s", result: Self.result([Self.planned()]))
        var current = Self.result([Self.merged(), Self.merged(value: "y")])
        #expect(Self.merged().fingerprint != Self.planned().fingerprint, "the ids differ, so the fingerprints do")
        current.apply(baseline)
        // The same facts under the alias persist; other facts on the same resource are new.
        #expect(current.blockingFindings.map { $0.evidence.first?.actual } == [.string("y")])
        #expect(current.isPersisting(current.findings[0]))
        #expect(current.sections["baseline"]?["persisting"]?.doubleValue == 1)
        #expect(current.sections["baseline"]?["fixed"]?.doubleValue == 0)
        #expect(current.sections["baseline"]?["persisting_fingerprints"]?.arrayValue == [.string(Self.merged().fingerprint)],
                "the run's own fingerprint, so that decoding the results restores the decision")
        let decoded = try? RunResultCodec.decode(try JSONParser.parse(JSONWriter.pretty(RunResultCodec.encode(current))))
        #expect(decoded?.blockingFindings.count == 1)
    }

    @Test("a finding baselined under the ARN persists in a plan-only run that knows the resource only by its address")
    func arnThenAddress() {
        let baseline = Baseline(file: "merged.json", sha256: "s", result: Self.result([Self.merged()]))
        #expect(baseline.resourcesByAlias == [Self.address: [Self.arn]])
        var current = Self.result([Self.planned()])
        current.apply(baseline)
        #expect(current.blockingFindings.isEmpty)
        #expect(current.sections["baseline"]?["fixed"]?.doubleValue == 0)
        var other = Self.result([Self.planned(value: "y")])
        other.apply(baseline)
        #expect(other.blockingFindings.count == 1, "an alias does not make a different failing value persist")
    }

    @Test("a finding matches the baseline under its resource's native id, and aliases are asked only for findings the baseline lacks")
    func nativeID() {
        let baseline = Baseline(file: "records.json", sha256: "s", result: Self.result([Self.finding("vol-0f9e8d7c6b5a40312"), Self.finding("a")]))
        var current = Self.result([Self.finding(Self.arn), Self.finding("a")])
        var asked: [Set<String>] = []
        current.apply(baseline) { ids in
            asked.append(ids)
            return [Self.arn: ["vol-0f9e8d7c6b5a40312"]]
        }
        #expect(asked == [[Self.arn]])
        #expect(current.blockingFindings.isEmpty)
        #expect(current.sections["baseline"]?["persisting"]?.doubleValue == 2)
        var unnamed = Self.result([Self.finding(Self.arn)])
        unnamed.apply(baseline)
        #expect(unnamed.blockingFindings.count == 1, "without the alias the ARN is another resource")
    }

    @Test("an alias match counts toward the baseline's occurrences: the problem found under both names is new twice")
    func aliasCounts() {
        let baseline = Baseline(file: "plan-only.json", sha256: "s", result: Self.result([Self.planned()]))
        var current = Self.result([Self.merged(), Self.planned()])
        current.apply(baseline)
        #expect(current.blockingFindings.count == 2)
        #expect(current.sections["baseline"]?["new"]?.doubleValue == 2)
    }
}
