import PolicyEngine
import TabularText

/// Sequential byte access to an input file: whole-file reads for small files, fixed-size chunks
/// for large ones, UTF-16 transcoding for the Windows exports that carry it (Terraform plans
/// written by PowerShell). The bytes come from a `ReadOnceFile`: the shared one of the input a
/// run is reading now (`SharedInput`), whose SHA-256 is computed on the way, else a private one.
public final class InputFile {
    /// The path as given.
    public let path: String
    /// Size in bytes (0 when the file is not a regular file).
    public let size: Int
    /// Bytes read so far.
    public private(set) var position = 0
    private let bytes: any InputBytes

    /// Opens a file for reading (or joins the shared bytes of the input being read now).
    public init(path: String) throws(InventoryError) {
        self.path = path
        if let shared = SharedInput.bytes(of: path) {
            bytes = shared
        } else {
            do {
                bytes = try ReadOnceFile(path: path, replayLimit: 1 << 16)
            } catch {
                throw .unreadable(file: path, reason: Self.reason(error))
            }
        }
        size = bytes.size ?? 0
    }

    /// Reads up to `count` bytes into `buffer`; returns the number read (0 at end).
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InventoryError) -> Int {
        do {
            let got = try bytes.read(at: position, into: UnsafeMutableRawBufferPointer(start: buffer, count: count))
            position += got
            return got
        } catch {
            throw .unreadable(file: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? TabularTextError)?.reason ?? "\(error)"
    }

    /// Reads the whole file.
    public func readAll() throws(InventoryError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        let filled = try fill(&bytes)
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// Fills `bytes` from the current position; returns how many bytes were read.
    public func fill(_ bytes: inout [UInt8]) throws(InventoryError) -> Int {
        var filled = 0
        var failure: InventoryError?
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while filled < raw.count {
                do throws(InventoryError) {
                    let got = try read(into: base + filled, count: raw.count - filled)
                    if got == 0 { return }
                    filled += got
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        return filled
    }

    /// The whole file as UTF-8 text bytes: a UTF-8 BOM is dropped, UTF-16 (with BOM, either
    /// byte order) is transcoded.
    public static func readText(path: String) throws(InventoryError) -> [UInt8] {
        let raw = try InputFile(path: path).readAll()
        return normalizeEncoding(raw)
    }

    /// Drops a UTF-8 BOM; transcodes UTF-16 LE/BE text (detected by BOM or by NUL patterns).
    public static func normalizeEncoding(_ raw: [UInt8]) -> [UInt8] {
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { return Array(raw[3...]) }
        var littleEndian: Bool?
        var start = 0
        if raw.count >= 2 {
            if raw[0] == 0xFF && raw[1] == 0xFE {
                littleEndian = true
                start = 2
            } else if raw[0] == 0xFE && raw[1] == 0xFF {
                littleEndian = false
                start = 2
            } else if raw.count >= 4 && raw[1] == 0 && raw[3] == 0 && raw[0] != 0 {
                littleEndian = true
            } else if raw.count >= 4 && raw[0] == 0 && raw[2] == 0 && raw[1] != 0 {
                littleEndian = false
            }
        }
        guard let littleEndian else { return raw }
        var units: [UInt16] = []
        units.reserveCapacity((raw.count - start) / 2)
        var index = start
        while index + 1 < raw.count {
            let unit = littleEndian ? UInt16(raw[index]) | UInt16(raw[index + 1]) << 8 : UInt16(raw[index]) << 8 | UInt16(raw[index + 1])
            units.append(unit)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// The 1-based line `line` of `bytes` (for caret diagnostics), without its newline.
    public static func line(_ line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count && current < line {
            if bytes[index] == 0x0A {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == line, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
