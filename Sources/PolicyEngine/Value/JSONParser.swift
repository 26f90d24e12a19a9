#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a JSON text is malformed, and why.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the problem within the parsed buffer.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in bytes.
    public var column: Int
    /// What was expected or found.
    public var reason: String

    /// Creates an error.
    public init(offset: Int, line: Int, column: Int, reason: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line:column: reason`.
    public var description: String { "\(line):\(column): \(reason)" }
}

/// A fast, allocation-frugal JSON parser over UTF-8 bytes producing `Value`s.
///
/// Foundation's `JSONSerialization` (13 MB/s) and `JSONDecoder` (30 MB/s) are far too slow for
/// million-resource inventories (see docs/performance.md); this parser works on raw bytes, decodes
/// escape-free strings directly, shares storage between repeated object keys, and takes the
/// Clinger fast path for ordinary numbers. Errors carry line and column. Nesting is limited to
/// `maxDepth` so hostile input cannot overflow the stack.
public struct JSONParser {
    /// Deepest nesting accepted.
    public static let maxDepth = 512

    private let bytes: ByteView
    private var index: Int
    private var depth = 0
    private let keyCache: JSONKeyCache?
    /// Members of the objects being parsed (the key cache's, reused across documents, when given).
    private let stack: MemberStack

    /// Parses a complete JSON text (surrounding whitespace allowed, a UTF-8 BOM skipped).
    /// `keyCache` shares key storage across the many small documents one thread parses.
    public static func parse(_ bytes: ByteView, keyCache: JSONKeyCache? = nil) throws(JSONSyntaxError) -> Value {
        var parser = JSONParser(bytes: bytes, keyCache: keyCache)
        parser.skipBOM()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the JSON value")
        }
        return value
    }

    /// Parses a complete JSON text held in an array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Value {
        var outcome: Result<Value, JSONSyntaxError> = .success(.null)
        bytes.withByteView { buffer in
            do throws(JSONSyntaxError) {
                outcome = .success(try parse(buffer))
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Parses a complete JSON text held in a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> Value {
        try parse(Array(text.utf8))
    }

    /// A parser positioned at the start of `bytes`, for callers that parse several values in turn.
    public init(bytes: ByteView, startingAt offset: Int = 0, keyCache: JSONKeyCache? = nil) {
        self.bytes = bytes
        self.index = offset
        self.keyCache = keyCache
        stack = keyCache?.stack ?? MemberStack()
    }

    /// The current byte offset.
    public var offset: Int { index }

    /// Skips a leading UTF-8 byte-order mark.
    public mutating func skipBOM() {
        if bytes.count >= index + 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            index += 3
        }
    }

    /// Skips spaces, tabs, carriage returns and newlines.
    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// True when only whitespace remains.
    public mutating func atEnd() -> Bool {
        skipWhitespace()
        return index >= bytes.count
    }

    /// Parses one value at the current position (leading whitespace allowed).
    public mutating func parseValue() throws(JSONSyntaxError) -> Value {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = index
            let value = bytes[index] == UInt8(ascii: "{") ? try parseObject() : try parseArray()
            // A small object or array whose text was seen before, byte for byte, is the same
            // value: keep one (inventories repeat `{"min_tls":null}`, `{"regions":[]}` and the
            // like a million times).
            guard let keyCache, index - start <= JSONKeyCache.compositeLimit else { return value }
            let text = bytes.extracting(start..<index)
            let hash = JSONKeyCache.contentHash(of: text)
            if let shared = keyCache.composite(for: text, hash: hash) { return shared }
            keyCache.store(value, for: text, hash: hash)
            return value
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw error("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    // MARK: - Containers

    private mutating func parseObject() throws(JSONSyntaxError) -> Value {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        index += 1
        let stackStart = stack.count
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(Fields())
        }
        // Duplicate keys are an error (RFC 8259 leaves their meaning open): a 64-bit mask of the
        // keys' numbers settles small objects, a set takes over in large ones.
        var keyMask: UInt64 = 0
        var largeObjectKeys: Set<ObjectKey>?
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted object key")
            }
            let keyStart = index
            let key = try parseKey()
            if largeObjectKeys != nil {
                if largeObjectKeys?.insert(key).inserted == false { throw duplicateKey(key.text, at: keyStart) }
            } else {
                let bit: UInt64 = 1 << UInt64(key.number & 63)
                if keyMask & bit != 0 && stack.contains(key, from: stackStart) { throw duplicateKey(key.text, at: keyStart) }
                keyMask |= bit
                if stack.count - stackStart >= 64 { largeObjectKeys = stack.keys(from: stackStart).union([key]) }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after object key \"\(key.text)\"")
            }
            index += 1
            let value = try parseValue()
            // Members collect on a stack, so each object gets one exactly sized allocation
            // instead of a growing array.
            stack.push(Fields.Member(key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                break
            }
            throw error("expected ',' or '}' in an object, found \(describe(bytes[index]))")
        }
        depth -= 1
        return .object(Fields(distinctMembers: stack.pop(from: stackStart)))
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> Value {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        index += 1
        var items: [Value] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            throw error("expected ',' or ']' in an array, found \(describe(bytes[index]))")
        }
        depth -= 1
        return .array(items)
    }

    // MARK: - Scalars

    /// An object key, interned (escaped keys after unescaping). With a cache, a key seen before
    /// costs its scan, a word-wise hash and one compare: the cache keeps each key's `ObjectKey`,
    /// so the key table's lookup runs only the first time.
    private mutating func parseKey() throws(JSONSyntaxError) -> ObjectKey {
        let start = index + 1
        let (end, nonASCII) = bytes.jsonStringRun(from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            // An escape, a control byte or the end of the input: the string path decodes or reports it.
            return ObjectKey(try parseString())
        }
        if nonASCII { try checkUTF8(from: start, to: end) }
        index = end + 1
        let slice = bytes.extracting(start..<end)
        if let keyCache { return keyCache.key(for: slice) }
        return ObjectKey(slice, hash: JSONKeyCache.contentHash(of: slice)) { slice.string }
    }

    /// The most UTF-8 bytes a `String` holds inline (a small string: no allocation) on 64-bit platforms.
    static let inlineStringLimit = 15

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index + 1
        // The run up to the first quote, backslash or control byte, 16 bytes per step.
        let (end, nonASCII) = bytes.jsonStringRun(from: start)
        guard end < bytes.count else {
            index = start - 1
            throw error("unterminated string")
        }
        let byte = bytes[end]
        if byte == UInt8(ascii: "\"") {
            if nonASCII { try checkUTF8(from: start, to: end) }
            index = end + 1
            let slice = bytes.extracting(start..<end)
            // Repeated medium-length values (owners, tag values, names repeated as Name tags)
            // share storage through the same cache as keys. A value of up to 15 bytes is held
            // inside the `String` itself (no storage to share), so it skips the cache: its lookup
            // cost a hash, and its miss evicted a longer string worth sharing (and released it).
            if let keyCache, slice.count > Self.inlineStringLimit, slice.count <= 64 { return keyCache.string(for: slice) }
            return String(decoding: slice, as: UTF8.self)
        }
        if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start, firstEscape: end) }
        index = end
        throw error("control character \(describe(byte)) inside a string")
    }

    private mutating func parseEscapedString(from start: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
        var buffer: [UInt8] = Array(bytes.extracting(start..<firstEscape))
        var cursor = firstEscape
        let count = bytes.count
        while cursor < count {
            // Copy the plain run up to the next quote, backslash or control byte in one step
            // (a bucket policy held as an escaped JSON string is mostly such runs).
            let runEnd = bytes.jsonStringRun(from: cursor).end
            if runEnd > cursor {
                buffer.append(contentsOf: bytes.extracting(cursor..<runEnd))
                cursor = runEnd
                if cursor == count { break }
            }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                // Escapes are ASCII, so the raw bytes locate any invalid sequence exactly.
                try checkUTF8(from: start, to: cursor)
                index = cursor + 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 {
                index = cursor
                throw error("control character \(describe(byte)) inside a string")
            }
            guard cursor + 1 < count else { break }
            let escape = bytes[cursor + 1]
            cursor += 2
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                index = cursor
                var scalar = try readHex4(at: cursor)
                cursor += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // High surrogate: a low surrogate must follow.
                    if cursor + 6 <= count, bytes[cursor] == UInt8(ascii: "\\"), bytes[cursor + 1] == UInt8(ascii: "u") {
                        index = cursor + 2
                        let low = try readHex4(at: cursor + 2)
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            cursor += 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &buffer)
            default:
                index = cursor - 2
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
        }
        index = start - 1
        throw error("unterminated string")
    }

    private func readHex4(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        var cursor = index
        let count = bytes.count
        var negative = false
        if bytes[cursor] == UInt8(ascii: "-") {
            negative = true
            cursor += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var integerDigits = 0
        guard cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 else {
            index = cursor
            throw error("expected a digit")
        }
        if bytes[cursor] == 0x30, cursor + 1 < count, bytes[cursor + 1] >= 0x30, bytes[cursor + 1] <= 0x39 {
            index = cursor
            throw error("leading zeros are not allowed in numbers")
        }
        while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[cursor] - 0x30)
                if mantissa != 0 { significantDigits += 1 }
            } else {
                significantDigits += 1
            }
            integerDigits += 1
            cursor += 1
        }
        var fractionDigits = 0
        var simple = true
        if cursor < count, bytes[cursor] == UInt8(ascii: ".") {
            cursor += 1
            guard cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 else {
                index = cursor
                throw error("expected a digit after the decimal point")
            }
            while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[cursor] - 0x30)
                    if mantissa != 0 { significantDigits += 1 }
                    fractionDigits += 1
                } else {
                    simple = false
                }
                cursor += 1
            }
        }
        if cursor < count, bytes[cursor] == UInt8(ascii: "e") || bytes[cursor] == UInt8(ascii: "E") {
            simple = false
            cursor += 1
            if cursor < count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
            guard cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 else {
                index = cursor
                throw error("expected a digit in the exponent")
            }
            while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        }
        index = cursor
        // Clinger's fast path: exact when the mantissa fits in 53 bits and the power is ≤ 22.
        if simple && significantDigits <= 15 && integerDigits <= 19 && fractionDigits <= 22 && mantissa < (1 << 53) {
            var value = Double(mantissa)
            if fractionDigits > 0 { value /= Self.powersOfTen[fractionDigits] }
            return negative ? -value : value
        }
        let text = bytes.extracting(start..<cursor).string
        guard let value = Double(text) else {
            index = start
            throw error("malformed number")
        }
        // 1e400 would become infinity and print as null: refused with its location instead.
        guard value.isFinite else {
            index = start
            throw error("number \(text) is beyond the range of a double (±1.8e308)")
        }
        return value
    }

    /// Reads `literal` (`true`, `false` or `null`: four or five bytes) at the current position.
    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw error("unexpected end of input, expected '\(literal)'") }
        // `true`, `null`: one 4-byte compare; `false`: that and its last byte.
        let expected = ByteView(literal)
        guard bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self) == expected.loadUnaligned(as: UInt32.self),
            length == 4 || bytes[index + 4] == expected[4]
        else { throw error("invalid literal, expected '\(literal)'") }
        index += length
    }

    // MARK: - Errors

    /// Throws at the first byte of `start..<end` that is not valid UTF-8 (JSON text is UTF-8,
    /// RFC 8259 §8.1; a replaced byte would silently change an id, a name or a tag key).
    private mutating func checkUTF8(from start: Int, to end: Int) throws(JSONSyntaxError) {
        guard let bad = UTF8Validation.firstInvalidByte(in: bytes.extracting(start..<end)) else { return }
        index = start + bad
        throw error("invalid UTF-8 (\(UTF8Validation.describe(bytes[start + bad]))) in a string; JSON text must be UTF-8")
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private func duplicateKey(_ key: String, at offset: Int) -> JSONSyntaxError {
        let (line, column) = Self.lineAndColumn(of: offset, in: bytes)
        return JSONSyntaxError(offset: offset, line: line, column: column, reason: "duplicate key \"\(key)\" in one object")
    }

    private func error(_ reason: String) -> JSONSyntaxError {
        let position = min(index, bytes.count)
        let (line, column) = Self.lineAndColumn(of: position, in: bytes)
        return JSONSyntaxError(offset: position, line: line, column: column, reason: reason)
    }

    /// 1-based line and byte column of `offset` in `bytes`.
    public static func lineAndColumn(of offset: Int, in bytes: ByteView) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var cursor = 0
        let end = min(offset, bytes.count)
        while cursor < end {
            if bytes[cursor] == 0x0A {
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        return (line, end - lineStart + 1)
    }
}

/// Shares one `String` storage among repeated object keys longer than the inline small-string
/// limit (15 UTF-8 bytes), so a million `"data_classification"` keys cost one allocation, and
/// one value among repeated small objects and arrays (the same text parses to the same value).
/// Used by one thread at a time (it is not synchronised; a pool may hand it from thread to
/// thread), reused across the documents it parses. The slots live in fixed buffers: slots in
/// an array property would be checked for exclusive access on every lookup.
///
/// Sendable: not synchronised, and never used by two threads at once: a cache is either a parser's
/// own or taken from a pool under the pool's lock (`ParallelJSONParsing`), which orders the hand-over.
public final class JSONKeyCache: @unchecked Sendable {
    private static var slotCount: Int { 4096 }
    /// Objects and arrays up to this many bytes of text are shared when repeated.
    static var compositeLimit: Int { 96 }

    private struct Slot {
        /// `contentHash` of the string's bytes.
        var hash: UInt32
        /// The string as an interned key, once it was read as a key.
        var key: ObjectKey?
        var string: String
    }

    private struct CompositeSlot {
        var hash: UInt32
        /// Bytes of the slot's text in `compositeTexts` (0: empty, which no lookup matches).
        var length: Int
        var value: Value
    }

    /// Empty slots hold an empty string, which no lookup matches.
    private let slots: ManualBuffer<Slot>
    private let composites: ManualBuffer<CompositeSlot>
    /// The text of each composite slot, `compositeLimit` bytes per slot: a miss copies the text
    /// in place instead of allocating an array for it.
    private let compositeTexts: ManualBuffer<UInt8>
    /// The parser's member stack (reused across objects and documents).
    let stack = MemberStack()
    /// The packing parser's buffer (reused across documents).
    let packing = PackingScratch()

    /// An empty cache.
    public init() {
        slots = ManualBuffer(repeating: Slot(hash: 0, key: nil, string: ""), count: Self.slotCount)
        composites = ManualBuffer(repeating: CompositeSlot(hash: 0, length: 0, value: .null), count: Self.slotCount)
        compositeTexts = ManualBuffer(capacity: Self.slotCount * Self.compositeLimit)
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
        composites.deinitialize(count: Self.slotCount)
        composites.deallocate()
        compositeTexts.deallocate()
    }

    /// The slot hash of a string or a composite's text, and the key table's index hash (not
    /// `KeyHash`, which digests keep). Nothing outside the process sees it, so it reads eight
    /// bytes per multiply instead of FNV's one; the first and last words overlap when the
    /// count is not a multiple of eight. Each step `(h ^ word) * odd` is a bijection of `h`, so two texts of one length
    /// that differ anywhere differ in the 64-bit state; the length seeds it.
    static func contentHash(of bytes: ByteView) -> UInt32 {
        let count = bytes.count
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                offset += 8
            }
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
        } else if count >= 4 {
            let first = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let last = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            hash = (hash ^ (first << 32 | last)) &* multiplier
        } else if count > 0 {
            hash = (hash ^ (UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]))) &* multiplier
        }
        // The high bits carry every input bit: fold them down before the slot takes the low ones.
        return UInt32(truncatingIfNeeded: ((hash ^ hash >> 32) &* multiplier) >> 32)
    }

    /// A string for `bytes`: the cached one when the same bytes were seen (no UTF-8 validation,
    /// no allocation), else a new one that replaces whatever the slot held.
    func string(for bytes: ByteView) -> String {
        guard let found = lookUp(bytes) else { return bytes.string }
        if found.hit { return slots[found.slot].string }
        let fresh = bytes.string
        slots[found.slot] = Slot(hash: found.hash, key: nil, string: fresh)
        return fresh
    }

    /// The interned key `bytes`, from the cache when the same bytes were seen as a key.
    func key(for bytes: ByteView) -> ObjectKey {
        guard let found = lookUp(bytes) else { return ObjectKey(bytes, hash: Self.contentHash(of: bytes)) { bytes.string } }
        if found.hit {
            if let key = slots[found.slot].key { return key }
            let key = ObjectKey(bytes, hash: found.hash) { slots[found.slot].string }
            slots[found.slot].key = key
            return key
        }
        let fresh = bytes.string
        let key = ObjectKey(bytes, hash: found.hash) { fresh }
        slots[found.slot] = Slot(hash: found.hash, key: key, string: fresh)
        return key
    }

    /// The slot of `bytes`, their content hash, and whether the slot holds them; nil when they are
    /// not cached (empty, or longer than 96 bytes).
    private func lookUp(_ bytes: ByteView) -> (slot: Int, hash: UInt32, hit: Bool)? {
        guard bytes.count <= 96, bytes.count > 0 else { return nil }
        let hash = Self.contentHash(of: bytes)
        let slot = Int(hash & UInt32(Self.slotCount - 1))
        let hit = slots[slot].hash == hash && slots[slot].string.withByteViewIfContiguous { $0.sameBytes(as: bytes) } == true
        return (slot, hash, hit)
    }

    /// The value parsed earlier from exactly these bytes, if the slot still holds it.
    func composite(for text: ByteView, hash: UInt32) -> Value? {
        let slot = Int(hash & UInt32(Self.slotCount - 1))
        guard composites[slot].hash == hash, composites[slot].length == text.count else { return nil }
        let same = compositeTexts.bytes(from: slot * Self.compositeLimit, count: text.count).sameBytes(as: text)
        return same ? composites[slot].value : nil
    }

    /// Remembers the value parsed from `text` (at most `compositeLimit` bytes), replacing whatever
    /// its slot held.
    func store(_ value: Value, for text: ByteView, hash: UInt32) {
        let slot = Int(hash & UInt32(Self.slotCount - 1))
        compositeTexts.mutableBytes(from: slot * Self.compositeLimit, count: Self.compositeLimit).copy(text, to: 0)
        composites[slot] = CompositeSlot(hash: hash, length: text.count, value: value)
    }
}

/// The members of the objects a parser has open, innermost last. Each finished object moves its
/// members out into one exactly sized array: an `Array` built from a slice of a growing array
/// can share that array's whole buffer (and its spare capacity) when the slice covers it all,
/// which kept a 64-member buffer alive for every top-level document.
final class MemberStack {
    private var base: ManualBuffer<Fields.Member>
    private var capacity = 32
    /// Members on the stack.
    private(set) var count = 0

    init() { base = ManualBuffer(capacity: capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Adds a member of the innermost object.
    func push(_ member: consuming Fields.Member) {
        if count == capacity {
            base = base.grown(to: capacity * 2, moving: count)
            capacity *= 2
        }
        base.initialize(at: count, to: member)
        count += 1
    }

    /// True when a member from `start` on has `key`.
    func contains(_ key: ObjectKey, from start: Int) -> Bool {
        for index in start..<count where base[index].objectKey == key { return true }
        return false
    }

    /// The keys of the members from `start` on.
    func keys(from start: Int) -> Set<ObjectKey> { Set((start..<count).map { base[$0].objectKey }) }

    /// Moves the members from `start` on (the innermost object's) into a new exactly sized array.
    /// (`reserveCapacity` then appends: `Array(unsafeUninitializedCapacity:)` allocates through
    /// an unspecialized path that looks the element type's metadata up on every call.)
    func pop(from start: Int) -> [Fields.Member] {
        var members: [Fields.Member] = []
        members.reserveCapacity(count - start)
        for index in start..<count { members.append(base.move(at: index)) }
        count = start
        return members
    }
}

// MARK: - Packing without a tree

/// Where a packing parse writes (`JSONParser.parsePacked`): a buffer reused from document to
/// document (a key cache's, one per worker), and the keys of the objects open, for duplicates.
final class PackingScratch {
    /// The packed bytes of the document being parsed.
    var bytes: [UInt8] = []
    /// The key numbers of the members of the objects open, innermost last.
    var keys: [UInt32] = []

    init() {
        bytes.reserveCapacity(4096)
        keys.reserveCapacity(64)
    }

    /// Bytes an open container's count and length are given: two varints of five bytes at most.
    static let headerRoom = 10

    /// Starts a container (`PackedLayout.object` or `.array`): its tag, then room for its header.
    func beginContainer(_ tag: UInt8) -> Int {
        bytes.append(tag)
        let slot = bytes.count
        for _ in 0..<Self.headerRoom { bytes.append(0) }
        return slot
    }

    /// Ends the container begun at `slot`: writes its count and byte length there and moves
    /// its body up to them.
    func endContainer(at slot: Int, count: Int) {
        let bodyStart = slot + Self.headerRoom
        let body = bytes.count - bodyStart
        var position = writeVarint(count, at: slot)
        position = writeVarint(body, at: position)
        let gap = bodyStart - position
        guard gap > 0 else { return }
        bytes.withMutableByteView { $0.moveBytes(from: bodyStart, to: position, count: body) }
        bytes.removeLast(gap)
    }

    /// Writes `value` as a varint at `position` (in room already there); returns the position after it.
    private func writeVarint(_ value: Int, at position: Int) -> Int {
        var next = position
        PackedLayout.forEachVarintByte(of: value) { byte in
            bytes[next] = byte
            next += 1
        }
        return next
    }

    /// Appends `value` as a varint.
    func appendVarint(_ value: Int) {
        PackedLayout.forEachVarintByte(of: value) { bytes.append($0) }
    }

    /// Appends a string of UTF-8 `text`.
    func appendString(_ text: ByteView) {
        bytes.append(PackedLayout.string)
        appendVarint(text.count)
        bytes.append(contentsOf: text)
    }

    /// Appends a number.
    func appendNumber(_ number: Double) {
        bytes.append(PackedLayout.number)
        let bits = number.bitPattern
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// The packed document written, in an exactly sized array of its own.
    func document() -> PackedDocument {
        var exact: [UInt8] = []
        exact.reserveCapacity(bytes.count)
        exact.append(contentsOf: bytes)
        return PackedDocument(packedBytes: exact)
    }
}

extension JSONParser {
    /// The JSON text `bytes` packed (`PackedDocument`) as it is parsed, without its tree: the
    /// same document as `PackedDocument(packing: parse(bytes))`. Nil when that needs the tree
    /// parse: the text is not valid JSON (the tree parse reports where), an object has a
    /// duplicate key (the same), or more than `Fields.linearLimit` members (kept sorted by key).
    public static func parsePacked(_ bytes: ByteView, keyCache: JSONKeyCache? = nil) -> PackedDocument? {
        var parser = JSONParser(bytes: bytes, keyCache: keyCache)
        let scratch = keyCache?.packing ?? PackingScratch()
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.keys.removeAll(keepingCapacity: true)
        parser.skipBOM()
        do throws(JSONSyntaxError) {
            guard try parser.packValue(into: scratch) else { return nil }
        } catch {
            return nil
        }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { return nil }
        return scratch.document()
    }

    /// Packs the value at the current position; false when it cannot be packed in one pass.
    private mutating func packValue(into scratch: PackingScratch) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try packObject(into: scratch)
        case UInt8(ascii: "["): return try packArray(into: scratch)
        case UInt8(ascii: "\""): try packString(into: scratch)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            scratch.bytes.append(PackedLayout.trueValue)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            scratch.bytes.append(PackedLayout.falseValue)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            scratch.bytes.append(PackedLayout.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): scratch.appendNumber(try parseNumber())
        default: return false
        }
        return true
    }

    private mutating func packObject(into scratch: PackingScratch) throws(JSONSyntaxError) -> Bool {
        let keysStart = scratch.keys.count
        let packed = try packContainer(PackedLayout.object, closing: UInt8(ascii: "}"), into: scratch) { (parser, count) throws(JSONSyntaxError) in
            guard count < Fields.linearLimit, parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else { return false }
            let key = try parser.parseKey().number
            for earlier in keysStart..<scratch.keys.count where scratch.keys[earlier] == key { return false }
            scratch.keys.append(key)
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else { return false }
            parser.index += 1
            scratch.appendVarint(Int(key))
            return try parser.packValue(into: scratch)
        }
        scratch.keys.removeSubrange(keysStart...)
        return packed
    }

    private mutating func packArray(into scratch: PackingScratch) throws(JSONSyntaxError) -> Bool {
        try packContainer(PackedLayout.array, closing: UInt8(ascii: "]"), into: scratch) { (parser, _) throws(JSONSyntaxError) in
            try parser.packValue(into: scratch)
        }
    }

    /// Packs the object or array opening at the current position: `element` packs each member or
    /// element (given how many came before it), `,` between them, `closing` after the last.
    private mutating func packContainer(
        _ tag: UInt8, closing: UInt8, into scratch: PackingScratch,
        element: (inout JSONParser, Int) throws(JSONSyntaxError) -> Bool
    ) throws(JSONSyntaxError) -> Bool {
        depth += 1
        guard depth <= Self.maxDepth else { return false }
        index += 1
        let slot = scratch.beginContainer(tag)
        var count = 0
        skipWhitespace()
        if index < bytes.count && bytes[index] == closing {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard try element(&self, count) else { return false }
                count += 1
                skipWhitespace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == closing else { return false }
                index += 1
                break
            }
        }
        scratch.endContainer(at: slot, count: count)
        depth -= 1
        return true
    }

    /// A string's bytes where they lie when it has no escape (the common case), else decoded.
    private mutating func packString(into scratch: PackingScratch) throws(JSONSyntaxError) {
        let start = index + 1
        let (end, nonASCII) = bytes.jsonStringRun(from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            if nonASCII { try checkUTF8(from: start, to: end) }
            index = end + 1
            scratch.appendString(bytes.extracting(start..<end))
            return
        }
        let text = try parseString()
        text.withByteViewInPlace { scratch.appendString($0) }
    }
}
