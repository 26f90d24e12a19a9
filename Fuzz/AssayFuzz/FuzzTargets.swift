import Billing
import Foundation
import Inventory
import PolicyEngine
import PolicyLoader
import Reports
import TabularText

/// The libFuzzer targets (docs/limits.md, scripts/fuzz.sh). Each takes arbitrary bytes and must
/// return without trapping, hanging or growing without bound: errors are fine, crashes are not.
enum FuzzTarget: String, CaseIterable {
    /// `JSONParser.parse`.
    case json
    /// Policy files (`PolicySetLoader`), the YAML composer and the alias budget behind them.
    case policy
    /// Run configurations (`ConfigLoader`).
    case config
    /// Waiver files (`WaiverLoader`).
    case waiver
    /// YAML registers (`YAMLRecordReader`).
    case register
    /// The CSV table reader of registers, the billing header detection and the chunked billing scan.
    case csv
    /// The gzip byte source (ISA-L and zlib).
    case gzip
    /// Every export reader's detection, then a read by the reader that claims the bytes.
    case detect
    /// `assay report`: a results document decoded and rendered in every format.
    case report
    /// Deliberate bugs — `leak` leaks a block, `overflow` reads past one — that `scripts/fuzz.sh`
    /// runs once before fuzzing to prove AddressSanitizer and LeakSanitizer report them. Never fuzzed.
    case sanitizerCheck = "sanitizer-check"

    /// The file a target writes its input to when the code under test reads files.
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("assay-fuzz-\(getpid())").path

    static let readers: [any ExportReader] = [JSONRecordReader(), JSONLinesRecordReader(), CSVRecordReader(), YAMLRecordReader()]
        + InventoryReaders.all()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json:
            _ = try? JSONParser.parse(bytes)
        case .policy:
            let file = Self.write(bytes, suffix: ".yaml")
            _ = try? PolicySetLoader.load(paths: [file])
        case .config:
            _ = try? ConfigLoader.load(file: Self.write(bytes, suffix: ".yaml"))
        case .waiver:
            _ = try? WaiverLoader.load(files: [Self.write(bytes, suffix: ".yaml")])
        case .register:
            let file = Self.write(bytes, suffix: ".yaml")
            _ = try? YAMLRecordReader().read(InputSpec(path: file, format: .yaml), progress: { _, _ in })
        case .csv:
            if let table = try? CSVTable(bytes: bytes, file: "fuzz.csv") { _ = try? BillingFormats.detect(BillingHeader(table.header), path: "fuzz.csv") }
            // The billing scan: the chunked CSV scanner, header detection and cost-line parsing.
            let file = Self.write(bytes, suffix: ".csv")
            if var aggregator = try? CostAggregator(scopes: [CostScope(groupBy: ["account", "service"], lastMonths: 3)]) {
                _ = try? aggregator.read(file, options: BillingScanOptions(skipBadRows: true))
            }
        case .gzip:
            let file = Self.write(bytes, suffix: ".gz")
            for decoder in [GzipDecoder.isal, .zlib] {
                guard let source = try? ByteSources.open(file, decoder: decoder) else { continue }
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                var total = 0
                while let got = try? source.read(into: &buffer, at: 0), got > 0, total < 64 << 20 { total += got }
            }
        case .detect:
            // As a run reads an input: one open shared by detection, the reader and the digest.
            let file = Self.write(bytes, suffix: "")
            guard let shared = try? ReadOnceFile(path: file) else { return }
            SharedInput.$current.withValue(shared) {
                let scored = Self.readers.map { ($0, $0.detectionScore(sample: bytes, path: file)) }
                if let best = scored.filter({ $0.1 > 0 }).max(by: { $0.1 < $1.1 })?.0 {
                    _ = try? best.read(InputSpec(path: file, format: best.format), progress: { _, _ in })
                }
            }
            _ = try? shared.sha256()
        case .sanitizerCheck:
            let block = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
            block.initialize(repeating: 1, count: 16)
            if bytes.starts(with: Array("overflow".utf8)) {
                // One byte past the end: a heap-buffer-overflow for ASan. Read through memcpy, which
                // ASan intercepts: a subscript read can run inside the uninstrumented standard
                // library in a debug build and go unseen (it did on a fresh CI clone).
                var probe = [UInt8](repeating: 0, count: 17)
                probe.withUnsafeMutableBytes { if let target = $0.baseAddress { _ = memcpy(target, block, 17) } }
                if probe[16] == 42 { print("unreachable") }
            }
            // `leak` returns without freeing the block.
            if !bytes.starts(with: Array("leak".utf8)) { block.deallocate() }
        case .report:
            guard let document = try? JSONParser.parse(bytes), let result = try? RunResultCodec.decode(document) else { return }
            _ = try? ResultSections.check(result)
            for format in ReportFormat.allCases { _ = try? format.renderer().render(result) }
        }
    }

    private static func write(_ bytes: [UInt8], suffix: String) -> String {
        let path = scratch + suffix
        // A target given no file would test nothing while looking green.
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(written, "cannot write the fuzz scratch file \(path)")
        return path
    }
}

/// The target named by `ASSAY_FUZZ_TARGET` (default `json`).
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ASSAY_FUZZ_TARGET"] ?? "json"
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("unknown ASSAY_FUZZ_TARGET '\(name)'; one of \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
        exit(2)
    }
    return target
}()

#if ASSAY_LIBFUZZER
/// libFuzzer's entry point (the build with `-sanitize=fuzzer` has no `main` of its own).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selectedTarget.run(start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}
#endif
