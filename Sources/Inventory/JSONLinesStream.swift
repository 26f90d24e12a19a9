public import PolicyEngine

/// One parsed line of a JSON Lines file.
public struct ParsedLine: Sendable {
    /// 1-based line number.
    public var line: Int
    /// The parsed value.
    public var value: Value
}

/// Streams a JSON Lines file (one JSON value per line; blank lines and `#` comment lines, which
/// some exports such as Forseti's CAI dumps carry, are skipped). Blocks of lines are parsed in
/// parallel and delivered in order.
public struct JSONLinesStream {
    /// The file.
    public let path: String
    /// Bytes read per block.
    public var blockSize = 8 << 20

    /// Creates a stream.
    public init(path: String) { self.path = path }

    /// Calls `body` with consecutive batches of parsed lines, in order.
    public func forEachBatch(progress: (Int, Int) -> Void = { _, _ in }, _ body: ([ParsedLine]) throws -> Void) throws {
        let file = try InventoryInput.plain(path)
        var pending: [UInt8] = []
        var lineNumber = 1
        var done = 0
        var first = true
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { chunk.deallocate() }
        guard let base = chunk.baseAddress else { return }
        while true {
            let got = try file.read(into: base, count: blockSize)
            var fresh = UnsafeRawBufferPointer(rebasing: chunk[0..<got])
            if first {
                first = false
                if got >= 3, fresh[0] == 0xEF, fresh[1] == 0xBB, fresh[2] == 0xBF { fresh = UnsafeRawBufferPointer(rebasing: fresh[3...]) }
            }
            pending.append(contentsOf: fresh)
            done += got
            let final = got == 0
            // Complete lines: up to the last newline (or everything at the end of the file).
            var cut = pending.count
            if !final {
                guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
                cut = lastNewline + 1
            }
            var lines: [(number: Int, range: Range<Int>)] = []
            var start = 0
            var index = 0
            while index < cut {
                if pending[index] == 0x0A || index == cut - 1 {
                    var end = pending[index] == 0x0A ? index : index + 1
                    if end > start && pending[end - 1] == 0x0D { end -= 1 }
                    var contentStart = start
                    while contentStart < end && (pending[contentStart] == 0x20 || pending[contentStart] == 0x09) { contentStart += 1 }
                    if contentStart < end && pending[contentStart] != UInt8(ascii: "#") {
                        lines.append((lineNumber, contentStart..<end))
                    }
                    if pending[index] == 0x0A { lineNumber += 1 }
                    start = index + 1
                }
                index += 1
            }
            if !lines.isEmpty { try body(try parse(lines, in: pending)) }
            pending.removeFirst(cut)
            progress(min(done, file.size), file.size)
            if final { break }
        }
    }

    /// All lines at once.
    public func readAll() throws -> [ParsedLine] {
        var all: [ParsedLine] = []
        try forEachBatch { all.append(contentsOf: $0) }
        return all
    }

    private func parse(_ lines: [(number: Int, range: Range<Int>)], in buffer: [UInt8]) throws -> [ParsedLine] {
        let numbers = lines.map(\.number)
        do {
            return try ParallelJSONParsing.parse(lines.map(\.range), in: buffer) { position, value in
                ParsedLine(line: numbers[position], value: value)
            }
        } catch {
            let line = lines[error.position]
            let text = String(decoding: buffer[line.range], as: UTF8.self)
            let leading = line.range.lowerBound - (buffer[..<line.range.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            throw InventoryError.malformedJSON(file: path, line: line.number, column: leading + error.error.column, reason: error.error.reason,
                                               sourceLine: String(repeating: " ", count: leading) + text)
        }
    }
}
