import Dispatch
import PolicyEngine
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

/// Drops a batch of parsed values on all cores. A streamed batch holds the parsed native records;
/// once mapped, freeing their trees one after another on the reading thread was a seventh of
/// the time to read a 1M-item Config snapshot. Values still referenced elsewhere (records kept
/// as documents) only lose a reference.
enum ParallelRelease {
    /// Releases `items`, the last references to their values freed on all cores.
    static func release<Item: Sendable>(_ items: consuming [Item]) {
        guard items.count >= ParallelMapping.serialLimit * 4 else { return }
        let chunks = min(items.count / ParallelMapping.serialLimit, 64)
        let stride = (items.count + chunks - 1) / chunks
        let slots = ResultSlots<[Item]>(count: chunks)
        for chunk in 0..<chunks {
            let start = chunk * stride
            slots.store(Array(items[start..<min(start + stride, items.count)]), at: chunk)
        }
        _ = consume items
        // Each worker takes its chunk out of the slots and drops it: the last reference dies there.
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in _ = slots.take(at: chunk) }
    }
}
