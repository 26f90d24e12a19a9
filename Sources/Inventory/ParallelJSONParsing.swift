import PolicyEngine
import Synchronization

/// Parses many JSON texts held in one buffer on all cores; results come back in input order.
enum ParallelJSONParsing {
    /// Key caches of the running workers, kept from batch to batch (a cache that starts empty
    /// for every batch shares little and costs its setup each time).
    static let caches = KeyCachePool()

    /// One result per range, in order.
    static func parse(_ ranges: [Range<Int>], in buffer: [UInt8]) -> [Result<Value, JSONSyntaxError>] {
        buffer.withByteView { bytes in
            ParallelMap.mapChunks(count: ranges.count, minimumChunk: 1) { chunk in
                caches.withCache { keyCache in
                    chunk.map { position -> Result<Value, JSONSyntaxError> in
                        let slice = bytes.extracting(ranges[position])
                        do throws(JSONSyntaxError) {
                            return .success(try JSONParser.parse(slice, keyCache: keyCache))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
            }
        }
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
