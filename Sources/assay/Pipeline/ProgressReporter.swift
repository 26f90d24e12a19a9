import Foundation

/// Progress lines on stderr for large inputs: only on a terminal, only for files over 64 MiB,
/// at most every half second, so CI logs and small runs stay quiet.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPrinted: [String: Double] = [:]
    private var printed: Set<String> = []

    init(enabled: Bool) { self.enabled = enabled && Terminal.isInteractive }

    func update(label: String, done: Int, total: Int) {
        guard enabled, total >= 64 << 20 else { return }
        let now = Date().timeIntervalSinceReferenceDate
        lock.lock()
        defer { lock.unlock() }
        if let last = lastPrinted[label], now - last < 0.5 { return }
        lastPrinted[label] = now
        printed.insert(label)
        let percent = total > 0 ? Double(done) * 100 / Double(total) : 100
        Terminal.progress("reading \(label): \(String(format: "%.0f", percent))% (\(done >> 20) of \(total >> 20) MiB)")
    }

    func finish(label: String) {
        lock.lock()
        defer { lock.unlock() }
        if printed.contains(label) { Terminal.progress(nil) }
    }
}
