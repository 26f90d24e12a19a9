#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PolicyEngine

/// Transparent huge pages for the heap: a large run touches gigabytes of fresh memory (a million
/// resources' documents, a gigabyte of report text), and with 4 KiB pages a fifth of its CPU went to
/// the kernel's page faults (`clear_page_erms`, measured with `perf record` at 1M resources). Where
/// the kernel's THP mode is `madvise` (the default of many distributions), glibc's malloc asks for
/// huge pages only when told so by the `glibc.malloc.hugetlb=1` tunable, which the dynamic loader
/// reads from `GLIBC_TUNABLES` before `main`. So `assay` re-executes itself once at start with that
/// tunable added, and the re-executed process puts `GLIBC_TUNABLES` back as it was, so that the
/// programs it starts see the user's environment. Nothing changes in what a run computes or writes.
/// Here, in the input layer, because it reads the environment and a kernel file (the core does no
/// I/O); the `exec` itself is the unsafe corner's (`ProcessImage`).
///
/// Not done when the tunable is already set (either way), when THP is `always` (malloc's heaps get
/// huge pages anyway) or `never`, off Linux, or when `ASSAY_NO_HUGE_PAGES` is set to anything but
/// `0` or empty (for profilers such as valgrind, which do not follow an `exec`).
public enum HugePageTuning {
    /// The glibc tunable (glibc 2.35 and later; older versions ignore it).
    public static let tunable = "glibc.malloc.hugetlb=1"
    /// Set (not `0`) to keep the process as started.
    public static let optOutVariable = "ASSAY_NO_HUGE_PAGES"
    /// Carries `GLIBC_TUNABLES` as it was across the `exec`: `unset`, or `set:` and the value.
    static let savedVariable = "ASSAY_GLIBC_TUNABLES_BEFORE"
    /// Where the kernel says its THP mode (`always [madvise] never`).
    static let kernelModeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

    /// What to do at start.
    public enum Step: Equatable, Sendable {
        /// Leave the process as it is.
        case none
        /// Re-execute with `GLIBC_TUNABLES` set to `tunables`, and `saved` in `savedVariable`.
        case reexecute(tunables: String, saved: String)
        /// This is the re-executed process: put `GLIBC_TUNABLES` back (nil: unset it).
        case restore(tunables: String?)
    }

    /// The step for a process started with these environment values and kernel THP mode (the
    /// contents of `kernelModeFile`, nil when unreadable).
    public static func step(tunables: String?, saved: String?, optOut: String?, kernelMode: String?) -> Step {
        if let saved {
            return .restore(tunables: saved.hasPrefix("set:") ? String(saved.dropFirst(4)) : nil)
        }
        if let optOut, !optOut.isEmpty, optOut != "0" { return .none }
        if let tunables, tunables.contains("glibc.malloc.hugetlb") { return .none }
        guard let kernelMode, kernelMode.contains("[madvise]") else { return .none }
        let added = tunables.flatMap { $0.isEmpty ? nil : $0 + ":" + tunable } ?? tunable
        return .reexecute(tunables: added, saved: tunables.map { "set:" + $0 } ?? "unset")
    }

    /// Takes the step for this process: returns at once unless it re-executes, in which case it
    /// does not return (or returns with the environment as it was, when `exec` failed).
    public static func apply() {
        #if os(Linux)
        let environment = ProcessInfo.processInfo.environment
        let mode = environment[savedVariable] == nil ? try? String(contentsOfFile: kernelModeFile, encoding: .utf8) : nil
        switch step(tunables: environment["GLIBC_TUNABLES"], saved: environment[savedVariable],
                    optOut: environment[optOutVariable], kernelMode: mode) {
        case .none:
            return
        case .restore(let tunables):
            restore(tunables)
        case .reexecute(let tunables, let saved):
            setenv("GLIBC_TUNABLES", tunables, 1)
            setenv(savedVariable, saved, 1)
            ProcessImage.reexecuteSelf()
            // Only reached when exec failed: carry on as started.
            restore(environment["GLIBC_TUNABLES"])
        }
        #endif
    }

    #if os(Linux)
    /// Puts `GLIBC_TUNABLES` back to `tunables` (nil: unset) and drops the saved value.
    private static func restore(_ tunables: String?) {
        unsetenv(savedVariable)
        if let tunables { setenv("GLIBC_TUNABLES", tunables, 1) } else { unsetenv("GLIBC_TUNABLES") }
    }
    #endif
}
