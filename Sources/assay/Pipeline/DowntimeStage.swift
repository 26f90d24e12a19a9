import PolicyEngine
import Resilience

/// Pipeline stage 4 (model): enrich applications with DR test evidence (`dr.*`), run the
/// downtime model and annotate them with its outputs (`downtime.*`), so readiness policies stay
/// declarative; the model's results become the `downtime` section.
struct DowntimeStage {
    /// Settings from the config's `downtime:` section.
    struct Settings {
        var enabled = true
        var model = ModelSettings()
    }

    struct Output {
        var resources: [Resource]
        var section: Value?
        var assessments: [ApplicationAssessment] = []
        var warnings: [String] = []
    }

    let settings: Settings
    let asOf: CivilDate

    /// Replaces the `application` documents with enriched and annotated ones.
    func run(_ resources: [Resource], drSpend: CostStage.DRSpend) throws -> Output {
        let applications = resources.filter { $0.type == "application" }
        guard !applications.isEmpty else { return Output(resources: resources) }
        let tests = resources.filter { $0.type == "dr.test" }
        let enrichment = try DRTestEvidence.enrich(applications: applications, tests: tests, asOf: asOf, settings: settings.model)
        var output = Output(resources: [], warnings: enrichment.warnings)
        var replaced = enrichment.applications
        if settings.enabled {
            let inputs = try ApplicationRegister.inputs(from: enrichment.applications, drCosts: drSpend.annual, drCostRefusals: drSpend.refused,
                                                        asOf: asOf)
            // The model's currency: the config's or the register's, else the billing's single currency.
            var model = settings.model
            if model.currencyAssumed, let billed = drSpend.currency { model.setCurrency(billed) }
            let assessments = try DowntimeModel.run(inputs, settings: model)
            var extras: [String: Fields] = [:]
            for resource in enrichment.applications {
                let id = ApplicationRegister.applicationID(of: resource)
                if let region = resource.document["dr_region"]?.keyText {
                    extras[id, default: Fields()]["dr_region"] = .string(region)
                }
                // How the current strategy's run cost was obtained, in words.
                if let basis = drSpend.basis[id] { extras[id, default: Fields()]["cost_basis"] = .string(basis) }
                if let refusal = drSpend.refused[id] { extras[id, default: Fields()]["cost_basis"] = .string("unknown: " + refusal) }
            }
            if model.currencyAssumed {
                output.warnings.append("the downtime model's amounts have no currency: set downtime.currency in the config (e.g. USD) "
                    + "or currency in the application register")
            }
            output.section = DowntimeSection.value(assessments, settings: model, asOf: asOf, extras: extras)
            output.assessments = assessments
            replaced = DowntimeAnnotation.annotate(enrichment.applications, with: assessments)
            for assessment in assessments {
                for warning in assessment.warnings where warning.code != "placeholders_used" {
                    output.warnings.append("\(assessment.model.id): \(warning.message)")
                }
            }
        }
        var next = replaced.makeIterator()
        output.resources = resources.map { resource in
            guard resource.type == "application" else { return resource }
            return next.next() ?? resource
        }
        return output
    }
}
