#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import PolicyEngine

/// A file whose bytes are read from its descriptor exactly once, in order, and hashed (SHA-256,
/// on another thread: `BackgroundDigest`) as they are read: the digest recorded for an input is the digest of the very bytes that were
/// detected and parsed, even if the file changes or is replaced while Assay runs. A file opened
/// for a reader alone, whose digest nobody records, is not hashed (SHA-256 is a fifth of the CPU
/// of reading a billing export).
///
/// Readers often look at the head before they parse (format detection, gzip magic, the root key
/// of a JSON document) and then start again from byte 0. The first `replayLimit` bytes are kept
/// in memory so that such restarts replay them instead of reading the file again; once a read
/// goes past that limit the kept bytes are dropped, and a later restart from the beginning is an
/// error (it would need the file a second time). Used by one thread at a time.
///
/// Sendable (required by `InputBytes`, which `SharedInput` binds for the reading task): used by one
/// thread at a time, as said above; it changes threads only by hand-over, never concurrently.
public final class ReadOnceFile: InputBytes, @unchecked Sendable {
    /// The path, as given.
    public let path: String
    /// Size from `fstat` for a regular file; nil for other kinds.
    public let size: Int?
    /// Bytes kept for restarts from byte 0: 16 MiB for an input shared by a run (detection and
    /// readers' heads are at most a few MiB); less for a private open.
    public let replayLimit: Int
    /// Bytes read from the descriptor so far (each byte of the file is read once).
    public private(set) var bytesRead = 0
    /// `read(2)` calls that returned data, for tests that check the file is read once.
    public private(set) var descriptorReads = 0

    private let descriptor: Int32
    private var kept: [UInt8] = []
    private var keeping = true
    private var ended = false
    /// Nil when the file is not hashed.
    private let digest: BackgroundDigest?

    /// Opens `path` for reading (a folder is an error); `hashing: false` when no digest will be
    /// asked for.
    public init(path: String, replayLimit: Int = 16 << 20, hashing: Bool = true) throws(TabularTextError) {
        self.path = path
        self.replayLimit = replayLimit
        self.digest = hashing ? BackgroundDigest() : nil
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(opened, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(opened)
            throw .cannotOpen(path: path, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw .cannotOpen(path: path, reason: "is a directory")
        }
        descriptor = opened
        if (status.st_mode & S_IFMT) == S_IFREG {
            size = Int(status.st_size)
            // Sequential access: ask the kernel for aggressive read-ahead.
            #if canImport(Glibc)
            _ = posix_fadvise(opened, 0, 0, POSIX_FADV_SEQUENTIAL)
            #endif
        } else {
            size = nil
        }
    }

    deinit { close(descriptor) }

    /// Copies the bytes at `offset` into `buffer`: from the kept head when `offset` was read
    /// before, from the file when it is the next unread byte. Returns 0 at the end of the file.
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(TabularTextError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if offset < bytesRead {
            guard keeping, offset >= 0 else {
                throw .readFailed(path: path, reason: "internal error: the input was about to be read a second time past its first "
                    + "\(replayLimit >> 20) MiB (inputs are read once); please report this")
            }
            let count = min(buffer.count, bytesRead - offset)
            kept.withUnsafeBytes { base.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            return count
        }
        guard offset == bytesRead else {
            throw .readFailed(path: path, reason: "internal error: read at \(offset) past the bytes read (\(bytesRead))")
        }
        if ended { return 0 }
        while true {
            let got = systemRead(descriptor, base, buffer.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 {
                // The end as the readers saw it: bytes appended later are neither parsed nor hashed.
                ended = true
                return 0
            }
            let fresh = UnsafeRawBufferPointer(start: base, count: got)
            digest?.update(fresh)
            bytesRead += got
            descriptorReads += 1
            if keeping {
                if kept.count + got <= replayLimit {
                    kept.append(contentsOf: fresh)
                } else {
                    keeping = false
                    kept = []
                }
            }
            return got
        }
    }

    /// The SHA-256 (lower-case hex) of the file's bytes: those the readers read, and any they
    /// left unread before the end (read now, once).
    public func sha256() throws(TabularTextError) -> String {
        guard let digest else {
            throw .readFailed(path: path, reason: "internal error: the digest of an input opened without hashing was asked for; please report this")
        }
        if !ended {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { block.deallocate() }
            keeping = false
            kept = []
            while try read(at: bytesRead, into: block) > 0 {}
        }
        var finished = digest.current()
        return finished.hexDigest()
    }
}

/// `read(2)`, named apart from `ReadOnceFile.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
