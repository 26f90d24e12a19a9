public import PolicyEngine

/// A buffer of whole CSV records handed to a worker. Owned by one thread at a time: the reader
/// fills it, one worker scans it, the pool takes it back.
///
/// Sendable: one owner at a time (reader, then one worker, then the pool); every hand-over goes
/// through a `BlockingQueue`, whose lock orders the writes of one owner before the next one's reads.
public final class CSVChunk: @unchecked Sendable {
    /// Position of the chunk in the file (0, 1, 2, …), for merging results in file order.
    public internal(set) var index = 0
    /// The records; the last byte is always a line feed.
    public var bytes: ByteView { storage.bytes(from: 0, count: count) }

    var storage: ManualBuffer<UInt8>
    var capacity: Int
    var count = 0

    /// An empty chunk buffer of `capacity` bytes (it grows for longer records).
    public init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = ManualBuffer(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Makes room for `needed` bytes, keeping the current contents.
    func reserve(_ needed: Int) {
        ByteBufferGrowth.reserve(&storage, capacity: &capacity, used: count, needed: needed)
    }
}

/// Reads a CSV byte stream as a header record followed by chunks of whole records.
///
/// Chunks end at a line feed that lies outside quotes: the reader counts the quotes before the
/// chunk's last line feed (`text_scan_count_quotes`, SSE2) to know its quote parity, so a line
/// break inside a quoted field never splits a record. Memory is the chunks in flight plus one
/// record of carry-over, whatever the file size.
public final class CSVChunkReader {
    /// The source, for progress figures.
    public let source: any ByteSource
    /// Bytes per chunk (a chunk grows only to hold one record longer than this).
    public let chunkSize: Int
    /// The longest record accepted before the reader gives up on finding its end.
    public let maxRecordBytes: Int
    private var carry: [UInt8] = []
    private var ended = false
    private var nextIndex = 0

    /// A reader over `source`.
    public init(source: any ByteSource, chunkSize: Int = 4 << 20, maxRecordBytes: Int = 64 << 20) {
        self.source = source
        self.chunkSize = max(chunkSize, 64)
        self.maxRecordBytes = maxRecordBytes
    }

    // MARK: - Header

    /// Reads the first record (the header), skipping a UTF-8 byte-order mark. Returns its fields
    /// and the number of lines it spans; nil for an empty input.
    public func readHeader() throws(TabularTextError) -> (fields: [String], lines: Int)? {
        let chunk = CSVChunk(capacity: 1 << 16)
        var boundary: Int?
        while boundary == nil {
            let filled = try fill(chunk, upTo: chunk.capacity - 1)
            boundary = Self.firstRecordEnd(chunk.bytes)
            if boundary == nil {
                if !filled {
                    boundary = chunk.count
                    break
                }
                if chunk.count >= maxRecordBytes { throw .recordTooLong(path: source.path, limit: maxRecordBytes) }
                chunk.reserve(chunk.capacity * 2)
            }
        }
        var start = 0
        if chunk.count >= 3 && chunk.storage[0] == 0xEF && chunk.storage[1] == 0xBB && chunk.storage[2] == 0xBF { start = 3 }
        let end = boundary ?? chunk.count
        carry = Array(chunk.bytes.extracting(end...))
        guard end > start else { return nil }
        var header = Array(chunk.bytes.extracting(start..<end))
        if header.last != 0x0A { header.append(0x0A) }
        let lines = header.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return header.withByteView { buffer -> (fields: [String], lines: Int)? in
            var scanner = CSVChunkScanner(chunk: buffer)
            let record = CSVRecord()
            guard (try? scanner.next(into: record)) == true else { return ([], lines) }
            return (record.strings, lines)
        }
    }

    /// Offset just past the first line feed outside quotes, scanning from the start.
    private static func firstRecordEnd(_ bytes: ByteView) -> Int? {
        var quoted = false
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == 0x0A && !quoted { return offset + 1 }
        }
        return nil
    }

    // MARK: - Chunks

    /// Fills `chunk` with the next whole records; false at the end of the input.
    public func next(into chunk: CSVChunk) throws(TabularTextError) -> Bool {
        chunk.count = 0
        chunk.reserve(max(chunkSize, carry.count) + 1)
        carry.withByteView { chunk.storage.copy($0, to: 0) }
        chunk.count = carry.count
        carry.removeAll(keepingCapacity: true)
        var target = chunkSize
        while true {
            let more = try fill(chunk, upTo: target)
            if !more {
                guard chunk.count > 0 else { return false }
                if chunk.storage[chunk.count - 1] != 0x0A {
                    chunk.reserve(chunk.count + 1)
                    chunk.storage[chunk.count] = 0x0A
                    chunk.count += 1
                }
                break
            }
            if let cut = Self.lastRecordEnd(chunk.bytes) {
                carry.append(contentsOf: chunk.bytes.extracting(cut...))
                chunk.count = cut
                break
            }
            // No record ends in the chunk: one record is longer than the chunk.
            guard chunk.count < maxRecordBytes else {
                // Give up on quote parity (an unclosed quote); cut at the last line feed so the
                // worker reports the broken record and the rest of the file still parses.
                guard let lastLineFeed = Self.lastLineFeed(chunk.bytes, before: chunk.count) else {
                    throw .recordTooLong(path: source.path, limit: maxRecordBytes)
                }
                let cut = lastLineFeed + 1
                carry.append(contentsOf: chunk.bytes.extracting(cut...))
                chunk.count = cut
                break
            }
            target = chunk.count * 2
            chunk.reserve(target + 1)
        }
        chunk.index = nextIndex
        nextIndex += 1
        return true
    }

    /// Reads into `chunk` until it holds `target` bytes; false when the source is exhausted
    /// before that.
    private func fill(_ chunk: CSVChunk, upTo target: Int) throws(TabularTextError) -> Bool {
        guard !ended else { return false }
        while chunk.count < target {
            let read = try source.read(into: chunk.storage.mutableBytes(from: chunk.count, count: target - chunk.count))
            if read == 0 {
                ended = true
                return false
            }
            chunk.count += read
        }
        return true
    }

    /// Offset just past the last line feed that lies outside quotes (the chunk starts outside
    /// quotes, at a record boundary); nil when there is none.
    static func lastRecordEnd(_ bytes: ByteView) -> Int? {
        guard var lineFeed = lastLineFeed(bytes, before: bytes.count) else { return nil }
        var quotesBefore = countQuotes(bytes, from: 0, to: lineFeed)
        while quotesBefore % 2 != 0 {
            guard let previous = lastLineFeed(bytes, before: lineFeed) else { return nil }
            quotesBefore -= countQuotes(bytes, from: previous, to: lineFeed)
            lineFeed = previous
        }
        return lineFeed + 1
    }

    /// The last line feed before `end` (a backward byte scan: records are short, so it is near).
    private static func lastLineFeed(_ bytes: ByteView, before end: Int) -> Int? {
        var cursor = end - 1
        while cursor >= 0 {
            if bytes[cursor] == 0x0A { return cursor }
            cursor -= 1
        }
        return nil
    }

    private static func countQuotes(_ bytes: ByteView, from start: Int, to end: Int) -> Int {
        bytes.quoteCount(from: start, to: end)
    }
}
