public import PolicyEngine

/// The fields of one CSV record: offsets into the chunk that holds it, quotes removed.
///
/// The chunk itself is never modified, so error locations and the source line of a diagnostic
/// show the bytes as they are in the file. A quoted field with doubled quotes (`"say ""hi"""`)
/// is the one exception to "a field is a view into the chunk": its collapsed text is written to
/// the record's own scratch buffer. One instance is reused for every record a worker scans, so
/// scanning allocates nothing per row. A field's bytes are valid until the next record is
/// scanned into the same instance.
public final class CSVRecord {
    /// Number of fields.
    @exclusivity(unchecked) public private(set) var count = 0
    /// 1-based line of the record's first byte, counted from the start of its chunk.
    @exclusivity(unchecked) public internal(set) var line = 0
    /// Offset of the record's first byte in its chunk.
    @exclusivity(unchecked) public internal(set) var recordStart = 0
    /// Offset of the first byte after the record (its line end included).
    @exclusivity(unchecked) public internal(set) var recordEnd = 0

    // The storage `field(_:)` reads is usable from inlinable code, so readers in other modules
    // get the field lookup inlined instead of a call per field.
    @exclusivity(unchecked) @usableFromInline var base = ByteView()
    /// Field `i`'s start offset at `2i` and its stored length (with flags) at `2i + 1`: one
    /// array, so the scanner keeps a single pointer in a register.
    @exclusivity(unchecked) @usableFromInline var spans: ManualBuffer<Int>
    @exclusivity(unchecked) private var capacity: Int
    /// Collapsed text of fields with doubled quotes, for the current record only.
    @exclusivity(unchecked) @usableFromInline var scratch: ManualBuffer<UInt8>
    @exclusivity(unchecked) private var scratchCapacity = 256
    @exclusivity(unchecked) private var scratchUsed = 0
    /// Where each collapsed field starts in `scratch` (read only for fields flagged as collapsed).
    @exclusivity(unchecked) @usableFromInline var scratchStarts: ManualBuffer<Int>

    /// A record with room for `expectedFields` fields (it grows when needed).
    public init(expectedFields: Int = 64) {
        capacity = max(8, expectedFields)
        spans = ManualBuffer(capacity: 2 * capacity)
        scratchStarts = ManualBuffer(capacity: capacity)
        scratch = ManualBuffer(capacity: scratchCapacity)
    }

    deinit {
        spans.deallocate()
        scratchStarts.deallocate()
        scratch.deallocate()
    }

    // MARK: - Filling (by the scanner)

    /// Starts a new record in `base` and hands out its field arrays.
    @inline(__always) func beginFields(base: ByteView) -> FieldSlots {
        self.base = base
        count = 0
        scratchUsed = 0
        return FieldSlots(spans: spans, capacity: capacity)
    }

    /// Ends the record: its fields are the first `slots.count`.
    @inline(__always) func finishFields(_ slots: FieldSlots) {
        count = slots.count
    }

    /// Marks a quoted field in its stored length (bit 62), so `location(ofField:)` can point at
    /// the opening quote without a second array.
    static let quotedFlag = 1 << 62
    /// Marks a field whose bytes are in `scratch` (bit 61): a quoted field with doubled quotes.
    @inlinable static var collapsedFlag: Int { 1 << 61 }
    /// The length bits of a stored length.
    @inlinable static var lengthMask: Int { (1 << 61) - 1 }

    /// The slots after doubling the field arrays (fields so far kept).
    func grown(_ slots: FieldSlots) -> FieldSlots {
        count = slots.count
        grow()
        var grown = FieldSlots(spans: spans, capacity: capacity)
        grown.count = count
        return grown
    }

    /// Appends a quoted field whose raw content (between the quotes) is the chunk bytes
    /// `start..<end` and contains doubled quotes: the collapsed text goes to the scratch buffer.
    func appendCollapsing(start: Int, end: Int, to slots: inout FieldSlots) {
        count = slots.count
        if count == capacity { grow() }
        ByteBufferGrowth.reserve(&scratch, capacity: &scratchCapacity, used: scratchUsed, needed: scratchUsed + end - start)
        // Every quote inside the content is the first of a doubled pair: keep it, skip its twin.
        // The runs up to each quote are copied whole (`memchr` finds the quote): a tag column
        // of JSON has a doubled quote every few bytes, and a byte loop cost a sixth of a read.
        var read = start
        var write = scratchUsed
        while read < end {
            let remaining = end - read
            guard let quote = base.firstIndex(of: UInt8(ascii: "\""), from: read, to: end) else {
                scratch.copy(base.extracting(from: read, count: remaining), to: write)
                write += remaining
                break
            }
            let run = quote - read + 1  // the run and its quote
            scratch.copy(base.extracting(from: read, count: run), to: write)
            write += run
            read = quote + 2
        }
        spans[2 * count] = start
        spans[2 * count + 1] = (write - scratchUsed) | Self.quotedFlag | Self.collapsedFlag
        scratchStarts[count] = scratchUsed
        scratchUsed = write
        count += 1
        slots = FieldSlots(spans: spans, capacity: capacity)
        slots.count = count
    }

    private func grow() {
        let newCapacity = capacity * 2
        spans = spans.grown(to: 2 * newCapacity, moving: 2 * count)
        scratchStarts = scratchStarts.grown(to: newCapacity, moving: count)
        capacity = newCapacity
    }

    // MARK: - Field access

    /// The bytes of field `index` (empty when the record has fewer fields).
    @inlinable public func field(_ index: Int) -> ByteView {
        guard index >= 0 && index < count else { return ByteView() }
        let length = spans[2 &* index &+ 1]
        if length & Self.collapsedFlag != 0 {
            return scratch.bytes(from: scratchStarts[index], count: length & Self.lengthMask)
        }
        return base.extracting(from: spans[2 &* index], count: length & Self.lengthMask)
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired).
    public func string(_ index: Int) -> String { field(index).string }

    /// Every field as a `String`.
    public var strings: [String] { (0..<count).map(string) }

    /// 1-based line and byte column where field `index` starts (the column of its opening
    /// quote for quoted fields), counted from the start of the chunk.
    public func location(ofField index: Int) -> (line: Int, column: Int) {
        guard index >= 0 && index < count else { return locate(offset: max(recordStart, recordEnd - 1)) }
        let quoted = spans[2 * index + 1] & Self.quotedFlag != 0
        return locate(offset: spans[2 * index] - (quoted ? 1 : 0))
    }

    /// 1-based line and byte column of a chunk offset inside this record.
    func locate(offset: Int) -> (line: Int, column: Int) {
        var line = self.line
        var lineStart = recordStart
        var cursor = recordStart
        while cursor < offset {
            if base[cursor] == 0x0A {
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The record's first physical line as text (for the caret display of diagnostics).
    public var firstLineText: String {
        var end = recordStart
        while end < recordEnd && base[end] != 0x0A && base[end] != 0x0D { end += 1 }
        return base.extracting(recordStart..<end).string
    }
}

/// The field arrays of the record being scanned, held in locals so the scanner's loop does not
/// reload them from the record object after every store.
struct FieldSlots {
    let spans: ManualBuffer<Int>
    let capacity: Int
    var count = 0

    init(spans: ManualBuffer<Int>, capacity: Int) {
        self.spans = spans
        self.capacity = capacity
    }

    /// Adds a field; `record` grows the arrays when they are full.
    @inline(__always) mutating func append(start: Int, length: Int, record: CSVRecord) {
        if count == capacity { self = record.grown(self) }
        spans[2 &* count] = start
        spans[2 &* count &+ 1] = length
        count &+= 1
    }
}
