/// Where one worker of `ParallelMap.fill` puts the outputs of its range, in order: straight into
/// their place in the array being built, so that nothing is copied (and retained and released)
/// a second time on the calling thread to join the chunks.
///
/// Lifetime: a `ChunkOutput` lives inside one worker's call and points into storage the builder
/// owns for the whole call; it is `~Copyable`, so it cannot leave that call.
public struct ChunkOutput<Output>: ~Copyable {
    private let base: ManualBuffer<Output>
    private let capacity: Int
    /// Outputs written so far.
    public private(set) var count = 0

    fileprivate init(base: ManualBuffer<Output>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Writes the next output of the range.
    public mutating func append(_ output: consuming Output) {
        precondition(count < capacity, "a chunk gave more outputs than its range has positions")
        base.initialize(at: count, to: output)
        count += 1
    }
}

/// An array built batch by batch, each batch made on all cores directly in its place (`append`)
/// at the end of the array's own storage, and handed over as it is (`build`): its elements are
/// never copied, so a million resources cost no retain and release on the reading thread to be
/// joined, and no second array of them (fresh memory the reading thread would touch alone).
public struct ArrayBuilder<Element: Sendable>: ~Copyable {
    private var elements: [Element] = []

    /// Elements built so far.
    public var count: Int { elements.count }

    /// An empty builder with room for `capacity` elements (it grows when needed).
    public init(capacity: Int = 0) { elements.reserveCapacity(capacity) }

    /// Makes room for `capacity` elements in all (a reader that can tell the total early
    /// reserves it once instead of growing by doubling).
    public mutating func reserveCapacity(_ capacity: Int) { elements.reserveCapacity(capacity) }

    /// Appends `count` elements, made for contiguous ranges of `0..<count` on all cores by `body`
    /// (one output per position of its range, in order; at least `minimumChunk` positions per
    /// range, so that small batches stay on the calling thread). When ranges fail, the error of
    /// the first failing range (by position) is thrown and nothing is appended.
    public mutating func append<Failure: Error>(
        count added: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>, inout ChunkOutput<Element>) throws(Failure) -> Void
    ) throws(Failure) {
        guard added > 0 else { return }
        if elements.count + added > elements.capacity { elements.reserveCapacity(max(elements.capacity * 2, elements.count + added)) }
        var failure: Failure?
        elements.appendPlacing(count: added) { destination in
            do throws(Failure) {
                try ParallelMap.fill(destination, count: added, minimumChunk: minimumChunk, body)
                return added
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
    }

    /// The elements (the array they were built in).
    public consuming func build() -> [Element] { elements }
}

/// An uninitialized destination the workers of one `fill` write to, each in its own range.
///
/// Sendable: every worker initializes only the positions of its range, and the caller reads
/// nothing before all workers have finished.
private struct FillDestination<Output>: @unchecked Sendable {
    let base: ManualBuffer<Output>
}

extension ParallelMap {
    /// `count` outputs made on all cores, in order: `body` gets contiguous ranges of `0..<count`
    /// (at least `minimumChunk` positions each; fewer than two chunks' worth run on the calling
    /// thread) and writes one output per position into its `ChunkOutput`, for work with a
    /// per-chunk setup (a parser's key cache). The first failing range (by position) throws.
    public static func fill<Output: Sendable, Failure: Error>(
        count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>, inout ChunkOutput<Output>) throws(Failure) -> Void
    ) throws(Failure) -> [Output] {
        var builder = ArrayBuilder<Output>(capacity: count)
        try builder.append(count: count, minimumChunk: minimumChunk, body)
        return builder.build()
    }

    /// Initializes `destination[0..<count]` as `fill` describes; on failure nothing is left
    /// initialized.
    fileprivate static func fill<Output: Sendable, Failure: Error>(
        _ destination: ManualBuffer<Output>, count: Int, minimumChunk: Int,
        _ body: @Sendable (Range<Int>, inout ChunkOutput<Output>) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 0 else { return }
        let plan = ChunkPlan(count: count, minimumChunk: minimumChunk)
        let target = FillDestination(base: destination)
        let written = ResultSlots<Int>(count: plan.chunks)
        let failures = ResultSlots<Failure>(count: plan.chunks)
        @Sendable func run(_ chunk: Int) {
            let range = plan.range(of: chunk)
            var output = ChunkOutput(base: target.base.advanced(by: range.lowerBound), capacity: range.count)
            do throws(Failure) {
                try body(range, &output)
                precondition(output.count == range.count, "a chunk gave fewer outputs than its range has positions")
            } catch {
                failures.store(error, at: chunk)
            }
            written.store(output.count, at: chunk)
        }
        if plan.chunks == 1 { run(0) } else { forEach(count: plan.chunks, run) }
        var firstFailure: Failure?
        for chunk in 0..<plan.chunks {
            if let failure = failures.take(at: chunk), firstFailure == nil { firstFailure = failure }
        }
        guard let firstFailure else { return }
        for chunk in 0..<plan.chunks {
            destination.deinitialize(from: plan.range(of: chunk).lowerBound, count: written.take(at: chunk) ?? 0)
        }
        throw firstFailure
    }
}

extension ParallelMap {
    /// Calls `body` on every element of `array`, in place, on all cores: each worker changes the
    /// elements of its own contiguous range (at least `minimumChunk` of them) and reads nothing
    /// else of the array. For a pass that changes each of a million resources on its own (a
    /// write of a few facets each): on one thread it kept the other core idle.
    public static func updateEach<Element>(
        _ array: inout [Element], minimumChunk: Int, _ body: @Sendable (_ index: Int, _ element: inout Element) -> Void
    ) {
        let plan = ChunkPlan(count: array.count, minimumChunk: minimumChunk)
        array.withMutableElementView { view in
            forEach(count: plan.chunks) { chunk in
                for index in plan.range(of: chunk) { view.update(at: index) { body(index, &$0) } }
            }
        }
    }
}
