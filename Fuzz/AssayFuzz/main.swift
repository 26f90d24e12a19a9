import Foundation

// Without libFuzzer (the ordinary build): replays the files given as arguments through the target
// named by ASSAY_FUZZ_TARGET, so a corpus or a crash file can be run under the debugger.
#if !ASSAY_LIBFUZZER
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    selectedTarget.run(Array(data))
}
#endif
