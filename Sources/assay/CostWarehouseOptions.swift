import ArgumentParser
import Billing
import PolicyEngine

/// `assay cost` options for billing that lives in a warehouse or in Parquet: the engine that
/// computes the cost groups, and the query for other engines (`--emit-sql`). The native reader
/// stays the default.
struct CostWarehouseOptions: ParsableArguments {
    @Option(name: .long, help: "Engine that computes the cost groups: native (Assay's reader, .csv/.csv.gz) or duckdb (the duckdb command line; .parquet, .csv, .csv.gz files or globs).")
    var engine: CostEngine = .native

    @Option(name: .customLong("duckdb"), help: "The duckdb executable (default: duckdb on PATH; `pip install duckdb-cli`).")
    var duckdbPath = "duckdb"

    @Option(name: .customLong("emit-sql"), help: "Print the cost-group query for a warehouse instead of reading inputs: \(SQLDialect.allCases.map(\.rawValue).joined(separator: ", ")).")
    var emitSQLName: String?

    /// The dialect of `--emit-sql`.
    var emitSQL: SQLDialect? { emitSQLName.flatMap(SQLDialect.init(rawValue:)) }

    @Option(name: .long, help: "With --emit-sql: the table (or view) holding the export, inserted as given.")
    var table: String?

    @Option(name: .long, help: "With --emit-sql: the table's columns, comma-separated (default: the format's standard columns).")
    var columns: String?

    @Option(name: .customLong("tag-column"), help: "With --emit-sql: how the table stores tags: json (text or JSON column) or map (MAP<STRING,STRING>; default for CUR 2.0).")
    var tagColumnName: String?

    /// The tag storage of `--tag-column`.
    var tagColumn: TagColumnKind? { tagColumnName.flatMap(TagColumnKind.init(rawValue:)) }

    /// Cross-option checks.
    func validate(format: String?) throws {
        if let emitSQLName, SQLDialect(rawValue: emitSQLName) == nil {
            throw ValidationError("unknown SQL dialect '\(emitSQLName)'; use \(SQLDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let tagColumnName, TagColumnKind(rawValue: tagColumnName) == nil {
            throw ValidationError("--tag-column is json or map, not '\(tagColumnName)'")
        }
        if emitSQL == nil {
            guard table == nil, columns == nil, tagColumnName == nil else { throw ValidationError("--table, --columns and --tag-column go with --emit-sql") }
            return
        }
        guard table != nil else { throw ValidationError("--emit-sql needs --table NAME (the warehouse table or view of the export)") }
        guard engine == .native else { throw ValidationError("--emit-sql prints the query; it does not run an --engine") }
        if let format, let known = InputFormat(rawValue: format), !WarehouseQueryFormats.formats.contains(known) {
            throw ValidationError("--emit-sql covers \(WarehouseQueryFormats.formats.map(\.rawValue).joined(separator: ", ")) tables, not \(format)")
        }
    }

    /// The query for `--emit-sql`, when asked.
    func emittedQuery(format: InputFormat?, groupBy: [String], requiredTags: [String]) throws -> CostQuery? {
        guard let emitSQL, let table else { return nil }
        let given = columns.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        // The format: as forced, else detected from the given columns like a CSV header, else FOCUS.
        let format = try format ?? given.map { try BillingFormats.detect(BillingHeader($0), path: "--columns").format } ?? .focus
        let names = given ?? WarehouseQueryFormats.standardColumns(format)
        let kind = tagColumn ?? (format == .awsCUR2 ? .map : .json)
        let plan = try CostQueryPlan(
            format: format, columns: names, tagColumnKind: kind, scopes: [CostScope(groupBy: groupBy, lastMonths: 1)], requiredTags: requiredTags)
        return plan.query(dialect: emitSQL, source: table)
    }

    /// The engine these options choose.
    var choice: CostEngineChoice { CostEngineChoice(engine: engine, duckdbPath: duckdbPath) }
}

/// The engine that computes the cost groups (`--engine`/`--duckdb`, or `cost.engine`/`cost.duckdb`
/// in the config), and reading one billing input with it.
struct CostEngineChoice {
    var engine = CostEngine.native
    var duckdbPath = "duckdb"

    /// The format shown in the evidence for a billing input: its format, and for groups an
    /// engine computed, the engine and the query's SHA-256.
    static func evidenceFormat(_ report: BillingInputReport) -> String {
        guard let provenance = report.provenance else { return report.format.rawValue }
        return "\(report.format.rawValue) via \(provenance.engine), query SHA-256 \(provenance.querySHA256)"
    }

    /// Reads one input into `aggregator` with the chosen engine.
    func read(_ path: String, options: BillingScanOptions, scopes: [CostScope], into aggregator: inout CostAggregator) throws -> BillingInputReport {
        if options.format == .costGroups { return try aggregator.readGroups(path) }
        switch engine {
        case .native:
            if path.lowercased().hasSuffix(".parquet") || path.contains("*") {
                throw CommandFailure.input("\(path): Parquet files and globs are read with the DuckDB engine: --engine duckdb, or cost.engine: duckdb in the config")
            }
            return try aggregator.read(path, options: options)
        case .duckdb:
            return try DuckDBCostEngine(executable: duckdbPath).read(path, format: options.format, scopes: scopes, into: &aggregator)
        }
    }
}

/// Where the cost groups are computed.
enum CostEngine: String, CaseIterable, ExpressibleByArgument {
    /// Assay's streaming reader.
    case native
    /// The duckdb command line.
    case duckdb
}

