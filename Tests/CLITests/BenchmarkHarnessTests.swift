import Foundation
import Testing
import TestSupport

/// The benchmark harnesses that `Benchmarks/run-all.sh` measures still run, each at a tiny size,
/// from the tests' own build folder. ReportBench and HistoryBench once stopped at
/// "malformedSection" after their generated results fell behind the section readers (a member
/// became required), and only a full benchmark run noticed: its rows measured the error.
@Suite("Benchmark harnesses")
struct BenchmarkHarnessTests {
    static func harness(_ name: String) -> URL { AssayProcess.binary.deletingLastPathComponent().appendingPathComponent(name) }

    @Test("ReportBench renders its generated result as HTML, Markdown and CSV")
    func reportBench() throws {
        let run = try ExternalProcess.run(Self.harness("ReportBench"), ["--resources", "300", "--formats", "html,markdown,csv"])
        #expect(run.status == 0, "\(run.stderr)")
        for format in ["html:", "markdown:", "csv:"] { #expect(run.stdout.contains(format), "\(run.stdout)") }
    }

    @Test("HistoryBench records its generated runs, and the chain verifies")
    func historyBench() throws {
        let folder = Fixtures.temporaryFolder("history-bench")
        let run = try ExternalProcess.run(Self.harness("HistoryBench"),
                                          ["--findings", "500", "--repeat", "1", "--database", folder.appendingPathComponent("h.sqlite").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("intact: true"), "\(run.stdout)")
    }
}
