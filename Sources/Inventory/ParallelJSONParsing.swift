import PolicyEngine
import Synchronization

/// Parses many JSON texts held in one buffer on all cores; results come back in input order.
enum ParallelJSONParsing {
    /// Key caches of the running workers, kept from batch to batch (a cache that starts empty
    /// for every batch shares little and costs its setup each time).
    static let caches = KeyCachePool()

    /// The JSON text at `position` (an index into the ranges) failed to parse.
    struct Failure: Error {
        /// Which range.
        var position: Int
        /// Why, and where in that text.
        var error: JSONSyntaxError
    }

    /// `element(position, value)` for the value parsed from each range, in order, made on the
    /// workers (so that the reading thread neither copies nor frees them); the first range that
    /// fails to parse, by position, throws.
    static func parse<Element: Sendable>(
        _ ranges: [Range<Int>], in buffer: [UInt8], element: @escaping @Sendable (Int, consuming Value) -> Element
    ) throws(Failure) -> [Element] {
        try eachRange(ranges, in: buffer) { (position, text, keyCache) throws(JSONSyntaxError) in
            element(position, try JSONParser.parse(text, keyCache: keyCache))
        }
    }

    /// `parse`, each value packed as it is parsed (`JSONParser.parsePacked`), without its tree;
    /// a text that needs the tree parse (an error, a large object) is parsed and packed so.
    static func parsePacked<Element: Sendable>(
        _ ranges: [Range<Int>], in buffer: [UInt8], element: @escaping @Sendable (Int, PackedDocument) -> Element
    ) throws(Failure) -> [Element] {
        try eachRange(ranges, in: buffer) { (position, text, keyCache) throws(JSONSyntaxError) in
            if let packed = JSONParser.parsePacked(text, keyCache: keyCache) { return element(position, packed) }
            return element(position, PackedDocument(packing: try JSONParser.parse(text, keyCache: keyCache)))
        }
    }

    /// `read(position, text, keyCache)` for the text of each range, on all cores with a key cache
    /// each, results in order; the first range that fails, by position, throws.
    private static func eachRange<Element: Sendable>(
        _ ranges: [Range<Int>], in buffer: [UInt8],
        _ read: @escaping @Sendable (Int, ByteView, JSONKeyCache) throws(JSONSyntaxError) -> Element
    ) throws(Failure) -> [Element] {
        try buffer.withByteView { (bytes) throws(Failure) -> [Element] in
            try ParallelMap.fill(count: ranges.count, minimumChunk: 1) { (chunk, output) throws(Failure) in
                try caches.withCache { (keyCache) throws(Failure) in
                    for position in chunk {
                        do throws(JSONSyntaxError) {
                            output.append(try read(position, bytes.extracting(ranges[position]), keyCache))
                        } catch {
                            throw Failure(position: position, error: error)
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
    func withCache<Result, Failure: Error>(_ body: (JSONKeyCache) throws(Failure) -> Result) throws(Failure) -> Result {
        let cache = idle.withLock { $0.popLast() } ?? JSONKeyCache()
        defer { idle.withLock { $0.append(cache) } }
        return try body(cache)
    }
}
