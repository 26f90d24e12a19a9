import Foundation
import History
import Inventory
import PolicyEngine
import PolicyLoader

/// Pipeline stage 8 (record), after the result is assembled and before it is rendered: compare it
/// with the baseline (`--baseline`), then record it in the run history (`--history` / `history:`).
/// It runs before rendering because recording adds the `history` trend section, and the stored
/// results digest must be the digest of the very document the reports write.
final class RecordStage {
    /// The baseline to compare with, already loaded.
    let baseline: Baseline?
    /// The history database to record into, when recording.
    let database: String?
    /// The config file and its digest.
    let context: RunContext
    /// The run as recorded, once `run` has recorded it.
    private(set) var recorded: RecordedRun?

    init(baseline: Baseline?, database: String?, context: RunContext) {
        self.baseline = baseline
        self.database = database
        self.context = context
    }

    /// True when the stage reads every finding (a baseline compares their fingerprints, the
    /// history stores them).
    var readsFindings: Bool { baseline != nil || database != nil }

    /// The result compared with the baseline and, when recording, carrying the trend section.
    /// `resources` are the run's resources: a finding matches the baseline under any of its
    /// resource's aliases (Terraform address, native id) too.
    func run(_ result: RunResult, resources: [Resource]) throws -> RunResult {
        var compared = result
        if let baseline { compared.apply(baseline) { ids in ResourceIdentity.aliasTable(resources, ids: ids) } }
        guard let database else { return compared }
        let store = try HistoryStore(path: database, create: true, observer: HistoryTestPause.fromEnvironment())
        let recorded = try store.record(compared, context: context)
        self.recorded = recorded
        return recorded.result
    }

    /// The baseline and history lines of the stderr summary. The baseline's identity is printed
    /// even with `--quiet`: a CI log must say what "new" was measured against.
    func printSummary(_ result: RunResult, quiet: Bool) throws {
        if let section = result.sections[section: .baseline] {
            Terminal.out("Baseline: " + (try BaselineSection(decoding: section)).summary)
        }
        if let recorded, let database {
            Terminal.line(Terminal.styled("recorded ", .dim, on: .diagnostics) + "run \(recorded.run.id) in \(database) "
                + "(record sha256 \(recorded.run.recordSHA256), results sha256 \(recorded.run.resultsSHA256))")
        }
    }

    // MARK: - Building

    /// The stage for `evaluate`'s history options: the database is `--history`, else the
    /// config's `history:`, unless `--no-history`; a run baseline is read from that database
    /// (or the default one when recording is off).
    static func make(_ options: EvaluateHistoryOptions, config: AssayConfig) throws -> RecordStage {
        let database = options.noHistory ? nil : (options.history ?? config.history)
        let context = RunContext(configFile: config.file, configSHA256: try config.file.map(fileDigest))
        guard let reference = options.baseline else { return RecordStage(baseline: nil, database: database, context: context) }
        let baseline: Baseline
        if reference.hasSuffix(".json") || FileManager.default.fileExists(atPath: reference) {
            baseline = try resultsBaseline(reference)
        } else {
            let path = options.history ?? config.history ?? HistoryStore.defaultPath
            guard let recorded = try recordedBaseline(reference, database: path) else {
                // The first run of a new pipeline: nothing recorded yet, so every open finding is new.
                Terminal.warning("--baseline latest: no run is recorded in \(path) yet; the baseline is empty (every finding is new)")
                return RecordStage(baseline: nil, database: database, context: context)
            }
            baseline = recorded
        }
        return RecordStage(baseline: baseline, database: database, context: context)
    }

    /// A recorded run as the baseline; nil for `latest` when nothing is recorded yet.
    static func recordedBaseline(_ reference: String, database: String) throws -> Baseline? {
        let outcome: Result<Baseline, HistoryError>
        do {
            let store = try HistoryStore(path: database, create: false)
            outcome = .success(try store.baseline(try store.run(reference)))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let baseline): return baseline
        case .failure(let error):
            if reference == "latest" && isEmptyHistory(error) { return nil }
            throw error
        }
    }

    /// True for the errors of a history with no run yet (no database, or none recorded in it).
    static func isEmptyHistory(_ error: HistoryError) -> Bool {
        switch error {
        case .missing: return true
        case .unknownRun(_, _, let latest): return latest == nil
        case .database, .newerSchema, .olderSchema, .notHistory, .invalidReference, .malformedSection: return false
        }
    }

    /// A results document as a baseline: its open findings, and the SHA-256 of its bytes.
    static func resultsBaseline(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.input("--baseline \(path): no such results file or recorded run")
        }
        let bytes = Array(data)
        do {
            let result = try RunResultCodec.decode(try JSONParser.parse(bytes))
            return Baseline(file: path, sha256: digest(bytes), result: result)
        } catch {
            throw CommandFailure.input("--baseline \(path): not an Assay results file: \(error)")
        }
    }

    /// SHA-256 of a file's bytes.
    static func fileDigest(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.input("cannot read \(path)") }
        return digest(Array(data))
    }

    static func digest(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.hexDigest()
    }
}
