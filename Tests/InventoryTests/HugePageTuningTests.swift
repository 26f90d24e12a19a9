import Testing
import TabularText

/// `HugePageTuning.step`: when `assay` re-executes itself with glibc's huge-page tunable, and
/// that the re-executed process gets the user's `GLIBC_TUNABLES` back.
@Suite("huge pages: the re-execution decision")
struct HugePageTuningTests {
    static let madvise = "always [madvise] never\n"

    @Test("THP in madvise mode and no tunable: re-execute with it, remembering that there was none")
    func addsTheTunable() {
        #expect(HugePageTuning.step(tunables: nil, saved: nil, optOut: nil, kernelMode: Self.madvise)
            == .reexecute(tunables: "glibc.malloc.hugetlb=1", saved: "unset"))
        // Set but empty is restored as set and empty; an opt-out of "0" is no opt-out.
        #expect(HugePageTuning.step(tunables: "", saved: nil, optOut: "0", kernelMode: Self.madvise)
            == .reexecute(tunables: "glibc.malloc.hugetlb=1", saved: "set:"))
        #expect(HugePageTuning.step(tunables: "glibc.malloc.hugetlb=1", saved: "set:", optOut: nil, kernelMode: Self.madvise)
            == .restore(tunables: ""))
    }

    @Test("the user's own tunables are kept, the huge-page one appended, and the value saved for the restore")
    func keepsOtherTunables() {
        #expect(HugePageTuning.step(tunables: "glibc.malloc.tcache_count=0", saved: nil, optOut: nil, kernelMode: Self.madvise)
            == .reexecute(tunables: "glibc.malloc.tcache_count=0:glibc.malloc.hugetlb=1", saved: "set:glibc.malloc.tcache_count=0"))
    }

    @Test("nothing to do: the tunable set either way, THP always or never or unreadable, or the opt-out set")
    func leavesTheProcess() {
        #expect(HugePageTuning.step(tunables: "glibc.malloc.hugetlb=0", saved: nil, optOut: nil, kernelMode: Self.madvise) == .none)
        #expect(HugePageTuning.step(tunables: "a=1:glibc.malloc.hugetlb=2", saved: nil, optOut: nil, kernelMode: Self.madvise) == .none)
        #expect(HugePageTuning.step(tunables: nil, saved: nil, optOut: nil, kernelMode: "[always] madvise never") == .none)
        #expect(HugePageTuning.step(tunables: nil, saved: nil, optOut: nil, kernelMode: "always madvise [never]") == .none)
        #expect(HugePageTuning.step(tunables: nil, saved: nil, optOut: nil, kernelMode: nil) == .none)
        #expect(HugePageTuning.step(tunables: nil, saved: nil, optOut: "1", kernelMode: Self.madvise) == .none)
    }

    @Test("the re-executed process restores GLIBC_TUNABLES exactly (unset, or the saved value) and never re-executes again")
    func restores() {
        #expect(HugePageTuning.step(tunables: "glibc.malloc.hugetlb=1", saved: "unset", optOut: nil, kernelMode: Self.madvise)
            == .restore(tunables: nil))
        #expect(HugePageTuning.step(tunables: "x=1:glibc.malloc.hugetlb=1", saved: "set:x=1", optOut: nil, kernelMode: Self.madvise)
            == .restore(tunables: "x=1"))
        // A saved value wins even if the tunable was lost on the way: no second exec.
        #expect(HugePageTuning.step(tunables: nil, saved: "unset", optOut: nil, kernelMode: Self.madvise) == .restore(tunables: nil))
    }
}
