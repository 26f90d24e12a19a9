import PolicyEngine

/// Scratch space for decoded tag text (escaped JSON strings), reused row after row by one
/// worker.
public final class TagScratch {
    @exclusivity(unchecked) private var storage: ManualBuffer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var used = 0

    /// Empty scratch space.
    public init() {
        capacity = 4096
        storage = ManualBuffer(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Starts a new row whose tag fields total at most `bytes` bytes (decoded text is never
    /// longer than its source), so views handed out for the row stay valid.
    func startRow(maximumBytes bytes: Int) {
        used = 0
        if bytes > capacity {
            storage.deallocate()
            capacity = bytes * 2
            storage = ManualBuffer(capacity: capacity)
        }
    }

    /// Appends a byte; callers never exceed the row maximum.
    @inline(__always) func append(_ byte: UInt8) {
        guard used < capacity else { return }
        storage[used] = byte
        used += 1
    }

    /// The cursor, for `view(from:)`.
    var position: Int { used }

    /// The bytes appended since `start`.
    func view(from start: Int) -> FieldBytes { storage.bytes(from: start, count: used - start) }
}

/// A tolerant reader for the tag encodings of billing exports: JSON objects (FOCUS, CUR 2.0),
/// JSON members without the outer braces (Azure), and Python-repr lists of `{key, value}`
/// records with single quotes (GCP exports flattened by pandas).
///
/// The text may be given as it stands in a quoted CSV field (`doubledQuotes`: every `"` is
/// written `""`), which spares collapsing the field first: a FOCUS `Tags` field has a doubled
/// quote every few bytes. Keys and values are the same bytes either way (a string holding a
/// doubled quote is decoded into the scratch space, like one with escapes).
struct TagText {
    private let bytes: FieldBytes
    private var index = 0
    private let scratch: TagScratch
    /// True when every `"` of `bytes` is followed by its twin (the CSV field's raw text).
    private let doubledQuotes: Bool

    private init(_ bytes: FieldBytes, doubledQuotes: Bool, scratch: TagScratch) {
        self.bytes = bytes
        self.doubledQuotes = doubledQuotes
        self.scratch = scratch
    }

    // MARK: - Entry points

    /// Calls `visit(key, value)` for each scalar member of an object, braces optional. Nested
    /// values are skipped; `null` values are skipped; numbers and booleans give their text.
    static func forEachMember(_ bytes: FieldBytes, doubledQuotes: Bool = false, scratch: TagScratch, _ visit: (FieldBytes, FieldBytes) -> Void) {
        var reader = TagText(bytes, doubledQuotes: doubledQuotes, scratch: scratch)
        reader.skipBlanks()
        if reader.peek == UInt8(ascii: "{") { reader.index += 1 }
        reader.members(visit)
    }

    /// Calls `visit(key, value)` for each `{key: …, value: …}` record of a list.
    static func forEachKeyValueRecord(_ bytes: FieldBytes, doubledQuotes: Bool = false, scratch: TagScratch, _ visit: (FieldBytes, FieldBytes) -> Void) {
        var reader = TagText(bytes, doubledQuotes: doubledQuotes, scratch: scratch)
        reader.skipBlanks()
        guard reader.peek == UInt8(ascii: "[") else { return }
        reader.index += 1
        while true {
            reader.skipSeparators()
            guard let byte = reader.peek, byte == UInt8(ascii: "{") else { return }
            reader.index += 1
            var key = FieldBytes()
            var value = FieldBytes()
            reader.members { member, text in
                if ByteText.equalsLowercase(member, "key") { key = text } else if ByteText.equalsLowercase(member, "value") { value = text }
            }
            if !key.isEmpty { visit(key, value) }
        }
    }

    /// The sum of the numeric `amount` members of a list of records (GCP `credits`); nil when a
    /// value is not a number.
    static func sumOfAmounts(_ bytes: FieldBytes, doubledQuotes: Bool = false, scratch: TagScratch) -> FixedDecimal? {
        var reader = TagText(bytes, doubledQuotes: doubledQuotes, scratch: scratch)
        reader.skipBlanks()
        guard reader.peek == UInt8(ascii: "[") else { return .zero }
        reader.index += 1
        var total = FixedDecimal.zero
        var valid = true
        while true {
            reader.skipSeparators()
            guard let byte = reader.peek, byte == UInt8(ascii: "{") else { break }
            reader.index += 1
            reader.members { member, text in
                guard ByteText.equalsLowercase(member, "amount") else { return }
                switch FixedDecimal.parse(bytes: text) {
                case .success(let parsed): total += parsed.value
                case .failure: valid = false
                }
            }
        }
        return valid ? total : nil
    }

    // MARK: - Grammar

    private static let doubleQuote = UInt8(ascii: "\"")

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipBlanks() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func skipSeparators() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") { index += 1 }
    }

    /// Consumes the byte at `index`, and its twin when it is a doubled quote.
    @inline(__always) private mutating func consume(_ byte: UInt8) {
        index += doubledQuotes && byte == Self.doubleQuote ? 2 : 1
    }

    /// Members up to the closing `}` (or the end, for brace-less text).
    private mutating func members(_ visit: (FieldBytes, FieldBytes) -> Void) {
        while true {
            skipSeparators()
            guard let byte = peek, byte != UInt8(ascii: "}") else {
                if peek != nil { index += 1 }
                return
            }
            guard byte == Self.doubleQuote || byte == UInt8(ascii: "'") else { return }
            let key = string()
            skipBlanks()
            guard peek == UInt8(ascii: ":") else { return }
            index += 1
            skipBlanks()
            guard let first = peek else { return }
            if first == Self.doubleQuote || first == UInt8(ascii: "'") {
                visit(key, string())
            } else if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                skipNested()
            } else {
                let start = index
                var quotes = false
                while let next = peek, next != UInt8(ascii: ","), next != UInt8(ascii: "}"), next != 0x20 {
                    if next == Self.doubleQuote { quotes = true }
                    index += 1
                }
                // A stray quote in a bare scalar is doubled in the raw text: collapse it.
                let scalar = quotes && doubledQuotes ? collapsed(start..<index) : bytes.extracting(start..<index)
                if !(ByteText.isNullLiteral(scalar) || ByteText.equalsLowercase(scalar, "none")) { visit(key, scalar) }
            }
        }
    }

    /// `bytes[range]` with each doubled quote written once, in the scratch space.
    private func collapsed(_ range: Range<Int>) -> FieldBytes {
        let origin = scratch.position
        var offset = range.lowerBound
        while offset < range.upperBound {
            let byte = bytes[offset]
            scratch.append(byte)
            offset += byte == Self.doubleQuote ? 2 : 1
        }
        return scratch.view(from: origin)
    }

    /// A quoted string (either quote style); escapes (and, in raw CSV text, doubled quotes
    /// inside a single-quoted string) are decoded into the scratch space.
    @inline(__always) private mutating func string() -> FieldBytes {
        let quote = bytes[index]
        consume(quote)
        let start = index
        // The closing quote, a backslash, or (raw CSV text) a double quote inside a
        // single-quoted string: the first of them, eight bytes at a time.
        index = ByteText.firstIndex(of: quote, UInt8(ascii: "\\"), doubledQuotes ? Self.doubleQuote : quote, in: bytes, from: start)
        guard let byte = peek, byte == quote else {
            if peek == nil { return bytes.extracting(start..<index) }
            return escapedString(from: start, quote: quote)
        }
        let text = bytes.extracting(start..<index)
        consume(quote)
        return text
    }

    private mutating func escapedString(from start: Int, quote: UInt8) -> FieldBytes {
        let origin = scratch.position
        for offset in start..<index { scratch.append(bytes[offset]) }
        while let byte = peek, byte != quote {
            consume(byte)
            guard byte == UInt8(ascii: "\\"), let escaped = peek else {
                scratch.append(byte)
                continue
            }
            consume(escaped)
            switch escaped {
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"): appendUnicodeEscape()
            default: scratch.append(escaped)
            }
        }
        if let byte = peek { consume(byte) }
        return scratch.view(from: origin)
    }

    /// `\uXXXX` (the `\u` consumed) as UTF-8; surrogate pairs are combined.
    private mutating func appendUnicodeEscape() {
        guard var scalar = hex4() else { return }
        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            if let low = hex4(), (0xDC00..<0xE000).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        for unit in String(character).utf8 { scratch.append(unit) }
    }

    private mutating func hex4() -> UInt32? {
        guard hasBytes(4) else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// True when `count` more bytes of the text follow (a doubled quote counting once), so that
    /// raw CSV text reads exactly like its collapsed form.
    private func hasBytes(_ count: Int) -> Bool {
        guard doubledQuotes else { return index + count <= bytes.count }
        var offset = index
        var seen = 0
        while seen < count && offset < bytes.count {
            offset += bytes[offset] == Self.doubleQuote ? 2 : 1
            seen += 1
        }
        return seen == count
    }

    /// Skips a nested object or array, minding strings.
    private mutating func skipNested() {
        var depth = 0
        while let byte = peek {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                _ = string()
                continue
            }
            index += 1
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}
