// Benchmark of the policy engine on ../shared/bench/gen_inventory.py output (normalized format),
// phase by phase: load (read + parse + map to resources), identity (one resource per identity, as
// `assay evaluate` resolves it after reading), index (the corpus: types and the id
// order of findings), evaluation of the five rules R1–R5 (median of --repeat runs; wall and
// process CPU time), and text (rendering every failing finding's message and evidence, which
// evaluation defers and `assay evaluate` does once before writing its outputs), with peak
// memory. Not a test: figures go to docs/performance.md.
//
//   swift build -c release --product EngineBench
//   .build/release/EngineBench /tmp/bench-data/inv-1m.json [--policies Benchmarks/EngineBench/policies]
//   .build/release/EngineBench /tmp/bench-data/estate-100k.json --policies policies   (the built-in library;
//     estate from Benchmarks/EngineBench/gen_library_estate.py)
import Foundation
import Inventory
import PolicyEngine
import PolicyLoader
import TabularText

// Huge pages for the heap, as the assay command has them (HugePageTuning).
HugePageTuning.apply()
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EngineBench INVENTORY.json [--policies DIR] [--repeat N]\n".utf8))
    exit(2)
}
let inventory = arguments[1]
var policiesPath = "Benchmarks/EngineBench/policies"
var repeats = 3
if let index = arguments.firstIndex(of: "--policies"), index + 1 < arguments.count { policiesPath = arguments[index + 1] }
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) { repeats = count }

func seconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

/// This process's resource usage so far.
func resourceUsage() -> rusage {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage
}

/// CPU time of the whole process (user + system, all threads): steadier than wall time when
/// other work shares the machine.
func cpuSeconds() -> Double {
    let usage = resourceUsage()
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func peakRSSMegabytes() -> Double { Double(resourceUsage().ru_maxrss) / 1024 }

/// The resident set after a phase, in MB (`/proc/self/statm`), so that docs/performance.md can
/// say what a resource costs phase by phase. (malloc's own counts, `mallinfo`, are not exported
/// by Swift's Glibc module.)
func residentMegabytes() -> Int {
    // Read to the end: a /proc file reports size 0, so a read by size gets nothing.
    let data = FileHandle(forReadingAtPath: "/proc/self/statm")?.readDataToEndOfFile() ?? Data()
    let statm = Optional(String(decoding: data, as: UTF8.self).split(separator: " "))
    let pages = statm.flatMap { $0.count > 1 ? Int($0[1]) : nil } ?? 0
    return (pages * 4096) >> 20
}
var residentByPhase: [String: Int] = [:]

do {
    let asOf = CivilDate(year: 2025, month: 1, day: 1)!
    let policySet = try PolicySetLoader.load(paths: [policiesPath])
    let compiled = try policySet.policies.map { try PolicyCompiler.compile($0) }

    let loadStart = DispatchTime.now()
    let loadCPUStart = cpuSeconds()
    // Read as `assay evaluate` reads an input: once, hashed as it is read (the digest is the
    // evidence of the results), the reader on the shared bytes.
    let file = try ReadOnceFile(path: inventory)
    let records = try SharedInput.$current.withValue(file) {
        try JSONRecordReader().read(InputSpec(path: inventory, format: .json)) { _, _ in }
    }
    _ = try file.sha256()
    let loadSeconds = seconds(since: loadStart)
    let loadCPU = cpuSeconds() - loadCPUStart
    residentByPhase["1_load"] = residentMegabytes()

    // Identity, as `assay evaluate` runs it after reading: records of one resource become one.
    let identityStart = DispatchTime.now()
    let resources = IdentityResolution.resolve(records).resources
    let identitySeconds = seconds(since: identityStart)
    residentByPhase["2_identity"] = residentMegabytes()
    let bytes = (try? FileManager.default.attributesOfItem(atPath: inventory)[.size] as? Int) ?? 0

    // Indexing: types, and the id order that lets findings come out sorted.
    let indexStart = DispatchTime.now()
    let corpus = ResourceCorpus(resources: resources)
    let indexSeconds = seconds(since: indexStart)
    residentByPhase["3_index"] = residentMegabytes()

    var evaluationTimes: [Double] = []
    var evaluations: [PolicyEvaluation] = []
    var evaluationCPU: [Double] = []
    for _ in 0..<max(0, repeats) {
        evaluations = []  // the previous run's findings are freed outside the timing
        let start = DispatchTime.now()
        let cpuStart = cpuSeconds()
        // The region catalog, as in `assay evaluate`: the library's residency policies need it.
        evaluations = PolicyRunner.run(compiled, corpus: corpus, context: EvaluationContext(asOf: asOf, regions: RegionCatalogData.standard),
                                       keepPasses: false)
        evaluationTimes.append(seconds(since: start))
        evaluationCPU.append(cpuSeconds() - cpuStart)
    }
    residentByPhase["4_evaluation"] = residentMegabytes()
    let evaluation = evaluationTimes.isEmpty ? 0 : evaluationTimes.sorted()[evaluationTimes.count / 2]
    // Rendering every failing finding's message and evidence, as `assay evaluate` does before
    // writing its outputs (evaluation defers it).
    let textStart = DispatchTime.now()
    PolicyRunner.materializeText(of: &evaluations)
    let textSeconds = seconds(since: textStart)
    residentByPhase["5_text"] = residentMegabytes()
    var violations: [String: Int] = [:]
    for result in evaluations { violations[result.policy.policy.id] = result.counts.fail + result.counts.error }
    let report: [String: Any] = [
        "tool": "assay", "resources": resources.count, "megabytes": Double(bytes) / 1e6,
        "load_s": (loadSeconds * 1000).rounded() / 1000, "identity_s": (identitySeconds * 1000).rounded() / 1000,
        "index_s": (indexSeconds * 1000).rounded() / 1000,
        "eval_s_median": (evaluation * 1000).rounded() / 1000,
        "text_s": (textSeconds * 1000).rounded() / 1000,
        "eval_runs": evaluationTimes.map { ($0 * 1000).rounded() / 1000 },
        "eval_cpu_s": evaluationCPU.map { ($0 * 1000).rounded() / 1000 }, "load_cpu_s": (loadCPU * 1000).rounded() / 1000,
        "resources_per_s_eval": evaluation > 0 ? Int(Double(resources.count) / evaluation) : 0,
        "resources_per_s_load": Int(Double(resources.count) / loadSeconds),
        "load_mb_per_s": Int(Double(bytes) / 1e6 / loadSeconds),
        "peak_rss_mb": Int(peakRSSMegabytes()), "rss_mb_after": residentByPhase, "violations": violations,
        "total": violations.values.reduce(0, +),
    ]
    let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
} catch let error as any DiagnosticError {
    FileHandle.standardError.write(Data((error.diagnostic.description + "\n").utf8))
    exit(2)
}
