import Billing
import Foundation
import PolicyEngine

/// Runs the cost-group query (`CostQueryPlan`) with a DuckDB command line over Parquet or CSV
/// files or globs, and reads the groups back into an aggregator. Nothing is written outside a
/// private temporary folder; on failure the query is kept there and named in the error.
struct DuckDBCostEngine {
    /// The `duckdb` executable: a path, or a name looked up on PATH.
    let executable: String

    /// The engine's name in messages.
    static let name = "duckdb"

    /// Reads one input (a file or a glob) into `aggregator` through DuckDB.
    func read(_ input: String, format forced: InputFormat?, scopes: [CostScope], into aggregator: inout CostAggregator) throws -> BillingInputReport {
        let program = try resolvedExecutable()
        let folder = try Self.temporaryFolder()
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(atPath: folder) } }
        let source = Self.source(for: input)
        // The table's columns, to detect the format and bind the column mapping.
        let describeFile = folder + "/describe.sql"
        let describe = "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM \(source));\n"
        let columns: [(name: String, type: String)]
        do {
            let output = try run(program, script: describe, file: describeFile)
            columns = try Self.describedColumns(output, file: describeFile)
        } catch {
            keep = true
            throw error
        }
        let header = BillingHeader(columns.map(\.name))
        let format = try forced ?? BillingFormats.detect(header, path: input).format
        let tagColumn = columns.first { ["tags", "resource_tags"].contains($0.name.lowercased()) }
        let tagKind: TagColumnKind = tagColumn?.type.uppercased().hasPrefix("MAP") == true ? .map : .json
        let plan = try CostQueryPlan(
            format: format, columns: columns.map(\.name), tagColumnKind: tagKind, scopes: scopes, requiredTags: aggregator.requiredTags)
        let query = plan.query(dialect: .duckdb, source: source)
        let queryFile = folder + "/cost-groups.sql"
        let groupsFile = folder + "/groups.csv"
        let script = "SET TimeZone = 'UTC';\nCOPY (\n\(query.text)) TO \(SQLDialect.duckdb.literal(groupsFile)) (FORMAT csv, HEADER true);\n"
        do {
            _ = try run(program, script: script, file: queryFile)
            return try aggregator.readGroups(groupsFile, source: input, format: format)
        } catch {
            keep = true
            throw error
        }
    }

    /// The FROM item for an input: `read_parquet` for `.parquet`, else `read_csv` with every
    /// column as text (the readers' own parsing rules then apply, as in the native path). The CSV
    /// dialect is given, not sniffed — RFC 4180 as the native reader reads it: DuckDB's sniffer
    /// takes a header with fewer names than its rows (a real CUR export whose header lost a comma)
    /// for a one-column file; short rows are padded and surplus fields ignored, as natively.
    static func source(for input: String) -> String {
        let literal = SQLDialect.duckdb.literal(input)
        if input.lowercased().hasSuffix(".parquet") { return "read_parquet([\(literal)], union_by_name = true)" }
        return "read_csv([\(literal)], header = true, all_varchar = true, union_by_name = true, delim = ',', quote = '\"', "
            + "escape = '\"', null_padding = true, strict_mode = false)"
    }

    /// Runs `script` (saved as `file`) and returns stdout; a failure names the engine, the file
    /// and the first line of the engine's error.
    private func run(_ program: String, script: String, file: String) throws -> String {
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure.input("\(Self.name): cannot write the query file \(file): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-batch", "-bail", "-json", ":memory:", "-c", ".read " + file]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CommandFailure.input("\(Self.name): cannot start \(program): \(error.localizedDescription)")
        }
        // Read both pipes to the end before waiting, so a full pipe never blocks the engine.
        let collected = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = collected.finish()
        process.waitUntilExit()
        let errorText = String(decoding: errorData, as: UTF8.self)
        guard process.terminationStatus == 0, !errorText.contains("Error:") else {
            let first = errorText.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
                ?? "exit status \(process.terminationStatus)"
            throw CommandFailure.input("\(Self.name): query \(file) failed: \(first)")
        }
        return String(decoding: outputData, as: UTF8.self)
    }

    /// The `-json` output of `DESCRIBE`: column names and types.
    static func describedColumns(_ output: String, file: String) throws -> [(name: String, type: String)] {
        let text = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = try? JSONParser.parse(text.isEmpty ? "[]" : text), let rows = value.arrayValue else {
            throw CommandFailure.input("\(name): query \(file) failed: unexpected output '\(text.prefix(80))'")
        }
        let columns = rows.compactMap { row -> (name: String, type: String)? in
            guard let name = row["column_name"]?.stringValue else { return nil }
            return (name, row["column_type"]?.stringValue ?? "")
        }
        guard !columns.isEmpty else { throw CommandFailure.input("\(name): query \(file) failed: the input has no columns") }
        return columns
    }

    /// The executable's path: as given when it contains a slash, else the first match on PATH.
    private func resolvedExecutable() throws -> String {
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw CommandFailure.input("\(Self.name): engine not found at \(executable) (install it with `pip install duckdb-cli`)")
            }
            return executable
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/" + executable
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CommandFailure.input("\(Self.name): engine '\(executable)' not found on PATH (install it with `pip install duckdb-cli`, or give --duckdb PATH)")
    }

    private static func temporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/assay-duckdb-XXXXXX").utf8CString)
        // `mkdtemp` replaces the X's of the template in place (the array is passed as its pointer).
        guard mkdtemp(&template) != nil else {
            throw CommandFailure.input("\(name): cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Reads a pipe to its end on a background thread.
///
/// Sendable: `data` is written once on the background queue before `done` is signalled, and read
/// only after waiting on `done` (the semaphore orders the two).
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
