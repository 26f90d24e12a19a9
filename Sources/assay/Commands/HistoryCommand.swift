import ArgumentParser
import History
import PolicyEngine
import PolicyLoader
import Reports

/// `assay history`: list, show, compare and verify the runs recorded with `evaluate --history`.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show, compare and verify recorded runs (the run history database).",
        discussion: """
            Examples:
              assay evaluate --config assay.yaml --history .assay/history.sqlite
              assay history list
              assay history show latest
              assay history diff latest~1 latest --json reports/diff.json
              assay history verify --history ci/history.sqlite

            Runs are named by id (1, 2, …), latest, or latest~N (N runs before the latest). \
            Tables go to stdout; --json FILE writes the machine form (docs/history.md).
            Exit codes: 0 success · 1 verify found a broken evidence chain · 2 usage error, missing database or unknown run.
            """,
        subcommands: [List.self, Show.self, Diff.self, Verify.self]
    )

    // MARK: - list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recorded runs, oldest first.",
            discussion: "Examples:\n  assay history list\n  assay history list --history ci/history.sqlite --json runs.json")

        @OptionGroup var options: HistoryOptions

        func run() throws {
            let store = try options.open()
            let runs = try store.runs()
            var table = TextTable(["RUN", "AS OF", "TOOL", "SCORE", "FAIL", "BLOCKING", "COST (LAST MONTH)", "LABELS", "RECORD"])
            for run in runs {
                table.add([run.id, run.asOf.description, run.toolVersion, HistoryText.percent(run.complianceScore), String(run.counts.fail),
                           String(run.blocking), HistoryText.money(run.monthlyCost), HistoryText.labels(run.labels), String(run.recordSHA256.prefix(12))])
            }
            try options.present(HistoryJSON.list(runs, database: store.path), runs.isEmpty ? "No runs recorded in \(store.path)." : table.text)
        }
    }

    // MARK: - show

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one recorded run: metadata, digests, per-policy counts, open findings, waivers, costs and downtime.",
            discussion: """
                Examples:
                  assay history show latest
                  assay history show 12 --json run-12.json
                  assay history show 12 --results results-12.json   # the run's results document, byte for byte
                """)

        @Argument(help: ArgumentHelp("The run: an id, latest or latest~N.", valueName: "run"))
        var reference: String = "latest"

        @OptionGroup var options: HistoryOptions

        @Option(name: .long, help: ArgumentHelp("Also write the run's recorded results document (what its --json was) here.", valueName: "file"))
        var results: String?

        func run() throws {
            let store = try options.open()
            try OutputTargets.check(outputs: [results, options.json].compactMap { $0 }, against: [store.path])
            let run = try store.run(reference)
            if let results { try ReportFile.write(Array(try store.resultsDocument(of: run).utf8), to: results) }
            let details = try store.details(of: run)
            try options.present(HistoryJSON.show(details, database: store.path), HistoryText.show(details))
        }
    }

    // MARK: - diff

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two runs: new, fixed and persisting findings (by fingerprint) and cost movers.",
            discussion: "Examples:\n  assay history diff             # latest~1 against latest\n  assay history diff 3 7 --json diff.json")

        @Argument(help: ArgumentHelp("The earlier run (default latest~1).", valueName: "run-a"))
        var from: String = "latest~1"

        @Argument(help: ArgumentHelp("The later run (default latest).", valueName: "run-b"))
        var to: String = "latest"

        @OptionGroup var options: HistoryOptions

        func run() throws {
            let store = try options.open()
            let diff = try store.diff(try store.run(from), try store.run(to))
            try options.present(HistoryJSON.diff(diff, database: store.path), HistoryText.diff(diff))
        }
    }

    // MARK: - verify

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the evidence chain: every run against its digests and the run recorded before it.",
            discussion: """
                Examples:
                  assay history verify
                  assay history verify --anchor 3f1c9a0b7d2e4c55 --json verify.json

                Exit codes: 0 intact · 1 an edited, deleted or reordered run (each named) · 2 usage error or missing database.
                """)

        @OptionGroup var options: HistoryOptions

        @Option(name: .long, help: ArgumentHelp(
            "A record hash (or its first 12+ hex digits) kept outside the database, e.g. from a CI log; fails when no run has it (repeatable).",
            valueName: "hash"))
        var anchor: [String] = []

        func run() throws {
            let store = try options.open()
            let report = try store.verify(anchors: anchor)
            var lines = report.problems.map { "BROKEN  \($0.kind.rawValue): \($0.message)" }
            if report.isIntact {
                lines.append("OK: \(report.runs) run(s) in \(store.path), evidence chain intact; head record sha256 \(report.head ?? "(none)")")
            } else {
                lines.append("FAILED: \(report.problems.count) problem(s) in the evidence chain of \(store.path) (\(report.runs) run(s))")
            }
            try options.present(HistoryJSON.verification(report, database: store.path), lines.joined(separator: "\n"))
            if !report.isIntact { throw ExitCode(ExitStatus.policyFailure) }
        }
    }
}

/// The options every `assay history` subcommand takes (and `evaluate`'s history options below).
struct HistoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The run history database (default: the config's history:, else .assay/history.sqlite).",
                                            valueName: "path"))
    var history: String?

    @Option(name: .long, help: ArgumentHelp("Run configuration whose history: names the database.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Also write the result as JSON here.", valueName: "file"))
    var json: String?

    /// The existing database (reading never creates one).
    func open() throws -> HistoryStore {
        let configured = try config.map(ConfigLoader.load(file:))?.history
        return try HistoryStore(path: history ?? configured ?? HistoryStore.defaultPath, create: false)
    }

    /// Writes `document` to `--json`, when given (atomically, like every report), then `text` to stdout.
    func present(_ document: Value, _ text: String) throws {
        if let json { try ReportFile.write(Array(JSONWriter.pretty(document).utf8), to: json) }
        Terminal.output(text + "\n")
    }
}

/// `evaluate`'s history and baseline options.
struct EvaluateHistoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Record the run in this history database (default: the config's history:).", valueName: "path"))
    var history: String?

    @Flag(name: .customLong("no-history"), help: "Do not record the run, even when the config names a history database.")
    var noHistory = false

    @Option(name: .long, help: ArgumentHelp(
        "Fail only on findings absent from this baseline: a recorded run (id, latest, latest~N) or a results JSON file.",
        valueName: "run|file"))
    var baseline: String?
}
