import PolicyEngine

/// Builds the strategy options of one application (§B.1.3 costs and test evidence).
extension InputResolver {
    /// Days within which a full test (or the planned cadence) satisfies decision rule 1.
    static let testRuleDays = 365.0

    /// The current strategy first, then every strategy as a candidate (skipping `none` when current).
    mutating func options(_ posture: RecoveryPosture, productionSpend: Double?, settings: ModelSettings) throws(ResilienceError) -> [StrategyOption] {
        let currentKind = defaulted(posture.strategy, field: "dr.strategy", default: .noDR, text: { $0.rawValue })
        let declaredRTO = try optional(posture.rtoHours, "dr.rto_hours", .openClosed(0, 8760))
        let declaredRPO = try optional(posture.rpoHours, "dr.rpo_hours", .closed(0, 8760))
        let testCost = try optional(posture.testCostPerExercise, "dr.test_cost_per_exercise", .atLeast(0))
        let testsPerYear = try optional(posture.testsPerYear, "dr.tests_per_year", .closed(0, 365))
        let plannedCadence = try optional(posture.plannedTestCadenceDays, "dr.planned_test_cadence_days", .openClosed(0, 3650))
        let billing = try optionalMoney(posture.annualCostFromBilling, "dr.annual_cost_from_billing")
        if let evidence = posture.evidence {
            guard evidence.ageDays >= 0 else { throw error("dr.test_age_days", "must not be negative (test after the as-of date)") }
            _ = try optional(evidence.measuredRTOHours, "dr.measured_rto_hours", .openClosed(0, 8760))
            _ = try optional(evidence.measuredRPOHours, "dr.measured_rpo_hours", .closed(0, 8760))
        }
        for kind in posture.candidates.keys.sorted() {
            let prefix = "dr.candidates.\(kind.rawValue)"
            guard let settings = posture.candidates[kind] else { continue }
            _ = try optional(settings.oneTimeCost, prefix + ".one_time_cost", .atLeast(0))
            _ = try optional(settings.rtoHours, prefix + ".rto_hours", .openClosed(0, 8760))
            _ = try optional(settings.rpoHours, prefix + ".rpo_hours", .closed(0, 8760))
        }
        if currentKind != .noDR && testCost == nil { assume("dr.test_cost_per_exercise", "0") }

        // Current strategy: actual evidence, billing cost when known.
        var currentParameters = settings.parameters(for: currentKind)
        if currentKind != .noDR {
            if let rto = posture.evidence?.measuredRTOHours ?? declaredRTO { currentParameters.rtoHours = rto } else {
                assume("dr.rto_hours", JSONWriter.format(currentParameters.rtoHours))
            }
            if let rpo = posture.evidence?.measuredRPOHours ?? declaredRPO { currentParameters.rpoHours = rpo } else {
                assume("dr.rpo_hours", JSONWriter.format(currentParameters.rpoHours))
            }
        }
        var currentCost = runCost(kind: currentKind, parameters: currentParameters, billing: billing, productionSpend: productionSpend)
        if let refusal = posture.billingCostRefusal, currentKind != .noDR {
            // Billed DR spend exists but cannot be used: an estimate would hide it.
            currentCost = (0, .missing)
            warn("run_cost_refused", refusal)
        }
        let continuous = posture.liveTrafficAllRegions
        let currentBasis = currentBasis(kind: currentKind, evidence: posture.evidence, continuous: continuous)
        let currentTests = testsPerYear ?? plannedCadence.map { 365 / $0 } ?? 0
        var options = [
            StrategyOption(
                kind: currentKind, isCurrent: true, parameters: currentParameters, freshnessBasis: currentBasis,
                runCost: currentCost.cost, runCostSource: currentCost.source,
                testCostPerYear: currentKind == .noDR ? 0 : (testCost ?? 0) * currentTests, oneTimeCost: 0,
                meetsTestRule: meetsTestRule(currentBasis, plannedCadence: plannedCadence))
        ]

        // Candidates: tested on the planned cadence, estimated cost unless the same kind as current.
        let cadence: Double
        if let plannedCadence { cadence = plannedCadence } else {
            cadence = settings.defaultCandidateCadenceDays
            assume("dr.planned_test_cadence_days", JSONWriter.format(cadence) + " (candidate strategies)")
        }
        for kind in StrategyKind.allCases where !(kind == .noDR && currentKind == .noDR) {
            let overrides = posture.candidates[kind] ?? CandidateSettings()
            var parameters = kind == currentKind ? currentParameters : settings.parameters(for: kind)
            if let rto = overrides.rtoHours { parameters.rtoHours = rto }
            if let rpo = overrides.rpoHours { parameters.rpoHours = rpo }
            let cost =
                kind == currentKind
                ? currentCost : runCost(kind: kind, parameters: parameters, billing: nil, productionSpend: productionSpend)
            let basis: FreshnessBasis =
                kind == .noDR ? .notApplicable : (kind == .activeActive && continuous ? .continuous : .cadence(days: cadence))
            let oneTime: Double
            if let given = overrides.oneTimeCost { oneTime = given } else {
                oneTime = 0
                if kind != currentKind && kind != .noDR { assume("dr.candidates.\(kind.rawValue).one_time_cost", "0") }
            }
            options.append(
                StrategyOption(
                    kind: kind, isCurrent: false, parameters: parameters, freshnessBasis: basis, runCost: cost.cost,
                    runCostSource: cost.source, testCostPerYear: kind == .noDR ? 0 : (testCost ?? 0) * 365 / cadence,
                    oneTimeCost: oneTime, meetsTestRule: meetsTestRule(basis, plannedCadence: cadence)))
        }
        if options.contains(where: { $0.runCostSource == .missing }) {
            warn(
                "run_cost_missing",
                "no DR billing data and no production_annual_spend: the run cost of DR strategies is unknown, so they are not recommended")
        }
        return options
    }

    private func runCost(kind: StrategyKind, parameters: StrategyParameters, billing: Double?, productionSpend: Double?) -> (
        cost: Double, source: CostSource
    ) {
        if kind == .noDR { return (0, .notApplicable) }
        if let billing { return (billing, .billing) }
        if let productionSpend { return (parameters.costRatio * productionSpend, .estimate) }
        return (0, .missing)
    }

    private func currentBasis(kind: StrategyKind, evidence: TestEvidence?, continuous: Bool) -> FreshnessBasis {
        if kind == .noDR { return .notApplicable }
        if kind == .activeActive && continuous { return .continuous }
        guard let evidence, evidence.type != .tabletop else { return .untested }
        if evidence.result == .fail { return .failedTest(ageDays: evidence.ageDays) }
        return .passedTest(ageDays: evidence.ageDays, partial: evidence.type == .partial)
    }

    private func meetsTestRule(_ basis: FreshnessBasis, plannedCadence: Double?) -> Bool {
        if let plannedCadence, plannedCadence <= Self.testRuleDays, basis != .notApplicable { return true }
        switch basis {
        case .notApplicable, .untested, .failedTest: return false
        case .passedTest(let age, let partial): return !partial && Double(age) <= Self.testRuleDays
        case .cadence(let days): return days <= Self.testRuleDays
        case .continuous: return true
        }
    }
}
