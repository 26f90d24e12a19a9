import Foundation
import Synchronization
import Testing
@testable import PolicyEngine

/// `ParallelMap.inOrder`: every output consumed once, in index order, by one thread at a time,
/// with no more than the window in flight; the first failure (by index) thrown after everything
/// before it, nothing after it consumed.
@Suite("ParallelMap.inOrder")
struct ParallelInOrderTests {
    struct Failure: Error, Equatable {
        let index: Int
    }

    /// Counters the renders and the consumer share.
    final class Probe: Sendable {
        /// Rendered and not yet consumed, and the most ever seen.
        let inFlight = Atomic<Int>(0)
        let mostInFlight = Atomic<Int>(0)
        /// Consumers running now, and the most ever seen at once.
        let consuming = Atomic<Int>(0)
        let mostConsuming = Atomic<Int>(0)

        func rendered() {
            let now = inFlight.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            mostInFlight.max(now, ordering: .sequentiallyConsistent)
        }
    }

    /// Uneven work, so that outputs finish out of order on several cores.
    static func work(_ index: Int) -> Int {
        var total = 0
        for value in 0..<(index % 7 == 0 ? 200_000 : 2_000) { total &+= value ^ index }
        return total
    }

    @Test("outputs consumed once each, in index order, one consumer at a time, within the window")
    func inOrderWithinTheWindow() throws {
        let count = ParallelMap.inOrderWindow * 12 + 5
        let probe = Probe()
        var consumed: [Int] = []
        ParallelMap.inOrder(count: count) { index in
            let value = Self.work(index)
            probe.rendered()
            return (index, value)
        } consume: { output in
            let running = probe.consuming.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            probe.mostConsuming.max(running, ordering: .sequentiallyConsistent)
            #expect(output.1 == Self.work(output.0))
            consumed.append(output.0)
            probe.inFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            probe.consuming.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        }
        #expect(consumed == Array(0..<count))
        #expect(probe.mostConsuming.load(ordering: .sequentiallyConsistent) == 1)
        #expect(probe.mostInFlight.load(ordering: .sequentiallyConsistent) <= ParallelMap.inOrderWindow)
    }

    @Test("no index, one index")
    func edges() {
        var consumed: [Int] = []
        ParallelMap.inOrder(count: 0) { $0 } consume: { consumed.append($0) }
        #expect(consumed.isEmpty)
        ParallelMap.inOrder(count: 1) { $0 + 40 } consume: { consumed.append($0) }
        #expect(consumed == [40])
    }

    @Test("the first failing index is thrown; every output before it is consumed, none after it")
    func firstFailure() {
        let count = ParallelMap.inOrderWindow * 6
        let failing: Set<Int> = [37, 38, 90]
        var consumed: [Int] = []
        #expect(throws: Failure(index: 37)) {
            try ParallelMap.inOrder(count: count) { (index) throws(Failure) -> Int in
                _ = Self.work(index)
                if failing.contains(index) { throw Failure(index: index) }
                return index
            } consume: { consumed.append($0) }
        }
        #expect(consumed == Array(0..<37))
    }
}
