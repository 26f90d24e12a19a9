public import PolicyEngine

/// Splits a chunk of complete CSV records (RFC 4180: `,` delimiter, `"` quoting with `""` as an
/// escaped quote, LF or CRLF line ends, line breaks allowed inside quotes) into records.
///
/// The chunk normally ends with a line feed (the chunk reader guarantees it); a chunk that does
/// not is read as if it did. Fields are found 64 bytes at a time: SSE2 compares give a 64-bit
/// mask of the `,` `"` and line feed positions (`text_scan_structural64`), and each field end is
/// the next set bit, so a byte costs a fraction of an instruction instead of a compare and a
/// branch. A carriage return is data unless it ends a line (CRLF), so it is not in the mask: a
/// field that ends at a line feed drops one trailing CR. Completely empty lines are skipped. The
/// chunk is only read: a field with doubled quotes is collapsed into the record's scratch buffer
/// when it is first read, so locations computed from the chunk stay exact.
public struct CSVChunkScanner {
    private let base: ByteView
    private let count: Int
    private var position = 0
    /// The structural-byte mask of the block last looked at; kept from record to record.
    private var structural = StructuralBytes()
    /// 1-based line of the current position, counted from the start of the chunk.
    public private(set) var line = 1

    /// A scanner over `chunk`, whose last byte should be `\n`.
    public init(chunk: ByteView) {
        base = chunk
        count = chunk.count
    }

    /// Line feeds in the whole chunk so far scanned (equals `line - 1`).
    public var linesScanned: Int { line - 1 }

    /// Scans the next record into `record`: true for a record, false at the end of the chunk.
    /// A syntax error is thrown after the scanner has skipped to the next line, so the caller
    /// may count the bad record and continue.
    public mutating func next(into record: CSVRecord) throws(CSVSyntaxError) -> Bool {
        let bytes = base
        // Skip empty lines.
        while true {
            guard position < count else { return false }
            let byte = bytes[position]
            if byte == Self.lineFeed {
                position += 1
                line += 1
            } else if byte == Self.carriageReturn && position + 1 < count && bytes[position + 1] == Self.lineFeed {
                position += 2
                line += 1
            } else {
                break
            }
        }
        // The mask and the field arrays live in locals while the record is scanned, so the loop
        // keeps them in registers; both are written back once at the end.
        var slots = record.beginFields(base: bytes)
        var structural = self.structural
        record.line = line
        record.recordStart = position
        var index = position
        var pendingBytes = 0
        while true {
            let stop = structural.take(from: index, in: bytes, count: count)
            guard stop < count else {
                slots.append(start: index, length: Self.withoutTrailingCarriageReturn(bytes, index, count), record: record)
                index = count
                break
            }
            let byte = bytes[stop]
            if byte == Self.comma {
                slots.append(start: index, length: stop &- index, record: record)
                index = stop &+ 1
                continue
            }
            if byte == Self.lineFeed {
                slots.append(start: index, length: Self.withoutTrailingCarriageReturn(bytes, index, stop), record: record)
                index = stop &+ 1
                break
            }
            guard stop == index else { throw recover(.quoteInUnquotedField, at: stop, record: record) }
            // Quoted field: find the closing quote, counting embedded line feeds; commas are text.
            let contentStart = index + 1
            var doubledQuotes = false
            var closing = contentStart
            while true {
                closing = structural.take(from: closing, in: bytes, count: count)
                guard closing < count else {
                    let (errorLine, column) = record.locate(offset: index)
                    position = count
                    record.recordEnd = count
                    throw CSVSyntaxError(kind: .unterminatedQuote, line: errorLine, column: column)
                }
                let inner = bytes[closing]
                closing += 1
                if inner == Self.quote {
                    guard closing < count && bytes[closing] == Self.quote else { break }
                    doubledQuotes = true
                    structural.consumeNext(at: closing)
                    closing += 1
                } else if inner == Self.lineFeed {
                    line += 1
                }
            }
            closing -= 1
            // Doubled quotes are collapsed only when the field is read (`CSVRecord.field`).
            var flags = CSVRecord.quotedFlag
            if doubledQuotes {
                flags |= CSVRecord.pendingCollapseFlag
                pendingBytes += closing - contentStart
            }
            slots.append(start: contentStart, length: (closing - contentStart) | flags, record: record)
            // Only a delimiter or a line end (LF, CRLF, or the end of the chunk) may follow.
            let after = structural.take(from: closing + 1, in: bytes, count: count)
            if after == closing + 1 {
                index = after + 1
                if after < count && bytes[after] == Self.comma { continue }
                break
            }
            if after == closing + 2 && after < count && bytes[after] == Self.lineFeed && bytes[closing + 1] == Self.carriageReturn {
                index = after + 1
                break
            }
            throw recover(.textAfterClosingQuote, at: closing + 1, record: record)
        }
        index = min(index, count)
        record.finishFields(slots)
        if pendingBytes > 0 { record.reserveCollapsing(pendingBytes) }
        self.structural = structural
        position = index
        record.recordEnd = index
        line += 1
        return true
    }

    /// Builds the error for `offset` and moves past the rest of the line.
    private mutating func recover(_ kind: CSVSyntaxError.Kind, at offset: Int, record: CSVRecord) -> CSVSyntaxError {
        let (errorLine, column) = record.locate(offset: offset)
        let error = CSVSyntaxError(kind: kind, line: errorLine, column: column)
        var cursor = offset
        while cursor < count && base[cursor] != Self.lineFeed { cursor += 1 }
        position = min(count, cursor + 1)
        record.recordEnd = position
        line += 1
        return error
    }

    // MARK: - Bytes

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// The length of the field `start..<end` that ends a line: a CR before the LF is not data.
    @inline(__always) private static func withoutTrailingCarriageReturn(_ bytes: ByteView, _ start: Int, _ end: Int) -> Int {
        end > start && bytes[end - 1] == carriageReturn ? end - start - 1 : end - start
    }
}

// MARK: - Structural bytes, 64 at a time

/// The positions of `,`, `"` and line feeds in a chunk, one 64-byte block at a time: SSE2
/// compares give a 64-bit mask per block (`text_scan_structural64`), and a search is a mask and
/// a trailing-zero count. Consecutive fields share one block, so a block is classified once.
struct StructuralBytes {
    /// Where the current block starts (none loaded yet: -64).
    private var blockStart = -64
    /// Bit i set when byte `blockStart + i` is `,`, `"` or a line feed.
    private var bits: UInt64 = 0

    /// Offset of the first `,`, `"` or line feed at or after `start`, consumed (a later call
    /// from a smaller start will not see it again); `count` when there is none. In the common
    /// case, fields scanned left to right, the answer is the lowest set bit: a trailing-zero
    /// count and clearing that bit. The chunk is passed in rather than stored, so the scanner's
    /// registers for it serve both.
    @inline(__always) mutating func take(from start: Int, in base: ByteView, count: Int) -> Int {
        while true {
            if bits != 0 {
                let found = blockStart &+ bits.trailingZeroBitCount
                if found >= start {
                    bits &= bits &- 1
                    return found
                }
                // The search jumped ahead (a skipped line): drop the bits before `start`.
                let relative = start &- blockStart
                bits = relative >= 64 ? 0 : bits & (~0 &<< UInt64(relative))
                continue
            }
            let next = max(start, blockStart &+ 64)
            guard next < count else { return count }
            blockStart = next
            bits = next &+ 64 <= count ? base.structuralMask64(at: next) : Self.tailBits(base, from: next, count &- next)
        }
    }

    /// Consumes the bit of `offset` when it is the next one of the current block: the twin of a
    /// doubled quote (a tag column of JSON has one every few bytes), so that the next search
    /// does not first step back over it.
    @inline(__always) mutating func consumeNext(at offset: Int) {
        if bits != 0 && blockStart &+ bits.trailingZeroBitCount == offset { bits &= bits &- 1 }
    }

    /// The mask of the last block, `length` (< 64) bytes.
    private static func tailBits(_ bytes: ByteView, from start: Int, _ length: Int) -> UInt64 {
        var mask: UInt64 = 0
        for offset in 0..<length {
            let byte = bytes[start &+ offset]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A { mask |= 1 &<< UInt64(offset) }
        }
        return mask
    }
}
