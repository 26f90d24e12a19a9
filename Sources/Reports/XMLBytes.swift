import PolicyEngine

/// XML written straight into bytes, escaped exactly as `XMLWriter` (libxml2's `xmlTextWriter`,
/// in a document declared UTF-8) escapes it, for the parts of a report that are written a
/// million times (JUnit test cases): going through libxml2 cost a call, an allocation and a
/// `String` per attribute and text there. `XMLBytesTests` holds the two equal on generated
/// text (every special, control and non-ASCII character) and on whole reports.
///
/// - Attribute values: `&` `<` `>` `"` as entities, tab, newline and carriage return as
///   character references (`&#9;` `&#10;` `&#13;`), so that they survive attribute-value
///   normalisation.
/// - Text: `&` `<` `>` `"` as entities, carriage return as `&#13;`.
/// - Both: the characters XML 1.0 cannot carry (C0 controls other than tab, newline and
///   carriage return; U+FFFE, U+FFFF) become U+FFFD, as `XMLWriter.clean` makes them.
struct XMLBytes: JUnitTextSink {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Bytes written as they are (markup).
    mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: ByteView(markup))
    }

    /// An attribute value, escaped (without the quotes around it).
    mutating func attribute(_ value: String) { append(value, inAttribute: true) }

    /// Element text, escaped.
    mutating func text(_ value: String) { append(value, inAttribute: false) }

    /// `JUnitTextSink`: text.
    mutating func append(_ text: String) { append(text, inAttribute: false) }

    /// A decimal number (no escaping needed).
    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func append(_ value: String, inAttribute: Bool) {
        value.withByteViewInPlace { view in
            var start = 0
            var index = 0
            let count = view.count
            while index < count {
                // Eight bytes at a time past text that needs nothing (most of it).
                if index + 8 <= count && !Self.mayNeedWork(view.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let end = min(index + 8, count)
                while index < end {
                    let byte = view[index]
                    let replacement: StaticString
                    var width = 1
                    switch byte {
                    case UInt8(ascii: "&"): replacement = "&amp;"
                    case UInt8(ascii: "<"): replacement = "&lt;"
                    case UInt8(ascii: ">"): replacement = "&gt;"
                    case UInt8(ascii: "\""): replacement = "&quot;"
                    case 0x0D: replacement = "&#13;"
                    case 0x0A:
                        guard inAttribute else { index += 1; continue }
                        replacement = "&#10;"
                    case 0x09:
                        guard inAttribute else { index += 1; continue }
                        replacement = "&#9;"
                    case 0x00..<0x20: replacement = "\u{FFFD}"
                    case 0xEF where index + 2 < count && view[index + 1] == 0xBF && view[index + 2] >= 0xBE:
                        replacement = "\u{FFFD}"
                        width = 3
                    default:
                        index += 1
                        continue
                    }
                    if start < index { bytes.append(contentsOf: view.extracting(start..<index)) }
                    bytes.append(contentsOf: ByteView(replacement))
                    index += width
                    start = index
                }
            }
            if start < count { bytes.append(contentsOf: view.extracting(start..<count)) }
        }
    }

    /// True when one of the eight bytes of `word` is a control character or one of `&<>"` or
    /// 0xEF (the lead byte of U+FFFE and U+FFFF): the bit tricks of "Bit Twiddling Hacks"
    /// (`hasless`, `haszero`), exact as to whether any byte matches.
    @inline(__always) private static func mayNeedWork(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = hasZeroByte(word ^ (ones &* 0x22)), ampersand = hasZeroByte(word ^ (ones &* 0x26))
        let less = hasZeroByte(word ^ (ones &* 0x3C)), greater = hasZeroByte(word ^ (ones &* 0x3E)), lead = hasZeroByte(word ^ (ones &* 0xEF))
        return control | quote | ampersand | less | greater | lead != 0
    }
}

/// Where the text of a JUnit failure goes: a `String` (handed to libxml2) or escaped bytes.
protocol JUnitTextSink {
    mutating func append(_ text: String)
}

extension String: JUnitTextSink {}
