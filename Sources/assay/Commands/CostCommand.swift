import ArgumentParser
import Billing
import Foundation
import PolicyEngine
import PolicyLoader
import Reports
import TabularText

/// `assay cost`: the monthly cost review of billing exports, and the cost groups as JSON/CSV.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Review billing exports (FOCUS, AWS CUR, CUR 2.0, Azure, GCP; .csv, .csv.gz, or Parquet with --engine duckdb) month by month.",
        discussion: """
            Prints totals per month and currency (billed and effective), the top movers by account × service, \
            and untagged and egress shares. --json/--csv write the cost groups with the grand totals, so the \
            numbers can be checked outside Assay. Amounts are exact decimals. With --config, the billing \
            exports among the config's inputs are read (folders stand for every file in them) and its \
            cost: settings and as_of apply; flags override them.

            Examples:
              assay cost --config fixtures/assay.yaml
              assay cost --input fixtures/billing --as-of 2026-11-27 --group-by account service
              assay cost --input cur.csv.gz --months 6 --required-tag owner --required-tag environment --json costs.json

            Exit codes: 0 reviewed · 2 usage or input error (unreadable or malformed export, unknown format).
            """
    )

    @OptionGroup var verbosity: VerbosityOptions

    @Option(name: .long, help: ArgumentHelp("Run configuration (assay.yaml): its billing inputs, cost: settings and as_of.", valueName: "file"))
    var config: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Billing export file or folder (.csv or .csv.gz; repeatable; replaces the config's inputs).", valueName: "path"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Force the format: focus, aws-cur, aws-cur2, azure-cost, gcp-billing, or cost-groups (an engine's result of --emit-sql; default: detect from the header).",
        valueName: "format"))
    var format: String?

    @Option(name: .customLong("group-by"), parsing: .upToNextOption, help: ArgumentHelp(
        "Group dimensions: account, sub_account, service, service_category, region, charge_category, currency, resource, tags.<key>.",
        valueName: "dimension"))
    var groupBy: [String] = ["account", "service"]

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Evaluation date; the review covers the complete months before it (default: the config's as_of, else today in UTC).",
        valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Number of complete months to review (default: the config's cost.review_months, else 3).",
                                            valueName: "count"))
    var months: Int?

    @Option(name: .customLong("required-tag"), parsing: .upToNextOption, help: ArgumentHelp(
        "Tags a charge must carry not to count as untagged (default: the config's cost.required_tags, else any tag).", valueName: "key"))
    var requiredTags: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the cost groups and totals as JSON here.", valueName: "file"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Write the cost groups and totals as CSV here.", valueName: "file"))
    var csv: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Count and report malformed rows instead of stopping at the first.")
    var skipBadRows = false

    @OptionGroup(title: "Warehouse and Parquet exports")
    var warehouse: CostWarehouseOptions

    func validate() throws {
        try warehouse.validate(format: format)
        guard !input.isEmpty || config != nil || warehouse.emitSQL != nil else {
            throw ValidationError("give --config or at least one --input file or folder")
        }
        if let months, months < 1 { throw ValidationError("--months must be at least 1") }
        if let format {
            guard let known = InputFormat(rawValue: format), known.kind == .billing else {
                let billing = InputFormat.allCases.filter { $0.kind == .billing }.map(\.rawValue)
                throw ValidationError("unknown billing format '\(format)'; use one of \(billing.joined(separator: ", "))")
            }
        }
        if let asOf, CivilDate(parsing: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date in the form YYYY-MM-DD") }
    }

    func run() throws {
        let loaded = try config.map(ConfigLoader.load(file:)) ?? AssayConfig()
        let settings = try StageSettings(config: loaded)
        let requiredTags = requiredTags.isEmpty ? settings.cost.requiredTags : requiredTags
        if let query = try warehouse.emittedQuery(format: format.flatMap(InputFormat.init(rawValue:)), groupBy: groupBy, requiredTags: requiredTags) {
            print(query.text, terminator: "")
            return
        }
        let date = try asOfDate(config: loaded)
        let months = months ?? settings.cost.reviewMonths
        let progress = ProgressReporter(enabled: true)
        let files = try billingFiles(loaded, progress: progress)
        guard !files.isEmpty else { throw CommandFailure.input("no billing exports among the inputs of \(config ?? "the command line")") }
        let scope = CostScope(groupBy: groupBy, lastMonths: months)
        var aggregator = try CostAggregator(scopes: [scope], requiredTags: requiredTags)
        var options = BillingScanOptions(skipBadRows: skipBadRows || settings.cost.skipBadRows)
        options.progress = { path, done, total in progress.update(label: path, done: done, total: total ?? 0) }
        try OutputTargets.check(outputs: [json, csv].compactMap { $0 }, against: files.map(\.spec.path))
        for (spec, file) in files {
            options.format = format.flatMap(InputFormat.init(rawValue:)) ?? spec.format
            progress.begin("reading billing export \(spec.path)")
            let report = try SharedInput.$current.withValue(file) {
                try warehouse.choice.read(spec.path, options: options, scopes: [scope], into: &aggregator)
            }
            progress.finish(label: spec.path)
            if report.badRows > 0 {
                Terminal.warning("\(spec.path): skipped \(report.badRows) malformed row(s); first:")
                for diagnostic in report.firstBadRows { Terminal.line("  " + (diagnostic.description.split(separator: "\n").first.map(String.init) ?? "")) }
            }
        }
        progress.stop()
        let groups = aggregator.documents(for: scope, asOf: date)
        let totals = aggregator.monthTotals(asOf: date, months: months)
        Terminal.output(CostReviewTable.render(aggregator: aggregator, asOf: date, months: months, groupBy: groupBy, groupCount: groups.count))
        if let json {
            var document = aggregator.costSection(asOf: date, months: months).value.objectValue ?? Fields()
            document["group_by"] = .array(groupBy.map(Value.string))
            document["groups"] = .array(groups.map(\.document))
            try ReportFile.write(Array(JSONWriter.pretty(.object(document)).utf8), to: json)
        }
        if let csv {
            try ReportFile.write(Array(CostReviewTable.csv(groups: groups, totals: totals, groupBy: groupBy).utf8), to: csv)
        }
    }

    /// The billing exports to read: `--input` files and folders (every file), else the config's
    /// inputs whose format is (or is detected as) a billing format.
    /// A config input whose format is detected stays open with its head read, so that the
    /// reading goes on from there (an input is read once; a pipe can be read at all).
    private func billingFiles(_ config: AssayConfig, progress: ProgressReporter) throws -> [(spec: InputSpec, file: ReadOnceFile?)] {
        if !input.isEmpty {
            // A glob (`exports/*.parquet`) goes to the DuckDB engine as written.
            return try input.flatMap { path in
                path.contains("*") ? [InputSpec(path: path)] : try IngestStage.expandFolders([InputSpec(path: path)])
            }.map { (spec: $0, file: nil as ReadOnceFile?) }
        }
        let ingest = IngestStage(progress: progress)
        var kept = 0
        return try IngestStage.expandFolders(config.inputs).compactMap { spec -> (spec: InputSpec, file: ReadOnceFile?)? in
            if let format = spec.format { return format.kind == .billing ? (spec, nil) : nil }
            // `assay cost` records no digest of its inputs, so they are not hashed.
            let file = try IngestStage.openOnce(spec.path, hashing: false)
            let format = try SharedInput.$current.withValue(file) { try ingest.detect(spec.path) }
            guard format.kind == .billing else { return nil }
            kept += 1
            return (InputSpec(path: spec.path, format: format), kept <= IngestStage.keptBillingFiles ? file : nil)
        }
    }

    private func asOfDate(config: AssayConfig) throws -> CivilDate {
        if let asOf, let date = CivilDate(parsing: asOf) { return date }
        if let fixed = config.asOf { return fixed }
        return CivilDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
    }
}
