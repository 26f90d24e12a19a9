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

    /// Replaces the `application` documents with enriched and annotated ones, and the
    /// operational documents (runbooks, continuity plans, playbooks) with ones carrying their
    /// application's tier.
    func run(_ resources: [Resource], drSpend: CostStage.DRSpend) throws -> Output {
        let applications = resources.filter { $0.type == "application" }
        let operational = resources.filter { OperationalDocuments.Kind(rawValue: $0.type) != nil }
        guard !applications.isEmpty || !operational.isEmpty else { return Output(resources: resources) }
        let tests = resources.filter { $0.type == "dr.test" }
        // Without a register there is nothing to enrich (and no DR test to match).
        let enrichment = applications.isEmpty ? nil : try DRTestEvidence.enrich(applications: applications, tests: tests, asOf: asOf, settings: settings.model)
        let enriched = enrichment?.applications ?? []
        var output = Output(resources: [], warnings: enrichment?.warnings ?? [])
        var replaced = enriched
        var extras: [String: Fields] = [:]
        var model = settings.model
        if settings.enabled && !applications.isEmpty {
            let inputs = try ApplicationRegister.inputs(from: enriched, drCosts: drSpend.annual, drCostRefusals: drSpend.refused,
                                                        asOf: asOf)
            // The model's currency: the config's or the register's, else the billing's single currency.
            if model.currencyAssumed, let billed = drSpend.currency { model.setCurrency(billed) }
            let assessments = try DowntimeModel.run(inputs, settings: model)
            for resource in enriched {
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
            output.assessments = assessments
            replaced = DowntimeAnnotation.annotate(enriched, with: assessments)
            for assessment in assessments {
                for warning in assessment.warnings where warning.code != "placeholders_used" {
                    output.warnings.append("\(assessment.model.id): \(warning.message)")
                }
            }
        }
        // Dependencies compose the model's figures (unknown, with the reason, when it did not run).
        let composed = try DependencyAnnotation.annotate(replaced, assessments: output.assessments, modelRan: settings.enabled)
        replaced = composed.applications
        for (id, fields) in composed.sectionFields {
            for member in fields { extras[id, default: Fields()][member.key] = member.value }
        }
        if settings.enabled && !applications.isEmpty {
            output.section = DowntimeSection.value(output.assessments, settings: model, asOf: asOf, extras: extras)
        }
        let documents = try OperationalDocuments.enrich(operational, applications: enriched)
        output.warnings += documents.warnings
        var nextApplication = replaced.makeIterator()
        var nextDocument = documents.records.makeIterator()
        output.resources = resources.map { resource in
            if resource.type == "application" { return nextApplication.next() ?? resource }
            if OperationalDocuments.Kind(rawValue: resource.type) != nil { return nextDocument.next() ?? resource }
            return resource
        }
        return output
    }
}
