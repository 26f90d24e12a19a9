/// A sequential source of input bytes: a plain file (`InputFile`) or a decompressing stream.
/// The streaming readers (`JSONArrayStream`) pull blocks from one, so a gzip file streams the
/// same way a plain one does.
public protocol ByteStream: AnyObject {
    /// Reads up to `count` bytes into `buffer`; returns how many were read (0 at the end).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int
    /// Size of the underlying file in bytes (the compressed size for compressed input), for progress.
    var size: Int { get }
    /// Bytes of the underlying file consumed so far, for progress.
    var position: Int { get }
}

/// Decompresses a gzip file as a stream.
///
/// This is the seam for compressed inventory exports (AWS Config delivers
/// `…_ConfigSnapshot_….json.gz`): the `Inventory` target links no zlib of its own, so the
/// command line hands the inflater of the target that does (the zlib/ISA-L streaming inflate
/// target) to `AWSConfigReader(inflater:)`. Without one, a gzip input is reported as
/// `InventoryError.badCompression`.
public protocol GzipInflating: Sendable {
    /// Opens `path` (a gzip file, possibly multi-member) for streaming decompression.
    func open(path: String) throws -> any ByteStream
}

extension InputFile: ByteStream {}

/// Gzip detection and whole-stream reads shared by the readers.
enum Compression {
    /// True when the bytes start with the gzip magic number.
    static func isGzip(_ head: some Collection<UInt8>) -> Bool {
        var iterator = head.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// True when the file at `path` starts with the gzip magic number.
    static func isGzip(path: String) throws(InventoryError) -> Bool {
        let file = try InputFile(path: path)
        var head = [UInt8](repeating: 0, count: 2)
        let got = try file.fill(&head)
        return got == 2 && isGzip(head)
    }

    /// Opens `path` for reading: plainly, or through `inflater` when it is gzip. A gzip file
    /// without an inflater is an error naming the file.
    static func open(path: String, inflater: (any GzipInflating)?) throws -> any ByteStream {
        guard try isGzip(path: path) else { return try InputFile(path: path) }
        guard let inflater else {
            throw InventoryError.badCompression(
                file: path, reason: "the file is gzip-compressed and this build has no gzip inflater wired in (decompress it with gunzip first)")
        }
        return try inflater.open(path: path)
    }

    /// Every byte of a source.
    static func readAll(_ source: any ByteStream) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let block = 1 << 20
        var chunk = [UInt8](repeating: 0, count: block)
        while true {
            let got = try chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try source.read(into: base, count: block)
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// Up to `limit` leading bytes of a source (the detection sample).
    static func head(_ source: any ByteStream, limit: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let got = try bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try source.read(into: base + filled, count: limit - filled)
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(limit - filled)
        return bytes
    }
}
