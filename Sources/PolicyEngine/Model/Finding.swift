/// A waiver as applied to a finding (a class-free value, boxed in `Finding` so that the many
/// unwaived findings do not carry its storage).
public struct AppliedWaiver: Sendable, Hashable {
    /// The waiver's id (`file:line`), stable across runs while the file is unchanged.
    public var id: String
    /// Why the risk is accepted.
    public var reason: String
    /// Who owns it.
    public var owner: String
    /// Tracking ticket, if any.
    public var ticket: String?
    /// Last day the waiver applies.
    public var expires: CivilDate

    /// Creates an applied waiver.
    public init(id: String, reason: String, owner: String, ticket: String?, expires: CivilDate) {
        self.id = id
        self.reason = reason
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
    }
}

/// The verdict of one policy on one resource, with everything a report needs.
///
/// A failing finding from `PolicyRunner` carries its message and evidence *deferred*: they are
/// rendered from the policy and the resource when first read (`materializeText()` renders
/// them once and keeps them), so evaluating a million resources does not build a million
/// messages that a summary run never shows. The text is the same whenever it is rendered.
public struct Finding: Sendable, Hashable {
    /// Policy id.
    public var policy: String
    /// Resource id.
    public var resource: String
    /// Resource type.
    public var resourceType: String
    /// Verdict.
    public var status: Verdict
    /// Severity of the policy.
    public var severity: Severity
    /// Enforcement of the policy.
    public var enforcement: Enforcement
    /// Human message (the policy's template rendered, or a generated one).
    public var message: String {
        get {
            switch text {
            case .written(let message, _): return message
            case .deferred(let explainer, let position): return explainer.message(at: position)
            }
        }
        set { text = .written(message: newValue, evidence: evidence) }
    }
    /// Where the resource came from (the record whose values won).
    public var source: SourceReference?
    /// The resource's other records (other inputs describing the same resource), in precedence
    /// order; empty for a resource read once.
    public var mergedSources: [SourceReference] {
        get { attachments?.mergedSources ?? [] }
        set { attachments = FindingAttachments.make(mergedSources: newValue, waiver: waiver) }
    }
    /// Every source of the resource, the primary one first.
    public var sources: [SourceReference] { (source.map { [$0] } ?? []) + mergedSources }
    /// Which fields failed and why.
    public var evidence: [Evidence] {
        get {
            switch text {
            case .written(_, let evidence): return evidence
            case .deferred(let explainer, let position): return explainer.evidence(at: position)
            }
        }
        set { text = .written(message: message, evidence: newValue) }
    }
    /// The waiver, when waived.
    public var waiver: AppliedWaiver? {
        get { attachments?.waiver }
        set { attachments = FindingAttachments.make(mergedSources: mergedSources, waiver: newValue) }
    }
    /// The merged sources and the waiver, which few findings have: one reference, nil for most.
    private var attachments: FindingAttachments?
    private var text: FindingText

    /// Creates a finding.
    public init(
        policy: String, resource: String, resourceType: String, status: Verdict, severity: Severity,
        enforcement: Enforcement, message: String, source: SourceReference?, evidence: [Evidence] = [],
        waiver: AppliedWaiver? = nil
    ) {
        self.init(policy: policy, resource: resource, resourceType: resourceType, status: status, severity: severity,
                  enforcement: enforcement, text: .written(message: message, evidence: evidence), source: source)
        self.attachments = FindingAttachments.make(mergedSources: [], waiver: waiver)
    }

    /// Creates a finding whose message and evidence may still be deferred.
    init(
        policy: String, resource: String, resourceType: String, status: Verdict, severity: Severity,
        enforcement: Enforcement, text: FindingText, source: SourceReference?
    ) {
        self.policy = policy
        self.resource = resource
        self.resourceType = resourceType
        self.status = status
        self.severity = severity
        self.enforcement = enforcement
        self.text = text
        self.source = source
        self.attachments = nil
    }

    /// True when the message and evidence are rendered and kept, not left to render when read.
    var isTextRendered: Bool {
        if case .written = text { return true }
        return false
    }

    /// Renders the message and evidence now and keeps them (cheap to read many times).
    public mutating func materializeText() {
        guard case .deferred(let explainer, let position) = text else { return }
        text = explainer.writtenText(at: position)
    }

    /// True for the statuses that are a problem to track: `fail`, `error` and `unknown` (not
    /// `pass`, and not `waived`, whose risk is accepted until the waiver expires).
    public var isOpen: Bool {
        switch status {
        case .fail, .error, .unknown: return true
        case .pass, .waived: return false
        }
    }

    /// Deterministic order: policy, then resource, then source.
    public static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.policy != rhs.policy { return lhs.policy < rhs.policy }
        if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
        return (lhs.source?.displayText ?? "") < (rhs.source?.displayText ?? "")
    }

    /// Equality of everything a report shows (deferred text compares as rendered).
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.policy == rhs.policy && lhs.resource == rhs.resource && lhs.resourceType == rhs.resourceType && lhs.status == rhs.status
            && lhs.severity == rhs.severity && lhs.enforcement == rhs.enforcement && lhs.source == rhs.source && lhs.mergedSources == rhs.mergedSources && lhs.waiver == rhs.waiver
            && lhs.message == rhs.message && lhs.evidence == rhs.evidence
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(policy)
        hasher.combine(resource)
        hasher.combine(resourceType)
        hasher.combine(status)
        hasher.combine(severity)
        hasher.combine(enforcement)
        hasher.combine(source)
        hasher.combine(mergedSources)
        hasher.combine(waiver)
        hasher.combine(message)
        hasher.combine(evidence)
    }
}

/// A finding's message and evidence: written, or deferred to the policy's explainer and the
/// position of the resource among the documents it evaluated.
enum FindingText: Sendable {
    /// Rendered text.
    case written(message: String, evidence: [Evidence])
    /// Rendered on demand from a failing verdict.
    case deferred(FindingExplainer, position: Int)
}

/// Per-policy counts of verdicts.
public struct VerdictCounts: Sendable, Hashable {
    /// Resources in scope.
    public var evaluated = 0
    /// Passing.
    public var pass = 0
    /// Failing (after waivers).
    public var fail = 0
    /// Waived.
    public var waived = 0
    /// Evaluation errors.
    public var error = 0
    /// Unknown.
    public var unknown = 0

    /// Zero counts.
    public init() {}

    /// Adds one verdict.
    public mutating func record(_ status: Verdict) {
        evaluated += 1
        switch status {
        case .pass: pass += 1
        case .fail: fail += 1
        case .waived: waived += 1
        case .error: error += 1
        case .unknown: unknown += 1
        }
    }

    /// Moves one verdict from `old` to `new` (waiver application).
    public mutating func move(from old: Verdict, to new: Verdict) {
        evaluated -= 1
        switch old {
        case .pass: pass -= 1
        case .fail: fail -= 1
        case .waived: waived -= 1
        case .error: error -= 1
        case .unknown: unknown -= 1
        }
        record(new)
    }

    /// Sum of two sets of counts.
    public static func + (lhs: VerdictCounts, rhs: VerdictCounts) -> VerdictCounts {
        var sum = lhs
        sum.evaluated += rhs.evaluated
        sum.pass += rhs.pass
        sum.fail += rhs.fail
        sum.waived += rhs.waived
        sum.error += rhs.error
        sum.unknown += rhs.unknown
        return sum
    }
}

/// The members of a finding that few findings have, boxed together (immutable; a change makes
/// a new box): the other records of a resource read from several inputs, and the waiver of a
/// waived finding. A finding without either holds nil, eight bytes where the two took sixteen
/// (a run listing its passes holds 3.4 million findings at a million resources).
private final class FindingAttachments: Sendable {
    let mergedSources: [SourceReference]
    let waiver: AppliedWaiver?

    private init(mergedSources: [SourceReference], waiver: AppliedWaiver?) {
        self.mergedSources = mergedSources
        self.waiver = waiver
    }

    /// A box of the two, or nil when there are neither merged sources nor a waiver.
    static func make(mergedSources: [SourceReference], waiver: AppliedWaiver?) -> FindingAttachments? {
        mergedSources.isEmpty && waiver == nil ? nil : FindingAttachments(mergedSources: mergedSources, waiver: waiver)
    }
}
