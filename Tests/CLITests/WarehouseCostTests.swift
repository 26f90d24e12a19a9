import Foundation
import PolicyEngine
import Testing
import TestSupport

/// Tools found on PATH, for tests that need an engine (CI installs them in .ci/run).
enum ExternalTools {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let duckdb = find("duckdb")
    static let python = find("python3")

    /// True when `python3 -c "import module"` works.
    static func hasPythonModule(_ module: String) -> Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import " + module]))?.status == 0
    }

    static let hasSQLGlot = hasPythonModule("sqlglot")

    /// Runs a program; stdout, stderr and the exit status.
    static func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> AssayProcess.Output {
        try ExternalProcess.run(URL(fileURLWithPath: program), arguments, input: input)
    }

    /// Runs SQL with the duckdb command line; fails the test on an error.
    static func duckdb(_ sql: String) throws {
        let output = try run(duckdb ?? "duckdb", ["-batch", "-bail", ":memory:"], input: sql)
        #expect(output.status == 0, "duckdb: \(output.stderr)")
    }
}

/// `assay cost --engine duckdb`, `--emit-sql` and `--format cost-groups`: the cost groups a
/// SQL engine computes must be byte-identical to the native reader's (docs/billing.md, "At
/// warehouse scale").
@Suite("warehouse cost groups", .serialized)
struct WarehouseCostTests {
    static let fixtures = [
        "fixtures/billing/focus-azure-2026-08_2026-10.csv", "fixtures/billing/aws-cur-2026-08_2026-10.csv.gz",
        "Tests/BillingTests/Fixtures/focus-small.csv", "Tests/BillingTests/Fixtures/cur-small.csv",
        "Tests/BillingTests/Fixtures/cur2-small.csv",
    ]
    static let groupings: [[String]] = [
        ["account", "service"], ["tags.environment"], ["service_category", "region", "charge_category"],
        ["resource", "sub_account", "currency"], ["tags.application", "tags.environment"],
    ]

    /// The `--csv` output (every group and month total) of `assay cost` with `arguments`.
    static func groupsCSV(_ arguments: [String], groupBy: [String], folder: URL, requiredTags: [String] = [], months: Int = 6) throws -> String {
        let path = folder.appendingPathComponent("groups-\(UUID().uuidString).csv").path
        var command = ["cost", "--as-of", "2026-11-27", "--months", String(months), "--csv", path] + arguments
        if !requiredTags.isEmpty { command += ["--required-tag"] + requiredTags }
        let output = try AssayProcess.run(command + ["--group-by"] + groupBy)
        #expect(output.status == 0, "\(command): \(output.stderr)")
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test("native reader and DuckDB engine: byte-identical cost groups on the bundled billing fixtures",
          .enabled(if: ExternalTools.duckdb != nil, "duckdb not on PATH (python3 -m pip install duckdb-cli)"),
          arguments: fixtures)
    func duckdbAgreesOnFixtures(fixture: String) throws {
        let folder = Fixtures.temporaryFolder("duckdb-engine")
        for groupBy in Self.groupings {
            let native = try Self.groupsCSV(["--input", fixture], groupBy: groupBy, folder: folder)
            let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", fixture], groupBy: groupBy, folder: folder)
            #expect(native.split(separator: "\n").count > 1)
            #expect(engine == native, "\(fixture) by \(groupBy)")
        }
        // Required tags change what counts as untagged.
        let native = try Self.groupsCSV(["--input", fixture], groupBy: ["account"], folder: folder, requiredTags: ["environment", "owner"])
        let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", fixture], groupBy: ["account"], folder: folder, requiredTags: ["environment", "owner"])
        #expect(engine == native)
    }

    @Test("Parquet exports made by DuckDB (JSON text or MAP tags, typed amounts and timestamps, a glob) give the native CSV path's groups",
          .enabled(if: ExternalTools.duckdb != nil, "duckdb not on PATH (python3 -m pip install duckdb-cli)"))
    func parquetExports() throws {
        let folder = Fixtures.temporaryFolder("duckdb-parquet")
        let focus = Fixtures.path("fixtures/billing/focus-azure-2026-08_2026-10.csv")
        let cur2 = Fixtures.path("Tests/BillingTests/Fixtures/cur2-small.csv")
        let exports = folder.appendingPathComponent("exports").path
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        let tagsMap = "CAST(json_transform(Tags, '\"MAP(VARCHAR, VARCHAR)\"') AS MAP(VARCHAR, VARCHAR))"
        try ExternalTools.duckdb("""
            COPY (SELECT * FROM read_csv('\(focus)', all_varchar = true, header = true))
              TO '\(folder.path)/focus-json-tags.parquet' (FORMAT parquet);
            COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38, 10)) AS BilledCost, CAST(BillingPeriodStart AS TIMESTAMPTZ) AS BillingPeriodStart, \(tagsMap) AS Tags)
              FROM read_csv('\(focus)', all_varchar = true, header = true) WHERE BillingPeriodStart < '2026-09-15')
              TO '\(exports)/focus-part1.parquet' (FORMAT parquet);
            COPY (SELECT * REPLACE (CAST(BilledCost AS DECIMAL(38, 10)) AS BilledCost, CAST(BillingPeriodStart AS TIMESTAMPTZ) AS BillingPeriodStart, \(tagsMap) AS Tags)
              FROM read_csv('\(focus)', all_varchar = true, header = true) WHERE BillingPeriodStart >= '2026-09-15')
              TO '\(exports)/focus-part2.parquet' (FORMAT parquet);
            COPY (SELECT * REPLACE (CAST(json_transform(resource_tags, '"MAP(VARCHAR, VARCHAR)"') AS MAP(VARCHAR, VARCHAR)) AS resource_tags,
                                    CAST(line_item_unblended_cost AS DOUBLE) AS line_item_unblended_cost)
              FROM read_csv('\(cur2)', all_varchar = true, header = true)) TO '\(folder.path)/cur2.parquet' (FORMAT parquet);
            """)
        for groupBy in [["tags.application", "tags.environment"], ["account", "service"], ["region", "service_category"]] {
            let native = try Self.groupsCSV(["--input", focus], groupBy: groupBy, folder: folder)
            let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", exports + "/*.parquet"], groupBy: groupBy, folder: folder)
            #expect(native.split(separator: "\n").count > 5)
            #expect(engine == native, "FOCUS Parquet (MAP tags, two files by glob) by \(groupBy)")
            let jsonTags = try Self.groupsCSV(["--engine", "duckdb", "--input", folder.path + "/focus-json-tags.parquet"], groupBy: groupBy, folder: folder)
            #expect(jsonTags == native, "FOCUS Parquet (JSON text tags) by \(groupBy)")
        }
        let native = try Self.groupsCSV(["--input", cur2], groupBy: ["tags.environment"], folder: folder)
        let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", folder.path + "/cur2.parquet"], groupBy: ["tags.environment"], folder: folder)
        #expect(engine == native)
    }

    @Test("generated FOCUS and CUR exports (../shared/bench generators): native and DuckDB agree",
          .enabled(if: ExternalTools.duckdb != nil && ExternalTools.python != nil && Fixtures.hasShared,
                   "needs duckdb, python3 and ../shared/bench"))
    func generatedExports() throws {
        let folder = Fixtures.temporaryFolder("duckdb-generated")
        guard let shared = Fixtures.shared, let python = ExternalTools.python else { return }
        for generator in ["gen_focus.py", "gen_cur.py"] {
            let out = folder.appendingPathComponent(generator + ".csv.gz").path
            let made = try ExternalTools.run(python, [shared.appendingPathComponent("bench/" + generator).path,
                                                      "--rows", "3000", "--months", "3", "--seed", "7", "--start", "2026-07", "--out", out])
            #expect(made.status == 0, "\(generator): \(made.stderr)")
            for groupBy in [["account", "service"], ["tags.environment", "region"], ["service_category", "charge_category", "sub_account"]] {
                let native = try Self.groupsCSV(["--input", out], groupBy: groupBy, folder: folder)
                let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", out], groupBy: groupBy, folder: folder)
                #expect(native.split(separator: "\n").count > 3)
                #expect(engine == native, "\(generator) by \(groupBy)")
            }
        }
    }

    /// Real exports from ../shared/external-data (sources and licences listed there): a CUR whose
    /// header lost a comma (koku's test CUR: DuckDB's sniffer read it as one column until the CSV
    /// dialect was given), Athena snake_case, a converted AWS export, the FOCUS 1.0 official sample
    /// and the FOCUS 1.2 specification's commitment-discount examples.
    static let realExports = [
        "billing/aws-cur/koku_test_cur.csv", "billing/aws-cur/focus-converters_sample-anonymous-aws-export-dataset.csv",
        "billing/focus/focus-1.0_official-sample_1000.csv",
        "billing/oracle/focus-converter-1.0.0_aws-cur_from_focus-converters-aws-sample.csv",
    ]

    @Test("public real-world CUR and FOCUS exports: native and DuckDB agree group for group",
          .enabled(if: ExternalTools.duckdb != nil && Fixtures.hasShared, "needs duckdb and ../shared/external-data"))
    func realExportsAgree() throws {
        let folder = Fixtures.temporaryFolder("duckdb-real")
        guard let shared = Fixtures.shared else { return }
        let data = shared.appendingPathComponent("external-data")
        var files = Self.realExports.map { data.appendingPathComponent($0).path }
        let athena = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("billing/aws-cur").path)
            .filter { $0.contains("athena") }.map { data.appendingPathComponent("billing/aws-cur/" + $0).path }
        files += athena
        for examples in ["commitment_discount_flexibility", "commitment_discount_scenarios"] {
            let folder = data.appendingPathComponent("billing/focus/spec-examples-v1.2/" + examples).path
            files += ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".csv") }.sorted().map { folder + "/" + $0 }
        }
        for file in files where FileManager.default.fileExists(atPath: file) {
            for groupBy in [["account", "region", "charge_category"]] {
                // The samples span 2019–2026: a ten-year window takes all their months.
                let native = try Self.groupsCSV(["--input", file], groupBy: groupBy, folder: folder, months: 120)
                let engine = try Self.groupsCSV(["--engine", "duckdb", "--input", file], groupBy: groupBy, folder: folder, months: 120)
                #expect(native.split(separator: "\n").count > 1, "\(file) by \(groupBy)")
                #expect(engine == native, "\(file) by \(groupBy)")
            }
        }
        #expect(files.count >= 10, "the samples are where ../shared/external-data keeps them")
    }

    @Test("--emit-sql renders every dialect; sqlglot parses each in its own dialect",
          .enabled(if: ExternalTools.hasSQLGlot, "python3 module sqlglot not installed (python3 -m pip install sqlglot)"),
          arguments: ["duckdb", "spark", "trino", "bigquery", "snowflake"])
    func sqlglotParses(dialect: String) throws {
        for format in ["focus", "aws-cur2", "aws-cur"] {
            for tagColumn in ["json", "map"] {
                let output = try AssayProcess.run(["cost", "--emit-sql", dialect, "--table", "billing.cost_export", "--format", format,
                                                   "--tag-column", tagColumn, "--group-by", "tags.environment", "service_category", "region",
                                                   "--required-tag", "owner"])
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stdout.contains("GROUPING SETS"))
                let check = try ExternalTools.run(ExternalTools.python ?? "python3", ["-c", """
                    import sqlglot, sys
                    statements = sqlglot.parse(sys.stdin.read(), read="\(dialect)", error_level=sqlglot.ErrorLevel.RAISE)
                    assert len(statements) == 1 and statements[0] is not None, statements
                    print(statements[0].key)
                    """], input: output.stdout)
                #expect(check.status == 0, "\(dialect) \(format) \(tagColumn): \(check.stderr)")
                #expect(check.stdout.contains("select"))
            }
        }
    }

    @Test("the emitted DuckDB query run by hand, its result read back with --format cost-groups (CSV and JSON), equals the native groups; the query's SHA-256 is recorded",
          .enabled(if: ExternalTools.duckdb != nil, "duckdb not on PATH (python3 -m pip install duckdb-cli)"))
    func costGroupsRoundTrip() throws {
        let folder = Fixtures.temporaryFolder("cost-groups")
        let fixture = Fixtures.path("fixtures/billing/focus-azure-2026-08_2026-10.csv")
        let groupBy = ["tags.environment"]
        let table = "read_csv('\(fixture)', all_varchar = true, header = true)"
        let emitted = try AssayProcess.run(["cost", "--emit-sql", "duckdb", "--table", table, "--columns",
                                            try Self.header(fixture), "--group-by"] + groupBy)
        #expect(emitted.status == 0, "\(emitted.stderr)")
        let query = emitted.stdout
        // The digest in the query is the SHA-256 of the query with the digest written as zeros.
        let digest = try #require(query.firstMatch(of: /'([0-9a-f]{64})' AS query_sha256/)?.1)
        let zeroed = query.replacingOccurrences(of: "'\(digest)'", with: "'" + String(repeating: "0", count: 64) + "'")
        let hashed = try ExternalTools.run("/usr/bin/env", ["sha256sum"], input: zeroed)
        #expect(hashed.stdout.hasPrefix(String(digest)))
        let csv = folder.appendingPathComponent("groups.csv").path
        let json = folder.appendingPathComponent("groups.json").path
        try ExternalTools.duckdb("""
            CREATE TABLE groups AS \(query);
            COPY groups TO '\(csv)' (FORMAT csv, HEADER true);
            COPY (SELECT * REPLACE (CAST(amount AS VARCHAR) AS amount, CAST(effective AS VARCHAR) AS effective, CAST(list AS VARCHAR) AS list,
                    CAST(credits AS VARCHAR) AS credits, CAST(refunds AS VARCHAR) AS refunds, CAST(usage AS VARCHAR) AS usage,
                    CAST(untagged_usage AS VARCHAR) AS untagged_usage, CAST(egress AS VARCHAR) AS egress) FROM groups)
              TO '\(json)' (FORMAT json, ARRAY true);
            """)
        let native = try Self.groupsCSV(["--input", fixture], groupBy: groupBy, folder: folder)
        for result in [csv, json] {
            let readBack = try Self.groupsCSV(["--format", "cost-groups", "--input", result], groupBy: groupBy, folder: folder)
            #expect(readBack == native, "\(result)")
        }
        let report = folder.appendingPathComponent("cost.json").path
        let output = try AssayProcess.run(["cost", "--as-of", "2026-11-27", "--format", "cost-groups", "--input", csv, "--json", report, "--group-by"] + groupBy)
        #expect(output.status == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("\"query_sha256\" : \"\(digest)\"") || text.contains("\"query_sha256\": \"\(digest)\""))
        #expect(text.contains("\"engine\""))
        // A grouping the groups lack, and a result computed with other required tags, are refused.
        let missing = try AssayProcess.run(["cost", "--as-of", "2026-11-27", "--format", "cost-groups", "--input", csv, "--group-by", "region"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("lack the grouping 'region'"))
        let otherTags = try AssayProcess.run(["cost", "--as-of", "2026-11-27", "--format", "cost-groups", "--input", csv,
                                              "--required-tag", "owner", "--group-by"] + groupBy)
        #expect(otherTags.status == 2)
        #expect(otherTags.stderr.contains("required tags"))
    }

    @Test("errors exit 2 naming the engine, the query file and the engine's first error line; nothing half-written",
          .enabled(if: ExternalTools.duckdb != nil, "duckdb not on PATH (python3 -m pip install duckdb-cli)"))
    func engineErrors() throws {
        let folder = Fixtures.temporaryFolder("duckdb-errors")
        let out = folder.appendingPathComponent("out.json").path
        let fixture = Fixtures.path("Tests/BillingTests/Fixtures/focus-small.csv")
        let missing = try AssayProcess.run(["cost", "--engine", "duckdb", "--duckdb", "/nonexistent/duckdb", "--input", fixture, "--json", out])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("duckdb: engine not found at /nonexistent/duckdb"))
        let bad = Fixtures.write("BilledCost,BillingPeriodStart,ChargePeriodStart,BillingCurrency\n12.5,2026-10-01,2026-10-01,USD\nabc,2026-10-01,2026-10-01,USD\n",
                                 to: "bad.csv", in: folder)
        let failing = try AssayProcess.run(["cost", "--engine", "duckdb", "--input", bad, "--json", out])
        #expect(failing.status == 2)
        let line = try #require(failing.stderr.split(separator: "\n").first { $0.contains("duckdb: query ") })
        #expect(line.contains("cost-groups.sql failed: Conversion Error"), "\(failing.stderr)")
        let queryFile = try #require(line.firstMatch(of: /query (\S+cost-groups\.sql)/)?.1)
        #expect(FileManager.default.fileExists(atPath: String(queryFile)), "the failing query is kept for inspection")
        let notGroups = Fixtures.write("period,currency,amount\n2026-10,USD,1\n", to: "not-groups.csv", in: folder)
        let unexpected = try AssayProcess.run(["cost", "--format", "cost-groups", "--input", notGroups, "--json", out])
        #expect(unexpected.status == 2)
        #expect(unexpected.stderr.contains("not-groups.csv:1:1: error: not a cost-groups result: no 'engine' column"))
        let jsonMoney = Fixtures.write("[{\"engine\":\"bigquery\",\"query_sha256\":\"ab\",\"required_tags\":\"\",\"grouping\":\"\",\"period\":\"2026-10\",\"currency\":\"USD\",\"dim_1\":null,\"amount\":0.1,\"effective\":\"0\",\"list\":\"0\",\"credits\":\"0\",\"refunds\":\"0\",\"usage\":\"0\",\"untagged_usage\":\"0\",\"egress\":\"0\",\"lines\":1}]",
                                       to: "groups.json", in: folder)
        let inexact = try AssayProcess.run(["cost", "--format", "cost-groups", "--input", jsonMoney, "--json", out])
        #expect(inexact.status == 2)
        #expect(inexact.stderr.contains("amount: money must be a JSON string"))
        #expect(!FileManager.default.fileExists(atPath: out), "no output is written when the groups cannot be read")
    }

    @Test("the bundled example with cost.engine: duckdb: the same findings, cost section and report as the native reader; the evidence names the engine and query",
          .enabled(if: ExternalTools.duckdb != nil, "duckdb not on PATH (python3 -m pip install duckdb-cli)"))
    func exampleWithDuckDB() throws {
        let config = try String(contentsOfFile: Fixtures.path("fixtures/assay.yaml"), encoding: .utf8)
        var results: [String: String] = [:]
        for engine in ["native", "duckdb"] {
            let folder = Fixtures.temporaryFolder("example-\(engine)")
            let fixtures = Fixtures.path("fixtures")
            let text = config
                .replacingOccurrences(of: "policies: [../policies]", with: "policies: [\(Fixtures.path("policies"))]")
                .replacingOccurrences(of: "  - path: registers/", with: "  - path: \(fixtures)/registers/")
                .replacingOccurrences(of: "  - inventory/", with: "  - \(fixtures)/inventory/")
                .replacingOccurrences(of: "  - billing/", with: "  - \(fixtures)/billing/")
                .replacingOccurrences(of: "waivers: [waivers.yaml]", with: "waivers: [\(fixtures)/waivers.yaml]")
                .replacingOccurrences(of: "../reports/", with: folder.path + "/")
                .replacingOccurrences(of: "  review_months: 3", with: "  review_months: 3\n  engine: \(engine)")
            let path = Fixtures.write(text, to: "assay.yaml", in: folder)
            let output = try AssayProcess.run(["evaluate", "--config", path])
            #expect(output.status == 1, "\(output.stderr)")
            let json = try String(contentsOfFile: folder.appendingPathComponent("results.json").path, encoding: .utf8)
            // Both engines' cost sections decode with the one type, which writes them back byte for byte.
            let written = try #require(try JSONParser.parse(json)["sections"]?["cost"])
            let section = try CostReviewSection(decoding: written)
            #expect(JSONWriter.compact(section.value) == JSONWriter.compact(written))
            #expect(section.inputs.allSatisfy { ($0.engine == nil) == (engine == "native") && ($0.querySHA256 == nil) == (engine == "native") })
            if engine == "duckdb" {
                #expect(section.totals.allSatisfy {
                    if case .unknown(let reason)? = $0.figures.commitments { return reason.contains("aggregated by an SQL engine") }
                    return false
                })
                #expect(json.contains("aws-cur via duckdb, query SHA-256 "))
                let html = try String(contentsOfFile: folder.appendingPathComponent("report.html").path, encoding: .utf8)
                #expect(html.contains("focus via duckdb, query SHA-256 "))
            }
            // Everything but the inputs' provenance lines and the commitment figures must agree:
            // the SQL engines' cost-group query does not sum commitments (docs/billing.md), so
            // their commitment policies say unknown, with that reason, where the native reader
            // decides them.
            if engine == "duckdb" {
                let commitments = try Self.commitmentFindings(json)
                #expect(!commitments.isEmpty)
                #expect(commitments.allSatisfy { $0.status == "unknown" && $0.message.contains("aggregated by an SQL engine") })
            }
            let withoutProvenance = json.split(separator: "\n").filter { line in
                !["\"format\"", "\"engine\"", "\"query_sha256\""].contains { line.contains($0) }
            }.joined(separator: "\n")
            results[engine] = try Self.withoutCommitments(withoutProvenance)
        }
        #expect(results["native"] == results["duckdb"])
        #expect((results["native"] ?? "").contains("cost.group"))
    }

    /// The status and message of every `cost.commitments.*` finding of a results document.
    static func commitmentFindings(_ json: String) throws -> [(status: String, message: String)] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (document["findings"] as? [[String: Any]] ?? []).filter { ($0["policy"] as? String)?.hasPrefix("cost.commitments.") == true }
            .map { ($0["status"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    /// A results document without what depends on commitment figures: the commitment policies'
    /// findings and summaries, every `commitments` member, and the totals that count verdicts.
    static func withoutCommitments(_ json: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if var object = value as? [String: Any] {
                object["commitments"] = nil
                return object.mapValues(strip)
            }
            if let array = value as? [Any] {
                return array.filter { item in
                    guard let object = item as? [String: Any] else { return true }
                    let id = (object["policy"] as? String) ?? (object["id"] as? String) ?? ""
                    return !id.hasPrefix("cost.commitments.")
                }.map(strip)
            }
            return value
        }
        var document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        document["summary"] = nil
        let data = try JSONSerialization.data(withJSONObject: strip(document), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    /// The header row of a CSV (plain or gzip) as one comma-separated text.
    static func header(_ path: String) throws -> String {
        let output = try ExternalTools.run(ExternalTools.python ?? "python3", ["-c", """
            import csv, gzip, sys
            path = sys.argv[1]
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
                print(",".join(next(csv.reader(handle))))
            """, path])
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
