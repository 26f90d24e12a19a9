/// An accepted risk: a policy failure on matching resources becomes *waived* until it expires.
public struct Waiver: Sendable, Hashable {
    /// Policy id (or a former alias, or a glob such as `tagging.*`).
    public var policy: String
    /// Resource ids or globs (`arn:aws:s3:::legacy-*`).
    public var resources: [String]
    /// Why the risk is accepted.
    public var reason: String
    /// Who is accountable.
    public var owner: String
    /// Tracking ticket.
    public var ticket: String?
    /// Last day the waiver applies (inclusive).
    public var expires: CivilDate
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a waiver.
    public init(policy: String, resources: [String], reason: String, owner: String, ticket: String?, expires: CivilDate,
                location: SourceLocation) {
        self.policy = policy
        self.resources = resources
        self.reason = reason
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
        self.location = location
    }

    /// Stable id: `file:line` of the entry.
    public var id: String { "\(location.file):\(location.line ?? 0)" }
}

/// Where a waiver stands on the as-of date.
public enum WaiverState: String, CaseIterable, Codable, Sendable {
    /// Valid and matching at least one failure.
    case active
    /// Valid, matching, and expiring within the warning window (30 days).
    case expiring
    /// Past its expiry date: it no longer applies.
    case expired
    /// Valid but matching no failure: remove it or fix its patterns.
    case stale
}

/// A waiver with its state after application.
public struct WaiverStatus: Sendable, Hashable {
    /// The waiver.
    public var waiver: Waiver
    /// Its state.
    public var state: WaiverState
    /// Findings it waived (or, when expired, would have waived).
    public var matched: Int
    /// Days from the as-of date to the expiry (negative when expired).
    public var daysToExpiry: Int

    /// Creates a status.
    public init(waiver: Waiver, state: WaiverState, matched: Int, daysToExpiry: Int) {
        self.waiver = waiver
        self.state = state
        self.matched = matched
        self.daysToExpiry = daysToExpiry
    }
}

/// Applies waivers to evaluated findings (a pure pipeline stage).
public enum WaiverApplication {
    /// Days before expiry at which a waiver is flagged as expiring.
    public static let expiringWindowDays = 30

    /// Turns covered failures into `waived`, notes expired waivers on the failures they no
    /// longer cover, and reports every waiver's state. The first matching valid waiver (in file
    /// order) is the one recorded on a finding.
    /// A waiver's resource patterns match the resource id or any of its aliases (`aliases`: id →
    /// other names, such as the Terraform address and the native id; see `ResourceIdentity`).
    public static func apply(_ waivers: [Waiver], to evaluations: inout [PolicyEvaluation], asOf: CivilDate,
                             aliases: [String: [String]] = [:]) -> [WaiverStatus] {
        let policyGlobs = waivers.map { Glob($0.policy) }
        let resourceGlobs = waivers.map { $0.resources.map(Glob.init) }
        var matchedCounts = Array(repeating: 0, count: waivers.count)
        for evaluationIndex in evaluations.indices {
            let policy = evaluations[evaluationIndex].policy.policy
            let names = [policy.id] + policy.aliases
            let applicable = waivers.indices.filter { index in names.contains { policyGlobs[index].matches($0) } }
            guard !applicable.isEmpty else { continue }
            for findingIndex in evaluations[evaluationIndex].findings.indices {
                let finding = evaluations[evaluationIndex].findings[findingIndex]
                guard finding.status == .fail else { continue }
                var expiredNote: Waiver?
                let names = aliases[finding.resource] ?? []
                for waiverIndex in applicable
                where resourceGlobs[waiverIndex].contains(where: { glob in glob.matches(finding.resource) || names.contains { glob.matches($0) } }) {
                    let waiver = waivers[waiverIndex]
                    matchedCounts[waiverIndex] += 1
                    if waiver.expires < asOf {
                        if expiredNote == nil { expiredNote = waiver }
                        continue
                    }
                    var updated = finding
                    updated.status = .waived
                    updated.waiver = AppliedWaiver(id: waiver.id, reason: waiver.reason, owner: waiver.owner, ticket: waiver.ticket,
                                                   expires: waiver.expires)
                    evaluations[evaluationIndex].findings[findingIndex] = updated
                    evaluations[evaluationIndex].counts.move(from: .fail, to: .waived)
                    expiredNote = nil
                    break
                }
                if let expired = expiredNote {
                    evaluations[evaluationIndex].findings[findingIndex].message += " (waiver \(expired.id) expired on \(expired.expires))"
                }
            }
        }
        return waivers.enumerated().map { index, waiver in
            status(of: waiver, matched: matchedCounts[index], asOf: asOf)
        }
    }

    /// For each stale waiver, a hint naming the resource name (id or alias of a failing finding
    /// of its policies) closest to one of its literal patterns, when one is close: a waiver
    /// written with a mistyped address or an old id.
    public static func staleHints(_ statuses: [WaiverStatus], evaluations: [PolicyEvaluation], aliases: [String: [String]] = [:]) -> [String] {
        statuses.filter { $0.state == .stale }.compactMap { status in
            let waiver = status.waiver
            let policyGlob = Glob(waiver.policy)
            let names = evaluations.filter { evaluation in
                ([evaluation.policy.policy.id] + evaluation.policy.policy.aliases).contains { policyGlob.matches($0) }
            }.flatMap { evaluation in
                evaluation.findings.filter { $0.status == .fail }.flatMap { [$0.resource] + (aliases[$0.resource] ?? []) }
            }
            guard !names.isEmpty else { return nil }
            for pattern in waiver.resources where !pattern.contains(where: { "*?[".contains($0) }) {
                if let close = NameSuggester.suggestion(for: pattern, among: Set(names).sorted()) {
                    return "waiver \(waiver.id) matches nothing: '\(pattern)' is not a failing resource of \(waiver.policy); did you mean '\(close)'?"
                }
            }
            return nil
        }
    }

    /// A waiver's state on the as-of date, given how many findings it matched (also used when
    /// several results' waiver registers are merged).
    public static func status(of waiver: Waiver, matched: Int, asOf: CivilDate) -> WaiverStatus {
        let days = waiver.expires.days(since: asOf)
        let state: WaiverState
        if days < 0 {
            state = .expired
        } else if matched == 0 {
            state = .stale
        } else if days <= expiringWindowDays {
            state = .expiring
        } else {
            state = .active
        }
        return WaiverStatus(waiver: waiver, state: state, matched: matched, daysToExpiry: days)
    }
}
