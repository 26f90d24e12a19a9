public import PolicyEngine

/// Merges several run results (one per account or estate, say, from parallel CI jobs) into one,
/// so one report covers them all. Pure: the inputs in, the merged result out.
///
/// Rules (docs/reports.md, "Merging results"):
/// - **As-of dates must agree**; with `allowMixedAsOf` the latest is used and a note is recorded.
/// - **Policies** are matched by id: counts are summed (minus dropped duplicates); title,
///   severity and the rest come from the first result that has the policy.
/// - **Findings** are concatenated and re-sorted (policy, resource, source; then argument order).
/// - **Duplicates**: the same policy and resource id in more than one result is one resource seen
///   twice. Only one result's findings for it are kept — the one with the worst status
///   (error > fail > unknown > waived > pass), the earliest result on a tie — and the other
///   results' findings for it are dropped and taken out of their policy counts. Every duplicate is
///   listed in `duplicates` and in `sections["merge"]`. Passing resources of a `passing: summary`
///   result are counts only, so duplicates among them cannot be seen.
/// - **Inputs** are unioned (the same path and SHA-256 once). **Labels** are unioned; a key with
///   different values gets them all, sorted and comma-separated.
/// - **Waivers** are matched by id and policy: matches are summed and the state recomputed on
///   the merged as-of date.
/// - **Fail-on** takes the strictest (lowest) severity, **fail on unknown** if any result has it,
///   **passing** is `summary` if any result is. Differing tool versions or policy-set digests are
///   kept side by side (comma-separated) with a note.
/// - **Sections**: one that is equal in every result that has it is kept; one that differs is
///   kept from the first result with a note; a previous merge's `merge` section is replaced.
public enum ResultMerge {
    /// One results file and its decoded result.
    public struct Source: Sendable {
        /// How the source is named in notes and the report (the file path).
        public var name: String
        /// The result.
        public var result: RunResult

        /// Creates a source.
        public init(name: String, result: RunResult) {
            self.name = name
            self.result = result
        }
    }

    /// A resource found by the same policy in more than one result.
    public struct Duplicate: Sendable, Hashable {
        /// Policy id.
        public var policy: String
        /// Resource id.
        public var resource: String
        /// The result whose findings were kept.
        public var keptFrom: String
        /// The results whose findings were dropped.
        public var droppedFrom: [String]
    }

    /// The merged result and what the merge noticed.
    public struct Merged: Sendable {
        /// The merged result (with `sections["merge"]`).
        public var result: RunResult
        /// Duplicate resources, sorted by policy then resource.
        public var duplicates: [Duplicate]
        /// Notes about differences that were reconciled (also in `sections["merge"]`).
        public var notes: [String]
    }

    /// Merges `sources` (at least one).
    public static func merge(_ sources: [Source], allowMixedAsOf: Bool = false) throws(ReportError) -> Merged {
        guard let first = sources.first else { throw .mergeConflict(reason: "no results to merge") }
        var notes: [String] = []

        // As-of date.
        let dates = Set(sources.map(\.result.asOf))
        var asOf = first.result.asOf
        if dates.count > 1 {
            let listing = sources.map { "\($0.name) \($0.result.asOf)" }.joined(separator: ", ")
            guard allowMixedAsOf else {
                throw .mergeConflict(reason: "the as-of dates differ (\(listing)); results of different dates are not one assessment "
                    + "(pass --allow-mixed-as-of to merge them under the latest date)")
            }
            asOf = dates.max() ?? asOf
            notes.append("As-of dates differ (\(listing)); the merged report uses the latest, \(asOf).")
        }

        // Run settings.
        let toolVersion = agreed(sources.map(\.result.toolVersion), what: "Assay versions", notes: &notes)
        let digest = agreed(sources.map(\.result.policySetDigest), what: "policy-set digests", notes: &notes)
        let failOn = sources.map(\.result.failOn).min() ?? first.result.failOn
        if Set(sources.map(\.result.failOn)).count > 1 {
            notes.append("Fail-on severities differ; the merged report uses the strictest, \(failOn.rawValue).")
        }
        let passing: PassingMode = sources.contains { $0.result.passing == .summary } ? .summary : .list
        if passing == .summary {
            notes.append("Some results record passing resources as counts only; duplicates among passing resources cannot be detected.")
        }
        var labelValues: [String: Set<String>] = [:]
        for source in sources {
            for (key, value) in source.result.labels { labelValues[key, default: []].insert(value) }
        }
        let labels = labelValues.mapValues { $0.sorted().joined(separator: ", ") }

        // Findings, duplicates and policy counts.
        let (findings, duplicates, dropped) = deduplicate(sources)
        let policies = mergedPolicies(sources, dropped: dropped, notes: &notes)

        var sections: [String: Value]
        do throws(SectionError) {
            sections = try mergedSections(sources, notes: &notes)
            // Framework coverage follows the merged counts, not those of the first result.
            if let frameworks = sections[section: .frameworks] {
                sections[section: .frameworks] = try FrameworksSection(decoding: frameworks).recomputingCoverage(policies: policies).value
            }
        } catch {
            throw .malformedSection(error)
        }
        sections[section: .merge] = provenance(sources, duplicates: duplicates, notes: notes)

        let result = RunResult(
            toolVersion: toolVersion, asOf: asOf, labels: labels, failOn: failOn,
            failOnUnknown: sources.contains { $0.result.failOnUnknown }, passing: passing, policySetDigest: digest,
            inputs: mergedInputs(sources), policies: policies, findings: findings, waivers: mergedWaivers(sources, asOf: asOf),
            sections: sections
        )
        return Merged(result: result, duplicates: duplicates, notes: notes)
    }

    // MARK: - Parts

    /// The common value, or all distinct values comma-separated with a note.
    private static func agreed(_ values: [String], what: String, notes: inout [String]) -> String {
        let distinct = Set(values).sorted()
        if distinct.count > 1 { notes.append("The results come from different \(what): \(distinct.joined(separator: ", ")).") }
        return distinct.joined(separator: ", ")
    }

    /// Keeps one result's findings per (policy, resource) seen in several results.
    private static func deduplicate(_ sources: [Source]) -> (findings: [Finding], duplicates: [Duplicate], dropped: [String: VerdictCounts]) {
        struct Key: Hashable {
            var policy: String
            var resource: String
        }
        // Key → source index → worst status in that source.
        var seen: [Key: [Int: Verdict]] = [:]
        for (index, source) in sources.enumerated() {
            for finding in source.result.findings {
                let key = Key(policy: finding.policy, resource: finding.resource)
                let previous = seen[key]?[index]
                if previous.map({ finding.status.seriousness > $0.seriousness }) ?? true {
                    seen[key, default: [:]][index] = finding.status
                }
            }
        }
        var keeper: [Key: Int] = [:]
        var duplicates: [Duplicate] = []
        for (key, perSource) in seen where perSource.count > 1 {
            let winner = perSource.keys.sorted().max { lhs, rhs in
                let left = (perSource[lhs] ?? .pass).seriousness
                let right = (perSource[rhs] ?? .pass).seriousness
                return left != right ? left < right : lhs > rhs
            } ?? 0
            keeper[key] = winner
            duplicates.append(Duplicate(policy: key.policy, resource: key.resource, keptFrom: sources[winner].name,
                                        droppedFrom: perSource.keys.sorted().filter { $0 != winner }.map { sources[$0].name }))
        }
        var kept: [(finding: Finding, source: Int, offset: Int)] = []
        var dropped: [String: VerdictCounts] = [:]
        for (index, source) in sources.enumerated() {
            for (offset, finding) in source.result.findings.enumerated() {
                if let winner = keeper[Key(policy: finding.policy, resource: finding.resource)], winner != index {
                    dropped[finding.policy, default: VerdictCounts()].record(finding.status)
                } else {
                    kept.append((finding, index, offset))
                }
            }
        }
        kept.sort { lhs, rhs in
            if Finding.precedes(lhs.finding, rhs.finding) { return true }
            if Finding.precedes(rhs.finding, lhs.finding) { return false }
            return (lhs.source, lhs.offset) < (rhs.source, rhs.offset)
        }
        duplicates.sort { ($0.policy, $0.resource) < ($1.policy, $1.resource) }
        return (kept.map(\.finding), duplicates, dropped)
    }

    private static func mergedPolicies(_ sources: [Source], dropped: [String: VerdictCounts], notes: inout [String]) -> [PolicyReport] {
        var merged: [String: PolicyReport] = [:]
        var differing: Set<String> = []
        for source in sources {
            for policy in source.result.policies {
                guard var existing = merged[policy.id] else {
                    merged[policy.id] = policy
                    continue
                }
                if existing.severity != policy.severity || existing.enforcement != policy.enforcement || existing.title != policy.title {
                    differing.insert(policy.id)
                }
                existing.counts = existing.counts + policy.counts
                merged[policy.id] = existing
            }
        }
        if !differing.isEmpty {
            notes.append("Policies defined differently in the results (the first definition is shown): \(differing.sorted().joined(separator: ", ")).")
        }
        return merged.values.sorted { $0.id < $1.id }.map { policy in
            var adjusted = policy
            if let removed = dropped[policy.id] { adjusted.counts = subtract(removed, from: policy.counts) }
            return adjusted
        }
    }

    private static func subtract(_ removed: VerdictCounts, from counts: VerdictCounts) -> VerdictCounts {
        var result = counts
        result.evaluated -= removed.evaluated
        result.pass -= removed.pass
        result.fail -= removed.fail
        result.waived -= removed.waived
        result.error -= removed.error
        result.unknown -= removed.unknown
        return result
    }

    private static func mergedInputs(_ sources: [Source]) -> [InputRecord] {
        var seen = Set<InputRecord>()
        var inputs: [InputRecord] = []
        for input in sources.flatMap(\.result.inputs) where seen.insert(input).inserted { inputs.append(input) }
        return inputs.sorted { ($0.path, $0.sha256) < ($1.path, $1.sha256) }
    }

    private static func mergedWaivers(_ sources: [Source], asOf: CivilDate) -> [WaiverStatus] {
        var order: [String] = []
        var byKey: [String: (waiver: Waiver, matched: Int)] = [:]
        for status in sources.flatMap(\.result.waivers) {
            let key = status.waiver.id + "\u{0}" + status.waiver.policy
            if let existing = byKey[key] {
                byKey[key] = (existing.waiver, existing.matched + status.matched)
            } else {
                order.append(key)
                byKey[key] = (status.waiver, status.matched)
            }
        }
        return order.compactMap { byKey[$0] }.map { WaiverApplication.status(of: $0.waiver, matched: $0.matched, asOf: asOf) }
    }

    private static func mergedSections(_ sources: [Source], notes: inout [String]) throws(SectionError) -> [String: Value] {
        var sections: [String: Value] = [:]
        var differing: Set<String> = []
        for source in sources {
            for (key, value) in source.result.sections where key != SectionKey.merge.rawValue {
                if let existing = sections[key] {
                    if try catalogPart(existing, section: key) != catalogPart(value, section: key) { differing.insert(key) }
                } else {
                    sections[key] = value
                }
            }
        }
        for key in differing.sorted() {
            let holder = sources.first { $0.result.sections[key] != nil }?.name ?? "?"
            notes.append("Section '\(key)' differs between the results; the one from \(holder) is shown.")
        }
        return sections
    }

    /// A section without the members that differ between runs of one catalog (the frameworks'
    /// coverage, recomputed after merging): what must agree between the results.
    private static func catalogPart(_ value: Value, section: String) throws(SectionError) -> Value {
        guard section == SectionKey.frameworks.rawValue, value != .null else { return value }
        return try FrameworksSection(decoding: value).catalogPart.value
    }

    /// `sections["merge"]`: the sources, the duplicates and the notes.
    private static func provenance(_ sources: [Source], duplicates: [Duplicate], notes: [String]) -> Value {
        MergeSection(
            sources: sources.map { source in
                MergeSection.Source(name: source.name, asOf: source.result.asOf.description, policySetDigest: source.result.policySetDigest,
                                    findings: source.result.findings.count, labels: source.result.labels)
            },
            duplicates: duplicates.map { MergeSection.Duplicate(policy: $0.policy, resource: $0.resource, keptFrom: $0.keptFrom, droppedFrom: $0.droppedFrom) },
            warnings: notes
        ).value
    }
}
