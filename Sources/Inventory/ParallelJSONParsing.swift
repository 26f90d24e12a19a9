import Dispatch
import PolicyEngine
import Synchronization

/// Parses many JSON texts held in one buffer on all cores; results come back in input order.
enum ParallelJSONParsing {
    /// Key caches of the running workers, kept from batch to batch (a cache that starts empty
    /// for every batch shares little and costs its setup each time).
    static let caches = KeyCachePool()

    /// One result per range, in order.
    static func parse(_ ranges: [Range<Int>], in buffer: [UInt8]) -> [Result<Value, JSONSyntaxError>] {
        guard !ranges.isEmpty else { return [] }
        let results = Mutex<[Int: Result<Value, JSONSyntaxError>]>([:])
        let workers = min(ranges.count, 64)
        let stride = (ranges.count + workers - 1) / workers
        buffer.withUnsafeBufferPointer { bytes in
            let shared = SharedBytes(bytes)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = worker * stride
                let end = min(start + stride, ranges.count)
                guard start < end else { return }
                var local: [(Int, Result<Value, JSONSyntaxError>)] = []
                local.reserveCapacity(end - start)
                caches.withCache { keyCache in
                    for position in start..<end {
                        let slice = UnsafeBufferPointer(rebasing: shared.bytes[ranges[position]])
                        do throws(JSONSyntaxError) {
                            local.append((position, .success(try JSONParser.parse(slice, keyCache: keyCache))))
                        } catch {
                            local.append((position, .failure(error)))
                        }
                    }
                }
                results.withLock { table in for (position, result) in local { table[position] = result } }
            }
        }
        let table = results.withLock { $0 }
        return ranges.indices.map { table[$0] ?? .failure(JSONSyntaxError(offset: 0, line: 1, column: 1, reason: "not parsed")) }
    }
}

/// Idle key caches: a worker takes one for its run and puts it back, so there are about as
/// many caches as workers ever ran at once.
final class KeyCachePool: Sendable {
    private let idle = Mutex<[JSONKeyCache]>([])

    /// Runs `body` with a cache no other worker is using.
    func withCache<Result>(_ body: (JSONKeyCache) -> Result) -> Result {
        let cache = idle.withLock { $0.popLast() } ?? JSONKeyCache()
        defer { idle.withLock { $0.append(cache) } }
        return body(cache)
    }
}

/// Lets parallel workers read one immutable buffer.
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}
