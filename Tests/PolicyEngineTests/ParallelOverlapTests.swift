import Synchronization
import Testing
@testable import PolicyEngine

/// `ParallelMap.overlapping`: the background value and the body's output both come back, and a
/// failing body still waits for the background work (nothing outlives the call).
@Suite("ParallelMap.overlapping")
struct ParallelOverlapTests {
    struct Failure: Error, Equatable {}

    final class Flag: Sendable {
        let raised = Atomic<Bool>(false)
    }

    @Test func returnsBoth() throws {
        var steps: [Int] = []
        let (background, output) = ParallelMap.overlapping({ (1...10_000).reduce(0, +) }, while: { () -> String in
            steps.append(1)
            return "body"
        })
        #expect(background == 50_005_000)
        #expect(output == "body")
        #expect(steps == [1])
    }

    @Test func aFailingBodyWaitsForTheBackground() {
        let finished = Flag()
        #expect(throws: Failure()) {
            _ = try ParallelMap.overlapping({ () -> Int in
                // Long enough that returning without waiting would be seen.
                var total = 0
                for value in 0..<2_000_000 { total &+= value }
                finished.raised.store(true, ordering: .sequentiallyConsistent)
                return total
            }, while: { () throws(Failure) -> Void in throw Failure() })
        }
        let raised = finished.raised.load(ordering: .sequentiallyConsistent)
        #expect(raised)
    }
}
