import Foundation

#if !ASSAY_LIBFUZZER
/// Without libFuzzer (the ordinary build): replays the files given as arguments through the target
/// named by ASSAY_FUZZ_TARGET, so a corpus or a crash file can be run under the debugger. The
/// libFuzzer build has no `main` of its own (libFuzzer's drives `fuzzOneInput`).
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            selectedTarget.run(Array(data))
        }
    }
}
#endif
