import PolicyEngine

/// Drops a batch of parsed values on all cores. A streamed batch holds the parsed native records;
/// once mapped, freeing their trees one after another on the reading thread was a seventh of
/// the time to read a 1M-item Config snapshot. Values still referenced elsewhere (records kept
/// as documents) only lose a reference.
enum ParallelRelease {
    /// Items per chunk at the least, here and where readers map a batch (`ParallelMap`): below
    /// that, threads cost more than they save.
    static let minimumChunk = 64

    /// Releases `items`, the last references to their values freed on all cores.
    static func release<Item: Sendable>(_ items: consuming [Item]) {
        guard items.count >= minimumChunk * 4 else { return }
        let chunks = min(items.count / minimumChunk, ParallelMap.maximumChunks)
        let stride = (items.count + chunks - 1) / chunks
        let slots = ResultSlots<[Item]>(count: chunks)
        for chunk in 0..<chunks {
            let start = chunk * stride
            slots.store(Array(items[start..<min(start + stride, items.count)]), at: chunk)
        }
        _ = consume items
        // Each worker takes its chunk out of the slots and drops it: the last reference dies there.
        ParallelMap.forEach(count: chunks) { chunk in _ = slots.take(at: chunk) }
    }
}
