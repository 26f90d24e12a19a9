import Foundation
public import PolicyEngine

/// Where a renderer's bytes go, in order: an open file (see `ReportFile.write(to:_:)`), written
/// in large blocks as they come, or memory. Reports that grow with the findings (JUnit of a
/// million resources is half a gigabyte) stream through it instead of being built whole.
///
/// A file output writes on a background thread (`FileSink`): the renderer goes on rendering
/// the next blocks on every core while the last ones are copied to the file, and large blocks
/// (a parallel task's rendered findings) are handed over without being copied again. A report
/// that replaces its target (`writeback`) is written past the page cache where the file system
/// allows it (`DirectFileWriter`): it is flushed to disk before the rename in any case.
public final class ReportOutput {
    private let sink: FileSink?
    private var pending: [UInt8] = []

    /// The first write error (`strerror` text); later bytes are dropped. Writes are done in the
    /// background: `flush()` first to know about all of them.
    var failure: String? { sink?.failure }

    /// Bytes are handed to the file once this many are pending; an appended array of at least
    /// a quarter of this is handed over as it is.
    private static let blockSize = 1 << 20

    /// An output kept in memory (read it with `bytes`).
    public init() { sink = nil }

    /// An output into an open file descriptor, which the caller closes after
    /// `waitForBackgroundWork()`. With `writeback`, the bytes written so far are also flushed
    /// to disk in the background every 2 MiB, so that the caller's closing `fsync` (an atomic
    /// replace) waits for the last blocks only, not for the whole report.
    init(descriptor: Int32, writeback: Bool = false) {
        sink = FileSink(descriptor: descriptor, writeback: writeback)
        pending.reserveCapacity(Self.blockSize)
    }

    /// Appends bytes; false once writing has failed.
    @discardableResult
    public func append(_ bytes: ByteView) -> Bool {
        pending.append(contentsOf: bytes)
        guard let sink else { return true }
        if pending.count >= Self.blockSize { handOver() }
        return sink.failure == nil
    }

    /// Appends bytes; false once writing has failed.
    @discardableResult
    public func append(_ bytes: [UInt8]) -> Bool {
        guard let sink, bytes.count >= Self.blockSize / 4 else { return bytes.withByteView { append($0) } }
        handOver()
        sink.write(bytes)
        return sink.failure == nil
    }

    /// The bytes written so far (memory outputs hold all of them).
    public var bytes: [UInt8] { pending }

    /// Writes everything appended so far to the file and waits until it is written (memory
    /// outputs keep it).
    func flush() {
        guard let sink else { return }
        handOver()
        sink.drain()
    }

    /// Waits for the background writes and disk flushes still running, without writing what is
    /// pending: after this the descriptor may be closed.
    func waitForBackgroundWork() { sink?.finish() }

    private func handOver() {
        guard let sink, !pending.isEmpty else { return }
        var block: [UInt8] = []
        block.reserveCapacity(Self.blockSize)
        swap(&block, &pending)
        sink.write(block)
    }
}

/// The background writer of a file output: blocks are written in order on a serial queue, at
/// most `blocksInFlight` waiting (the renderer waits when the disk is slower than rendering), the
/// first error kept. With `writeback`, `fdatasync` runs every `writebackInterval` bytes on a
/// second queue: the disk writes the report while the rest is still rendered, instead of all of
/// it in the final `fsync` (half a gigabyte of JUnit took over a second there, with both cores
/// idle). A flush still running when the next interval is reached is not queued again, as the
/// next one covers everything written before it.
///
/// Sendable: `descriptor`, the queues and semaphores are immutable or thread-safe; `firstFailure`
/// is read and written under `lock`; `unflushed` and `direct` only on `queue`.
private final class FileSink: @unchecked Sendable {
    private let descriptor: Int32
    private let writeback: Bool
    private let queue = DispatchQueue(label: "assay.report-writer")
    private let syncQueue = DispatchQueue(label: "assay.report-writeback")
    private let slots = DispatchSemaphore(value: FileSink.blocksInFlight)
    private let syncing = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var firstFailure: String?
    private var unflushed = 0
    /// Past the page cache, for a report flushed to disk before it replaces its target; only
    /// on `queue`.
    private let direct: DirectFileWriter?
    private static let blocksInFlight = 8
    /// Small, so that the closing `fsync` finds little left to write: at 32 MiB a 100k-resource
    /// run still waited ~0.1 s for each report's tail with both cores idle.
    private static let writebackInterval = 2 << 20

    init(descriptor: Int32, writeback: Bool) {
        self.descriptor = descriptor
        self.writeback = writeback
        direct = writeback ? DirectFileWriter(descriptor: descriptor) : nil
    }

    var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    /// Queues `block` for writing.
    func write(_ block: [UInt8]) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            let error = block.withByteView { bytes in
                if let direct { return direct.write(bytes) }
                return DirectFileWriter.writeAll(bytes, to: descriptor)
            }
            if let error {
                record(error)
                return
            }
            unflushed += block.count
            if writeback && unflushed >= Self.writebackInterval && syncing.wait(timeout: .now()) == .success {
                unflushed = 0
                syncQueue.async { [descriptor, syncing] in
                    // A failure here is seen again by the caller's closing fsync, which decides.
                    _ = fdatasync(descriptor)
                    syncing.signal()
                }
            }
        }
    }

    /// Waits until every queued block is written, the last partial block of direct writing too.
    func drain() {
        queue.sync {
            if let failure = direct?.finish() { record(failure) }
        }
    }

    /// Keeps `failure` unless an earlier one is kept.
    private func record(_ failure: String) {
        lock.lock()
        firstFailure = firstFailure ?? failure
        lock.unlock()
    }

    /// Waits until every queued block is written and a running disk flush has ended.
    func finish() {
        drain()
        syncing.wait()
        syncing.signal()
    }
}
