import Inventory
import TabularText

/// Gives the inventory readers streaming gzip through `TabularText` (ISA-L, or zlib), so the
/// `Inventory` target needs no decompression library of its own.
struct TabularGzipInflater: GzipInflating {
    func open(path: String) throws -> any ByteStream { TabularByteStream(try ByteSources.open(path)) }
}

/// A `TabularText` byte source seen as an inventory byte stream.
final class TabularByteStream: ByteStream {
    let source: any TabularText.ByteSource

    init(_ source: any TabularText.ByteSource) { self.source = source }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: count))
    }

    var size: Int { source.fileSize ?? 0 }
    var position: Int { source.consumedFileBytes }
}
