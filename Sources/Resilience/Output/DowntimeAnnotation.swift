public import PolicyEngine

/// Writes the model's headline results under `downtime.` on application records, for policies
/// (for example "expected annual loss exceeds N × the cost of the recommended upgrade").
public enum DowntimeAnnotation {
    /// The records with `downtime.*` added for every assessed application (matched by application id).
    public static func annotate(_ applications: [Resource], with assessments: [ApplicationAssessment]) -> [Resource] {
        var byID: [String: ApplicationAssessment] = [:]
        for assessment in assessments { byID[assessment.model.id] = assessment }
        return applications.map { resource in
            guard resource.type == ApplicationRegister.resourceType,
                let assessment = byID[ApplicationRegister.applicationID(of: resource)]
            else { return resource }
            var document = resource.document.objectValue ?? Fields()
            document["downtime"] = fields(assessment)
            var annotated = resource
            annotated.document = .object(document)
            return annotated
        }
    }

    /// The `downtime` object of one application.
    public static func fields(_ assessment: ApplicationAssessment) -> Value {
        let current = assessment.current
        let recommended = assessment.recommended
        let comparison = recommended?.comparison
        let upgradeCost = (comparison?.addedAnnualCost ?? 0) + (comparison?.annualisedOneTimeCost ?? 0)
        let keep = assessment.strategies.lazy.compactMap { $0.comparison?.currentDRValue }.first
        return [
            "currency": .string(assessment.settings.currency),
            "current_dr_net_annual_benefit": keep.map { DowntimeValues.money($0.netAnnualBenefit) } ?? .null,
            "current_dr_break_even_revenue_per_hour": keep.map { DowntimeValues.breakEven($0.breakEvenRevenue) } ?? .null,
            "expected_annual_loss": DowntimeValues.money(current.expectedAnnualLoss),
            "p50": DowntimeValues.money(current.distribution.p50),
            "p95": DowntimeValues.money(current.distribution.p95),
            "p99": DowntimeValues.money(current.distribution.p99),
            "current_strategy": .string(current.option.kind.rawValue),
            "current_strategy_annual_cost": DowntimeValues.money(current.option.annualCost),
            "current_strategy_compliant": .bool(current.compliance.isCompliant),
            "cost_source": .string(current.option.runCostSource.rawValue),
            "recommended_strategy": recommended.map { .string($0.option.kind.rawValue) } ?? .null,
            "recommended_upgrade_annual_cost": recommended == nil ? .null : DowntimeValues.money(upgradeCost),
            "recommended_expected_annual_loss": recommended.map { DowntimeValues.money($0.expectedAnnualLoss) } ?? .null,
            "net_benefit_of_recommendation": recommended == nil ? .null : DowntimeValues.money(comparison?.netAnnualBenefit ?? 0),
            "recommendation_verdict": recommended == nil ? .null : .string(comparison?.verdict.rawValue ?? "current"),
            "placeholders_used": .bool(!assessment.model.placeholders.isEmpty),
            "warnings": .array(assessment.warnings.map { .string($0.code) }),
        ]
    }
}
