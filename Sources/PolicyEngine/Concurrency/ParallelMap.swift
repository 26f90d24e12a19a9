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

/// The one place Assay runs work on all cores: an order-preserving map for per-item work over
/// large inputs (mapping streamed records to resources, encoding a run's findings), and under it
/// `forEach`, the only call of `DispatchQueue.concurrentPerform` in the sources. Every parallel
/// loop (policy blocks, cost items, Monte Carlo chunks, the identifier sort's partitions) goes
/// through one of these, so scheduling, the chunk limit and the "result never depends on the
/// split" rule live here. `map` splits items into contiguous chunks of at least `minimumChunk`
/// (at most 64 chunks); the result and the error do not depend on the split.
public enum ParallelMap {
    /// Most chunks one call makes: enough to balance uneven items over the cores.
    public static let maximumChunks = 64

    /// Runs `body` once for every index of `0..<count`, on all cores, and returns when all have
    /// finished. The body must write only what its index owns (its slot of a `ResultSlots`, its
    /// own range of a buffer): the order in which indexes run is not defined.
    public static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        guard count > 1 else { return body(0) }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `body(index)` for every index of `0..<count`, computed on all cores, in index order: for
    /// loops whose items are already the right size of work (a block of documents, a policy).
    public static func indexed<Output: Sendable>(count: Int, _ body: @Sendable (Int) -> Output) -> [Output] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = ResultSlots<Output>(count: count)
        forEach(count: count) { index in slots.store(body(index), at: index) }
        return (0..<count).map { slots.take(at: $0)! }
    }

    /// `transform` applied to every item, in order. Fewer than two chunks' worth of items are
    /// mapped on the calling thread. When items fail, the error of the first failing one (by
    /// position) is thrown.
    public static func map<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], minimumChunk: Int, _ transform: @Sendable (Item) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        try fill(count: items.count, minimumChunk: minimumChunk) { (range, output) throws(Failure) in
            for index in range { output.append(try transform(items[index])) }
        }
    }

    /// The outputs `body` makes for contiguous ranges of `0..<count`, each range's in its own
    /// array (in range order): for a caller that moves every output on once, so that nothing is
    /// copied into one array. The first failing range (by position) throws.
    public static func chunks<Output: Sendable, Failure: Error>(
        count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) throws(Failure) -> [Output]
    ) throws(Failure) -> [[Output]] {
        let plan = ChunkPlan(count: count, minimumChunk: minimumChunk)
        guard plan.chunks > 1 else { return [try body(0..<count)] }
        let slots = ResultSlots<Result<[Output], Failure>>(count: plan.chunks)
        forEach(count: plan.chunks) { chunk in
            slots.store(Result { () throws(Failure) -> [Output] in try body(plan.range(of: chunk)) }, at: chunk)
        }
        var parts: [[Output]] = []
        parts.reserveCapacity(plan.chunks)
        for chunk in 0..<plan.chunks {
            guard let result = slots.take(at: chunk) else { continue }
            parts.append(try result.get())
        }
        return parts
    }
}

/// How `ParallelMap` splits `0..<count` into contiguous chunks: at least `minimumChunk`
/// positions each (one chunk for fewer than two chunks' worth), at most
/// `ParallelMap.maximumChunks`; one rule for every parallel loop, so that a result never
/// depends on which loop split it.
public struct ChunkPlan: Sendable {
    /// The positions split.
    public let count: Int
    /// The number of chunks.
    public let chunks: Int
    /// Positions per chunk (the last may have fewer).
    public let stride: Int

    /// The plan for `count` positions.
    public init(count: Int, minimumChunk: Int) {
        let floor = max(1, minimumChunk)
        self.count = count
        chunks = count >= floor * 2 ? min(count / floor, ParallelMap.maximumChunks) : 1
        stride = max(1, (count + chunks - 1) / chunks)
    }

    /// The positions of chunk `chunk`.
    public func range(of chunk: Int) -> Range<Int> {
        min(chunk * stride, count)..<min((chunk + 1) * stride, count)
    }
}
