import Inventory
import PolicyEngine
import TabularText

/// The first bytes of an input, decompressed when it is gzip, UTF-16 transcoded, for format
/// detection (readers judge content, not file names).
enum InputSample {
    /// Up to `limit` leading bytes of the (decompressed) content.
    static func read(_ path: String, limit: Int = 1 << 16) throws -> [UInt8] {
        let source: any ByteSource
        do {
            source = try ByteSources.open(path)
        } catch {
            throw InventoryError.unreadable(file: path, reason: error.message)
        }
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let got: Int
            do {
                got = try source.read(into: &bytes, at: filled)
            } catch {
                throw InventoryError.unreadable(file: path, reason: error.message)
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(limit - filled)
        return InventoryInput.normalizeEncoding(bytes)
    }

    /// The first line's fields when the sample looks like CSV (for billing header detection).
    static func csvHeader(_ sample: [UInt8]) -> [String]? {
        guard let end = sample.firstIndex(of: 0x0A) ?? (sample.isEmpty ? nil : sample.count) else { return nil }
        let line = Array(sample[..<end])
        guard let first = line.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "["), line.contains(UInt8(ascii: ",")) else { return nil }
        return try? CSVTable(bytes: line + [0x0A], file: "header").header
    }
}
