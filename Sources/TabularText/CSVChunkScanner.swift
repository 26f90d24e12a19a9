import CTextScan

/// Splits a chunk of complete CSV records (RFC 4180: `,` delimiter, `"` quoting with `""` as an
/// escaped quote, LF or CRLF line ends, line breaks allowed inside quotes) into records.
///
/// The chunk normally ends with a line feed (the chunk reader guarantees it); a chunk that does
/// not is read as if it did. Fields are found 64 bytes at a time: SSE2 compares give a 64-bit
/// mask of the `,` `"` and line feed positions (`text_scan_structural64`), and each field end is
/// the next set bit, so a byte costs a fraction of an instruction instead of a compare and a
/// branch. A carriage return is data unless it ends a line (CRLF), so it is not in the mask: a
/// field that ends at a line feed drops one trailing CR. Completely empty lines are skipped. The
/// chunk is only read: a field with doubled quotes is collapsed into the record's scratch buffer,
/// so locations computed from the chunk stay exact.
public struct CSVChunkScanner {
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int
    private var position = 0
    /// The structural-byte mask of the block last looked at; kept from record to record.
    private var structural: StructuralBytes
    /// 1-based line of the current position, counted from the start of the chunk.
    public private(set) var line = 1

    /// A scanner over `chunk`, whose last byte should be `\n`.
    public init(chunk: UnsafeMutableBufferPointer<UInt8>) {
        base = chunk.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
        count = chunk.baseAddress == nil ? 0 : chunk.count
        structural = StructuralBytes(base: base, count: count)
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
        while true {
            var stop = structural.next(from: index)
            if stop < count && bytes[stop] == Self.quote {
                guard stop == index else { throw recover(.quoteInUnquotedField, at: stop, record: record) }
                // Quoted field: find the closing quote, counting embedded line feeds.
                let contentStart = index + 1
                var doubledQuotes = false
                stop = contentStart
                while true {
                    stop = structural.nextQuoteOrLineFeed(from: stop)
                    guard stop < count else {
                        let (errorLine, column) = record.locate(offset: index)
                        position = count
                        record.recordEnd = count
                        throw CSVSyntaxError(kind: .unterminatedQuote, line: errorLine, column: column)
                    }
                    if bytes[stop] == Self.lineFeed {
                        line += 1
                        stop += 1
                        continue
                    }
                    if stop + 1 < count && bytes[stop + 1] == Self.quote {
                        doubledQuotes = true
                        stop += 2
                        continue
                    }
                    break
                }
                if doubledQuotes {
                    record.appendCollapsing(start: contentStart, end: stop, to: &slots)
                } else {
                    slots.append(start: contentStart, length: (stop - contentStart) | CSVRecord.quotedFlag, record: record)
                }
                index = stop + 1
                guard index < count else { break }
                let after = bytes[index]
                if after == Self.comma {
                    index += 1
                    continue
                }
                if after == Self.lineFeed {
                    index += 1
                    break
                }
                if after == Self.carriageReturn && index + 1 < count && bytes[index + 1] == Self.lineFeed {
                    index += 2
                    break
                }
                throw recover(.textAfterClosingQuote, at: index, record: record)
            }
            guard stop < count else {
                slots.append(start: index, length: Self.withoutTrailingCarriageReturn(bytes, index, stop), record: record)
                index = count
                break
            }
            if bytes[stop] == Self.comma {
                slots.append(start: index, length: stop &- index, record: record)
                index = stop &+ 1
                continue
            }
            slots.append(start: index, length: Self.withoutTrailingCarriageReturn(bytes, index, stop), record: record)
            index = stop &+ 1
            break
        }
        record.finishFields(slots)
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
    @inline(__always) private static func withoutTrailingCarriageReturn(_ bytes: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        end > start && bytes[end - 1] == carriageReturn ? end - start - 1 : end - start
    }
}

// MARK: - Structural bytes, 64 at a time

/// The positions of `,`, `"` and line feeds in a chunk, one 64-byte block at a time: SSE2
/// compares give a 64-bit mask per block (`text_scan_structural64`), and a search is a mask and
/// a trailing-zero count. Consecutive fields share one block, so a block is classified once.
struct StructuralBytes {
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int
    /// Where the current block starts (none loaded yet: -64).
    private var blockStart = -64
    /// Bit i set when byte `blockStart + i` is `,`, `"` or a line feed.
    private var bits: UInt64 = 0

    init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Offset of the first `,`, `"` or line feed at or after `start`; `count` when there is none.
    @inline(__always) mutating func next(from start: Int) -> Int {
        var offset = start
        while true {
            let relative = offset &- blockStart
            if relative >= 0 && relative < 64 {
                let remaining = bits & (~0 &<< UInt64(relative))
                if remaining != 0 { return blockStart &+ remaining.trailingZeroBitCount }
                offset = blockStart &+ 64
            }
            guard offset < count else { return count }
            blockStart = offset
            bits = offset &+ 64 <= count ? text_scan_structural64(base + offset) : tailBits(from: offset)
        }
    }

    /// Offset of the first `"` or line feed at or after `start` (commas inside quotes are text);
    /// `count` when there is none.
    @inline(__always) mutating func nextQuoteOrLineFeed(from start: Int) -> Int {
        var offset = next(from: start)
        while offset < count && base[offset] == UInt8(ascii: ",") { offset = next(from: offset + 1) }
        return offset
    }

    /// The mask of the last, shorter-than-64-byte block.
    private func tailBits(from start: Int) -> UInt64 {
        var mask: UInt64 = 0
        for offset in start..<count {
            let byte = base[offset]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A { mask |= 1 &<< UInt64(offset - start) }
        }
        return mask
    }
}
