import Foundation

/// Reports written one after another, each as `ReportFile.write(to:_:)` writes it, except that a
/// regular file's replace (its last bytes flushed to disk, the rename, the folder's flush)
/// finishes on a background thread while the next report renders: waiting for half a gigabyte of
/// JSON to reach the disk left both cores idle for half a second before the JUnit was begun.
///
/// Replaces happen in writing order. `finish()` waits for all of them and throws the first
/// failure in that order; a report whose rendering failed is never put in place.
///
/// Sendable: the queue is thread-safe and `firstFailure` is read and written under `lock`.
public final class ReportSequence: @unchecked Sendable {
    private let queue = DispatchQueue(label: "assay.report-replace")
    private let lock = NSLock()
    private var firstFailure: ReportError?

    public init() {}

    /// Renders a report now; its replace of `path` completes in the background.
    public func write(to path: String, _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) {
        guard let pending = try ReportFile.render(to: path, produce) else { return }
        queue.async { [self] in
            do throws(ReportError) {
                try pending.commit()
            } catch {
                lock.lock()
                firstFailure = firstFailure ?? error
                lock.unlock()
            }
        }
    }

    /// Waits until every report is in place; throws the first replace that failed.
    public func finish() throws(ReportError) {
        queue.sync {}
        lock.lock()
        let failure = firstFailure
        lock.unlock()
        if let failure { throw failure }
    }
}
