/// The `baseline` section of a run result: the baseline a run was compared with and how its open
/// findings compare with it (schema in docs/history.md, "Baselines"). `RunResult.apply` writes it;
/// decoding a results file (`RunResultCodec`, which restores `RunResult.baselineFingerprints` from
/// it), the run summary, the JUnit report and the history read it; this type is the one encoder and
/// the one (strict) decoder of it.
///
/// Schema: `{ "kind": "run" | "file", "run": "12" | null, "file": "last.json" | null, "database",
/// "results_sha256", "record_sha256", "as_of", "open", "new", "new_blocking", "persisting", "fixed",
/// "persisting_fingerprints": ["…"] }`. The history stores the identity without the fingerprint list.
public struct BaselineSection: Sendable, Equatable {
    /// The key in `RunResult.sections`.
    public static let key = SectionKey.baseline

    /// Where the baseline comes from.
    public var kind: Baseline.Kind
    /// The run id (kind `run`; nil, written `null`, otherwise).
    public var run: String?
    /// The results file as given (kind `file`; nil, written `null`, otherwise).
    public var file: String?
    /// The history database holding the run (kind `run`).
    public var database: String?
    /// SHA-256 of the baseline's results document.
    public var resultsSHA256: String
    /// The run's record hash in the evidence chain (kind `run`).
    public var recordSHA256: String?
    /// The baseline's as-of date (`YYYY-MM-DD`).
    public var asOf: String
    /// The baseline's open findings.
    public var open: Int
    /// This run's open findings absent from the baseline, and those of them that block.
    public var new: Int
    public var newBlocking: Int
    /// Open findings present in the baseline (reported, not blocking).
    public var persisting: Int
    /// Baseline fingerprints no open finding has any more.
    public var fixed: Int
    /// Distinct fingerprints of the persisting findings, sorted; nil in the history's stored
    /// identity, which leaves the list out (member absent).
    public var persistingFingerprints: [String]?

    /// Creates the section.
    public init(kind: Baseline.Kind, run: String?, file: String?, database: String?, resultsSHA256: String, recordSHA256: String?,
                asOf: String, open: Int, new: Int, newBlocking: Int, persisting: Int, fixed: Int, persistingFingerprints: [String]?) {
        self.kind = kind
        self.run = run
        self.file = file
        self.database = database
        self.resultsSHA256 = resultsSHA256
        self.recordSHA256 = recordSHA256
        self.asOf = asOf
        self.open = open
        self.new = new
        self.newBlocking = newBlocking
        self.persisting = persisting
        self.fixed = fixed
        self.persistingFingerprints = persistingFingerprints
    }

    /// The section of `baseline` and the run's `comparison` with it.
    public init(_ baseline: Baseline, comparison: BaselineComparison) {
        self.init(kind: baseline.kind, run: baseline.kind == .run ? baseline.reference : nil,
                  file: baseline.kind == .file ? baseline.reference : nil, database: baseline.database,
                  resultsSHA256: baseline.resultsSHA256, recordSHA256: baseline.recordSHA256, asOf: baseline.asOf.description,
                  open: baseline.occurrences.values.reduce(0, +), new: comparison.new, newBlocking: comparison.newBlocking,
                  persisting: comparison.persisting, fixed: comparison.fixed, persistingFingerprints: comparison.persistingFingerprints)
    }

    /// The identity the history stores: the section without the fingerprint list.
    public var identity: BaselineSection {
        var identity = self
        identity.persistingFingerprints = nil
        return identity
    }

    /// `run 3 of .assay/history.sqlite (as of …, results sha256 …) — 2 new (1 blocking), 5 persisting (not blocking), 1 fixed`.
    public var summary: String {
        let identity: String
        switch kind {
        case .run:
            identity = "run \(run ?? "?") of \(database ?? "?") (as of \(asOf), results sha256 \(resultsSHA256))"
        case .file:
            identity = "\(file ?? "?") (as of \(asOf), sha256 \(resultsSHA256))"
        }
        return "\(identity) — \(new) new (\(newBlocking) blocking), \(persisting) persisting (not blocking), \(fixed) fixed"
    }

    // MARK: - Encoding

    /// The section's JSON value.
    public var value: Value {
        var section = Fields()
        section["kind"] = .string(kind.rawValue)
        section["run"] = run.map(Value.string) ?? .null
        section["file"] = file.map(Value.string) ?? .null
        section["database"] = database.map(Value.string) ?? .null
        section["results_sha256"] = .string(resultsSHA256)
        section["record_sha256"] = recordSHA256.map(Value.string) ?? .null
        section["as_of"] = .string(asOf)
        section["open"] = .number(Double(open))
        section["new"] = .number(Double(new))
        section["new_blocking"] = .number(Double(newBlocking))
        section["persisting"] = .number(Double(persisting))
        section["fixed"] = .number(Double(fixed))
        section["persisting_fingerprints"] = persistingFingerprints.map { .array($0.map(Value.string)) }
        return .object(section)
    }

    // MARK: - Decoding

    /// Decodes the section strictly: a member of the wrong type, a missing required one or one the
    /// schema does not name is an error naming its path (`sections.baseline.new_blocking`); `kind`
    /// must be `run` (with a `run` id) or `file` (with a `file`).
    public init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(Self.key.rawValue)")
        try section.requireKnownMembers(["kind", "run", "file", "database", "results_sha256", "record_sha256", "as_of", "open", "new",
                                         "new_blocking", "persisting", "fixed", "persisting_fingerprints"])
        let word = try section.requiredText("kind")
        guard let kind = Baseline.Kind(rawValue: word) else {
            throw SectionError(path: section.path + ".kind", expected: "run or file", found: "\"\(word)\"")
        }
        self.kind = kind
        run = try section.text("run")
        file = try section.text("file")
        // The reference the kind names must be there.
        if kind == .run, run == nil { _ = try section.requiredText("run") }
        if kind == .file, file == nil { _ = try section.requiredText("file") }
        database = try section.text("database")
        resultsSHA256 = try section.requiredText("results_sha256")
        recordSHA256 = try section.text("record_sha256")
        asOf = try section.requiredText("as_of")
        open = try section.requiredWholeNumber("open")
        new = try section.requiredWholeNumber("new")
        newBlocking = try section.requiredWholeNumber("new_blocking")
        persisting = try section.requiredWholeNumber("persisting")
        fixed = try section.requiredWholeNumber("fixed")
        persistingFingerprints = nil
        if section.member("persisting_fingerprints") != nil { persistingFingerprints = try section.texts("persisting_fingerprints") }
    }
}
