/// An earlier run to compare with (`assay evaluate --baseline`): who it was, and the
/// fingerprints of its open findings. With a baseline only new findings block; the ones that
/// persist from it are reported but do not fail the run.
public struct Baseline: Sendable, Hashable {
    /// Where a baseline comes from.
    public enum Kind: String, CaseIterable, Sendable {
        /// A run recorded in the history database.
        case run
        /// A results document (`--json` output of an earlier run).
        case file
    }

    /// Where it comes from.
    public var kind: Kind
    /// The run id (kind `run`) or the file path as given (kind `file`).
    public var reference: String
    /// The history database holding the run (kind `run`).
    public var database: String?
    /// SHA-256 of the baseline's results document: the file's bytes, or the digest recorded with the run.
    public var resultsSHA256: String
    /// The run's record hash in the evidence chain (kind `run`).
    public var recordSHA256: String?
    /// The baseline's as-of date.
    public var asOf: CivilDate
    /// Fingerprint → how many of its open findings (`Finding.isOpen`) have it.
    public var occurrences: [String: Int]

    /// The fingerprints of its open findings.
    public var fingerprints: Set<String> { Set(occurrences.keys) }

    /// Creates a baseline.
    public init(kind: Kind, reference: String, database: String? = nil, resultsSHA256: String, recordSHA256: String? = nil,
                asOf: CivilDate, occurrences: [String: Int]) {
        self.kind = kind
        self.reference = reference
        self.database = database
        self.resultsSHA256 = resultsSHA256
        self.recordSHA256 = recordSHA256
        self.asOf = asOf
        self.occurrences = occurrences
    }

    /// The baseline of a results document read from `file`, whose bytes hash to `sha256`.
    public init(file: String, sha256: String, result: RunResult) {
        self.init(kind: .file, reference: file, resultsSHA256: sha256, asOf: result.asOf,
                  occurrences: Self.count(result.findings.filter(\.isOpen).map(\.fingerprint)))
    }

    /// Fingerprint → occurrences.
    public static func count(_ fingerprints: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for fingerprint in fingerprints { counts[fingerprint, default: 0] += 1 }
        return counts
    }

    /// The key of the section in `RunResult.sections`.
    public static let sectionKey = "baseline"

    /// The fingerprints the `baseline` section lists as persisting (what decoding restores into
    /// `RunResult.baselineFingerprints`); nil when there is no such section.
    public static func persistingFingerprints(in sections: [String: Value]) -> Set<String>? {
        guard let list = sections[sectionKey]?["persisting_fingerprints"]?.arrayValue else { return nil }
        return Set(list.compactMap(\.stringValue))
    }
}

/// How the open findings of a run compare with a baseline.
public struct BaselineComparison: Sendable, Hashable {
    /// Open findings absent from the baseline.
    public var new: Int
    /// New findings that block the run.
    public var newBlocking: Int
    /// Open findings present in the baseline (reported, not blocking).
    public var persisting: Int
    /// Baseline fingerprints no open finding has any more.
    public var fixed: Int
    /// Distinct fingerprints of the persisting findings, sorted.
    public var persistingFingerprints: [String]
}

extension RunResult {
    /// Compares the open findings with `baseline` (by fingerprint). A fingerprint that now occurs
    /// more often than in the baseline (the same resource id failing the same way in another
    /// input) is not the problem the baseline knew: all its occurrences count as new.
    public func comparison(with baseline: Baseline) -> BaselineComparison {
        let open = findings.filter(\.isOpen).map { (finding: $0, fingerprint: $0.fingerprint) }
        let current = Baseline.count(open.map(\.fingerprint))
        let known = Set(baseline.occurrences.filter { current[$0.key, default: 0] <= $0.value }.keys)
        let persisting = open.filter { known.contains($0.fingerprint) }
        let new = open.filter { !known.contains($0.fingerprint) }
        var probe = self
        probe.baselineFingerprints = known
        return BaselineComparison(
            new: new.count, newBlocking: new.filter { probe.isBlocking($0.finding) }.count, persisting: persisting.count,
            fixed: baseline.fingerprints.subtracting(current.keys).count,
            persistingFingerprints: Set(persisting.map(\.fingerprint)).sorted()
        )
    }

    /// Applies `baseline`: from now on only findings absent from it block (`isBlocking`), and
    /// `sections["baseline"]` states its identity and the comparison (schema in docs/history.md).
    public mutating func apply(_ baseline: Baseline) {
        let comparison = comparison(with: baseline)
        // The persisting fingerprints decide blocking for this run's findings exactly as the
        // baseline does, and are what decoding the results restores.
        baselineFingerprints = Set(comparison.persistingFingerprints)
        var section = Fields()
        section["kind"] = .string(baseline.kind.rawValue)
        section["run"] = baseline.kind == .run ? .string(baseline.reference) : .null
        section["file"] = baseline.kind == .file ? .string(baseline.reference) : .null
        section["database"] = baseline.database.map(Value.string) ?? .null
        section["results_sha256"] = .string(baseline.resultsSHA256)
        section["record_sha256"] = baseline.recordSHA256.map(Value.string) ?? .null
        section["as_of"] = .string(baseline.asOf.description)
        section["open"] = .number(Double(baseline.occurrences.values.reduce(0, +)))
        section["new"] = .number(Double(comparison.new))
        section["new_blocking"] = .number(Double(comparison.newBlocking))
        section["persisting"] = .number(Double(comparison.persisting))
        section["fixed"] = .number(Double(comparison.fixed))
        section["persisting_fingerprints"] = .array(comparison.persistingFingerprints.map(Value.string))
        sections[Baseline.sectionKey] = .object(section)
    }
}
