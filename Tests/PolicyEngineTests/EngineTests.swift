import Testing
@testable import PolicyEngine

/// Builders for conditions written as Swift values (the YAML forms are tested in PolicyLoaderTests).
enum Build {
    static let here = SourceLocation(file: "test", line: 1, column: 1)

    static func field(_ path: String, _ op: Operator, _ value: Value) -> Condition {
        .field(FieldTest(path: try! FieldPath(parsing: path),
                         expectation: Expectation(checks: [Check(op: op, argument: .operand(.literal(value)), location: here)]),
                         location: here))
    }

    static func policy(_ id: String, types: [String], require: Condition, filter: Condition? = nil,
                       severity: Severity = .high, enforcement: Enforcement = .hard) -> Policy {
        Policy(id: id, title: id, severity: severity, enforcement: enforcement, scope: PolicyScope(types: types, filter: filter),
               requirement: require, location: here)
    }

    static func resource(_ id: String, _ type: String, _ document: Value) -> Resource {
        Resource(id: id, type: type, document: document, source: SourceReference(file: "test.json", pointer: "/\(id)"))
    }
}

@Suite("Combinator logic")
struct CombinatorTests {
    let evaluator = ConditionEvaluator(corpus: ResourceCorpus(resources: []), context: EvaluationContext(asOf: CivilDate(year: 2026, month: 6, day: 30)!))
    // Leaves with a known verdict on the document {"n": 1, "s": "x", "u": unknown}.
    var pass: Condition { Build.field("n", .equals, 1) }
    var fail: Condition { Build.field("n", .equals, 2) }
    var error: Condition { Build.field("s", .gt, 1) }
    var unknown: Condition { Build.field("u", .equals, 1) }
    let document: Value = ["n": 1, "s": "x", "u": .unknown]

    func status(_ condition: Condition) -> Verdict { evaluator.evaluate(condition, on: document).status }

    @Test("leaves give the four verdicts")
    func leaves() {
        #expect(status(pass) == .pass)
        #expect(status(fail) == .fail)
        #expect(status(error) == .error)
        #expect(status(unknown) == .unknown)
    }

    @Test("all: a definite fail wins over error and unknown; error over unknown")
    func all() {
        #expect(status(.all([pass, pass])) == .pass)
        #expect(status(.all([error, fail])) == .fail)
        #expect(status(.all([unknown, error])) == .error)
        #expect(status(.all([pass, unknown])) == .unknown)
        #expect(status(.all([])) == .pass)
    }

    @Test("any: a definite pass wins; otherwise error, unknown, fail")
    func any() {
        #expect(status(.any([fail, pass])) == .pass)
        #expect(status(.any([error, pass])) == .pass)
        #expect(status(.any([fail, unknown])) == .unknown)
        #expect(status(.any([unknown, error])) == .error)
        #expect(status(.any([fail, fail])) == .fail)
        #expect(status(.any([])) == .fail)
    }

    @Test("not and none swap pass and fail only")
    func negation() {
        #expect(status(.not(pass)) == .fail)
        #expect(status(.not(fail)) == .pass)
        #expect(status(.not(error)) == .error)
        #expect(status(.not(unknown)) == .unknown)
        #expect(status(.none([fail, fail])) == .pass)
        #expect(status(.none([fail, pass])) == .fail)
    }

    @Test("evidence names the failing leaf, not the passing one")
    func evidence() {
        let items = evaluator.explain(.all([pass, fail]), on: document)
        #expect(items.map(\.path) == ["n"])
        #expect(items.first?.expected == "equals 2")
        #expect(items.first?.actual == .number(1))
        let negated = evaluator.explain(.not(.all([pass])), on: document)
        #expect(negated.first?.expected == "not (equals 1)")
    }
}

@Suite("Policy runner")
struct PolicyRunnerTests {
    let context = EvaluationContext(asOf: CivilDate(year: 2026, month: 6, day: 30)!)

    func corpus(_ count: Int) -> ResourceCorpus {
        var resources: [Resource] = []
        for index in 0..<count {
            let id = "r" + String(String(index + 100_000).dropFirst())
            let type = index % 3 == 0 ? "storage.bucket" : "compute.volume"
            let document = Value.object(Fields([("encrypted", Value.bool(index % 7 != 0)), ("size", Value.number(Double(index % 50)))]))
            resources.append(Build.resource(id, type, document))
        }
        return ResourceCorpus(resources: resources)
    }

    @Test("results do not depend on how work is split")
    func deterministicMerge() throws {
        let policy = try PolicyCompiler.compile(Build.policy("enc", types: ["storage.*", "compute.volume"],
                                                             require: Build.field("encrypted", .equals, true)))
        let data = corpus(5000)
        let reference = PolicyRunner.run([policy], corpus: data, context: context, keepPasses: true, blockSize: 4096)
        for blockSize in [1, 7, 333, 100_000] {
            let other = PolicyRunner.run([policy], corpus: data, context: context, keepPasses: true, blockSize: blockSize)
            #expect(other[0].findings == reference[0].findings)
            #expect(other[0].counts == reference[0].counts)
        }
        #expect(reference[0].counts.evaluated == 5000)
        #expect(reference[0].counts.fail == (0..<5000).filter { $0 % 7 == 0 }.count)
        #expect(reference[0].findings.map(\.resource) == reference[0].findings.map(\.resource).sorted())
    }

    /// Rendering failing texts as the findings are made (`renderText`, for runs whose reports
    /// read every text) gives the texts rendering them when read gives, over several blocks and
    /// policies (the verdicts of each policy are freed once its findings are made).
    @Test("texts rendered as findings are made equal the texts rendered when read")
    func renderTextAsFindingsAreMade() throws {
        let policies = try ["enc", "small"].map { id in
            try PolicyCompiler.compile(Build.policy(id, types: [], require: id == "enc" ? Build.field("encrypted", .equals, true) : Build.field("size", .lt, 30)))
        }
        let data = corpus(3000)
        let deferred = PolicyRunner.run(policies, corpus: data, context: context, keepPasses: true, blockSize: 97)
        let rendered = PolicyRunner.run(policies, corpus: data, context: context, keepPasses: true, renderText: true, blockSize: 97)
        for (left, right) in zip(deferred, rendered) {
            #expect(left.counts == right.counts)
            #expect(left.findings == right.findings)
            #expect(left.findings.map(\.message) == right.findings.map(\.message))
            #expect(left.findings.map(\.evidence) == right.findings.map(\.evidence))
            #expect(left.counts.fail > 0)
            for finding in right.findings {
                guard finding.isTextRendered else {
                    Issue.record("a failing text was left to render when read")
                    break
                }
            }
        }
        #expect(rendered[0].findings.contains { $0.status == .fail && !$0.message.isEmpty })
    }

    /// Lists longer than `releaseStep` give their emptied pages back while they are moved; the
    /// run's list must still hold every finding, in policy order, unchanged.
    @Test("taking long lists of findings keeps every finding")
    func takeLongFindingLists() throws {
        let policies = try ["a", "b"].map { id in
            try PolicyCompiler.compile(Build.policy(id, types: [], require: Build.field("encrypted", .equals, true)))
        }
        let count = PolicyRunner.releaseStep + 9_000
        var evaluations = PolicyRunner.run(policies, corpus: corpus(count), context: context, keepPasses: true)
        let expected = evaluations.flatMap(\.findings)
        #expect(expected.count == 2 * count)
        let taken = PolicyRunner.takeFindings(of: &evaluations)
        #expect(taken == expected)
        #expect(evaluations.allSatisfy { $0.findings.isEmpty })
    }

    /// Errors and unknowns carry the text rendered when their reason was known; a block keeps
    /// those texts beside its verdicts, so each must still reach its own finding however the
    /// corpus is split.
    @Test("errors and unknowns keep their own text whatever the split")
    func writtenTextsFollowTheirVerdicts() throws {
        let policy = try PolicyCompiler.compile(Build.policy("size", types: ["compute.volume"], require: Build.field("size", .gt, 10)))
        let resources = (0..<600).map { index -> Resource in
            let size: Value = switch index % 5 {
            case 0: .string("huge-\(index)")
            case 1: .unknown
            default: .number(Double(index % 40))
            }
            return Build.resource("v\(index + 1000)", "compute.volume", ["size": size])
        }
        let data = ResourceCorpus(resources: resources)
        for blockSize in [1, 3, 64, 4096] {
            let result = PolicyRunner.run([policy], corpus: data, context: context, keepPasses: true, blockSize: blockSize)[0]
            #expect(result.findings.count == 600)
            #expect(result.counts.error == 120 && result.counts.unknown == 120)
            for finding in result.findings {
                let index = Int(finding.resource.dropFirst())! - 1000
                switch index % 5 {
                case 0:
                    #expect(finding.status == .error)
                    #expect(finding.message.contains("huge-\(index)"), "\(finding.resource): \(finding.message)")
                case 1:
                    #expect(finding.status == .unknown)
                    #expect(finding.message.hasPrefix("cannot be decided yet"), "\(finding.resource): \(finding.message)")
                default:
                    #expect(finding.message.isEmpty || finding.status == .fail)
                }
            }
        }
    }

    /// The run's one list of findings is every policy's, in policy order, moved (not copied) out
    /// of the evaluations, which are left empty.
    @Test("taking the findings keeps policy order and empties the lists")
    func takeFindings() throws {
        let policies = try ["a", "b", "c"].map { id in
            try PolicyCompiler.compile(Build.policy(id, types: id == "b" ? ["compute.volume"] : [], require: Build.field("encrypted", .equals, true)))
        }
        var evaluations = PolicyRunner.run(policies, corpus: corpus(700), context: context, keepPasses: true)
        let expected = evaluations.flatMap(\.findings)
        #expect(expected.count > 700)
        let taken = PolicyRunner.takeFindings(of: &evaluations)
        #expect(taken == expected)
        #expect(taken.map(\.policy) == expected.map(\.policy))
        #expect(evaluations.allSatisfy { $0.findings.isEmpty })
    }

    /// Passing findings are kept only in `list` mode and only when an output reads them; the
    /// counts are the same either way.
    @Test("passing findings are kept only in list mode and when an output reads them")
    func passingFindingsKeptOnlyWhenRead() throws {
        #expect(PassingMode.list.keepsPassingFindings(readByAnOutput: true))
        #expect(!PassingMode.list.keepsPassingFindings(readByAnOutput: false))
        #expect(!PassingMode.summary.keepsPassingFindings(readByAnOutput: true))
        #expect(!PassingMode.summary.keepsPassingFindings(readByAnOutput: false))
        let policy = try PolicyCompiler.compile(Build.policy("enc", types: [], require: Build.field("encrypted", .equals, true)))
        let kept = PolicyRunner.run([policy], corpus: corpus(700), context: context,
                                    keepPasses: PassingMode.list.keepsPassingFindings(readByAnOutput: true))[0]
        let dropped = PolicyRunner.run([policy], corpus: corpus(700), context: context,
                                       keepPasses: PassingMode.list.keepsPassingFindings(readByAnOutput: false))[0]
        #expect(kept.counts == dropped.counts)
        #expect(kept.findings.contains { $0.status == .pass })
        #expect(!dropped.findings.contains { $0.status == .pass })
        #expect(kept.findings.filter { $0.status != .pass } == dropped.findings)
    }

    /// Checks that the findings of a policy failing everywhere list the resources in `String`
    /// order of their ids with ties in input order (the pointer names the input position).
    func expectIDOrder(_ ids: [String]) throws {
        let corpus = ResourceCorpus(resources: ids.enumerated().map { position, id in
            Resource(id: id, type: "t", document: [:], source: SourceReference(file: "t.json", pointer: "/\(position)"))
        })
        let policy = try PolicyCompiler.compile(Build.policy("p", types: [], require: Build.field("missing", .equals, 1)))
        let findings = PolicyRunner.run([policy], corpus: corpus, context: context, keepPasses: true)[0].findings
        let expected = ids.indices.sorted { ids[$0] < ids[$1] || (ids[$0] == ids[$1] && $0 < $1) }
        #expect(findings.map { $0.source?.pointer ?? "" } == expected.map { "/\($0)" })
    }

    @Test("a finding is 144 bytes and a source reference 56: the rare members are boxed, the format interned")
    func compactLayout() {
        // A run listing its passes holds 3.4 million findings at a million resources.
        #expect(MemoryLayout<Finding>.stride == 144)
        #expect(MemoryLayout<SourceReference>.stride == 56)
        #expect(MemoryLayout<Resource>.stride == 120)
    }

    @Test("merged sources and a waiver are kept together and apart: setting one keeps the other")
    func findingAttachments() throws {
        let other = SourceReference(file: "b.json", pointer: "/4", format: "aws-config")
        var finding = Finding(policy: "p", resource: "r", resourceType: "t", status: .fail, severity: .high, enforcement: .hard,
                              message: "m", source: SourceReference(file: "a.json", pointer: "/1", format: "terraform-plan"))
        #expect(finding.mergedSources.isEmpty && finding.waiver == nil)
        finding.mergedSources = [other]
        let waiver = AppliedWaiver(id: "w.yaml:3", reason: "accepted", owner: "ops", ticket: nil, expires: try #require(CivilDate(year: 2027, month: 1, day: 1)))
        finding.waiver = waiver
        #expect(finding.mergedSources == [other])
        #expect(finding.waiver == waiver)
        var copy = finding
        copy.mergedSources = []
        #expect(copy.waiver == waiver && copy.mergedSources.isEmpty)
        #expect(finding.mergedSources == [other])
        copy.waiver = nil
        #expect(copy.waiver == nil && copy.mergedSources.isEmpty)
        #expect(copy != finding)
        #expect(finding.source?.format == "terraform-plan" && other.format == "aws-config")
        var reformatted = other
        reformatted.format = nil
        #expect(reformatted.format == nil && reformatted != other)
        reformatted.format = "aws-config"
        #expect(reformatted == other && reformatted.hashValue == other.hashValue)
        // A reader's format is adopted only where none is set, under the same name.
        var adopted = SourceReference(file: "b.json", pointer: "/4")
        adopted.adoptFormat(.awsConfig)
        #expect(adopted == other)
        adopted.adoptFormat(.terraformPlan)
        #expect(adopted.format == "aws-config")
        #expect(InputFormat.allCases.allSatisfy { $0.nameKey.text == $0.rawValue })
    }

    @Test("findings follow resource-id order whatever the input order; equal ids keep input order")
    func idOrder() throws {
        // Shared 8- and 16-byte prefixes, prefixes of each other, lengths around word edges,
        // duplicates, and enough ids (70,000) that the sort and the gathering of their bytes
        // split work across cores.
        var ids: [String] = ["arn:aws:s3:bucket", "arn:aws:s3:bucket-1", "arn:aws:s3:bucket0", "arn:aws:s3:bucket", "arn:aws:",
                             "arn:aws:s", "arn:aws:s3:bucke", "", "a", "arn:aws:s3:bucket-1"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<70_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let account = (state >> 33) % 7
            let name = (state >> 12) % 5_000
            ids.append(account == 3 ? "arn:aws:s3:::b-\(name)" : "arn:aws:ec2:eu-west-1:00000000000\(account):volume/vol-\(name)")
        }
        try expectIDOrder(ids)
    }

    @Test("every resource's type code selects its own type, types first met late included")
    func typeCodesAcrossRanges() {
        // 140,000 resources: "c" first appears at 100,000, "d" only at the end, "a" and "b"
        // everywhere.
        let types = (0..<140_000).map { position -> String in
            if position == 100_000 || position == 100_001 { return "c" }
            if position >= 139_990 { return "d" }
            return position.isMultiple(of: 3) ? "b" : "a"
        }
        let corpus = ResourceCorpus(resources: types.enumerated().map { position, type in
            Resource(id: "r-\(position)", type: type, document: [:], source: SourceReference(file: "t.json", pointer: "/\(position)"))
        })
        #expect(corpus.types == ["a", "b", "c", "d"])
        for type in ["a", "b", "c", "d"] {
            #expect(corpus.positions(ofType: type) == types.indices.filter { types[$0] == type }, "\(type)")
        }
        // Each resource's code selects exactly its own type's pattern list.
        let selecting = corpus.policiesByType([["a"], ["b"], ["c"], ["d"]])
        let lists = ["a": 0, "b": 1, "c": 2, "d": 3]
        #expect(types.indices.allSatisfy { selecting[corpus.typeCode(at: $0)] == [lists[types[$0]]!] })
    }

    @Test("ids outside plain ASCII sort as String orders them (canonically equal ids tie)")
    func nonASCIIOrder() throws {
        try expectIDOrder(["café", "cafe\u{301}", "cafe", "Ω", "caf", "z", "café"])
        // One such id in the last of several ranges of plain ones.
        try expectIDOrder((0..<70_000).map { "arn:aws:s3:::b-\(($0 * 7_919) % 70_000)" } + ["arn:aws:s3:::b-caf\u{E9}"])
    }

    @Test("scope filter: fail means not applicable, error is reported as error")
    func scopeFilter() throws {
        let policy = try PolicyCompiler.compile(Build.policy("big", types: ["compute.volume"], require: Build.field("encrypted", .equals, true),
                                                             filter: Build.field("size", .gte, 40)))
        let data = ResourceCorpus(resources: [
            Build.resource("small", "compute.volume", ["size": 10, "encrypted": false]),
            Build.resource("big", "compute.volume", ["size": 45, "encrypted": false]),
            Build.resource("odd", "compute.volume", ["size": "huge", "encrypted": true]),
        ])
        let result = PolicyRunner.run([policy], corpus: data, context: context, keepPasses: true)[0]
        #expect(result.counts.evaluated == 2)
        #expect(result.findings.map(\.resource) == ["big", "odd"])
        #expect(result.findings.map(\.status) == [.fail, .error])
        #expect(result.findings[1].message.contains("applies_to.where"))
    }

    @Test("passes are counted but not kept in summary mode")
    func summaryMode() throws {
        let policy = try PolicyCompiler.compile(Build.policy("enc", types: ["storage.bucket"], require: Build.field("encrypted", .equals, true)))
        let result = PolicyRunner.run([policy], corpus: corpus(300), context: context, keepPasses: false)[0]
        #expect(result.counts.pass > 0)
        #expect(result.findings.allSatisfy { $0.status != .pass })
    }
}

@Suite("Waivers")
struct WaiverTests {
    let asOf = CivilDate(year: 2026, month: 11, day: 27)!

    func waiver(_ policy: String, _ resources: [String], expires: String, line: Int) -> Waiver {
        Waiver(policy: policy, resources: resources, reason: "accepted", owner: "team@example.com", ticket: "T-1",
               expires: CivilDate(parsing: expires)!, location: SourceLocation(file: "waivers.yaml", line: line, column: 5))
    }

    @Test("valid waivers waive, expired ones do not, unmatched ones are stale, near expiry is flagged")
    func states() throws {
        let policy = try PolicyCompiler.compile(Build.policy("enc", types: ["b"], require: Build.field("ok", .equals, true)))
        let corpus = ResourceCorpus(resources: ["legacy-1", "legacy-2", "new-1", "fine"].map {
            Build.resource($0, "b", ["ok": .bool($0 == "fine")])
        })
        var evaluations = PolicyRunner.run([policy], corpus: corpus, context: EvaluationContext(asOf: asOf), keepPasses: true)
        let statuses = WaiverApplication.apply([
            waiver("enc", ["legacy-*"], expires: "2027-06-30", line: 3),
            waiver("enc", ["new-1"], expires: "2026-11-26", line: 10),
            waiver("other", ["x"], expires: "2027-01-01", line: 17),
            waiver("enc", ["fine"], expires: "2026-12-20", line: 24),
        ], to: &evaluations, asOf: asOf)
        let byResource = Dictionary(uniqueKeysWithValues: evaluations[0].findings.map { ($0.resource, $0) })
        #expect(byResource["legacy-1"]?.status == .waived)
        #expect(byResource["legacy-1"]?.waiver?.id == "waivers.yaml:3")
        #expect(byResource["new-1"]?.status == .fail)
        #expect(byResource["new-1"]?.message.contains("expired on 2026-11-26") == true)
        #expect(statuses.map(\.state) == [.active, .expired, .stale, .stale])
        #expect(evaluations[0].counts.waived == 2)
        #expect(evaluations[0].counts.fail == 1)

        var again = PolicyRunner.run([policy], corpus: corpus, context: EvaluationContext(asOf: asOf), keepPasses: true)
        let soon = WaiverApplication.apply([waiver("enc", ["legacy-1"], expires: "2026-12-20", line: 1)], to: &again, asOf: asOf)
        #expect(soon.first?.state == .expiring)
        #expect(soon.first?.daysToExpiry == 23)
    }
}

@Suite("Results JSON")
struct RunResultCodecTests {
    @Test("encodes and decodes without loss, and blocking follows fail_on and enforcement")
    func roundTrip() throws {
        var counts = VerdictCounts()
        counts.record(.fail)
        counts.record(.pass)
        let finding = Finding(policy: "p", resource: "r", resourceType: "t", status: .fail, severity: .medium, enforcement: .hard,
                              message: "bad", source: SourceReference(file: "f.json", pointer: "/0"),
                              evidence: [Evidence(path: "a.b", actual: nil, expected: "exists true", status: .fail)])
        let advisory = Finding(policy: "q", resource: "r", resourceType: "t", status: .fail, severity: .critical, enforcement: .advisory,
                               message: "meh", source: nil)
        let result = RunResult(
            toolVersion: "9.9.9", asOf: CivilDate(year: 2026, month: 1, day: 2)!, labels: ["team": "x"], failOn: .medium, passing: .summary,
            policySetDigest: "abc", inputs: [InputRecord(path: "f.json", format: "json", sha256: "00", documents: 2)],
            policies: [PolicyReport(metadata: PolicyMetadata(id: "p", title: "P", severity: .medium, enforcement: .hard, category: "c", frameworks: ["soc2": ["CC6.1"]],
                                    description: "d", remediation: "r"), params: ["n": 3], source: "p.yaml:1:1", counts: counts)],
            findings: [finding, advisory], waivers: []
        )
        let text = JSONWriter.pretty(RunResultCodec.encode(result))
        let decoded = try RunResultCodec.decode(try JSONParser.parse(text))
        #expect(decoded.findings == result.findings)
        #expect(decoded.policies == result.policies)
        #expect(decoded.inputs == result.inputs)
        #expect(decoded.labels == ["team": "x"])
        #expect(JSONWriter.pretty(RunResultCodec.encode(decoded)) == text)
        #expect(result.blockingFindings.map(\.policy) == ["p"])
        var stricter = result
        stricter.failOn = .high
        #expect(stricter.blockingFindings.isEmpty)
    }

    @Test("decoding names the path of a malformed field")
    func decodingErrors() throws {
        let document = try JSONParser.parse(#"{"schema": "assay-results", "version": 1, "tool": {"version": "1"}, "as_of": "2026-01-01", "labels": {}, "fail_on": "severe"}"#)
        #expect(throws: RunResultCodec.DecodingError(path: "inputs", reason: "missing")) { try RunResultCodec.decode(document) }
        let wrong = try JSONParser.parse(#"{"schema": "other"}"#)
        #expect(throws: RunResultCodec.DecodingError.self) { try RunResultCodec.decode(wrong) }
    }
}

@Suite("Message filters for people")
struct MessageFilterTests {
    let context = MessageTemplate.Context(
        policyID: "p", policyTitle: "t",
        params: [
            "required": .array([.string("owner"), .string("environment"), .string("cost-center")]),
            "cadence": .object(Fields([("tier0", .number(60)), ("tier1", .number(90)), ("default", .number(365))])),
            "labels": .object(Fields([("tier0", .string("tier 0 (mission critical)"))])),
        ],
        asOf: CivilDate(daysSinceEpoch: 20_000))

    @Test("missing_from names the required keys a resource lacks, and only those")
    func missingFrom() throws {
        let template = try MessageTemplate(parsing: "missing tags: {{ params.required | missing_from: 'tags' | join: ', ' }}")
        let tagged: Value = .object(Fields([("tags", .object(Fields([("environment", .string("prod"))])))]))
        #expect(template.render(document: tagged, context: context) == "missing tags: owner, cost-center")
        #expect(template.render(document: .object(Fields()), context: context) == "missing tags: owner, environment, cost-center")
        let listed: Value = .object(Fields([("tags", .array([.string("owner"), .string("cost-center")]))]))
        #expect(template.render(document: listed, context: context) == "missing tags: environment")
    }

    @Test("entry_for picks a keyed parameter's entry for the resource, else its default entry")
    func entryFor() throws {
        let template = try MessageTemplate(parsing: "{{ params.labels | entry_for: 'tier' | default: 'unlabelled' }}: {{ params.cadence | entry_for: 'tier' }} days")
        #expect(template.render(document: .object(Fields([("tier", .string("tier0"))])), context: context) == "tier 0 (mission critical): 60 days")
        #expect(template.render(document: .object(Fields([("tier", .string("tier3"))])), context: context) == "unlabelled: 365 days")
    }

    @Test("path filters need a valid field path")
    func pathRequired() {
        #expect(throws: MessageTemplate.ParseError.self) { try MessageTemplate(parsing: "{{ params.required | missing_from }}") }
        #expect(throws: MessageTemplate.ParseError.self) { try MessageTemplate(parsing: "{{ params.required | entry_for: 'a..b' }}") }
    }
}
