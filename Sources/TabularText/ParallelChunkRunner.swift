import Foundation
import Synchronization

/// Runs a chunk reader on the calling thread and the record scanning on worker threads.
///
/// The reader fills pooled chunks (a fixed number, so memory is bounded) and queues them in file
/// order; each worker takes the next chunk, runs `process`, and returns the chunk to the pool.
/// Results that must be merged in file order are keyed by `CSVChunk.index` by the caller.
public enum ParallelChunkRunner {
    /// Processes every chunk of `reader` with `process(workerIndex, chunk)` on `workers` threads.
    ///
    /// `process` returns false to stop reading further chunks (chunks already queued are still
    /// processed, so every chunk before the stopping one is complete). `progress` is called on the
    /// calling thread after each chunk is read, with the file bytes consumed and the file size.
    public static func run(
        reader: CSVChunkReader, workers: Int, chunksInFlight: Int? = nil,
        progress: ((_ done: Int, _ total: Int?) -> Void)? = nil,
        process: @escaping @Sendable (_ worker: Int, _ chunk: CSVChunk) -> Bool
    ) throws(TabularTextError) {
        let workerCount = max(1, workers)
        let pool = BlockingQueue<CSVChunk>()
        for _ in 0..<(chunksInFlight ?? workerCount + 2) { pool.put(CSVChunk(capacity: reader.chunkSize + 1)) }
        let work = BlockingQueue<CSVChunk>()
        let stop = StopFlag()
        let finished = DispatchSemaphore(value: 0)
        for worker in 0..<workerCount {
            let thread = Thread {
                while let chunk = work.take() {
                    if !process(worker, chunk) { stop.set() }
                    pool.put(chunk)
                }
                finished.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        var failure: TabularTextError?
        while !stop.isSet, let chunk = pool.take() {
            do {
                guard try reader.next(into: chunk) else { break }
            } catch {
                failure = error
                break
            }
            work.put(chunk)
            progress?(reader.source.consumedFileBytes, reader.source.fileSize)
        }
        work.close()
        for _ in 0..<workerCount { finished.wait() }
        if let failure { throw failure }
    }
}

/// A FIFO queue whose `take` blocks until an item arrives or the queue is closed.
///
/// Sendable: every access to `items`, `head` and `closed` holds `condition`'s lock; the items
/// themselves change hands through it (one owner at a time).
final class BlockingQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var closed = false

    func put(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, or nil once the queue is closed and drained.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A flag set once by any thread.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
