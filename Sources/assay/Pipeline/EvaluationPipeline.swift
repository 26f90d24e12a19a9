import Billing
import Inventory
import PolicyEngine
import PolicyLoader
import Reports

/// The order of the stages of `assay evaluate`, in one place:
/// load → ingest → costs → model → evaluate → apply waivers → assemble → record → render.
struct EvaluationPipeline {
    let request: RunRequest
    let passing: PassingMode
    let record: RecordStage
    let render: RenderStage
    let progress: ProgressReporter

    /// Runs every stage and returns the result (already rendered to the requested files).
    func run() throws -> RunResult {
        // Load: policies and waivers first, so that a broken policy fails before big inputs are read.
        let policySet = try PolicySetLoader.load(paths: request.config.policies)
        guard !policySet.policies.isEmpty else {
            throw CommandFailure.input("no policies found in \(request.config.policies.joined(separator: ", "))")
        }
        let catalogs = try FrameworkCatalogLoader.load(paths: request.config.policies)
        let waivers = try WaiverLoader.load(files: request.config.waivers)
        let evaluation = EvaluationStage(request: request, regions: RegionCatalogData.standard)
        let compiled = try evaluation.compile(policySet.policies)
        for problem in PolicyTypeCheck.problems(policySet.policies, config: request.config) { Terminal.warning(problem) }

        // Ingest (with the identity step: one resource per identity).
        var settings = try StageSettings(config: request.config)
        var ingest = IngestStage(progress: progress, config: request.config, settings: settings)
        // The policies are known before anything is read: native records and `source` objects no
        // policy reads are not kept.
        ingest.retention = .needed(by: policySet.policies)
        var ingested = try ingest.run(request.config.inputs)
        // The application register may declare its money's currency once (docs/registers.md).
        try settings.adoptRegisterCurrency(from: ingested.resources, configFile: request.config.file)

        // Costs: one streaming pass over the billing exports for every cost scope.
        let costScopes = Array(Set(compiled.compactMap(\.policy.scope.cost)))
        let costs: CostStage.Output
        // DR-tagged inventory resources are checked for usage charges (idle DR): only then is
        // usage grouped by resource.
        let environmentTag = settings.cost.environmentTag, drEnvironment = settings.cost.drEnvironment
        let hasDRResources = BillingResourceUsage.containsDR(ingested.resources, environmentTag: environmentTag, drEnvironment: drEnvironment)
        do {
            costs = try CostStage(settings: settings.cost, asOf: request.asOf, progress: progress)
                .run(ingested.billing, files: ingested.billingFiles, scopes: costScopes, resourceUsage: hasDRResources)
        } catch {
            throw ingested.spool.renaming(error)
        }
        // Taken out of the ingest output, so that annotating DR resources changes the one array
        // in place instead of copying a million resources first.
        var resources = ingested.resources
        ingested.resources = []
        costs.resourceUsage?.annotate(&resources, environmentTag: environmentTag, drEnvironment: drEnvironment)

        // Model: DR test evidence and the downtime model enrich the applications.
        progress.begin("running the downtime model")
        let modelled = try DowntimeStage(settings: settings.downtime, asOf: request.asOf).run(consume resources, drSpend: costs.drSpend)
        Terminal.warnings([("input", ingested.warnings), ("billing", costs.warnings), ("downtime model", modelled.warnings)])

        // Evaluate and apply waivers.
        progress.begin("evaluating \(compiled.count) policies over \(modelled.resources.count) documents")
        let outputsReadFindings = !render.targets.isEmpty || record.readsFindings
        var (evaluations, waiverStatuses) = evaluation.run(compiled, resources: modelled.resources, costDocuments: costs.documents,
                                                           waivers: waivers, keepPasses: passing.keepsPassingFindings(readByAnOutput: outputsReadFindings),
                                                           everyTextIsRead: outputsReadFindings)
        var sections: [String: Value] = [:]
        sections[section: .cost] = costs.section?.value
        sections[section: .downtime] = modelled.section?.value
        let policyReports = evaluations.map(PolicyReport.init)
        if !catalogs.catalogs.isEmpty { sections[section: .frameworks] = catalogs.section(policies: policyReports).value }

        // Assemble.
        let result = RunResult(
            toolVersion: AssayVersion.current, asOf: request.asOf, labels: request.config.labels, failOn: request.config.failOn,
            failOnUnknown: request.config.failOnUnknown, passing: passing, policySetDigest: policySet.digest,
            inputs: ingested.inputs + costs.inputs.map(ingested.spool.renamed), policies: policyReports, findings: PolicyRunner.takeFindings(of: &evaluations),
            waivers: waiverStatuses, sections: sections
        )

        // A run that checked nothing is never green.
        if !request.config.allowEmpty { try Self.requireEvaluation(result, resources: modelled.resources) }

        // Record (Pipeline/RecordStage.swift): baseline comparison and run history; before
        // rendering, because the reports carry the sections it adds.
        progress.begin("recording the run")
        let recorded = try record.run(result, resources: modelled.resources)

        // Render.
        progress.begin("writing \(render.targets.paths.count) report(s)")
        try render.run(recorded)
        progress.stop()
        ProcessLifetime.keepUntilExit(modelled.resources)
        // The findings live in the result, which the command keeps until the process exits.
        return recorded
    }

    /// Fails (exit 2) when the run read no document or no policy matched any document.
    static func requireEvaluation(_ result: RunResult, resources: [Resource]) throws {
        let allow = "pass --allow-empty (config: allow_empty: true) if the estate is genuinely empty"
        let documents = result.inputs.reduce(0) { $0 + $1.documents }
        if documents == 0 {
            let inputs = result.inputs.isEmpty ? "no inputs were given (--input or the config's inputs)" : "the \(result.inputs.count) input(s) hold no document"
            throw CommandFailure.input("nothing was evaluated: \(inputs); \(allow)")
        }
        guard result.evaluatedAnything else {
            var counts: [String: Int] = [:]
            for resource in resources { counts[resource.type, default: 0] += 1 }
            let types = counts.keys.sorted().prefix(12).map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
            let more = counts.count > 12 ? ", …" : ""
            throw CommandFailure.input("nothing was evaluated: none of the \(result.policies.count) policies applies to any of the \(documents) "
                + "input documents (types in the inputs: \(types.isEmpty ? "none" : types + more)); check the policies' applies_to types "
                + "(assay validate suggests the normalized names), or \(allow)")
        }
    }
}
