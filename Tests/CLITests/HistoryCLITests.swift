import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `assay evaluate --history/--baseline` and `assay history …`, run as users and CI run them.
@Suite("History end to end", .serialized)
struct HistoryCLITests {
    // MARK: - A small estate

    /// A folder with one policy (buckets must be encrypted), a config recording into
    /// `.assay/history.sqlite` beside it (`history: true`), and a register of buckets.
    struct Estate {
        let folder: URL
        var config: String { folder.appendingPathComponent("assay.yaml").path }
        var database: String { folder.appendingPathComponent(".assay/history.sqlite").path }

        init(_ name: String) {
            folder = Fixtures.temporaryFolder("history-cli-\(name)")
            Fixtures.write("""
                version: 1
                id: demo.encrypted
                title: Buckets are encrypted
                severity: high
                applies_to:
                  types: [bucket]
                require:
                  encryption: { equals: "on" }
                """, to: "policies/encrypted.yaml", in: folder)
            Fixtures.write("""
                version: 1
                policies: [policies]
                inputs:
                  - path: buckets.csv
                    type: bucket
                    id_field: name
                as_of: 2026-11-27
                history: true
                """, to: "assay.yaml", in: folder)
            buckets(["a": "off", "b": "on"])
        }

        /// Rewrites the register: bucket name → encryption.
        func buckets(_ rows: [String: String]) {
            Fixtures.write("name,encryption\n" + rows.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)\n" }.joined(),
                           to: "buckets.csv", in: folder)
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func evaluate(_ extra: [String] = [], environment: [String: String] = [:]) throws -> AssayProcess.Output {
            try AssayProcess.run(["evaluate", "--config", config] + extra, environment: environment)
        }

        func history(_ arguments: [String]) throws -> AssayProcess.Output {
            try AssayProcess.run(["history"] + arguments + ["--config", config])
        }

        func json(_ name: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(name)))) as? [String: Any] ?? [:]
        }
    }

    /// SHA-256 of a file by coreutils, independent of Assay's own implementation.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    // MARK: - Baselines

    @Test("baseline mode: only new findings fail CI; the baseline's identity is in the summary and the JSON")
    func baselineExitCodes() throws {
        let estate = Estate("baseline")
        let first = try estate.evaluate(["--json", estate.path("r1.json")])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stderr.contains("recorded run 1 in \(estate.database)"))

        // Same estate: the failure persists, so the run passes, and says against what.
        let same = try estate.evaluate(["--baseline", "latest", "--json", estate.path("r2.json"), "--quiet"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Baseline: run 1 of \(estate.database) (as of 2026-11-27"))
        #expect(same.stdout.contains("0 new (0 blocking), 1 persisting (not blocking), 0 fixed"))
        let baseline = try estate.json("r2.json")["sections"] as? [String: Any]
        let section = baseline?["baseline"] as? [String: Any]
        #expect(section?["kind"] as? String == "run")
        #expect(section?["run"] as? String == "1")
        #expect(section?["persisting"] as? Int == 1)
        #expect((try estate.json("r2.json")["summary"] as? [String: Any])?["blocking"] as? Int == 0)

        // A new unencrypted bucket: a new finding, exit 1 again.
        estate.buckets(["a": "off", "b": "on", "c": "off"])
        let new = try estate.evaluate(["--baseline", "latest", "--json", estate.path("r3.json")])
        #expect(new.status == 1, "\(new.stderr)")
        #expect(new.stdout.contains("Baseline: run 2 of"))
        #expect(new.stdout.contains("1 new (1 blocking), 1 persisting (not blocking), 0 fixed"))
        #expect(new.stdout.contains("Blocking: 1 finding(s)"))

        // A results file as the baseline: identified by path and the SHA-256 of its bytes.
        let fromFile = try estate.evaluate(["--baseline", estate.path("r3.json"), "--no-history", "--json", estate.path("r4.json")])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let fileSection = (try estate.json("r4.json")["sections"] as? [String: Any])?["baseline"] as? [String: Any]
        #expect(fileSection?["kind"] as? String == "file")
        #expect(fileSection?["file"] as? String == estate.path("r3.json"))
        #expect(fileSection?["results_sha256"] as? String == (try Self.sha256sum(estate.path("r3.json"))))
        let older = try estate.evaluate(["--baseline", estate.path("r1.json"), "--no-history"])
        #expect(older.status == 1, "bucket c is absent from run 1's results")

        // --no-history recorded nothing; three runs so far.
        let list = try estate.history(["list", "--json", estate.path("list.json")])
        #expect(list.status == 0, "\(list.stderr)")
        #expect((try estate.json("list.json")["runs"] as? [Any])?.count == 3)
    }

    @Test("a first --baseline latest on an empty history warns and compares with nothing")
    func firstBaseline() throws {
        let estate = Estate("baseline-first")
        let first = try estate.evaluate(["--baseline", "latest"])
        #expect(first.status == 1, "bucket a fails and is new: \(first.stderr)")
        #expect(first.stderr.contains("warning: --baseline latest: no run is recorded in \(estate.database) yet; the baseline is empty"))
        #expect(first.stdout.contains("Blocking: 1 finding(s)"))
        #expect(first.stderr.contains("recorded run 1"), "the first run is recorded, so the next one has a baseline")
        let second = try estate.evaluate(["--baseline", "latest"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Baseline: run 1 of"))
    }

    @Test("unknown baselines and missing databases are usage errors (exit 2)")
    func baselineErrors() throws {
        let estate = Estate("baseline-errors")
        let noDatabase = try estate.evaluate(["--baseline", "3", "--no-history"])
        #expect(noDatabase.status == 2)
        #expect(noDatabase.stderr.contains("no run history here"))
        _ = try estate.evaluate()
        let unknown = try estate.evaluate(["--baseline", "7"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no recorded run '7'"))
        let notResults = try estate.evaluate(["--baseline", estate.path("assay.yaml")])
        #expect(notResults.status == 2)
        #expect(notResults.stderr.contains("not an Assay results file"))
        let missing = try AssayProcess.run(["history", "list", "--history", estate.path("nothing.sqlite")])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: estate.path("nothing.sqlite")), "reading must not create a database")
    }

    // MARK: - history commands

    @Test("history show and diff: tables on stdout, JSON on request; the stored digest is the JSON file's SHA-256")
    func showAndDiff() throws {
        let estate = Estate("diff")
        _ = try estate.evaluate(["--json", estate.path("r1.json")])
        estate.buckets(["a": "on", "b": "on", "c": "off"])
        _ = try estate.evaluate(["--json", estate.path("r2.json")])

        let show = try estate.history(["show", "latest", "--json", estate.path("show.json"), "--results", estate.path("exported.json")])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Run 2 · as of 2026-11-27"))
        let run = try estate.json("show.json")["run"] as? [String: Any]
        #expect(run?["results_sha256"] as? String == (try Self.sha256sum(estate.path("r2.json"))))
        #expect(run?["config_sha256"] as? String == (try Self.sha256sum(estate.config)))
        #expect(try Self.sha256sum(estate.path("exported.json")) == (try Self.sha256sum(estate.path("r2.json"))), "export is byte for byte")

        let diff = try estate.history(["diff", "1", "2", "--json", estate.path("diff.json")])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("1 new · 1 fixed · 0 persisting"))
        let document = try estate.json("diff.json")
        #expect((document["new"] as? [[String: Any]])?.map { $0["resource"] as? String } == ["c"])
        #expect((document["fixed"] as? [[String: Any]])?.map { $0["resource"] as? String } == ["a"])
        let results = try estate.json("r2.json")
        let trend = (results["sections"] as? [String: Any])?["history"] as? [String: Any]
        #expect((trend?["runs"] as? [[String: Any]])?.map { $0["id"] as? String } == ["1", "2"])
    }

    @Test("history verify: exit 0 when intact, 1 naming the run when a recorded finding was edited")
    func verify() throws {
        let estate = Estate("verify")
        for _ in 0..<3 { _ = try estate.evaluate() }
        let intact = try estate.history(["verify"])
        #expect(intact.status == 0, "\(intact.stdout)\(intact.stderr)")
        #expect(intact.stdout.contains("OK: 3 run(s)"))
        try Self.sqlite(estate.database, "UPDATE finding SET status = 'pass' WHERE run_seq = 2")
        let broken = try estate.history(["verify", "--json", estate.path("verify.json")])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("BROKEN  edited: run 2: its findings changed after it was recorded"))
        #expect(try estate.json("verify.json")["intact"] as? Bool == false)
    }

    /// Tampers with a database the way an attacker would, with another SQLite client (Python's
    /// sqlite3 module), not through Assay.
    static func sqlite(_ database: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
                             database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "tampering failed")
    }

    // MARK: - Concurrency and interruption

    @Test("two writers started at once on a new database both land, and the chain holds")
    func concurrentWriters() throws {
        let estate = Estate("concurrent")
        let writers = try (0..<2).map { _ in try RunningAssay(["evaluate", "--config", estate.config, "--quiet"]) }
        let outcomes = writers.map { $0.finish() }
        for outcome in outcomes { #expect(outcome.status == 1, "\(outcome.stderr)") }
        let verify = try estate.history(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("OK: 2 run(s)"))
    }

    @Test("a writer that finds the database locked waits for the other instead of failing")
    func writerWaits() throws {
        let estate = Estate("waits")
        _ = try estate.evaluate()
        let holder = try RunningAssay(["evaluate", "--config", estate.config], environment: ["ASSAY_HISTORY_TEST_PAUSE": "2"])
        #expect(holder.waitForStderr("paused inside the recording transaction", timeout: 60))
        let waiter = try RunningAssay(["evaluate", "--config", estate.config])
        let waited = waiter.finish()
        let held = holder.finish()
        #expect(held.status == 1 && waited.status == 1, "\(held.stderr)\n\(waited.stderr)")
        #expect(held.stderr.contains("recorded run 2"), "the paused writer took the lock first")
        #expect(waited.stderr.contains("recorded run 3"), "the second writer waited, then recorded after it")
        #expect(try estate.history(["verify"]).status == 0)
    }

    @Test("a writer killed inside its transaction leaves no partial run; the history stays consistent")
    func killedWriter() throws {
        let estate = Estate("killed")
        _ = try estate.evaluate()
        let doomed = try RunningAssay(["evaluate", "--config", estate.config], environment: ["ASSAY_HISTORY_TEST_PAUSE": "120"])
        #expect(doomed.waitForStderr("paused inside the recording transaction", timeout: 60))
        doomed.kill()
        let killed = doomed.finish()
        #expect(killed.status != 0 && killed.status != 1)
        let list = try estate.history(["list", "--json", estate.path("list.json")])
        #expect(list.status == 0, "\(list.stderr)")
        #expect((try estate.json("list.json")["runs"] as? [Any])?.count == 1, "the killed run must not be there, not even in part")
        #expect(try estate.history(["verify"]).status == 0)
        let next = try estate.evaluate()
        #expect(next.stderr.contains("recorded run 2"), "\(next.stderr)")
        let verify = try estate.history(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("OK: 2 run(s)"))
    }
}

/// An `assay` process running in the background, its stderr collected as it arrives.
final class RunningAssay: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var collected = Data()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = AssayProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.collected.append(data)
            self.lock.unlock()
        }
        try process.run()
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    /// Waits until stderr contains `marker` (false after `timeout` seconds or when the process ends first).
    func waitForStderr(_ marker: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(marker) { return true }
            if !process.isRunning { return stderr.contains(marker) }
            usleep(20_000)
        }
        return false
    }

    /// SIGKILL: no handler, no cleanup, as when a CI runner is cancelled.
    func kill() { Glibc.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the exit; the status and everything written to stderr.
    func finish() -> (status: Int32, stderr: String) {
        process.waitUntilExit()
        usleep(50_000)
        return (process.terminationStatus, stderr)
    }
}
