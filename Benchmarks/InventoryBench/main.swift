// Reading throughput of the inventory readers (docs/performance.md, "Inventory readers").
//
// Usage: InventoryBench <aws-config|terraform-plan|terraform-state|gcp-cai|azure-arg> <file> [stream|read|link]
//        InventoryBench identity <count> [unique|merge]   (see below)
//        InventoryBench identity-files <format>:<file>...  (see below)
//   stream  hand resources over batch by batch and drop them (bounded memory; the default)
//   read    collect every resource (what the CLI holds before evaluating)
//   link    collect, then run InventoryNormalizer.link
// Prints resources, seconds, resources/s, MB/s and the process's peak resident set (VmHWM).
#if canImport(Glibc)
import Glibc
#endif
import Inventory
import PolicyEngine

/// What to run, from the command line.
struct BenchArguments {
    let format: InputFormat
    let path: String
    let mode: String

    init?(_ arguments: [String]) {
        guard arguments.count >= 3, let format = InputFormat(rawValue: arguments[1]) else { return nil }
        self.format = format
        path = arguments[2]
        mode = arguments.count > 3 ? arguments[3] : "stream"
        guard ["stream", "read", "link"].contains(mode) else { return nil }
    }
}

/// Peak resident set size of this process in MiB, from /proc/self/status (0 where unavailable).
func peakResidentMiB() -> Double {
    guard let file = try? InventoryInput.plain("/proc/self/status") else { return 0 }
    let bytes = (try? file.readAll()) ?? []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Double(String(line.filter(\.isNumber))) ?? 0) / 1024
    }
    return 0
}

/// CPU seconds this process has used on all its threads (0 where unavailable): beside the wall
/// time, a figure a machine loaded by other work changes less.
func processCPUSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    let text = Array((message + "\n").utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

// `InventoryBench identity <count> [unique|merge]`: the identity step alone on synthetic
// resources — `unique`: <count> AWS Config records with distinct ARNs (nothing to merge);
// `merge`: <count> Config records plus a Terraform plan record of each (every resource merged,
// drift computed). Prints the step's seconds and the peak resident set.
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "identity", let total = Int(CommandLine.arguments[2]) {
    let merge = CommandLine.arguments.count > 3 && CommandLine.arguments[3] == "merge"
    func record(_ index: Int, format: String, encrypted: Bool) -> Resource {
        let id = "arn:aws:ec2:eu-west-1:111122223333:volume/vol-\(String(index, radix: 16))"
        var document = Fields()
        document["provider"] = "aws"
        document["region"] = "eu-west-1"
        document["captured_at"] = "2026-11-20T09:15:00.000Z"
        document["tags"] = .object(Fields([("owner", .string("team-\(index % 97)"))]))
        document["encryption"] = .object(Fields([("at_rest", .object(Fields([("enabled", .bool(encrypted))])))]))
        let address = format == "terraform-plan" ? "aws_ebs_volume.v[\(index)]" : nil
        return Resource(id: id, type: "compute.volume", document: .object(document),
                        source: SourceReference(file: format + ".json", pointer: "/\(index)", format: format, terraformAddress: address))
    }
    var resources = (0..<total).map { record($0, format: "aws-config", encrypted: true) }
    if merge { resources += (0..<total).map { record($0, format: "terraform-plan", encrypted: $0 % 10 != 0) } }
    let records = resources.count
    let clock = ContinuousClock()
    let started = clock.now
    let cpuStarted = processCPUSeconds()
    // Handed over as the CLI does (the last use), so the step compacts in place.
    let output = IdentityResolution.resolve(consume resources)
    let cpu = processCPUSeconds() - cpuStarted
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("mode=identity-\(merge ? "merge" : "unique") records=\(records) resources=\(output.resources.count) folded=\(output.folded)")
    print("seconds=\(seconds) cpu_seconds=\(cpu) peak_rss_mib=\(Int(peakResidentMiB().rounded()))")
    exit(0)
}

// `InventoryBench identity-files aws-config:config.json terraform-plan:plan.json`: reads and
// links the files as the CLI does, then times the identity step alone on what they hold — the
// cost of merging real exports (a Config snapshot and a plan of the same resources: every
// resource merged from two documents of the formats' real fields).
if CommandLine.arguments.count >= 3, CommandLine.arguments[1] == "identity-files" {
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    var records: [Resource] = []
    let reading = clock.now
    for argument in CommandLine.arguments.dropFirst(2) {
        guard let colon = argument.firstIndex(of: ":"), let format = InputFormat(rawValue: String(argument[..<colon])),
              let reader = InventoryReaders.reader(for: format) else { fail("expected <format>:<file>, got \(argument)") }
        do {
            records += try reader.read(InputSpec(path: String(argument[argument.index(after: colon)...]), format: format), progress: { _, _ in })
        } catch let error as any DiagnosticError {
            fail("\(error.diagnostic)")
        } catch {
            fail("\(error)")
        }
    }
    let linked = InventoryNormalizer.link(records)
    records = []
    let read = seconds(clock.now - reading)
    let count = linked.count
    let started = clock.now
    let cpuStarted = processCPUSeconds()
    let output = IdentityResolution.resolve(consume linked)
    let cpu = processCPUSeconds() - cpuStarted
    let elapsed = seconds(clock.now - started)
    print("mode=identity-files records=\(count) resources=\(output.resources.count) folded=\(output.folded) warnings=\(output.warnings.count)")
    print("read_and_link_seconds=\(read) identity_seconds=\(elapsed) identity_cpu_seconds=\(cpu) peak_rss_mib=\(Int(peakResidentMiB().rounded()))")
    exit(0)
}

guard let arguments = BenchArguments(CommandLine.arguments) else {
    fail("usage: InventoryBench <aws-config|terraform-plan|terraform-state|gcp-cai|azure-arg> <file> [stream|read|link]")
}
guard let reader = InventoryReaders.reader(for: arguments.format) else { fail("not an inventory format: \(arguments.format.rawValue)") }
let spec = InputSpec(path: arguments.path, format: arguments.format)
let size: Int
do {
    size = try InventoryInput.plain(arguments.path).size
} catch {
    fail("\(error.diagnostic)")
}

let clock = ContinuousClock()
let started = clock.now
var count = 0
do {
    switch arguments.mode {
    case "stream":
        guard let streaming = reader as? any StreamingExportReader else { fail("\(arguments.format.rawValue) does not stream") }
        try streaming.forEachBatch(spec, progress: { _, _ in }) { batch in count += batch.count }
    case "read":
        count = try reader.read(spec, progress: { _, _ in }).count
    default:
        count = InventoryNormalizer.link(try reader.read(spec, progress: { _, _ in })).count
    }
} catch let error as any DiagnosticError {
    fail("\(error.diagnostic)")
} catch {
    fail("\(error)")
}
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let megabytes = Double(size) / 1_048_576
print("format=\(arguments.format.rawValue) mode=\(arguments.mode) resources=\(count) size_mib=\(Int(megabytes.rounded()))")
print("seconds=\(seconds) resources_per_s=\(Int((Double(count) / seconds).rounded())) mib_per_s=\(Int((megabytes / seconds).rounded()))")
print("peak_rss_mib=\(Int(peakResidentMiB().rounded()))")
