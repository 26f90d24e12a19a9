import Foundation

/// Golden-file comparison. Goldens are re-recorded only when the environment sets
/// `ASSAY_RECORD=1`, and a recording run fails, so a re-recording is always a deliberate,
/// reviewed change.
public enum GoldenFile {
    /// True when this run records goldens instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["ASSAY_RECORD"] == "1" }

    /// Compares `bytes` with the golden at `path` (relative to the package root). Returns nil when
    /// they match, else a message for the test to record as a failure (also after recording).
    public static func mismatch(_ bytes: [UInt8], golden path: String) -> String? {
        let url = Fixtures.packageRoot.appendingPathComponent(path)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(bytes).write(to: url)
            } catch {
                return "cannot record \(path): \(error)"
            }
            return "recorded \(path); run again without ASSAY_RECORD=1 and review the diff"
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return "golden \(path) is missing; record it with ASSAY_RECORD=1"
        }
        guard Array(expected) != bytes else { return nil }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
        if let (index, (wanted, got)) = firstDifference {
            return "\(path) differs at line \(index + 1):\n  golden: \(wanted.prefix(300))\n  actual: \(got.prefix(300))"
        }
        return "\(path) differs in length (golden \(expectedLines.count) lines, actual \(actualLines.count)); ASSAY_RECORD=1 re-records it"
    }
}
