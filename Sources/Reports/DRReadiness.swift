import PolicyEngine

/// DR readiness per application, joined from two sources:
///
/// - the findings of the DR policies (category `dr` or an id starting with `dr.`) on resources of
///   type `application`: which DR policies each application passes or fails;
/// - `sections["downtime"]` when the model ran: tier, current strategy, RTO/RPO targets against
///   the strategy's capability (measured, else declared, else default; the RTO after test-age
///   decay), and the age of the test the capability rests on.
///
/// The test cadence comes from the first DR policy (by id) with a `cadence_days` parameter keyed by
/// tier (`dr.test.cadence`). Status: **fail** when a DR policy fails or errors on the application
/// or its current strategy is not compliant in the model; **waived** when DR failures are all
/// waived; **pass** when there is evidence and nothing fails; **not assessed** otherwise.
struct DRReadiness {
    /// One application's row.
    struct Row {
        var id: String
        var tier: String?
        var strategy: String?
        var rtoTargetHours: Double?
        var rtoCapabilityHours: Double?
        var rpoTargetHours: Double?
        var rpoCapabilityHours: Double?
        /// The model's verdicts on the capability (nil without the model).
        var meetsRTO: Bool?
        var meetsRPO: Bool?
        var testAgeDays: Int?
        /// What the test age rests on (`full_test`, `untested`, …).
        var testBasis: String?
        var cadenceDays: Int?
        /// DR policies and the application's verdict under each.
        var policyResults: [(policy: String, status: Verdict)]
        var status: Status
    }

    /// An application's overall readiness: a different concept from `Verdict`, so its own type.
    /// A verdict is one policy's answer on one resource; readiness sums up an application over
    /// several DR policies *and* the downtime model (a strategy that misses its RTO makes it "not
    /// ready" with no failing finding), and "not assessed" (no evidence either way) is neither
    /// `unknown` (an input says a value is not known yet) nor `error`. It has no `unknown` or
    /// `error` case and is never stored or counted as a verdict.
    enum Status {
        case pass, fail, waived, notAssessed

        /// Symbol and word.
        var label: (symbol: String, text: String) {
            switch self {
            case .pass: return ("✓", "ready")
            case .fail: return ("✗", "not ready")
            case .waived: return ("◐", "waived")
            case .notAssessed: return ("–", "not assessed")
            }
        }
    }

    /// Applications, sorted by id.
    let rows: [Row]
    /// The DR policies found in the result, by id.
    let policies: [PolicyReport]

    init(_ result: RunResult, index: FindingIndex, downtime: DowntimeImpact) {
        policies = result.policies.filter { $0.category == "dr" || $0.id.hasPrefix("dr.") }.sorted { $0.id < $1.id }
        var verdicts: [String: [String: Verdict]] = [:]
        for position in policies.flatMap({ index[$0.id] }) where result.findings[position].resourceType == "application" {
            let finding = result.findings[position]
            let previous = verdicts[finding.resource]?[finding.policy]
            if previous.map({ $0.seriousness < finding.status.seriousness }) ?? true {
                verdicts[finding.resource, default: [:]][finding.policy] = finding.status
            }
        }
        let cadence = policies.lazy.compactMap { $0.params["cadence_days"]?.objectValue }.first
        let models = Dictionary(downtime.applications.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rows = Set(verdicts.keys).union(models.keys).sorted().map { id in
            let model = models[id]
            let current = model?.current
            let results = (verdicts[id] ?? [:]).sorted { $0.key < $1.key }.map { (policy: $0.key, status: $0.value) }
            return Row(
                id: id, tier: model?.tier, strategy: model?.currentStrategy, rtoTargetHours: model?.rtoTargetHours,
                rtoCapabilityHours: current?.effectiveRTOHours ?? current?.rtoHours, rpoTargetHours: model?.rpoTargetHours,
                rpoCapabilityHours: current?.rpoHours, meetsRTO: current?.meetsRTO, meetsRPO: current?.meetsRPO, testAgeDays: current?.testAgeDays, testBasis: current?.freshnessBasis,
                cadenceDays: model.flatMap { cadence?[$0.tier]?.wholeNumberValue },
                policyResults: results, status: Self.status(results.map(\.status), compliant: current?.compliant)
            )
        }
    }

    private static func status(_ statuses: [Verdict], compliant: Bool?) -> Status {
        if compliant == false || statuses.contains(where: { $0 == .fail || $0 == .error }) { return .fail }
        if statuses.contains(.waived) { return .waived }
        if compliant == true || statuses.contains(.pass) { return .pass }
        return .notAssessed
    }
}
