import Dispatch
import Foundation
import Synchronization

extension ParallelMap {
    /// Outputs in flight at most: rendered and not yet consumed, or being rendered.
    public static let inOrderWindow = 16

    /// `render(index)` for every index of `0..<count` on all cores, each output handed to
    /// `consume` in index order as soon as it and those before it are ready: no core waits at
    /// a barrier for the slowest of a batch, and consuming (writing a report's block to its
    /// file) overlaps the rendering of the next ones. At most `inOrderWindow` outputs are held
    /// at once. `consume` runs on one thread at a time (any of the workers), never
    /// concurrently. When renders fail, the first failing index's error is thrown after every
    /// output before it has been consumed; nothing after it is consumed.
    public static func inOrder<Output: Sendable, Failure: Error>(
        count: Int, render: @Sendable (Int) throws(Failure) -> Output, consume: (Output) -> Void
    ) throws(Failure) {
        guard count > 0 else { return }
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for index in 0..<count { consume(try render(index)) }
            return
        }
        let failure: Failure? = withoutActuallyEscaping(consume) { consume in
            let pipeline = InOrderPipeline<Output, Failure>(consume: consume, window: inOrderWindow)
            forEach(count: workers) { _ in
                while let index = pipeline.nextIndex(below: count) {
                    pipeline.deliver(Result { () throws(Failure) -> Output in try render(index) }, at: index)
                }
            }
            return pipeline.failure
        }
        if let failure { throw failure }
    }
}

/// The shared state of one `ParallelMap.inOrder` call: the next index to render, the outputs
/// waiting for those before them, and the consumer.
///
/// Sendable: `consume` is called only under `state`'s lock, so never by two threads at once;
/// everything else is the lock, an atomic counter and a semaphore.
private final class InOrderPipeline<Output: Sendable, Failure: Error>: @unchecked Sendable {
    private struct State {
        /// The index to consume next.
        var next = 0
        /// Rendered outputs waiting for `next` to reach them.
        var waiting: [Int: Result<Output, Failure>] = [:]
        /// The first failure consumed; set, nothing more is rendered or consumed.
        var failure: Failure?
    }

    private let state = Mutex(State())
    private let taken = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    /// A permit per output in flight, returned when it is consumed.
    private let permits: DispatchSemaphore
    private let consume: (Output) -> Void

    init(consume: @escaping (Output) -> Void, window: Int) {
        self.consume = consume
        permits = DispatchSemaphore(value: window)
    }

    /// The first failure, once the workers have finished.
    var failure: Failure? { state.withLock { $0.failure } }

    /// The next index to render, nil when all are taken or a failure stopped the work. Waits
    /// while the window is full.
    func nextIndex(below count: Int) -> Int? {
        guard !stopped.load(ordering: .acquiring) else { return nil }
        permits.wait()
        let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count, !stopped.load(ordering: .acquiring) else {
            permits.signal()
            return nil
        }
        return index
    }

    /// Hands over the output of `index`, and consumes every output ready in order.
    func deliver(_ output: Result<Output, Failure>, at index: Int) {
        state.withLock { state in
            state.waiting[index] = output
            while state.failure == nil, let ready = state.waiting.removeValue(forKey: state.next) {
                switch ready {
                case .success(let value):
                    consume(value)
                case .failure(let error):
                    state.failure = error
                    stopped.store(true, ordering: .releasing)
                }
                state.next += 1
                permits.signal()
            }
            if state.failure != nil {
                // Outputs after the failure are dropped, and their permits returned.
                for _ in state.waiting { permits.signal() }
                state.waiting = [:]
            }
        }
    }
}
