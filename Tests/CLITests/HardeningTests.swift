import Foundation
import Testing
import TestSupport

/// Issue 19: the cases that crashed, bypassed a policy, grew without bound or destroyed a file, each
/// run through the built binary. A trap shows as status 132/133/134 (SIGILL/SIGTRAP/SIGABRT).
@Suite("hardening: no crash, no bypass, bounded, outputs that never destroy", .serialized)
struct HardeningTests {
    static let asOf = ["--as-of", "2026-06-01"]

    static func policy(_ id: String, _ require: String, in folder: URL) -> String {
        Fixtures.write("version: 1\nid: \(id)\ntitle: Demo\nseverity: high\nrequire:\n\(require)\n", to: "policies/\(id).yaml", in: folder)
    }

    static func findings(_ json: String) throws -> [[String: Any]] {
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        return results?["findings"] as? [[String: Any]] ?? []
    }

    // MARK: 1. numbers

    @Test("huge date-window amounts and huge epoch values are error verdicts with a reason, not a trap")
    func hugeDateWindows() throws {
        let folder = Fixtures.temporaryFolder("harden-days")
        let policy = Self.policy("demo.days", "  created: { within_days: 1e19 }", in: folder)
        let input = Fixtures.write(#"[{"id":"x","type":"t","created":"2026-01-01"},{"id":"y","type":"t","created":1e300}]"#,
                                   to: "in.json", in: folder)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", json] + Self.asOf)
        #expect(output.status == 1, "\(output.stderr)")
        let statuses = try Self.findings(json).map { ($0["resource"] as? String ?? "", $0["status"] as? String ?? "", $0["message"] as? String ?? "") }
        #expect(statuses.count == 2)
        #expect(statuses.allSatisfy { $0.1 == "error" })
        #expect(statuses.contains { $0.2.contains("out of range") })
        #expect(statuses.contains { $0.2.contains("is not a date") })
    }

    @Test("--param max_unused_days=1e19 on the bundled policies does not trap")
    func hugeParam() throws {
        let output = try AssayProcess.run(["evaluate", "--config", "fixtures/assay.yaml", "--junit", "/dev/null",
                                           "--json", "/dev/null", "--html", "/dev/null",
                                           "--param", "access.credentials.unused:max_unused_days=1e19"])
        #expect(output.status == 1, "\(output.stderr)")
        #expect((output.stdout + output.stderr).contains("out of range"), "the error verdict is in the summary (stdout)")
    }

    @Test("a billing group from 1e-10 to 1e7 prints its change instead of trapping; cost CSV neutralises formulas")
    func costExtremesAndFormulas() throws {
        let folder = Fixtures.temporaryFolder("harden-cost")
        let header = "BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,"
            + "ChargePeriodEnd,ChargePeriodStart,EffectiveCost,ListCost,ProviderName,ServiceName,SubAccountId,Tags"
        func row(_ cost: String, _ start: String, _ end: String) -> String {
            "\(cost),\"=HYPERLINK(\"\"http://x\"\")\",+1+1,USD,\(end),\(start),Usage,\(end),\(start),\(cost),\(cost),p,@SUM(1),s,{}"
        }
        let csvInput = Fixtures.write([header, row("0.0000000001", "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z"),
                                       row("10000000", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")].joined(separator: "\n") + "\n",
                                      to: "focus.csv", in: folder)
        let csv = folder.appendingPathComponent("c.csv").path
        let output = try AssayProcess.run(["cost", "--input", csvInput, "--as-of", "2026-10-15", "--months", "2", "--csv", csv])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("1e+19%"))
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.contains("'@SUM(1)"))
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!text.contains(",@SUM(1)"))
        #expect(!text.contains(",=HYPERLINK"))
    }

    // MARK: 2. regular expressions

    @Test("a regex that exhausts its budget is an error verdict, also under not:, and the run stays bounded")
    func regexBudget() throws {
        let folder = Fixtures.temporaryFolder("harden-regex")
        let policy = Self.policy("demo.re", "  not:\n    name: { matches: \"^(?:(a+)+$|a*!)\" }", in: folder)
        let items = (0..<3).map { #"{"id":"r\#($0)","type":"t","name":"\#(String(repeating: "a", count: 1000))b"}"# }
        let input = Fixtures.write("[" + (items + [#"{"id":"ok","type":"t","name":"zz"}"#]).joined(separator: ",") + "]", to: "in.json", in: folder)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", json] + Self.asOf)
        #expect(output.status == 1, "\(output.stderr)")
        let statuses = Dictionary(uniqueKeysWithValues: try Self.findings(json).map { ($0["resource"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(statuses["r0"] == "error" && statuses["r1"] == "error" && statuses["r2"] == "error", "\(statuses)")
        #expect((output.stdout + output.stderr).contains("budget"), "the error verdict is in the summary (stdout)")
    }

    // MARK: 3. YAML aliases

    static let bomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test("a billion-laughs YAML is refused quickly wherever Assay reads YAML", arguments: ["policy", "config", "waiver", "register", "test", "param"])
    func aliasBomb(place: String) throws {
        let folder = Fixtures.temporaryFolder("harden-bomb")
        let good = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(#"[{"id":"x","type":"t","name":"n"}]"#, to: "in.json", in: folder)
        let bombFile = Fixtures.write("version: 1\n" + Self.bomb + "\n", to: "bomb.yaml", in: folder)
        var arguments: [String]
        switch place {
        case "policy": arguments = ["validate", "--policies", bombFile]
        case "config": arguments = ["evaluate", "--config", bombFile]
        case "waiver":
            let waivers = Fixtures.write("version: 1\n" + Self.bomb + "\nwaivers: []\n", to: "waivers.yaml", in: folder)
            let config = Fixtures.write("version: 1\npolicies: [policies]\ninputs: [in.json]\nwaivers: [\(waivers)]\n", to: "assay.yaml", in: folder)
            arguments = ["evaluate", "--config", config]
        case "register":
            let register = Fixtures.write("- id: x\n  type: t\n  data:\n" + Self.bomb.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n",
                                          to: "register.yaml", in: folder)
            arguments = ["evaluate", "--policies", good, "--input", register]
        case "test":
            let tests = Fixtures.write("version: 1\nas_of: 2026-01-01\n" + Self.bomb + "\ntests: []\n", to: "policies/x.test.yaml", in: folder)
            arguments = ["test", tests, "--policies", good]
        default:
            let value = "[&a [1,1,1,1,1,1,1,1,1], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], "
                + "&d [*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], "
                + "&g [*f,*f,*f,*f,*f,*f,*f,*f,*f], &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]]"
            arguments = ["evaluate", "--policies", good, "--input", input, "--param", "demo.ok:x=" + value]
        }
        let output = try AssayProcess.run(arguments + (place == "test" ? [] : Self.asOf))
        #expect(output.status == 2, "\(place): \(output.stderr)")
        #expect(output.stderr.contains("alias"), "\(place): \(output.stderr)")
    }

    @Test("an alias does not reach into an earlier YAML document")
    func aliasAcrossDocuments() throws {
        let folder = Fixtures.temporaryFolder("harden-cross")
        let file = Fixtures.write("""
            version: 1
            id: demo.a
            title: &t Demo
            severity: high
            require:
              name: { exists: true }
            ---
            version: 1
            id: demo.b
            title: *t
            severity: high
            require:
              name: { exists: true }
            """, to: "two.yaml", in: folder)
        let output = try AssayProcess.run(["validate", "--policies", file])
        #expect(output.status == 2)
        #expect(output.stderr.contains("anchors do not cross documents"))
    }

    // MARK: 4. outputs

    @Test("an output naming a policy, an input or another output is refused and nothing is overwritten")
    func outputsNeverDestroy() throws {
        let folder = Fixtures.temporaryFolder("harden-outputs")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(#"[{"id":"x","type":"t","name":"n"}]"#, to: "in.json", in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: policy))
        let onPolicy = try AssayProcess.run(["evaluate", "--policies", folder.appendingPathComponent("policies").path, "--input", input,
                                             "--html", policy] + Self.asOf)
        #expect(onPolicy.status == 2)
        #expect(onPolicy.stderr.contains("input of this run"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: policy)) == before)
        let inputBefore = try Data(contentsOf: URL(fileURLWithPath: input))
        let onInput = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", input] + Self.asOf)
        #expect(onInput.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == inputBefore)
        let same = folder.appendingPathComponent("same.xml").path
        let twice = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--junit", same,
                                          "--json", folder.appendingPathComponent("./x/../same.xml").path] + Self.asOf)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("same file as the output"))
        let results = folder.appendingPathComponent("r.json").path
        _ = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", results] + Self.asOf)
        let resultsBefore = try Data(contentsOf: URL(fileURLWithPath: results))
        let report = try AssayProcess.run(["report", results, "--json", results])
        #expect(report.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: results)) == resultsBefore)
    }

    @Test("/dev/null, a FIFO and - are written as streams, never replaced by a regular file")
    func streamedOutputs() throws {
        let folder = Fixtures.temporaryFolder("harden-stream")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(#"[{"id":"x","type":"t","name":"n"}]"#, to: "in.json", in: folder)
        let null = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", "/dev/null"] + Self.asOf)
        #expect(null.status == 0, "\(null.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let stdout = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", "-"] + Self.asOf)
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("{") && stdout.stdout.contains("\"as_of\": \"2026-06-01\""))
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let viaFifo = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", fifo] + Self.asOf)
        while !reader.isFinished { usleep(1000) }
        #expect(viaFifo.status == 0)
        #expect(String(decoding: received, as: UTF8.self).contains("\"as_of\": \"2026-06-01\""))
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    // MARK: 5. escapes

    @Test("control characters from data reach the terminal escaped")
    func terminalEscapes() throws {
        let folder = Fixtures.temporaryFolder("harden-escape")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(#"[{"id":"evil\u001b[2J\u001b]0;pwned\u0007","type":"t"}]"#, to: "in.json", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf)
        #expect(output.status == 1)
        // The summary is on stdout, diagnostics on stderr: neither may carry the raw controls.
        let printed = output.stdout + output.stderr
        #expect(!printed.unicodeScalars.contains("\u{1B}"))
        #expect(!printed.unicodeScalars.contains("\u{07}"))
        #expect(printed.contains("evil\\x1B[2J\\x1B]0;pwned\\x07"))
    }

    // MARK: 7. history

    @Test("history readers never write; an empty file or another application's database is exit 2 and left unchanged")
    func historyReadOnly() throws {
        let folder = Fixtures.temporaryFolder("harden-history")
        let empty = Fixtures.write("", to: "empty.sqlite", in: folder)
        for command in [["list"], ["verify"], ["show", "latest"]] {
            let output = try AssayProcess.run(["history"] + command + ["--history", empty])
            #expect(output.status == 2, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("not an Assay run history"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        let notSQLite = Fixtures.write("hello, not a database\n", to: "text.sqlite", in: folder)
        #expect(try AssayProcess.run(["history", "verify", "--history", notSQLite]).status == 2)

        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(#"[{"id":"x","type":"t","name":"n"}]"#, to: "in.json", in: folder)
        let database = folder.appendingPathComponent("h.sqlite").path
        #expect(try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--history", database] + Self.asOf).status == 0)
        let recorded = try Data(contentsOf: URL(fileURLWithPath: database))
        for command in [["list"], ["verify"], ["show", "latest"], ["diff", "1", "latest"]] {
            let output = try AssayProcess.run(["history"] + command + ["--history", database])
            #expect(output.status == 0, "\(command): \(output.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == recorded)
        // Another application's SQLite file: refused for reading and for recording, byte for byte unchanged.
        let foreign = folder.appendingPathComponent("other-app.sqlite").path
        let made = try? ExternalProcess.python(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table notes(x)'); c.commit()", foreign])
        guard made?.status == 0 else { return }  // no python3 with sqlite3 here
        let foreignBefore = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let list = try AssayProcess.run(["history", "list", "--history", foreign])
        #expect(list.status == 2)
        #expect(list.stderr.contains("another application"))
        let record = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--history", foreign] + Self.asOf)
        #expect(record.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == foreignBefore)
    }

    // MARK: 8. inputs read once

    @Test("an input from a FIFO is read once and evaluated")
    func fifoInput() throws {
        let folder = Fixtures.temporaryFolder("harden-fifo")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let fifo = folder.appendingPathComponent("in.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(#"[{"id":"x","type":"t","name":"n"},{"id":"y","type":"t"}]"#.utf8))
            try? handle?.close()
        }
        writer.start()
        // A build that opens the input twice would wait forever for a second writer: after 30 s one
        // comes and goes, so such a build fails this test instead of hanging it.
        let watchdog = Thread {
            sleep(30)
            let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
        watchdog.start()
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", fifo, "--json", json] + Self.asOf)
        while !writer.isFinished { usleep(1000) }
        #expect(output.status == 1, "\(output.stderr)")
        #expect(try Self.findings(json).map { $0["status"] as? String } == ["pass", "fail"] || (try Self.findings(json).filter { $0["status"] as? String == "fail" }.count == 1))
    }

    // MARK: 9. ambiguity

    @Test("duplicate JSON keys and numbers beyond a double are input errors with their location")
    func ambiguousJSON() throws {
        let folder = Fixtures.temporaryFolder("harden-json")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let duplicate = Fixtures.write("[\n  {\"id\": \"a\", \"type\": \"t\", \"id\": \"b\"}\n]\n", to: "dup.json", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", duplicate] + Self.asOf)
        #expect(output.status == 2)
        #expect(output.stderr.contains("dup.json:2:28: error: malformed JSON: duplicate key \"id\" in one object"), "\(output.stderr)")
        let huge = Fixtures.write(#"[{"id": "a", "type": "t", "size": 1e400}]"#, to: "huge.json", in: folder)
        let hugeOutput = try AssayProcess.run(["evaluate", "--policies", policy, "--input", huge] + Self.asOf)
        #expect(hugeOutput.status == 2)
        #expect(hugeOutput.stderr.contains("huge.json:1:35:"), "\(hugeOutput.stderr)")
        #expect(hugeOutput.stderr.contains("beyond the range of a double"))
    }

    @Test("invalid UTF-8 in an id is an input error at its line and column; a register's repeated id is one resource and a warning naming both rows")
    func invalidTextAndRepeatedIDs() throws {
        let folder = Fixtures.temporaryFolder("harden-text")
        let policy = Self.policy("demo.ok", "  owner: { exists: true }", in: folder)
        let latin1 = folder.appendingPathComponent("latin1.json").path
        #expect(FileManager.default.createFile(atPath: latin1, contents: Data(Array("[\n  {\"id\": \"caf".utf8) + [0xE9] + Array("\", \"type\": \"t\"}\n]\n".utf8))))
        let bad = try AssayProcess.run(["evaluate", "--policies", policy, "--input", latin1] + Self.asOf)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("latin1.json:2:14: error: malformed JSON: invalid UTF-8 (0xE9)"), "\(bad.stderr)")
        let register = Fixtures.write("id,type,owner\nweb,application,ops\napi,application,dev\nweb,application,sec\n", to: "apps.csv", in: folder)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", register, "--json", json] + Self.asOf)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try Self.findings(json).count == 2, "web is one resource")
        #expect(output.stderr.contains("apps.csv:2 and ") && output.stderr.contains("apps.csv:4); the later one is used"), "\(output.stderr)")
    }

    @Test("one streamed JSON element above the limit is an input error naming where it starts")
    func oversizedElement() throws {
        let folder = Fixtures.temporaryFolder("harden-big")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let small = (0..<200).map { #"{"id": "r\#($0)", "type": "t", "name": "\#(String(repeating: "x", count: 8_000))"}"# }
        // Above the records reader's whole-file size (32 MiB), so the file streams.
        let big = #"{"id": "big", "type": "t", "name": ""# + String(repeating: "y", count: 40 << 20) + #""}"#
        let input = Fixtures.write("[\n" + (small + [big]).joined(separator: ",\n") + "\n]\n", to: "big.json", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf,
                                          environment: ["ASSAY_MAX_JSON_VALUE_MB": "2"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("big.json:202:1:"), "\(output.stderr)")
        #expect(output.stderr.contains("larger than 2 MiB"))
        let allowed = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf,
                                           environment: ["ASSAY_MAX_JSON_VALUE_MB": "64"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test("CSV headers that would overwrite each other are refused with the column", arguments: [
        ("id,type,id\n1,t,2\n", "column 3 'id' repeats column 1"),
        ("id,type,a,a.b\n1,t,x,y\n", "column 4 'a.b' nests inside column 3 'a'"),
        ("id,type,a.b,a\n1,t,x,y\n", "column 4 'a' is also the parent of column 3"),
    ])
    func conflictingHeaders(csv: String, message: String) throws {
        let folder = Fixtures.temporaryFolder("harden-csv")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let input = Fixtures.write(csv, to: "in.csv", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("a wide CSV register (20,000 columns) reads as records with every column")
    func wideCSV() throws {
        let folder = Fixtures.temporaryFolder("harden-wide")
        let policy = Self.policy("demo.ok", "  c19999: { equals: 19999 }", in: folder)
        let header = (["id", "type"] + (0..<20_000).map { "c\($0)" }).joined(separator: ",")
        let rows = (0..<5).map { row in (["r\(row)", "t"] + (0..<20_000).map(String.init)).joined(separator: ",") }
        let input = Fixtures.write(([header] + rows).joined(separator: "\n") + "\n", to: "wide.csv", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf)
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test("related on a key that 20,000 resources share stays linear (stops at the settled verdict)")
    func sharedJoinKey() throws {
        let folder = Fixtures.temporaryFolder("harden-related")
        let policy = Fixtures.write("""
            version: 1
            id: demo.related
            title: Demo
            severity: high
            applies_to: { types: [vm] }
            require:
              related:
                type: vm
                match: { account: { ref: account } }
                require: { name: { exists: true } }
                min: 1
            """, to: "p.yaml", in: folder)
        let items = (0..<20_000).map { #"{"id":"vm-\#($0)","type":"vm","account":"111122223333","name":"n"}"# }
        let input = Fixtures.write("[" + items.joined(separator: ",\n") + "]", to: "in.json", in: folder)
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input] + Self.asOf)
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test("a large in: list is abbreviated in evidence, not copied into every finding")
    func largeOperandEvidence() throws {
        let folder = Fixtures.temporaryFolder("harden-evidence")
        let allowed = (0..<5_000).map { "\"allowed-\($0)\"" }.joined(separator: ", ")
        let policy = Self.policy("demo.in", "  name: { in: [\(allowed)] }", in: folder)
        let items = (0..<50).map { #"{"id":"r\#($0)","type":"t","name":"other"}"# }.joined(separator: ",")
        let input = Fixtures.write("[" + items + "]", to: "in.json", in: folder)
        let json = folder.appendingPathComponent("r.json").path
        let output = try AssayProcess.run(["evaluate", "--policies", policy, "--input", input, "--json", json] + Self.asOf)
        #expect(output.status == 1)
        let size = (try FileManager.default.attributesOfItem(atPath: json)[.size] as? Int) ?? 0
        #expect(size < 200_000, "results are \(size) bytes: the 5,000-item list was copied into the evidence")
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("… 5000 items in all]"))
    }

    @Test("a waiver with an empty reason or a blank owner is a load error", arguments: ["reason: \"\"", "owner: \"  \""])
    func blankWaiverFields(field: String) throws {
        let folder = Fixtures.temporaryFolder("harden-waiver")
        _ = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        _ = Fixtures.write(#"[{"id":"x","type":"t"}]"#, to: "in.json", in: folder)  // the config's input
        var waiver = ["policy: demo.ok", "resources: [x]", "reason: because", "owner: me@example.com", "expires: 2027-01-01"]
        waiver = waiver.map { $0.hasPrefix(field.prefix(5)) ? field : $0 }
        _ = Fixtures.write("version: 1\nwaivers:\n  - { \(waiver.joined(separator: ", ")) }\n", to: "waivers.yaml", in: folder)
        let config = Fixtures.write("version: 1\npolicies: [policies]\ninputs: [in.json]\nwaivers: [waivers.yaml]\n", to: "assay.yaml", in: folder)
        let output = try AssayProcess.run(["evaluate", "--config", config] + Self.asOf)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("found an empty text"))
    }

    @Test("a message using an undeclared parameter fails at load")
    func undeclaredParameter() throws {
        let folder = Fixtures.temporaryFolder("harden-param")
        let policy = Fixtures.write("""
            version: 1
            id: demo.msg
            title: Demo
            severity: high
            params: { limit: 3 }
            require:
              name: { exists: true }
            message: "{{ id }} exceeds {{ params.limt }}"
            """, to: "p.yaml", in: folder)
        let output = try AssayProcess.run(["validate", "--policies", policy])
        #expect(output.status == 2)
        #expect(output.stderr.contains("params.limt"))
    }

    // MARK: 10. error text

    @Test("gzip failures read as sentences: truncated, trailing garbage and CRC mismatch are told apart")
    func gzipErrors() throws {
        let folder = Fixtures.temporaryFolder("harden-gzip")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        let good = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz")))
        var crc = good
        crc[crc.count - 8] ^= 0xFF
        let cases: [(String, Data, String)] = [
            ("trunc.csv.gz", good.prefix(good.count / 2), "truncated"),
            ("trail.csv.gz", good + Data("garbage!!".utf8), "follows the last complete gzip member"),
            ("crc.csv.gz", crc, "CRC mismatch"),
        ]
        for (name, bytes, expected) in cases {
            let path = folder.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            for arguments in [["evaluate", "--policies", policy, "--input", path], ["cost", "--input", path]] {
                let output = try AssayProcess.run(arguments + ["--as-of", "2026-11-01"])
                #expect(output.status == 2, "\(name): \(output.stderr)")
                #expect(output.stderr.contains(expected), "\(name): \(output.stderr)")
                #expect(!output.stderr.contains("Error: "), "\(name): \(output.stderr)")
            }
        }
    }

    @Test("an unreadable policy file is reported as unreadable, not as bad UTF-8")
    func unreadablePolicy() throws {
        guard getuid() != 0 else { return }  // root reads every file
        let folder = Fixtures.temporaryFolder("harden-unreadable")
        let policy = Self.policy("demo.ok", "  name: { exists: true }", in: folder)
        chmod(policy, 0)
        let output = try AssayProcess.run(["validate", "--policies", policy])
        #expect(output.status == 2)
        #expect(output.stderr.contains("not readable"))
        #expect(!output.stderr.contains("UTF-8"))
    }
}
