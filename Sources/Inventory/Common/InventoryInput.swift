public import PolicyEngine
public import TabularText

/// How the inventory readers open their inputs: through `TabularText`'s one byte layer
/// (`FileByteSource` for the bytes as they are on disk, `ByteSources` for streaming gzip), so a
/// plain file, a `.json.gz` snapshot and the run's shared bytes of the input being read now
/// (`SharedInput`) all read the same way. Failures become `InventoryError`s naming the file.
public enum InventoryInput {
    /// Opens `path` as it is on disk (no decompression), or joins the shared bytes of the input
    /// being read now.
    public static func plain(_ path: String) throws(InventoryError) -> FileByteSource {
        do {
            return try FileByteSource(path: path)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// Opens `path` for streaming: gzip data (recognised by its magic bytes) is decompressed on
    /// the fly, anything else is read as it is.
    public static func decompressing(_ path: String) throws(InventoryError) -> any ByteSource {
        do {
            return try ByteSources.open(path)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// True when the file at `path` starts with the gzip magic number.
    public static func isGzip(path: String) throws(InventoryError) -> Bool {
        var head = [UInt8](repeating: 0, count: 2)
        let got = try plain(path).fill(&head)
        return got == 2 && isGzip(head)
    }

    /// True when the bytes start with the gzip magic number.
    static func isGzip(_ head: some Collection<UInt8>) -> Bool {
        var iterator = head.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// The size of the file at `path` in bytes (0 when it is not a regular file).
    public static func size(of path: String) throws(InventoryError) -> Int {
        try plain(path).size
    }

    /// The whole file as UTF-8 text bytes: a UTF-8 BOM is dropped, UTF-16 (with BOM, either
    /// byte order) is transcoded.
    public static func readText(path: String) throws(InventoryError) -> [UInt8] {
        normalizeEncoding(try plain(path).readAll())
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
    public static func line(_ line: Int, in bytes: ByteView) -> String? {
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
        return bytes.extracting(start..<end).string
    }
}

extension ByteSource {
    /// Fills the start of `buffer`; returns how many bytes were read (0 at the end). A failure
    /// (unreadable file, corrupt or truncated gzip) is an input error naming the file.
    public func readInput(into buffer: MutableByteView) throws(InventoryError) -> Int {
        do throws(TabularTextError) {
            return try read(into: buffer)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// Size of the underlying file in bytes (the compressed size for gzip; 0 when unknown), for progress.
    public var size: Int { fileSize ?? 0 }

    /// Bytes of the underlying file consumed so far, for progress.
    public var position: Int { consumedFileBytes }

    /// Fills `bytes` from the current position; returns how many bytes were read.
    public func fill(_ bytes: inout [UInt8]) throws(InventoryError) -> Int {
        try fill(&bytes, from: 0)
    }

    /// Every remaining byte (decompressed, for a gzip source).
    public func readAll() throws(InventoryError) -> [UInt8] {
        // One read for a plain file (its size is known), then one to see the end.
        var bytes = [UInt8](repeating: 0, count: max(1 << 12, size - position + 1))
        var filled = 0
        while true {
            let got = try fill(&bytes, from: filled)
            filled += got
            if filled < bytes.count { break }
            bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, 64 << 20)))
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Up to `limit` leading bytes (the detection sample).
    public func head(limit: Int) throws(InventoryError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        let filled = try fill(&bytes)
        bytes.removeLast(limit - filled)
        return bytes
    }

    /// Fills `bytes[start...]`, stopping early only at the end of the data; returns the count read.
    private func fill(_ bytes: inout [UInt8], from start: Int) throws(InventoryError) -> Int {
        var filled = start
        try bytes.withMutableByteView { (raw) throws(InventoryError) in
            while filled < raw.count {
                let got = try readInput(into: raw.extracting(filled...))
                if got == 0 { return }
                filled += got
            }
        }
        return filled - start
    }
}
