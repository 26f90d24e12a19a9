import Foundation
import Inventory
import PolicyEngine
import PolicyLoader

/// Pipeline stages 1 (load: compile), 5 (evaluate) and 6 (apply waivers): compile the policies
/// against the run's parameters, evaluate them over all documents in parallel, then apply the
/// waivers.
struct EvaluationStage {
    let request: RunRequest
    let regions: RegionCatalog

    /// Compiles every policy; errors name the policy file and position.
    func compile(_ policies: [Policy]) throws -> [CompiledPolicy] {
        try request.checkOverrideTargets(policies)
        var compiled: [CompiledPolicy] = []
        for policy in policies {
            do {
                compiled.append(try PolicyCompiler.compile(policy, overrides: request.overrides(for: policy)))
            } catch {
                throw CompileFailure(error: error)
            }
        }
        return compiled
    }

    /// Evaluates and applies waivers. `everyTextIsRead`: a report, the baseline or the history
    /// will read every finding's message and evidence, so they are rendered as the findings are
    /// made, on all cores; otherwise each is rendered only if read (the terminal shows a few per
    /// policy).
    func run(_ compiled: [CompiledPolicy], resources: [Resource], costDocuments: [CostScope: [Resource]], waivers: [Waiver],
             keepPasses: Bool, everyTextIsRead: Bool) -> (evaluations: [PolicyEvaluation], waivers: [WaiverStatus]) {
        // Cost groups join the corpus (once each) so that `lookup` and `related` can reach them.
        var seen = Set<String>()
        let costGroups = costDocuments.keys.sorted { "\($0.groupBy)\($0.lastMonths)" < "\($1.groupBy)\($1.lastMonths)" }
            .flatMap { costDocuments[$0] ?? [] }.filter { seen.insert($0.id).inserted }
        var evaluations = PolicyRunner.run(compiled, corpus: ResourceCorpus(resources: costGroups.isEmpty ? resources : resources + costGroups), costDocuments: costDocuments,
                                           context: EvaluationContext(asOf: request.asOf, regions: regions), keepPasses: keepPasses,
                                           renderText: everyTextIsRead)
        // Waivers match the resource id or any alias (Terraform address, native id).
        let aliases = waivers.isEmpty ? [:] : ResourceIdentity.aliasTable(resources)
        let statuses = WaiverApplication.apply(waivers, to: &evaluations, asOf: request.asOf, aliases: aliases)
        for hint in WaiverApplication.staleHints(statuses, evaluations: evaluations, aliases: aliases) { Terminal.warning(hint) }
        return (evaluations, statuses)
    }
}

/// A compile error shown as a located diagnostic (with the source line when it has one).
struct CompileFailure: DiagnosticError {
    let error: PolicyCompileError

    var diagnostic: Diagnostic {
        guard let location = error.location else { return Diagnostic(message: error.message) }
        let line = location.line.flatMap { SourceLines.line($0, of: location.file) }
        return Diagnostic(at: location, message: error.message, sourceLine: line)
    }
}

/// Reads a source line for diagnostics produced after loading.
enum SourceLines {
    static func line(_ number: Int, of file: String) -> String? {
        guard number > 0, let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? BuiltinPolicyLibrary.text(of: file) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number <= lines.count ? String(lines[number - 1]) : nil
    }
}
