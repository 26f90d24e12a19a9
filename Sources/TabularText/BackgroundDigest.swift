import Dispatch
import PolicyEngine
import Synchronization

/// SHA-256 of a stream of bytes, computed on another thread in the order the bytes came: the
/// reading thread only copies each block (a tenth of the cost of hashing it) and goes on
/// scanning and parsing, so an input's digest no longer lengthens its read. At most
/// `blocksInFlight` copies wait at once; their buffers are reused.
///
/// Sendable: `hash` is touched only on `queue` (serial); the spare buffers behind a mutex.
final class BackgroundDigest: @unchecked Sendable {
    /// Copies waiting to be hashed at most (each as large as one read).
    static let blocksInFlight = 2

    private let queue = DispatchQueue(label: "assay.input-digest", qos: .userInitiated)
    private var hash = SHA256()
    private let room = DispatchSemaphore(value: blocksInFlight)
    private let spare = Mutex<[[UInt8]]>([])

    /// Queues `bytes` (copied) to be hashed after everything queued before.
    func update(_ bytes: ByteView) {
        room.wait()
        var copy = spare.withLock { $0.popLast() } ?? []
        copy.removeAll(keepingCapacity: true)
        copy.append(contentsOf: bytes)
        let block = copy
        queue.async { [self] in
            block.withByteView { hash.update($0) }
            spare.withLock { $0.append(block) }
            room.signal()
        }
    }

    /// The hash of every byte queued so far (waits for them).
    func current() -> SHA256 { queue.sync { hash } }
}
