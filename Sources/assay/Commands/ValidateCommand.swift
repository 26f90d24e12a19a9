import Inventory
import ArgumentParser
import PolicyEngine
import PolicyLoader

/// `assay validate`: check policies, config and waivers without reading any input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policies, config and waivers (no inputs are read).",
        discussion: """
            Loads every policy (unknown keys and operators are errors, with file:line:column and a \
            suggestion), compiles them with the config's parameters, and loads the waivers and the \
            framework catalogs (a mapping to a control no catalog lists is a warning). A policy type that is \
            neither a normalized type, a register type, nor declared by the config's inputs is an error; a \
            cloud-native spelling (aws_s3_bucket, AWS::S3::Bucket, google_storage_bucket) names its normalized type.

            Examples:
              assay validate --config fixtures/assay.yaml
              assay validate --policies policies --waivers waivers.yaml

            Exit codes: 0 valid · 2 a policy, config or waiver error (file:line:column).
            """
    )

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        let request = try RunRequest.build(runOptions)
        let policySet = try PolicySetLoader.load(paths: request.config.policies)
        _ = try EvaluationStage(request: request, regions: RegionCatalogData.standard).compile(policySet.policies)
        let typeProblems = PolicyTypeCheck.problems(policySet.policies, config: request.config)
        if !typeProblems.isEmpty { throw CommandFailure(messages: typeProblems, exitCode: ExitStatus.inputError) }
        let waivers = try WaiverLoader.load(files: request.config.waivers)
        let catalogs = try FrameworkCatalogLoader.load(paths: request.config.policies)
        // Without any catalog (a private policy folder) mappings cannot be checked, so no warning.
        if !catalogs.catalogs.isEmpty {
            for unknown in catalogs.unknownMappings(in: policySet.policies) { Terminal.warning(unknown.description) }
        }
        let configText = request.config.file.map { "config \($0), " } ?? ""
        Terminal.out("OK: \(configText)\(policySet.policies.count) policies in \(policySet.files.count) files, \(waivers.count) waivers")
    }
}
