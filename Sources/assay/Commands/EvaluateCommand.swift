import ArgumentParser
import Foundation
import PolicyEngine
import PolicyLoader
import Reports

/// `assay evaluate`: run the policies over the inputs and write the reports.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate policies against inventory, register and billing exports.",
        discussion: """
            Examples:
              assay evaluate --config fixtures/assay.yaml
              assay evaluate --policies policies --input fixtures/registers/applications.yaml \\
                --junit reports/junit.xml --json reports/results.json --as-of 2026-11-27 --fail-on high
              assay evaluate --config assay.yaml --param tagging.required_keys:required_tags='[owner, environment]'
              assay evaluate --input terraform-plan:plan.json --passing summary
              assay evaluate --config assay.yaml --history .assay/history.sqlite --baseline latest
              assay evaluate --input plan.json --tf-root infra --sarif reports/results.sarif --annotations github

            Without --config, ./assay.yaml (else assay.yaml at the repository root) is used when present; without \
            policies, the library embedded in assay (--policies builtin).

            A run that evaluates nothing (no input documents, or no policy applying to any) exits 2 unless \
            --allow-empty; a policy that applies to nothing is reported as not applicable, never as compliance.

            Exit codes: 0 compliant · 1 a failing (or erroring) finding at or above --fail-on on a \
            policy that is not advisory (with --baseline: only findings absent from the baseline) · 2 usage or input error.
            """
    )

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var outputs: OutputOptions
    @OptionGroup var history: EvaluateHistoryOptions

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails the run (default: the config's fail_on, else high).",
                                                             valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .customLong("fail-on-unknown"), help: "Also fail on unknown verdicts (values known only after apply).")
    var failOnUnknown = false

    @Option(name: .long, help: ArgumentHelp("Label recorded in every output (repeatable), e.g. pipeline=nightly.", valueName: "key=value"))
    var label: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Print one annotation per blocking finding for this CI: github, gitlab or azure (default: detected from GITHUB_ACTIONS, GITLAB_CI or TF_BUILD; none to turn off).",
        valueName: "ci"))
    var annotations: AnnotationTarget?

    @OptionGroup var verbosity: VerbosityOptions

    @Flag(name: .customLong("allow-empty"), help: ArgumentHelp(
        "Let a run that evaluates nothing (no input documents, or no policy matching any) succeed (config: allow_empty: true)."))
    var allowEmpty = false

    func validate() throws {
        for item in label where !item.contains("=") {
            throw ValidationError("--label '\(item)': expected key=value")
        }
    }

    func run() throws {
        var request = try RunRequest.build(runOptions)
        if let failOn { request.config.failOn = failOn }
        if failOnUnknown { request.config.failOnUnknown = true }
        if allowEmpty { request.config.allowEmpty = true }
        for item in label {
            let parts = item.split(separator: "=", maxSplits: 1)
            request.config.labels[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let configOutputs = request.config.outputs
        let targets = RenderStage.Targets(outputs, config: configOutputs)
        let record = try RecordStage.make(history, config: request.config)
        let read = request.config.policies + request.config.inputs.map(\.path) + request.config.waivers
            + [request.config.file, record.database, history.baseline].compactMap { $0 }
        try OutputTargets.check(outputs: targets.paths, against: read)
        let pipeline = EvaluationPipeline(request: request, passing: outputs.passing ?? configOutputs.passing,
                                          record: record, render: RenderStage(targets: targets), progress: ProgressReporter(enabled: true))
        let result = try pipeline.run()
        let quiet = Terminal.verbosity == .quiet
        let blocking = RunSummary(result: result, asOfFromClock: request.asOfFromClock, quiet: quiet).print()
        try record.printSummary(result, quiet: quiet)
        for path in targets.paths {
            Terminal.line(Terminal.styled("wrote ", .dim, on: .diagnostics) + path)
        }
        if let system = (annotations ?? AnnotationTarget.detected(in: ProcessInfo.processInfo.environment)).system {
            for line in CIAnnotations(system: system).lines(result) { Terminal.out(line) }
        }
        // A large result takes seconds to free; the process ends now, so it is not freed.
        ProcessLifetime.keepUntilExit(result)
        if blocking > 0 { throw ExitCode(ExitStatus.policyFailure) }
    }
}
