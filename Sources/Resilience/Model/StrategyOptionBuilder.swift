import PolicyEngine

/// Builds the strategy options of one application (§B.1.3 costs and test evidence).
extension InputResolver {
    /// Days within which a full test (or a candidate's cadence) satisfies decision rule 1.
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
        let candidates = try validatedCandidates(posture.candidates)

        // Current strategy: actual evidence, billing cost when known, else the register's quote.
        var currentParameters = settings.parameters(for: currentKind)
        if currentKind != .noDR {
            if let rto = posture.evidence?.measuredRTOHours ?? declaredRTO { currentParameters.rtoHours = rto } else {
                assume("dr.rto_hours", JSONWriter.format(currentParameters.rtoHours))
            }
            if let rpo = posture.evidence?.measuredRPOHours ?? declaredRPO { currentParameters.rpoHours = rpo } else {
                assume("dr.rpo_hours", JSONWriter.format(currentParameters.rpoHours))
            }
        }
        var currentCost = runCost(
            kind: currentKind, parameters: currentParameters, billing: billing, quote: candidates[currentKind]?.annualRunCost,
            productionSpend: productionSpend)
        if let refusal = posture.billingCostRefusal, currentKind != .noDR {
            // Billed DR spend exists but cannot be used: an estimate would hide it.
            currentCost = (0, .missing)
            warn("run_cost_refused", refusal)
        }
        let currentBasis = currentBasis(kind: currentKind, evidence: posture.evidence, continuous: posture.liveTrafficAllRegions)
        var testCostAssumed = false
        var cadenceAssumed = false
        func exerciseCost(_ given: Double?, exercisesPerYear: Double) -> Double {
            if let given { return given * exercisesPerYear }
            if exercisesPerYear > 0 { testCostAssumed = true }
            return 0
        }
        let currentTests = currentBasis == .continuous ? 0 : testsPerYear ?? plannedCadence.map { 365 / $0 } ?? 0
        var options = [
            StrategyOption(
                kind: currentKind, isCurrent: true, parameters: currentParameters, freshnessBasis: currentBasis,
                runCost: currentCost.cost, runCostSource: currentCost.source,
                testCostPerYear: currentKind == .noDR ? 0 : exerciseCost(testCost, exercisesPerYear: currentTests), oneTimeCost: 0,
                meetsTestRule: meetsTestRule(currentBasis))
        ]
        if currentKind != .noDR && currentBasis != .continuous && testCost == nil && currentTests == 0 { testCostAssumed = true }

        // Candidates: each on its own cadence (else the planned one), cost from its quote, else estimated.
        for kind in StrategyKind.allCases where !(kind == .noDR && currentKind == .noDR) {
            let overrides = candidates[kind] ?? CandidateSettings()
            var parameters = kind == currentKind ? currentParameters : settings.parameters(for: kind)
            if let rto = overrides.rtoHours { parameters.rtoHours = rto }
            if let rpo = overrides.rpoHours { parameters.rpoHours = rpo }
            let cost =
                kind == currentKind
                ? currentCost
                : runCost(kind: kind, parameters: parameters, billing: nil, quote: overrides.annualRunCost, productionSpend: productionSpend)
            let continuous = kind == .activeActive && (overrides.liveTrafficAllRegions ?? posture.liveTrafficAllRegions)
            let basis: FreshnessBasis
            var testCostPerYear = 0.0
            if kind == .noDR {
                basis = .notApplicable
            } else if continuous {
                basis = .continuous
            } else {
                let cadence: Double
                if let given = overrides.testCadenceDays ?? plannedCadence { cadence = given } else {
                    cadence = settings.defaultCandidateCadenceDays
                    cadenceAssumed = true
                }
                basis = .cadence(days: cadence)
                testCostPerYear = exerciseCost(overrides.testCostPerExercise ?? testCost, exercisesPerYear: 365 / cadence)
            }
            let oneTime: Double
            if let given = overrides.oneTimeCost { oneTime = given } else {
                oneTime = 0
                if kind != currentKind && kind != .noDR { assume("dr.candidates.\(kind.rawValue).one_time_cost", "0") }
            }
            options.append(
                StrategyOption(
                    kind: kind, isCurrent: false, parameters: parameters, freshnessBasis: basis, runCost: cost.cost,
                    runCostSource: cost.source, testCostPerYear: testCostPerYear, oneTimeCost: oneTime, meetsTestRule: meetsTestRule(basis)))
        }
        if cadenceAssumed {
            assume("dr.planned_test_cadence_days", JSONWriter.format(settings.defaultCandidateCadenceDays) + " (candidate strategies)")
        }
        if testCostAssumed { assume("dr.test_cost_per_exercise", "0") }
        if options.contains(where: { $0.runCostSource == .missing }) {
            warn(
                "run_cost_missing",
                "no DR billing data, no annual_run_cost quote and no production_annual_spend: the run cost of some DR strategies is unknown, so they are not recommended")
        }
        return options
    }

    /// Checks every `dr.candidates.<strategy>` field (file:line and the application name in errors).
    private func validatedCandidates(_ given: [StrategyKind: CandidateSettings]) throws(ResilienceError) -> [StrategyKind: CandidateSettings] {
        for kind in given.keys.sorted() {
            let prefix = "dr.candidates.\(kind.rawValue)."
            guard let candidate = given[kind] else { continue }
            if kind == .noDR {
                let inapplicable: [(String, Bool)] = [
                    ("annual_run_cost", candidate.annualRunCost != nil), ("test_cadence_days", candidate.testCadenceDays != nil),
                    ("test_cost_per_exercise", candidate.testCostPerExercise != nil), ("rto_hours", candidate.rtoHours != nil),
                    ("rpo_hours", candidate.rpoHours != nil), ("live_traffic_all_regions", candidate.liveTrafficAllRegions != nil),
                ]
                if let field = inapplicable.first(where: { $0.1 })?.0 {
                    throw error(prefix + field, "does not apply to none (no DR runs, is tested or fails over); only one_time_cost may be given")
                }
            }
            if kind != .activeActive && candidate.liveTrafficAllRegions != nil {
                throw error(prefix + "live_traffic_all_regions", "applies only to active_active")
            }
            _ = try optionalMoney(candidate.annualRunCost, prefix + "annual_run_cost")
            _ = try optional(candidate.oneTimeCost, prefix + "one_time_cost", .atLeast(0))
            _ = try optional(candidate.testCadenceDays, prefix + "test_cadence_days", .openClosed(0, 3650))
            _ = try optional(candidate.testCostPerExercise, prefix + "test_cost_per_exercise", .atLeast(0))
            _ = try optional(candidate.rtoHours, prefix + "rto_hours", .openClosed(0, 8760))
            _ = try optional(candidate.rpoHours, prefix + "rpo_hours", .closed(0, 8760))
        }
        return given
    }

    private func runCost(kind: StrategyKind, parameters: StrategyParameters, billing: Double?, quote: FixedDecimal?, productionSpend: Double?) -> (
        cost: Double, source: CostSource
    ) {
        if kind == .noDR { return (0, .notApplicable) }
        if let billing { return (billing, .billing) }
        if let quote { return (quote.doubleValue, .register) }
        if let productionSpend { return (parameters.costRatio * productionSpend, .estimate) }
        return (0, .missing)
    }

    private func currentBasis(kind: StrategyKind, evidence: TestEvidence?, continuous: Bool) -> FreshnessBasis {
        if kind == .noDR { return .notApplicable }
        if kind == .activeActive && continuous { return .continuous }
        guard let evidence, evidence.type.exercisesFailover else { return .untested }
        if evidence.result == .fail { return .failedTest(ageDays: evidence.ageDays) }
        return .passedTest(ageDays: evidence.ageDays, partial: evidence.type == .partial)
    }

    /// Decision rule 1's test rule on what the freshness rests on: the current strategy's actual
    /// evidence (a passing full test at most 365 days old), a candidate's cadence, or continuous use.
    private func meetsTestRule(_ basis: FreshnessBasis) -> Bool {
        switch basis {
        case .notApplicable, .untested, .failedTest: return false
        case .passedTest(let age, let partial): return !partial && Double(age) <= Self.testRuleDays
        case .cadence(let days): return days <= Self.testRuleDays
        case .continuous: return true
        }
    }
}
