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
        var section: DowntimeModelSection?
        var assessments: [ApplicationAssessment] = []
        var warnings: [String] = []
    }

    let settings: Settings
    let asOf: CivilDate

    /// Replaces the `application` documents with enriched and annotated ones, and the
    /// operational documents (runbooks, continuity plans, playbooks) with ones carrying their
    /// application's tier.
    ///
    /// `resources` is taken as the caller's last use: the enriched records replace the originals
    /// in place, and the other resources are neither copied nor freed here.
    func run(_ resources: consuming [Resource], drSpend: CostStage.DRSpend) throws -> Output {
        var resources = resources
        // Positions first, in one pass over the types (three filters were three passes over a
        // million names on one core), then copies of the few records the model reads (a filter's
        // closure would be handed a copy of every resource of the estate).
        var applicationPositions: [Int] = [], operationalPositions: [Int] = [], testPositions: [Int] = []
        for position in resources.indices {
            let type = resources[position].type
            if type == "application" {
                applicationPositions.append(position)
            } else if type == "dr.test" {
                testPositions.append(position)
            } else if OperationalDocuments.Kind(rawValue: type) != nil {
                operationalPositions.append(position)
            }
        }
        guard !applicationPositions.isEmpty || !operationalPositions.isEmpty else { return Output(resources: resources) }
        let applications = applicationPositions.map { resources[$0] }
        let operational = operationalPositions.map { resources[$0] }
        let tests = testPositions.map { resources[$0] }
        // Without a register there is nothing to enrich (and no DR test to match).
        let enrichment = applications.isEmpty ? nil : try DRTestEvidence.enrich(applications: applications, tests: tests, asOf: asOf, settings: settings.model)
        let enriched = enrichment?.applications ?? []
        var output = Output(resources: [], warnings: enrichment?.warnings ?? [])
        var replaced = enriched
        // What the register and the billing add to each application's entry of the section.
        var drRegions: [String: String] = [:]
        var costBases: [String: String] = [:]
        var model = settings.model
        if settings.enabled && !applications.isEmpty {
            let inputs = try ApplicationRegister.inputs(from: enriched, drCosts: drSpend.annual, drCostRefusals: drSpend.refused,
                                                        asOf: asOf)
            // The model's currency: the config's or the register's, else the billing's single currency.
            if model.currencyAssumed, let billed = drSpend.currency { model.setCurrency(billed) }
            let assessments = try DowntimeModel.run(inputs, settings: model)
            for resource in enriched {
                let id = ApplicationRegister.applicationID(of: resource)
                if let region = resource.document["dr_region"]?.keyText { drRegions[id] = region }
                // How the current strategy's run cost was obtained, in words.
                if let basis = drSpend.basis[id] { costBases[id] = basis }
                if let refusal = drSpend.refused[id] { costBases[id] = "unknown: " + refusal }
            }
            if model.currencyAssumed {
                output.warnings.append("the downtime model's amounts have no currency: set downtime.currency in the config (e.g. USD) "
                    + "or currency in the application register")
            }
            output.assessments = assessments
            replaced = DowntimeAnnotation.annotate(enriched, with: assessments)
            for assessment in assessments {
                for warning in assessment.warnings where warning.code != "placeholders_used" {
                    output.warnings.append("\(assessment.model.id): \(warning.message ?? warning.code)")
                }
            }
        }
        // Dependencies compose the model's figures (unknown, with the reason, when it did not run).
        let composed = try DependencyAnnotation.annotate(replaced, assessments: output.assessments, modelRan: settings.enabled)
        replaced = composed.applications
        if settings.enabled && !applications.isEmpty {
            var section = DowntimeModelSection(output.assessments, settings: model, asOf: asOf)
            for index in section.applications.indices {
                let id = section.applications[index].id
                section.applications[index].drRegion = drRegions[id]
                section.applications[index].costBasis = costBases[id]
                section.applications[index].dependencies = composed.sectionFigures[id]?.dependencies
                section.applications[index].availability = composed.sectionFigures[id]?.availability
            }
            output.section = section
        }
        let documents = try OperationalDocuments.enrich(operational, applications: enriched)
        output.warnings += documents.warnings
        for (position, application) in zip(applicationPositions, replaced) { resources[position] = application }
        for (position, document) in zip(operationalPositions, documents.records) { resources[position] = document }
        output.resources = resources
        return output
    }
}
