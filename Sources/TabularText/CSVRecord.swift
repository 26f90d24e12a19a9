public import PolicyEngine

/// The fields of one CSV record: offsets into the chunk that holds it, quotes removed.
///
/// The chunk itself is never modified, so error locations and the source line of a diagnostic
/// show the bytes as they are in the file. A quoted field with doubled quotes (`"say ""hi"""`)
/// is the one exception to "a field is a view into the chunk": its collapsed text is written to
/// the record's own scratch buffer when the field is first read (`rawField(_:)` gives the text
/// as in the file, for readers that decode the doubled form themselves). One instance is reused
/// for every record a worker scans, so scanning allocates nothing per row. A field's bytes are
/// valid until the next record is scanned into the same instance.
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
    /// Marks a field whose bytes are in `scratch` (bit 61): a quoted field with doubled quotes,
    /// already collapsed.
    @inlinable static var collapsedFlag: Int { 1 << 61 }
    /// Marks a quoted field with doubled quotes not yet collapsed (bit 60): its stored start
    /// and length are the raw content between its quotes in the chunk.
    @inlinable static var pendingCollapseFlag: Int { 1 << 60 }
    /// Either way of a field whose text is not the chunk bytes its span names.
    @inlinable static var indirectFlags: Int { collapsedFlag | pendingCollapseFlag }
    /// The length bits of a stored length.
    @inlinable static var lengthMask: Int { (1 << 60) - 1 }

    /// The slots after doubling the field arrays (fields so far kept).
    func grown(_ slots: FieldSlots) -> FieldSlots {
        count = slots.count
        grow()
        var grown = FieldSlots(spans: spans, capacity: capacity)
        grown.count = count
        return grown
    }

    /// Makes sure the fields flagged as pending collapse (`pendingBytes` raw bytes in all) can be
    /// collapsed into `scratch` without moving it, so views of fields already read stay valid.
    @inline(__always) func reserveCollapsing(_ pendingBytes: Int) {
        if pendingBytes > scratchCapacity {
            ByteBufferGrowth.reserve(&scratch, capacity: &scratchCapacity, used: 0, needed: pendingBytes)
        }
    }

    /// The text of a field stored indirectly: a quoted field with doubled quotes, collapsed into
    /// the scratch buffer the first time it is read (a reader that never reads it, or reads it
    /// raw with `rawField(_:)`, never pays for the copy).
    @usableFromInline func collapsedField(_ index: Int) -> ByteView {
        let stored = spans[2 * index + 1]
        if stored & Self.pendingCollapseFlag != 0 {
            let start = spans[2 * index]
            let end = start + stored & Self.lengthMask
            // Every quote inside the content is the first of a doubled pair: keep it, skip its
            // twin. The runs up to each quote are copied whole (`memchr` finds the quote).
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
            spans[2 * index + 1] = (write - scratchUsed) | Self.quotedFlag | Self.collapsedFlag
            scratchStarts[index] = scratchUsed
            scratchUsed = write
        }
        return scratch.bytes(from: scratchStarts[index], count: spans[2 * index + 1] & Self.lengthMask)
    }

    private func grow() {
        let newCapacity = capacity * 2
        spans = spans.grown(to: 2 * newCapacity, moving: 2 * count)
        scratchStarts = scratchStarts.grown(to: newCapacity, moving: count)
        capacity = newCapacity
    }

    // MARK: - Field access

    /// The bytes of field `index` (empty when the record has fewer fields).
    @inlinable @inline(__always) public func field(_ index: Int) -> ByteView {
        guard index >= 0 && index < count else { return ByteView() }
        let length = spans[2 &* index &+ 1]
        if length & Self.indirectFlags != 0 { return collapsedField(index) }
        return base.extracting(from: spans[2 &* index], count: length & Self.lengthMask)
    }

    /// Field `index` as it stands in the file between its quotes, without collapsing doubled
    /// quotes: `doubledQuotes` is true when every `"` of `bytes` is the first of a `""` pair
    /// (a reader that understands that form, such as the tag readers, skips the copy `field(_:)`
    /// makes). Otherwise `bytes` is what `field(_:)` returns.
    @inlinable public func rawField(_ index: Int) -> (bytes: ByteView, doubledQuotes: Bool) {
        guard index >= 0 && index < count else { return (ByteView(), false) }
        let length = spans[2 &* index &+ 1]
        if length & Self.pendingCollapseFlag != 0 {
            return (base.extracting(from: spans[2 &* index], count: length & Self.lengthMask), true)
        }
        return (field(index), false)
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired).
    public func string(_ index: Int) -> String { field(index).string }

    /// Every field as a `String`.
    public var strings: [String] { (0..<count).map(string) }

    /// True when every byte of the record (its line end included) is ASCII: a reader that must
    /// reject text that is not UTF-8 validates only the other records (64 bytes per SSE2 step,
    /// while the record is still in cache).
    public var isASCII: Bool { base.extracting(recordStart..<recordEnd).isAllASCII }

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
