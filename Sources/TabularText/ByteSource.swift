#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only stream of bytes: a plain file or a decompressed gzip file.
///
/// Sources are used by one thread at a time (the chunk reader), so they are classes with
/// mutable state and no locking.
public protocol ByteSource: AnyObject {
    /// The path, as given, for messages.
    var path: String { get }
    /// Fills up to `buffer.count` bytes; returns 0 only at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TabularTextError) -> Int
    /// Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress.
    var consumedFileBytes: Int { get }
    /// Size of the underlying file, when known.
    var fileSize: Int? { get }
}

/// Which inflate implementation decodes `.gz` inputs.
public enum GzipDecoder: String, CaseIterable, Sendable {
    /// Intel ISA-L igzip: about 3.5× faster than zlib on this kind of data.
    case isal
    /// zlib: the reference implementation.
    case zlib
}

/// Opens files as byte sources, recognising gzip by its magic bytes rather than the file name.
public enum ByteSources {
    /// Opens `path`; gzip data (magic `1f 8b`) is decompressed on the fly with `decoder`.
    public static func open(_ path: String, decoder: GzipDecoder = .isal) throws(TabularTextError) -> any ByteSource {
        let file = try FileByteSource(path: path)
        var magic: [UInt8] = [0, 0]
        let count = magic.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, 2, 0) }
        if count == 2 && magic[0] == 0x1F && magic[1] == 0x8B {
            switch decoder {
            case .isal: return GzipByteSource(file: file, engine: ISALInflateEngine())
            case .zlib:
                do {
                    return GzipByteSource(file: file, engine: try ZlibInflateEngine())
                } catch {
                    throw .corruptGzip(path: path, reason: error.reason)
                }
            }
        }
        return file
    }
}

/// A plain file read with `read(2)`; never mapped, so memory stays flat for any file size.
public final class FileByteSource: ByteSource {
    /// The path, as given.
    public let path: String
    let descriptor: Int32
    /// Bytes read so far.
    public private(set) var consumedFileBytes = 0
    /// Size from `fstat`, when it is a regular file.
    public let fileSize: Int?

    /// Opens the file for reading.
    public init(path: String) throws(TabularTextError) {
        self.path = path
        let opened = Glibc.open(path, O_RDONLY)
        guard opened >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        descriptor = opened
        var status = stat()
        if fstat(opened, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG {
            fileSize = Int(status.st_size)
            // Sequential access: ask the kernel for aggressive read-ahead.
            _ = posix_fadvise(opened, 0, 0, POSIX_FADV_SEQUENTIAL)
        } else {
            fileSize = nil
        }
    }

    deinit { close(descriptor) }

    /// Reads the next bytes of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(TabularTextError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 {
                consumedFileBytes += count
                return count
            }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
