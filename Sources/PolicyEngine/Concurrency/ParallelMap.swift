import Dispatch
import Synchronization

/// Fixed slots written by parallel workers, each slot by exactly one worker, read after all
/// finish: how parallel work is merged back in a deterministic order.
public final class ResultSlots<Element: Sendable>: Sendable {
    private let storage: Mutex<[Element?]>

    /// `count` empty slots.
    public init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    /// Fills slot `index`.
    public func store(_ element: Element, at index: Int) {
        storage.withLock { $0[index] = element }
    }

    /// Empties slot `index` and returns what it held.
    public func take(at index: Int) -> Element? {
        storage.withLock { slots in
            let element = slots[index]
            slots[index] = nil
            return element
        }
    }
}

/// An order-preserving map on all cores, for per-item work over large inputs (mapping streamed
/// records to resources, encoding a run's findings). Items are split into contiguous chunks of at
/// least `minimumChunk` (at most 64 chunks); the result and the error do not depend on the split.
public enum ParallelMap {
    /// Most chunks one call makes: enough to balance uneven items over the cores.
    public static let maximumChunks = 64

    /// `transform` applied to every item, in order. Fewer than two chunks' worth of items are
    /// mapped on the calling thread. When items fail, the error of the first failing one (by
    /// position) is thrown.
    public static func map<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], minimumChunk: Int, _ transform: @Sendable (Item) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        try mapChunks(count: items.count, minimumChunk: minimumChunk) { (range) throws(Failure) -> [Output] in
            try items[range].map(transform)
        }
    }

    /// The outputs `body` makes for contiguous ranges of `0..<count`, concatenated in order:
    /// for work with a per-chunk setup (a parser's key cache). `body` returns one output per
    /// position of its range; the first failing range (by position) throws.
    public static func mapChunks<Output: Sendable, Failure: Error>(
        count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) throws(Failure) -> [Output]
    ) throws(Failure) -> [Output] {
        let parts = try chunks(count: count, minimumChunk: minimumChunk, body)
        guard parts.count > 1 else { return parts.first ?? [] }
        var outputs: [Output] = []
        outputs.reserveCapacity(count)
        for part in parts { outputs.append(contentsOf: part) }
        return outputs
    }

    /// As `mapChunks`, but the outputs of each range stay in their own array (in range order):
    /// for a caller that moves every output on once, so that nothing is copied into one array.
    public static func chunks<Output: Sendable, Failure: Error>(
        count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) throws(Failure) -> [Output]
    ) throws(Failure) -> [[Output]] {
        let chunkFloor = max(1, minimumChunk)
        guard count >= chunkFloor * 2 else { return [try body(0..<count)] }
        let chunks = min(count / chunkFloor, maximumChunks)
        let stride = (count + chunks - 1) / chunks
        let slots = ResultSlots<Result<[Output], Failure>>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(chunk * stride, count)..<min((chunk + 1) * stride, count)
            slots.store(Result { () throws(Failure) -> [Output] in try body(range) }, at: chunk)
        }
        var parts: [[Output]] = []
        parts.reserveCapacity(chunks)
        for chunk in 0..<chunks {
            guard let result = slots.take(at: chunk) else { continue }
            parts.append(try result.get())
        }
        return parts
    }
}
