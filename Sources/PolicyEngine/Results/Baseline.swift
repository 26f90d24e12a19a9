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
    /// The other names of the baseline's resources: a name (`ResourceKey` of a Terraform address
    /// its findings list as a source) → the keys of the resources that answered to it, sorted.
    /// Only resources with such a name are listed. A run that reads the resource under that name
    /// alone (a plan-only run, where the address is the id) finds its baseline findings this way.
    public var resourcesByAlias: [String: [String]]

    /// The fingerprints of its open findings.
    public var fingerprints: Set<String> { Set(occurrences.keys) }

    /// Creates a baseline.
    public init(kind: Kind, reference: String, database: String? = nil, resultsSHA256: String, recordSHA256: String? = nil,
                asOf: CivilDate, occurrences: [String: Int], resourcesByAlias: [String: [String]] = [:]) {
        self.kind = kind
        self.reference = reference
        self.database = database
        self.resultsSHA256 = resultsSHA256
        self.recordSHA256 = recordSHA256
        self.asOf = asOf
        self.occurrences = occurrences
        self.resourcesByAlias = resourcesByAlias
    }

    /// The baseline of a results document read from `file`, whose bytes hash to `sha256`.
    public init(file: String, sha256: String, result: RunResult) {
        let open = result.findings.filter(\.isOpen)
        self.init(kind: .file, reference: file, resultsSHA256: sha256, asOf: result.asOf,
                  occurrences: Self.count(open.map(\.fingerprint)), resourcesByAlias: Self.resourcesByAlias(of: open))
    }

    /// `resourcesByAlias` of a baseline's open findings: every Terraform address of a finding's
    /// sources that is not its resource's own key.
    public static func resourcesByAlias(of findings: some Sequence<Finding>) -> [String: [String]] {
        var table: [String: Set<String>] = [:]
        for finding in findings {
            let resource = ResourceKey.of(finding.resource)
            for address in finding.terraformAddresses {
                let alias = ResourceKey.of(address)
                if alias != resource { table[alias, default: []].insert(resource) }
            }
        }
        return table.mapValues { $0.sorted() }
    }

    /// Fingerprint → occurrences.
    public static func count(_ fingerprints: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for fingerprint in fingerprints { counts[fingerprint, default: 0] += 1 }
        return counts
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
    /// Compares the open findings with `baseline`. An open finding stands for the baseline
    /// fingerprint it matches: its own; else its fingerprint under another name of its resource
    /// (`aliases`: resource id → names, as `ResourceIdentity.aliasTable`; its sources' Terraform
    /// addresses count too) or under the name of a baseline resource that answered to one of its
    /// names (`Baseline.resourcesByAlias`) — so a resource baselined under its Terraform address
    /// in a plan-only run persists when it is read with its ARN, and the other way round.
    ///
    /// A baseline fingerprint that now occurs more often than in the baseline (the same resource
    /// failing the same way in another input) is not the problem the baseline knew: all its
    /// occurrences count as new.
    ///
    /// `aliases` is asked once, for the ids of the open findings whose own fingerprint the
    /// baseline lacks (none when nothing changed), so a caller builds names only for those.
    public func comparison(
        with baseline: Baseline, aliases: (Set<String>) -> [String: [String]] = { _ in [:] }
    ) -> BaselineComparison {
        let open = findings.indices.filter { findings[$0].isOpen }
        let own = open.map { findings[$0].fingerprint }
        let matched = baselineFingerprints(of: open, fingerprints: own, in: baseline, aliases: aliases)
        let current = Baseline.count(matched)
        let known = Set(baseline.occurrences.filter { current[$0.key, default: 0] <= $0.value }.keys)
        var persistingFingerprints = Set<String>()
        var new: [Int] = []
        for position in open.indices {
            if known.contains(matched[position]) {
                persistingFingerprints.insert(own[position])
            } else {
                new.append(open[position])
            }
        }
        // A new finding blocks as it would without a baseline.
        var probe = self
        probe.baselineFingerprints = nil
        return BaselineComparison(
            new: new.count, newBlocking: new.filter { probe.isBlocking(findingAt: $0) }.count, persisting: open.count - new.count,
            fixed: baseline.fingerprints.subtracting(current.keys).count,
            persistingFingerprints: persistingFingerprints.sorted()
        )
    }

    /// Per open finding (`open`: indices into `findings`, `fingerprints`: theirs), the baseline
    /// fingerprint it matches, or its own when it matches none (see `comparison`).
    private func baselineFingerprints(
        of open: [Int], fingerprints: [String], in baseline: Baseline, aliases: (Set<String>) -> [String: [String]]
    ) -> [String] {
        var matched = fingerprints
        let missing = open.indices.filter { baseline.occurrences[fingerprints[$0]] == nil }
        guard !missing.isEmpty else { return matched }
        let names = aliases(Set(missing.map { findings[open[$0]].resource }))
        for position in missing {
            let finding = findings[open[position]]
            let key = ResourceKey.of(finding.resource)
            // The names to try, in a fixed order: the resource's own aliases, then the baseline
            // resources that answered to its id or one of them.
            var candidates: [String] = []
            func add(_ name: String) {
                let candidate = ResourceKey.of(name)
                if candidate != key, !candidates.contains(candidate) { candidates.append(candidate) }
            }
            for name in (names[finding.resource] ?? []) + finding.terraformAddresses { add(name) }
            for name in [key] + candidates {
                for resource in baseline.resourcesByAlias[name] ?? [] { add(resource) }
            }
            for candidate in candidates {
                let fingerprint = finding.fingerprint(resourceNamed: candidate)
                if baseline.occurrences[fingerprint] != nil {
                    matched[position] = fingerprint
                    break
                }
            }
        }
        return matched
    }

    /// Applies `baseline`: from now on only findings absent from it block (`isBlocking`), and
    /// `sections["baseline"]` states its identity and the comparison (`BaselineSection`).
    /// `aliases` as in `comparison(with:aliases:)`.
    public mutating func apply(_ baseline: Baseline, aliases: (Set<String>) -> [String: [String]] = { _ in [:] }) {
        let comparison = comparison(with: baseline, aliases: aliases)
        // The persisting fingerprints decide blocking for this run's findings exactly as the
        // baseline does, and are what decoding the results restores.
        baselineFingerprints = Set(comparison.persistingFingerprints)
        sections[section: .baseline] = BaselineSection(baseline, comparison: comparison).value
    }
}
