import Foundation
import Testing
import TestSupport

/// `assay` re-executes itself once with glibc's huge-page tunable (HugePageTuning), and the
/// programs it starts see the user's environment unchanged. Observed through a stand-in `duckdb`
/// (the one program `assay cost --engine duckdb` starts) that records its own environment and its
/// parent's environment as the parent was executed (`/proc/PPID/environ`).
@Suite("huge pages: the re-executed process and its children", .serialized)
struct HugePagesCLITests {
    static var kernelModeIsMadvise: Bool {
        ((try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? "").contains("[madvise]")
    }

    /// Runs `assay cost --engine duckdb` with the stand-in and `environment`; the child's and the
    /// parent's environment, one variable per line.
    static func environments(_ environment: [String: String]) throws -> (child: [String], parent: [String]) {
        let folder = Fixtures.temporaryFolder("huge-pages")
        let child = folder.appendingPathComponent("child.env").path, parent = folder.appendingPathComponent("parent.env").path
        let script = Fixtures.write("#!/bin/sh\nenv > '\(child)'\ntr '\\0' '\\n' < /proc/$PPID/environ > '\(parent)'\nexit 3\n",
                                    to: "duckdb", in: folder)
        #expect(chmod(script, 0o755) == 0)
        let output = try AssayProcess.run(["cost", "--engine", "duckdb", "--duckdb", script, "--input",
                                           "fixtures/billing/focus-azure-2026-08_2026-10.csv", "--as-of", "2026-11-01"],
                                          environment: environment)
        #expect(output.status == 2, "the stand-in fails, so assay reports an input error: \(output.stderr)")
        let lines = { (path: String) in ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        return (lines(child), lines(parent))
    }

    @Test("with THP in madvise mode assay runs with the tunable added to the user's, and its child sees the user's value",
          .enabled(if: ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] == nil && kernelModeIsMadvise,
                   "needs THP in madvise mode and no GLIBC_TUNABLES in the test's environment"))
    func reexecutesAndRestores() throws {
        let (child, parent) = try Self.environments(["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"])
        // glibc's loader may cut the tunables' string in place at its colons, so the tunable is looked for on its own.
        #expect(parent.contains { $0.hasSuffix("glibc.malloc.hugetlb=1") }, "\(parent)")
        #expect(parent.contains("ASSAY_GLIBC_TUNABLES_BEFORE=set:glibc.malloc.tcache_count=7"), "\(parent)")
        #expect(child.contains("GLIBC_TUNABLES=glibc.malloc.tcache_count=7"), "\(child)")
        #expect(!child.contains { $0.hasPrefix("ASSAY_GLIBC_TUNABLES_BEFORE=") }, "\(child)")
    }

    @Test("a user without GLIBC_TUNABLES has none in assay's children; ASSAY_NO_HUGE_PAGES=1 keeps the process as started",
          .enabled(if: ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] == nil, "the test's environment sets GLIBC_TUNABLES"))
    func unsetStaysUnsetAndOptOut() throws {
        let (child, parent) = try Self.environments([:])
        #expect(!child.contains { $0.hasPrefix("GLIBC_TUNABLES=") || $0.hasPrefix("ASSAY_GLIBC_TUNABLES_BEFORE=") }, "\(child)")
        if Self.kernelModeIsMadvise {
            #expect(parent.contains("GLIBC_TUNABLES=glibc.malloc.hugetlb=1"), "\(parent)")
            #expect(parent.contains("ASSAY_GLIBC_TUNABLES_BEFORE=unset"), "\(parent)")
        }
        let optedOut = try Self.environments(["ASSAY_NO_HUGE_PAGES": "1"])
        #expect(!optedOut.parent.contains { $0.contains("glibc.malloc.hugetlb") || $0.hasPrefix("ASSAY_GLIBC_TUNABLES_BEFORE=") }, "\(optedOut.parent)")
        #expect(!optedOut.child.isEmpty, "the stand-in ran")
    }
}
