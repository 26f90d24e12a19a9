import Foundation
import Billing
import Inventory
import PolicyEngine
import PolicyLoader
import TabularText

/// Pipeline stage 2 (ingest): read every input with the reader its content calls for (or the
/// forced one), hash each file, and collect the documents.
struct IngestStage {
    /// What ingestion produced.
    struct Output {
        var resources: [Resource] = []
        var inputs: [InputRecord] = []
        /// Inputs of billing formats, read later by the cost stage.
        var billing: [InputSpec] = []
        /// The opened billing inputs (after detection), so that the cost stage reads and hashes
        /// the same bytes instead of opening the file again.
        var billingFiles: [String: ReadOnceFile] = [:]
        /// What a person should know: identity warnings (conflicting duplicates, unknown regions)
        /// and resources not located in the Terraform configuration.
        var warnings: [String] = []
        /// Copies of stream inputs (pipes, FIFOs) and the names they were given.
        var spool = InputSpool()
    }

    let progress: ProgressReporter
    /// The Terraform configuration's folder (`--tf-root`), to locate plan and state resources.
    var terraformRoot: String?
    /// Whose values win when live state and Terraform describe one resource.
    var precedence = StatePrecedence.live
    /// How much of the native records and `source` objects the readers keep (`linkingOnly` when
    /// no policy of the run reads `attributes`: most of the memory of a resource read from AWS
    /// Config or a plan; `formatOnly` when none reads `source`).
    var retention = RecordRetention.whole

    /// Reads every input of the request.
    func run(_ specs: [InputSpec]) throws -> Output {
        var output = Output()
        let expanded = try output.spool.materialize(try Self.expandFolders(specs))
        do {
            try read(expanded, into: &output)
        } catch {
            throw output.spool.renaming(error)
        }
        // Normalize: joins that span records and files (S3 replication destinations to their
        // buckets' regions, KMS replicas to primaries, credential-report rows to IAM users, …).
        // Each step is handed the only reference to the array (taken out of `output`, passed as
        // its last use), so it updates the resources in place: a second owner would make the
        // first change copy every resource on this one thread, and the old array be freed after.
        var read: [Resource] = []
        swap(&read, &output.resources)
        let linked = InventoryNormalizer.link(consume read)
        // Identity: records of one resource (across inputs, or repeated in one) become one
        // resource with every source listed, and live-vs-Terraform drift is noted on it.
        var resolved = IdentityResolution.resolve(consume linked, precedence: precedence)
        swap(&output.resources, &resolved.resources)
        output.warnings = resolved.warnings
        // One document per account and region the live exports cover, so a policy can require
        // an audit trail or an alarm there even where none was exported.
        output.resources += OperationalLinks.accountRegions(output.resources)
        if let terraformRoot {
            let locator = try TerraformSourceLocator(root: terraformRoot)
            let (missed, modules) = locator.apply(to: &output.resources)
            if missed > 0 {
                let behind = modules.isEmpty ? "" : " (modules not on disk under \(terraformRoot): \(modules.joined(separator: ", ")))"
                output.warnings.append("\(missed) Terraform resource(s) not located in \(terraformRoot)\(behind); their findings point at the plan file")
            }
        }
        return output
    }

    private func read(_ specs: [InputSpec], into output: inout Output) throws {
        for spec in specs {
            // Parquet billing exports and globs go to the cost stage's engine, which detects the format.
            if spec.format == nil && (spec.path.lowercased().hasSuffix(".parquet") || spec.path.contains("*")) {
                output.billing.append(spec)
                continue
            }
            // One open of the file for detection, the reader and the digest: the recorded SHA-256
            // is that of the bytes detected and parsed (docs/limits.md, "Inputs").
            let file = try Self.openOnce(spec.path)
            try SharedInput.$current.withValue(file) {
                let format = try spec.format ?? detect(spec.path)
                if format.kind == .billing {
                    output.billing.append(InputSpec(path: spec.path, format: format, mapping: spec.mapping))
                    // Kept open for the cost stage, up to `keptBillingFiles` of them (open files and
                    // their heads in memory stay bounded for a folder of thousands of exports; those
                    // past it are opened again there, their head read a second time).
                    if output.billingFiles.count < Self.keptBillingFiles { output.billingFiles[spec.path] = file }
                    return
                }
                guard let reader = format.documentReader else {
                    throw CommandFailure.input("\(spec.path): no reader for format '\(format.rawValue)' in this build")
                }
                var forced = spec
                forced.format = format
                forced.retention = retention
                let label = output.spool.shown(spec.path)
                progress.begin("reading \(label) (\(format.rawValue))")
                let resources = try reader.read(forced) { done, total in progress.update(label: label, done: done, total: total) }
                progress.finish(label: label)
                let documents = resources.count
                // The first input's resources are moved, not copied (a copy retains every field of
                // a million resources on this thread, and the original is released after).
                if output.resources.isEmpty { output.resources = consume resources } else { output.resources.append(contentsOf: consume resources) }
                output.inputs.append(InputRecord(path: label, format: format.rawValue, sha256: try Self.digest(file), documents: documents))
            }
        }
    }

    /// How many detected billing inputs stay open for the cost stage.
    static let keptBillingFiles = 64

    /// Opens an input to be read once (detection, reader and digest share the bytes); `hashing:
    /// false` for a command that records no digest (`assay cost`).
    static func openOnce(_ path: String, hashing: Bool = true) throws -> ReadOnceFile {
        do {
            return try ReadOnceFile(path: path, hashing: hashing)
        } catch {
            throw InventoryError.unreadable(file: path, reason: error.reason)
        }
    }

    /// The SHA-256 of the bytes read from `file` (and of any the reader left unread).
    static func digest(_ file: ReadOnceFile) throws -> String {
        do {
            return try file.sha256()
        } catch {
            throw InventoryError.unreadable(file: file.path, reason: error.reason)
        }
    }

    /// An input that is a folder stands for every file below it (sorted, hidden files and
    /// folders skipped), each with the folder's format and mapping: a folder of daily Config
    /// snapshots or monthly billing exports is one input line.
    static func expandFolders(_ specs: [InputSpec]) throws -> [InputSpec] {
        var expanded: [InputSpec] = []
        for spec in specs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: spec.path, isDirectory: &isDirectory) else {
                throw InventoryError.unreadable(file: spec.path, reason: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                expanded.append(spec)
                continue
            }
            let files = (FileManager.default.enumerator(atPath: spec.path)?.allObjects as? [String] ?? [])
                .filter { relative in !relative.split(separator: "/").contains { $0.hasPrefix(".") } }
                .map { (spec.path as NSString).appendingPathComponent($0) }
                .filter { path in
                    var nested: ObjCBool = false
                    return FileManager.default.fileExists(atPath: path, isDirectory: &nested) && !nested.boolValue
                }
                .sorted()
            guard !files.isEmpty else { throw InventoryError.unreadable(file: spec.path, reason: "the folder holds no files") }
            for file in files { expanded.append(InputSpec(path: file, format: spec.format, mapping: spec.mapping)) }
        }
        return expanded
    }

    /// The billing format whose required columns the header has, if any.
    static func billingFormat(_ header: [String], path: String) -> InputFormat? {
        do {
            let reader = try BillingFormats.detect(BillingHeader(header), path: path)
            return reader.format
        } catch {
            return nil
        }
    }

    /// The format of a file, judged on its first 64 KiB (decompressed, transcoded): a billing
    /// export when its CSV header has every column one billing format requires; otherwise the
    /// best-scoring record or inventory reader. An error lists the formats when nothing fits.
    func detect(_ path: String) throws -> InputFormat {
        let sample = try InputSample.read(path)
        if let header = InputSample.csvHeader(sample), let format = Self.billingFormat(header, path: path) { return format }
        var best: (format: InputFormat, score: Int)?
        for reader in InputFormat.documentReaders {
            let score = reader.detectionScore(sample: sample, path: path)
            if score > 0 && score > (best?.score ?? 0) { best = (reader.format, score) }
        }
        guard let best else {
            let known = InputFormat.allCases.filter { format in
                if case .costGroups = format.reader { return false }
                return true
            }.map(\.rawValue).joined(separator: ", ")
            throw InventoryError.unrecognisedFormat(
                file: path, detail: "none of the readers (\(known)) recognises its content; force one with --input FORMAT:PATH or format: in the config")
        }
        return best.format
    }
}

extension IngestStage {
    /// The ingest of a command that reads a run's inputs (`evaluate`, `downtime`): the Terraform
    /// folder (`--tf-root`, else the config's `terraform_root:`) and the identity precedence
    /// (`identity.precedence`) as the run's config says. One way to build it, so that every
    /// command resolves identities and locates Terraform resources alike.
    init(progress: ProgressReporter, config: AssayConfig, settings: StageSettings) {
        self.init(progress: progress, terraformRoot: config.terraformRoot, precedence: settings.statePrecedence)
    }
}
