import Dispatch
import Synchronization

/// Maps a batch of items on all cores; results come back in input order. The readers map
/// streamed batches of native records to resources this way (mapping is pure per record).
enum ParallelMapping {
    /// Batches smaller than this are mapped on the calling thread.
    static let serialLimit = 64

    /// `transform` applied to every item, in order; the first error (by position) is rethrown.
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Output
    ) throws -> [Output] {
        if items.count < serialLimit { return try items.map(transform) }
        let workers = min(items.count / serialLimit + 1, 64)
        let stride = (items.count + workers - 1) / workers
        let slots = Mutex<[Int: Result<[Output], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * stride
            let end = min(start + stride, items.count)
            guard start < end else { return }
            let result = Result { try items[start..<end].map(transform) }
            slots.withLock { $0[worker] = result }
        }
        let table = slots.withLock { $0 }
        var outputs: [Output] = []
        outputs.reserveCapacity(items.count)
        for worker in 0..<workers {
            guard let result = table[worker] else { continue }
            outputs.append(contentsOf: try result.get())
        }
        return outputs
    }
}
