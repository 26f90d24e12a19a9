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
        let plan = ChunkPlan(count: items.count, minimumChunk: minimumChunk)
        let slots = ResultSlots<[Item]>(count: plan.chunks)
        for chunk in 0..<plan.chunks { slots.store(Array(items[plan.range(of: chunk)]), at: chunk) }
        _ = consume items
        // Each worker takes its chunk out of the slots and drops it: the last reference dies there.
        ParallelMap.forEach(count: plan.chunks) { chunk in _ = slots.take(at: chunk) }
    }
}
