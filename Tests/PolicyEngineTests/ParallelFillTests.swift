import PolicyEngine
import Synchronization
import Testing

/// `ParallelMap.fill` and `ArrayBuilder` write outputs in place: the order, the error and the
/// lifetime of every output must be what a plain sequential map gives.
@Suite("Parallel fill in place", .serialized)
struct ParallelFillTests {
    /// Counts live instances, so a test sees an output destroyed twice or never.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    struct Failure: Error, Equatable { var position: Int }

    @Test("outputs come out in order whatever the chunk size", arguments: [1, 3, 64, 1_000, 100_000])
    func order(minimumChunk: Int) {
        let items = Array(0..<10_007)
        let outputs = ParallelMap.map(items, minimumChunk: minimumChunk) { $0 * 3 }
        #expect(outputs == items.map { $0 * 3 })
        let filled = ParallelMap.fill(count: items.count, minimumChunk: minimumChunk) { range, output in
            for position in range { output.append(position + 1) }
        }
        #expect(filled == items.map { $0 + 1 })
        let parts = ParallelMap.chunks(count: items.count, minimumChunk: minimumChunk) { range in range.map { $0 + 1 } }
        #expect(parts.flatMap { $0 } == items.map { $0 + 1 })
    }

    @Test("the first failing position throws, and every output already made is destroyed once")
    func failureDestroysOutputs() {
        let before = Tracked.live.load(ordering: .relaxed)
        for failing in [0, 17, 5_000, 9_999] {
            #expect(throws: Failure(position: min(failing, 5_000))) {
                _ = try ParallelMap.map(Array(0..<10_000), minimumChunk: 16) { (item) throws(Failure) -> Tracked in
                    if item == failing || item == 5_000 { throw Failure(position: item) }
                    return Tracked(item)
                }
            }
            #expect(Tracked.live.load(ordering: .relaxed) == before, "failing at \(failing)")
        }
    }

    @Test("a builder keeps its batches in order across growth and moves them out without copies")
    func builderAcrossBatches() throws {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            var builder = ArrayBuilder<Tracked>()
            var expected: [Int] = []
            for batch in [1, 0, 40, 3_000, 17, 70_000] {
                let start = expected.count
                builder.append(count: batch, minimumChunk: 64) { range, output in
                    for position in range { output.append(Tracked(start + position)) }
                }
                expected += (start..<(start + batch))
                // Room reserved for fewer than the batches to come: they still grow it.
                if batch == 40 { builder.reserveCapacity(1_000) }
            }
            // A failing batch appends nothing.
            #expect(throws: Failure(position: 3)) {
                try builder.append(count: 500, minimumChunk: 8) { (range, output) throws(Failure) in
                    for position in range {
                        if position == 3 || position == 400 { throw Failure(position: position) }
                        output.append(Tracked(-1))
                    }
                }
            }
            #expect(builder.count == expected.count)
            let built = builder.build()
            #expect(built.map(\.value) == expected)
            #expect(Tracked.live.load(ordering: .relaxed) == before + expected.count)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }

    @Test("every element is changed in place exactly once, across chunks", arguments: [0, 1, 8_191, 8_192 * 3 + 5])
    func updateEachChangesEveryElementOnce(count: Int) {
        // Elements that share storage with nothing: a change made through a copy would leave the
        // array's element as it was, a chunk skipped or run twice shows in the counts.
        var documents = (0..<count).map { [$0] }
        ParallelMap.updateEach(&documents, minimumChunk: 8_192) { index, element in
            element.append(index * 2)
        }
        #expect(documents.count == count)
        #expect(documents.indices.allSatisfy { documents[$0] == [$0, $0 * 2] })
    }

    @Test("elements placed at the end of an array that shares its storage leave the other owner as it was")
    func appendPlacingOnSharedStorage() {
        var array = [1, 2, 3]
        let shared = array
        array.appendPlacing(count: 2) { place in
            place.initialize(at: 0, to: 4)
            place.initialize(at: 1, to: 5)
            return 2
        }
        #expect(array == [1, 2, 3, 4, 5])
        #expect(shared == [1, 2, 3])
        array.appendPlacing(count: 3) { _ in 0 }  // placed nothing: nothing appended
        #expect(array == [1, 2, 3, 4, 5])
    }
}
