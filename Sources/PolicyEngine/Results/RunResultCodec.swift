/// Converts `RunResult` to and from its JSON document (schema in docs/results-json.md).
///
/// Writing goes through `Value` and `JSONWriter`, so keys are sorted and the bytes depend only on
/// the content. Reading accepts any document of the same major schema version and names the JSON
/// path of anything malformed.
public enum RunResultCodec {
    /// The `schema` marker written into every results file.
    public static let schemaName = "assay-results"

    /// Why a results document could not be read.
    public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// JSON path of the problem (`findings[3].status`).
        public var path: String
        /// What was expected.
        public var reason: String

        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    // MARK: - Encoding

    /// The JSON document of a result.
    public static func encode(_ result: RunResult) -> Value {
        encode(result, encodedFindings: result.findings.map(encode))
    }

    /// The JSON document of a result whose findings the caller already encoded with
    /// `encode(_ finding:)`, in the same order. Everything else, the summary included, comes
    /// from `result`.
    public static func encode(_ result: RunResult, encodedFindings: [Value]) -> Value {
        .object(documentFields(result, encodedFindings: encodedFindings))
    }

    // MARK: - The pretty document around its findings

    /// What stands before each finding's text in the pretty document (`JSONWriter.pretty` of
    /// `encode(result)`): a newline and the indentation of depth 2, after a comma for all but
    /// the first finding.
    public static let findingItemPrefix = "\n    "
    /// What stands after the last finding's text, before `tail` (only when there are findings).
    public static let findingsEnd = "\n  "

    /// The pretty document of `result` without its findings, split where they go: `head` runs
    /// up to and including the `[` of the top-level `findings` array, `tail` from its `]` to the
    /// final newline. Writers that stream a large run (`--json`, the history) put each finding's
    /// text (`documentItem`) between them, so the whole document is never built at once; the
    /// bytes equal `JSONWriter.pretty(encode(result))`.
    public static func documentFrame(_ result: RunResult) -> (head: [UInt8], tail: [UInt8]) {
        var head: [UInt8] = [UInt8(ascii: "{")]
        var tail: [UInt8] = []
        var inTail = false
        var first = true
        for member in documentFields(result, encodedFindings: []) {
            var text: [UInt8] = first ? [] : [UInt8(ascii: ",")]
            first = false
            text.append(contentsOf: "\n  ".utf8)
            JSONWriter.writeString(member.key, into: &text)
            text.append(contentsOf: ": ".utf8)
            if member.key == "findings" {
                head += text
                head.append(UInt8(ascii: "["))
                tail.append(UInt8(ascii: "]"))
                inTail = true
                continue
            }
            JSONWriter.write(member.value, into: &text, indent: "  ", level: 1)
            if inTail { tail += text } else { head += text }
        }
        tail.append(contentsOf: "\n}\n".utf8)
        return (head, tail)
    }

    /// A finding's text as it stands in the pretty document (an element of `findings`, depth 2).
    /// The finding is not changed (`inout` lets the writer read it in place).
    public static func documentItem(_ finding: inout Finding, into output: inout [UInt8]) {
        FindingJSON.write(&finding, into: &output, level: 2)
    }

    /// The members of the results document.
    private static func documentFields(_ result: RunResult, encodedFindings: [Value]) -> Fields {
        var summary = Fields()
        let totals = result.totals
        summary["counts"] = encode(totals)
        summary["policies"] = .number(Double(result.policies.count))
        // One pass that counts (no filtered copies: a run may hold 100,000 findings).
        var blocking = 0
        var failingBySeverity: [Severity: Int] = [:]
        var failingByEnforcement: [Enforcement: Int] = [:]
        for index in result.findings.indices {
            if result.isBlocking(findingAt: index) { blocking += 1 }
            guard result.findings[index].status == .fail else { continue }
            failingBySeverity[result.findings[index].severity, default: 0] += 1
            failingByEnforcement[result.findings[index].enforcement, default: 0] += 1
        }
        summary["blocking"] = .number(Double(blocking))
        summary["compliant"] = .bool(blocking == 0)
        // Nothing evaluated has no compliance score (null), never 100 %.
        summary["compliance_score"] = result.evaluatedAnything ? .number((result.complianceScore * 10_000).rounded() / 10_000) : .null
        summary["not_applicable"] = .number(Double(result.policies.count(where: \.isNotApplicable)))
        summary["failing_by_severity"] = .object(Fields(Severity.allCases.map { ($0.rawValue, Value.number(Double(failingBySeverity[$0] ?? 0))) }))
        summary["failing_by_enforcement"] = .object(Fields(Enforcement.allCases.map {
            ($0.rawValue, Value.number(Double(failingByEnforcement[$0] ?? 0)))
        }))

        var document = Fields()
        document["schema"] = .string(schemaName)
        document["version"] = .number(Double(RunResult.schemaVersion))
        document["tool"] = ["name": "assay", "version": .string(result.toolVersion)]
        document["as_of"] = .string(result.asOf.description)
        document["labels"] = .object(Fields(result.labels.map { ($0.key, Value.string($0.value)) }))
        document["fail_on"] = .string(result.failOn.rawValue)
        document["fail_on_unknown"] = .bool(result.failOnUnknown)
        document["passing"] = .string(result.passing.rawValue)
        document["policy_set_digest"] = .string(result.policySetDigest)
        document["inputs"] = .array(result.inputs.sorted { $0.path < $1.path }.map(encode))
        document["policies"] = .array(result.policies.sorted { $0.id < $1.id }.map(encode))
        document["findings"] = .array(encodedFindings)
        document["waivers"] = .array(result.waivers.map(encode))
        document["summary"] = .object(summary)
        document["sections"] = .object(Fields(result.sections.map { ($0.key, $0.value) }))
        return document
    }

    /// The JSON object of verdict counts.
    public static func encode(_ counts: VerdictCounts) -> Value {
        [
            "evaluated": .number(Double(counts.evaluated)), "pass": .number(Double(counts.pass)),
            "fail": .number(Double(counts.fail)), "waived": .number(Double(counts.waived)),
            "error": .number(Double(counts.error)), "unknown": .number(Double(counts.unknown)),
        ]
    }

    static func encode(_ input: InputRecord) -> Value {
        ["path": .string(input.path), "format": .string(input.format), "sha256": .string(input.sha256),
         "documents": .number(Double(input.documents))]
    }

    static func encode(_ policy: PolicyReport) -> Value {
        var fields = Fields()
        fields["id"] = .string(policy.id)
        fields["title"] = .string(policy.title)
        fields["severity"] = .string(policy.severity.rawValue)
        fields["enforcement"] = .string(policy.enforcement.rawValue)
        fields["category"] = .string(policy.category)
        fields["frameworks"] = .object(Fields(policy.frameworks.map { ($0.key, Value.array($0.value.map(Value.string))) }))
        fields["description"] = .string(policy.description)
        fields["remediation"] = .string(policy.remediation)
        fields["params"] = .object(Fields(policy.params.map { ($0.key, $0.value) }))
        fields["source"] = .string(policy.source)
        fields["counts"] = encode(policy.counts)
        fields["applies_to"] = .array(policy.appliesTo.map(Value.string))
        if let text = policy.notApplicableText { fields["not_applicable"] = .string(text) }
        return .object(fields)
    }

    /// The JSON object of one source reference: `file`, and `pointer`, `line`, `format` and
    /// `declaration` (Terraform `address`, with `file` and `line` when located) when known.
    public static func encode(_ source: SourceReference) -> Value {
        var sourceFields = Fields()
        sourceFields["file"] = .string(source.file)
        if let pointer = source.pointer { sourceFields["pointer"] = .string(pointer) }
        if let line = source.line { sourceFields["line"] = .number(Double(line)) }
        if let format = source.format { sourceFields["format"] = .string(format) }
        if let declaration = source.declaration {
            var declared = Fields()
            declared["address"] = .string(declaration.address)
            if let file = declaration.file { declared["file"] = .string(file) }
            if let line = declaration.line { declared["line"] = .number(Double(line)) }
            sourceFields["declaration"] = .object(declared)
        }
        return .object(sourceFields)
    }

    /// Reads one source reference object.
    static func decodeSource(_ value: Reader) throws(DecodingError) -> SourceReference {
        var declaration: DeclarationLocation?
        if let declared = value.optional("declaration"), !declared.value.isNull {
            declaration = DeclarationLocation(
                address: try declared.string("address"), file: declared.optional("file")?.value.stringValue,
                line: declared.optional("line")?.value.doubleValue?.intRoundedDown)
        }
        return SourceReference(file: try value.string("file"), pointer: value.optional("pointer")?.value.stringValue,
                               line: value.optional("line")?.value.doubleValue?.intRoundedDown,
                               format: value.optional("format")?.value.stringValue, declaration: declaration)
    }

    /// The JSON object of one finding.
    public static func encode(_ finding: Finding) -> Value {
        var fields = Fields()
        fields["policy"] = .string(finding.policy)
        fields["resource"] = .string(finding.resource)
        fields["resource_type"] = .string(finding.resourceType)
        fields["fingerprint"] = .string(finding.fingerprint)
        fields["status"] = .string(finding.status.rawValue)
        fields["severity"] = .string(finding.severity.rawValue)
        fields["enforcement"] = .string(finding.enforcement.rawValue)
        fields["message"] = .string(finding.message)
        fields["source"] = finding.source.map(encode) ?? .null
        if !finding.mergedSources.isEmpty { fields["sources"] = .array(finding.sources.map(encode)) }
        if !finding.evidence.isEmpty {
            fields["evidence"] = .array(finding.evidence.map { item in
                var evidence = Fields()
                evidence["path"] = .string(item.path)
                evidence["actual"] = item.actual ?? .null
                evidence["missing"] = .bool(item.actual == nil)
                evidence["expected"] = .string(item.expected)
                evidence["status"] = .string(item.status.rawValue)
                if let note = item.note { evidence["note"] = .string(note) }
                return .object(evidence)
            })
        }
        if let waiver = finding.waiver {
            var waiverFields = Fields()
            waiverFields["id"] = .string(waiver.id)
            waiverFields["reason"] = .string(waiver.reason)
            waiverFields["owner"] = .string(waiver.owner)
            waiverFields["expires"] = .string(waiver.expires.description)
            if let ticket = waiver.ticket { waiverFields["ticket"] = .string(ticket) }
            fields["waiver"] = .object(waiverFields)
        }
        return .object(fields)
    }

    static func encode(_ status: WaiverStatus) -> Value {
        var fields = Fields()
        fields["id"] = .string(status.waiver.id)
        fields["policy"] = .string(status.waiver.policy)
        fields["resources"] = .array(status.waiver.resources.map(Value.string))
        fields["reason"] = .string(status.waiver.reason)
        fields["owner"] = .string(status.waiver.owner)
        if let ticket = status.waiver.ticket { fields["ticket"] = .string(ticket) }
        fields["expires"] = .string(status.waiver.expires.description)
        fields["state"] = .string(status.state.rawValue)
        fields["matched"] = .number(Double(status.matched))
        fields["days_to_expiry"] = .number(Double(status.daysToExpiry))
        return .object(fields)
    }

    // MARK: - Decoding

    /// Reads a results document.
    public static func decode(_ document: Value) throws(DecodingError) -> RunResult {
        let root = Reader(value: document, path: "")
        let schema = try root.string("schema")
        guard schema == schemaName else {
            throw DecodingError(path: "schema", reason: "expected \"\(schemaName)\", found \"\(schema)\" (not an Assay results file)")
        }
        let version = try root.int("version")
        guard version == RunResult.schemaVersion else {
            throw DecodingError(path: "version", reason: "schema version \(version) is not supported (this build reads \(RunResult.schemaVersion))")
        }
        let tool = try root.object("tool")
        var labels: [String: String] = [:]
        for member in try root.fields("labels") {
            labels[member.key] = member.value.stringValue ?? member.value.displayText
        }
        let inputs = try root.array("inputs").map { (item) throws(DecodingError) in
            InputRecord(path: try item.string("path"), format: try item.string("format"), sha256: try item.string("sha256"),
                        documents: try item.int("documents"))
        }
        let policies = try root.array("policies").map { (item) throws(DecodingError) in try decodePolicy(item) }
        let findings = try root.array("findings").map { (item) throws(DecodingError) in try decodeFinding(item) }
        let waivers = try root.array("waivers").map { (item) throws(DecodingError) in try decodeWaiver(item) }
        var sections: [String: Value] = [:]
        for member in (try? root.fields("sections")) ?? Fields() { sections[member.key] = member.value }
        var result = RunResult(
            toolVersion: try tool.string("version"), asOf: try root.date("as_of"), labels: labels,
            failOn: try root.enumeration("fail_on"), failOnUnknown: (try? root.bool("fail_on_unknown")) ?? false,
            passing: try root.enumeration("passing"), policySetDigest: try root.string("policy_set_digest"), inputs: inputs,
            policies: policies, findings: findings, waivers: waivers, sections: sections
        )
        if let baseline = sections[section: .baseline], baseline != .null {
            do throws(SectionError) {
                result.baselineFingerprints = try BaselineSection(decoding: baseline).persistingFingerprints.map(Set.init)
            } catch {
                throw DecodingError(path: error.path, reason: "expected \(error.expected), found \(error.found)")
            }
        }
        return result
    }

    static func decodeCounts(_ reader: Reader) throws(DecodingError) -> VerdictCounts {
        var counts = VerdictCounts()
        counts.evaluated = try reader.int("evaluated")
        counts.pass = try reader.int("pass")
        counts.fail = try reader.int("fail")
        counts.waived = try reader.int("waived")
        counts.error = try reader.int("error")
        counts.unknown = try reader.int("unknown")
        return counts
    }

    static func decodePolicy(_ item: Reader) throws(DecodingError) -> PolicyReport {
        var frameworks: [String: [String]] = [:]
        for member in try item.fields("frameworks") {
            frameworks[member.key] = (member.value.arrayValue ?? []).compactMap(\.stringValue)
        }
        var params: [String: Value] = [:]
        for member in try item.fields("params") { params[member.key] = member.value }
        let metadata = PolicyMetadata(
            id: try item.string("id"), title: try item.string("title"), severity: try item.enumeration("severity"),
            enforcement: try item.enumeration("enforcement"), category: try item.string("category"), frameworks: frameworks,
            description: try item.string("description"), remediation: try item.string("remediation")
        )
        return PolicyReport(
            metadata: metadata, params: params, source: try item.string("source"), counts: try decodeCounts(try item.object("counts")),
            appliesTo: (item.value["applies_to"]?.arrayValue ?? []).compactMap(\.stringValue)
        )
    }

    /// Reads one finding object, as `encode(_ finding:)` writes it (the run history stores them).
    public static func decode(finding value: Value) throws(DecodingError) -> Finding {
        try decodeFinding(Reader(value: value, path: "finding"))
    }

    /// Reads one finding object.
    static func decodeFinding(_ item: Reader) throws(DecodingError) -> Finding {
        var source: SourceReference?
        if let sourceValue = item.optional("source"), !sourceValue.value.isNull {
            source = try decodeSource(sourceValue)
        }
        var mergedSources: [SourceReference] = []
        if item.optional("sources") != nil {
            for entry in try item.array("sources").dropFirst() { mergedSources.append(try decodeSource(entry)) }
        }
        var evidence: [Evidence] = []
        if item.optional("evidence") != nil {
            for entry in try item.array("evidence") {
                let missing = (try? entry.bool("missing")) ?? false
                evidence.append(Evidence(path: try entry.string("path"), actual: missing ? nil : entry.optional("actual")?.value,
                                         expected: try entry.string("expected"), status: try entry.enumeration("status"),
                                         note: entry.optional("note")?.value.stringValue))
            }
        }
        var waiver: AppliedWaiver?
        if let waiverReader = item.optional("waiver") {
            waiver = AppliedWaiver(id: try waiverReader.string("id"), reason: try waiverReader.string("reason"),
                                   owner: try waiverReader.string("owner"), ticket: waiverReader.optional("ticket")?.value.stringValue,
                                   expires: try waiverReader.date("expires"))
        }
        var finding = Finding(
            policy: try item.string("policy"), resource: try item.string("resource"), resourceType: try item.string("resource_type"),
            status: try item.enumeration("status"), severity: try item.enumeration("severity"),
            enforcement: try item.enumeration("enforcement"), message: try item.string("message"), source: source,
            evidence: evidence, waiver: waiver
        )
        finding.mergedSources = mergedSources
        // Older documents have no fingerprint (it is computed); a present one must agree with the
        // finding, so an edited policy, resource or evidence value is caught on reading.
        if let written = item.optional("fingerprint") {
            let expected = finding.fingerprint
            guard written.value.stringValue == expected || written.value.stringValue == finding.fingerprintBeforeResourceKeys else {
                throw DecodingError(path: written.path, reason: "does not match the finding's policy, resource and evidence "
                                    + "(expected \(expected)); the document was edited or written by another fingerprint version")
            }
        }
        return finding
    }

    static func decodeWaiver(_ item: Reader) throws(DecodingError) -> WaiverStatus {
        let id = try item.string("id")
        // The id is `file:line`; the location is rebuilt from it.
        let separator = id.lastIndex(of: ":")
        let file = separator.map { String(id[..<$0]) } ?? id
        let line = separator.flatMap { Int(id[id.index(after: $0)...]) } ?? 0
        let waiver = Waiver(
            policy: try item.string("policy"), resources: try item.array("resources").compactMap { $0.value.stringValue },
            reason: try item.string("reason"), owner: try item.string("owner"), ticket: item.optional("ticket")?.value.stringValue,
            expires: try item.date("expires"), location: SourceLocation(file: file, line: line, column: 1)
        )
        return WaiverStatus(waiver: waiver, state: try item.enumeration("state"), matched: try item.int("matched"),
                            daysToExpiry: try item.int("days_to_expiry"))
    }

    /// Typed access to a JSON value with the path kept for error messages.
    struct Reader {
        let value: Value
        let path: String

        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

        func optional(_ key: String) -> Reader? {
            guard let found = value[key] else { return nil }
            return Reader(value: found, path: child(key))
        }

        func required(_ key: String) throws(DecodingError) -> Value {
            guard let found = value[key] else { throw DecodingError(path: child(key), reason: "missing") }
            return found
        }

        func string(_ key: String) throws(DecodingError) -> String {
            guard let text = try required(key).stringValue else { throw DecodingError(path: child(key), reason: "expected a string") }
            return text
        }

        func int(_ key: String) throws(DecodingError) -> Int {
            guard let number = try required(key).doubleValue, number == number.rounded(), abs(number) < 1e15 else {
                throw DecodingError(path: child(key), reason: "expected an integer")
            }
            return Int(number)
        }

        func bool(_ key: String) throws(DecodingError) -> Bool {
            guard let flag = try required(key).boolValue else { throw DecodingError(path: child(key), reason: "expected true or false") }
            return flag
        }

        func date(_ key: String) throws(DecodingError) -> CivilDate {
            let text = try string(key)
            guard let date = CivilDate(parsing: text) else { throw DecodingError(path: child(key), reason: "expected a date YYYY-MM-DD") }
            return date
        }

        func enumeration<T: RawRepresentable & CaseIterable>(_ key: String) throws(DecodingError) -> T where T.RawValue == String {
            let text = try string(key)
            guard let value = T(rawValue: text) else {
                let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError(path: child(key), reason: "'\(text)' is not one of \(allowed)")
            }
            return value
        }

        func object(_ key: String) throws(DecodingError) -> Reader {
            let found = try required(key)
            guard found.objectValue != nil else { throw DecodingError(path: child(key), reason: "expected an object") }
            return Reader(value: found, path: child(key))
        }

        func fields(_ key: String) throws(DecodingError) -> Fields {
            guard let fields = try required(key).objectValue else { throw DecodingError(path: child(key), reason: "expected an object") }
            return fields
        }

        func array(_ key: String) throws(DecodingError) -> [Reader] {
            guard let items = try required(key).arrayValue else { throw DecodingError(path: child(key), reason: "expected an array") }
            let base = child(key)
            return items.enumerated().map { Reader(value: $1, path: "\(base)[\($0)]") }
        }
    }
}
