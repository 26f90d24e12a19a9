#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import PolicyEngine

/// A forward-only stream of bytes: a plain file or a decompressed gzip file.
///
/// Sources are used by one thread at a time (the chunk reader), so they are classes with
/// mutable state and no locking.
public protocol ByteSource: AnyObject {
    /// The path, as given, for messages.
    var path: String { get }
    /// Fills up to `buffer.count` bytes; returns 0 only at the end of the data.
    func read(into buffer: MutableByteView) throws(TabularTextError) -> Int
    /// Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress.
    var consumedFileBytes: Int { get }
    /// Size of the underlying file, when known.
    var fileSize: Int? { get }
}

extension ByteSource {
    /// Fills `bytes[offset...]` (up to the array's end); returns how many bytes were read, 0
    /// only at the end of the data.
    public func read(into bytes: inout [UInt8], at offset: Int) throws(TabularTextError) -> Int {
        try bytes.withMutableByteView { (view) throws(TabularTextError) -> Int in try read(into: view.extracting(offset...)) }
    }
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
    /// Opens `path`; gzip data (magic `1f 8b`) is decompressed on the fly with `decoder`. When
    /// `path` is the input a run is reading now (`SharedInput`), its shared bytes are read
    /// instead of the file again.
    public static func open(_ path: String, decoder: GzipDecoder = .isal) throws(TabularTextError) -> any ByteSource {
        let file = try FileByteSource(path: path)
        var magic: [UInt8] = [0, 0]
        let count = try magic.withMutableByteView { (view) throws(TabularTextError) in try file.peek(into: view) }
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

/// A plain file read with `read(2)` through a `ReadOnceFile` (never mapped, so memory stays flat
/// for any file size), or the shared bytes of the input a run is reading now.
public final class FileByteSource: ByteSource {
    /// The path, as given.
    public let path: String
    private let bytes: any InputBytes
    /// Bytes read so far.
    public private(set) var consumedFileBytes = 0
    /// Size from `fstat`, when it is a regular file.
    public var fileSize: Int? { bytes.size }

    /// Opens the file for reading (or joins the shared bytes of the input being read now).
    public init(path: String) throws(TabularTextError) {
        self.path = path
        if let shared = SharedInput.bytes(of: path) {
            bytes = shared
        } else {
            // Opened for this reader alone: nobody asks for its digest.
            bytes = try ReadOnceFile(path: path, replayLimit: 1 << 16, hashing: false)
        }
    }

    /// Reads the next bytes of the file.
    public func read(into buffer: MutableByteView) throws(TabularTextError) -> Int {
        let count = try peek(into: buffer)
        consumedFileBytes += count
        return count
    }

    /// Copies the next bytes without consuming them.
    func peek(into buffer: MutableByteView) throws(TabularTextError) -> Int {
        do {
            return try bytes.read(at: consumedFileBytes, into: buffer)
        } catch let error as TabularTextError {
            throw error
        } catch {
            throw .readFailed(path: path, reason: "\(error)")
        }
    }
}
