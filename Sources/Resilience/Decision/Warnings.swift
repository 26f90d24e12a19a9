import PolicyEngine

/// The warnings an application's results carry (§B.5, §B.8, §B.9, §C.4 rule 4).
enum Warnings {
    static func collect(model: ApplicationModel, strategies: [StrategyAssessment], recommendedIndex: Int?, settings: ModelSettings) -> [ModelWarning] {
        var warnings = model.inputWarnings
        if !model.placeholders.isEmpty {
            warnings.append(
                ModelWarning(
                    code: "placeholders_used",
                    message: "results rely on \(model.placeholders.count) placeholder defaults: "
                        + model.placeholders.map(\.field).joined(separator: ", ")))
        }
        warnings += evidenceWarnings(model.current.freshnessBasis, kind: model.current.kind)
        if settings.trials < DowntimeModel.trialsForP99 {
            warnings.append(
                ModelWarning(code: "few_trials_for_p99", message: "\(settings.trials) trials leave fewer than 1,000 trials above P99"))
        }
        for strategy in strategies {
            let label = strategy.option.label
            let distribution = strategy.distribution
            if distribution.mean > 0 && distribution.standardError / distribution.mean > DowntimeModel.convergenceLimit {
                warnings.append(
                    ModelWarning(
                        code: "convergence",
                        message: "\(label): standard error is \(percent(distribution.standardError / distribution.mean)) of the EAL; run more trials"))
            }
            if strategy.crossCheckScore > DowntimeModel.crossCheckLimit {
                warnings.append(
                    ModelWarning(
                        code: "cross_check",
                        message: "\(label): simulated EAL differs from the closed form by \(JSONWriter.format((strategy.crossCheckScore * 10).rounded() / 10)) standard errors"))
            }
            let isRecommended = recommendedIndex.map { strategies[$0].option == strategy.option } ?? false
            if strategy.exceedsGordonLoebBound && (strategy.option.isCurrent || isRecommended) {
                warnings.append(
                    ModelWarning(
                        code: "gordon_loeb",
                        message: "\(label): annual cost exceeds 1/e (≈37 %) of the expected loss without DR (Gordon–Loeb heuristic)"))
            }
            if let delay = strategy.suggestedDeclarationDelayHours, delay > 0, strategy.option.isCurrent || isRecommended {
                warnings.append(
                    ModelWarning(
                        code: "declaration_threshold",
                        message: "\(label): failing over immediately loses more than waiting; declare DR only after \(JSONWriter.format(delay)) h of outage"))
            }
        }
        if let appetite = settings.riskAppetiteP95, !strategies[0].withinRiskAppetite {
            warnings.append(
                ModelWarning(
                    code: "outside_risk_appetite",
                    message: "the current strategy's P95 annual loss (\(DisplayFormat.money(strategies[0].distribution.p95, currency: settings.currency))) exceeds the risk appetite of \(DisplayFormat.money(appetite, currency: settings.currency))"))
        }
        if recommendedIndex == nil {
            warnings.append(ModelWarning(code: "no_compliant_strategy", message: "no strategy meets the RTO/RPO targets and the test-age rule"))
        } else if !strategies[0].compliance.isCompliant {
            warnings.append(ModelWarning(code: "current_noncompliant", message: "the current strategy does not meet " + missing(strategies[0].compliance)))
        }
        return warnings
    }

    private static func evidenceWarnings(_ basis: FreshnessBasis, kind: StrategyKind) -> [ModelWarning] {
        switch basis {
        case .untested:
            return [ModelWarning(code: "dr_untested", message: "\(kind.rawValue) has never passed a full or partial test: failover success is at its floor")]
        case .failedTest(let age):
            return [ModelWarning(code: "dr_test_failed", message: "the last DR test (\(age) days ago) failed: freshness is 0 until a later pass")]
        case .passedTest(let age, _) where Double(age) > InputResolver.testRuleDays:
            return [ModelWarning(code: "dr_test_stale", message: "the last passing DR test is \(age) days old (more than 365)")]
        default:
            return []
        }
    }

    private static func missing(_ check: ComplianceCheck) -> String {
        var parts: [String] = []
        if !check.meetsRTO { parts.append("the RTO target") }
        if !check.meetsRPO { parts.append("the RPO target") }
        if !check.meetsTestRule { parts.append("the test-age rule") }
        return parts.joined(separator: ", ")
    }

    private static func percent(_ fraction: Double) -> String { JSONWriter.format((fraction * 1000).rounded() / 10) + " %" }
}
