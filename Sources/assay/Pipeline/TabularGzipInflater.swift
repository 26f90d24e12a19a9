import Inventory
import TabularText

/// Gives the inventory readers streaming gzip through `TabularText` (ISA-L, or zlib), so the
/// `Inventory` target needs no decompression library of its own.
struct TabularGzipInflater: GzipInflating {
    func open(path: String) throws -> any ByteStream {
        do {
            return TabularByteStream(try ByteSources.open(path))
        } catch {
            throw InventoryError.unreadable(file: path, reason: error.message)
        }
    }
}

/// A `TabularText` byte source seen as an inventory byte stream.
final class TabularByteStream: ByteStream {
    let source: any TabularText.ByteSource

    init(_ source: any TabularText.ByteSource) { self.source = source }

    /// Reads decompressed bytes; a corrupt, truncated or garbage-trailed stream is an input error naming the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        do {
            return try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: count))
        } catch {
            throw InventoryError.unreadable(file: source.path, reason: error.message)
        }
    }

    var size: Int { source.fileSize ?? 0 }
    var position: Int { source.consumedFileBytes }
}
