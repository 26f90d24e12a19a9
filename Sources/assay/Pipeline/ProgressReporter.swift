import Foundation

/// Progress on stderr, never with `--quiet`.
///
/// On a terminal, files over 64 MiB get a rewritten `reading …: 45% (…)` line at most every
/// half second. Elsewhere (CI logs) a heartbeat prints one line at least every 10 seconds while
/// a stage runs — `progress: evaluating 38 policies over 200000 documents (20 s)` — so a long
/// run is never silent, while a short one prints nothing. `ASSAY_PROGRESS_SECONDS` changes the
/// heartbeat interval (tests use a small one).
///
/// Sendable: the mutable state (`lastPrinted`, `printed`, `activity`, `fraction`, `heartbeat`) is
/// read and written only while holding `lock`; the rest is immutable.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let interactive: Bool
    private let lock = NSLock()
    private var lastPrinted: [String: Double] = [:]
    private var printed: Set<String> = []
    /// What the run is doing now, and how far (non-terminal heartbeat).
    private var activity: String?
    private var fraction: String?
    private let started = Date().timeIntervalSinceReferenceDate
    private let stopped = DispatchSemaphore(value: 0)
    private var heartbeat: Thread?

    init(enabled: Bool) {
        self.enabled = enabled && Terminal.verbosity > .quiet
        interactive = Terminal.isInteractive
        guard self.enabled, !interactive else { return }
        let interval = ProcessInfo.processInfo.environment["ASSAY_PROGRESS_SECONDS"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 10
        let thread = Thread { [weak self, stopped] in
            while stopped.wait(timeout: .now() + interval) == .timedOut {
                guard let self else { return }
                self.beat()
            }
        }
        heartbeat = thread
        thread.start()
    }

    deinit { stop() }

    /// Names what the run does from now on (`reading plan.json`, `evaluating 38 policies …`).
    func begin(_ activity: String) {
        lock.lock()
        defer { lock.unlock() }
        self.activity = activity
        fraction = nil
    }

    /// Ends the heartbeat (idempotent).
    func stop() {
        lock.lock()
        let running = heartbeat != nil
        heartbeat = nil
        activity = nil
        lock.unlock()
        if running { stopped.signal() }
    }

    func update(label: String, done: Int, total: Int) {
        guard enabled else { return }
        if !interactive {
            guard total > 0 else { return }
            lock.lock()
            fraction = "\(Int(Double(done) * 100 / Double(total)))% of \(Self.size(total))"
            lock.unlock()
            return
        }
        guard total >= 64 << 20 else { return }
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
        if interactive && printed.contains(label) { Terminal.progress(nil) }
    }

    /// One heartbeat line, when a stage is running.
    private func beat() {
        lock.lock()
        let text = activity.map { activity in activity + (fraction.map { ", \($0)" } ?? "") }
        lock.unlock()
        guard let text else { return }
        let elapsed = Int(Date().timeIntervalSinceReferenceDate - started)
        Terminal.line("progress: \(text) (\(elapsed) s)")
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}
