import PolicyEngine
import PolicyLoader
import Reports

/// The order of the stages of `assay evaluate`, in one place:
/// load → ingest → normalize → evaluate → apply waivers → model → assemble → record → render.
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
        let waivers = try WaiverLoader.load(files: request.config.waivers)
        let evaluation = EvaluationStage(request: request, regions: RegionCatalog())
        let compiled = try evaluation.compile(policySet.policies)

        // Ingest and normalize.
        let ingested = try IngestStage(progress: progress).run(request.config.inputs)
        if !ingested.billing.isEmpty {
            let files = ingested.billing.map(\.path).joined(separator: ", ")
            throw CommandFailure.input("billing inputs (\(files)) need the cost stage, which this build does not include yet")
        }

        // Evaluate and apply waivers.
        let (evaluations, waiverStatuses) = evaluation.run(compiled, resources: ingested.resources, costDocuments: [:], waivers: waivers,
                                                           keepPasses: passing == .list)

        // Assemble.
        let result = RunResult(
            toolVersion: AssayVersion.current, asOf: request.asOf, labels: request.config.labels, failOn: request.config.failOn,
            failOnUnknown: request.config.failOnUnknown, passing: passing, policySetDigest: policySet.digest, inputs: ingested.inputs,
            policies: evaluations.map(PolicyReport.init), findings: evaluations.flatMap(\.findings), waivers: waiverStatuses
        )

        // Record (Pipeline/RecordStage.swift): baseline comparison and run history; before
        // rendering, because the reports carry the sections it adds.
        let recorded = try record.run(result)

        // Render.
        try render.run(recorded)
        return recorded
    }
}
