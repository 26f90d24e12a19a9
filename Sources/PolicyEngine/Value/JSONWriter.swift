/// Deterministic JSON text for `Value`s: keys in sorted order, integral numbers without a
/// fraction, exact decimals as strings (so no consumer rounds money through a float), `unknown`
/// as the string `"(known after apply)"`, non-finite numbers as `null`.
///
/// The text is built as UTF-8 bytes (about three times faster than appending to a `String`,
/// which matters for results of 100,000 findings) and converted once at the end.
public enum JSONWriter {
    /// Single-line JSON.
    public static func compact(_ value: Value) -> String {
        var output: [UInt8] = []
        write(value, into: &output, indent: nil, level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Indented JSON (two spaces) with a trailing newline.
    public static func pretty(_ value: Value) -> String {
        var output: [UInt8] = []
        write(value, into: &output, indent: "  ", level: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `output`.
    public static func write(_ value: Value, into output: inout String, indent: String?, level: Int) {
        var bytes: [UInt8] = []
        write(value, into: &bytes, indent: indent, level: level)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of the JSON text of `value` to `output`; `indent` per nesting level (nil:
    /// compact), `level` the depth `value` stands at.
    public static func write(_ value: Value, into output: inout [UInt8], indent: String?, level: Int) {
        write(value, into: &output, indentBytes: indent.map { Array($0.utf8) }, level: level)
    }

    static func write(_ value: Value, into output: inout [UInt8], indentBytes indent: [UInt8]?, level: Int) {
        switch value {
        case .null: append("null", to: &output)
        case .bool(let flag): append(flag ? "true" : "false", to: &output)
        case .number(let number): output.append(contentsOf: format(number).utf8)
        case .decimal(let decimal): writeString(decimal.description, into: &output)
        case .string(let text): writeString(text, into: &output)
        case .unknown: writeString("(known after apply)", into: &output)
        case .array(let items):
            if items.isEmpty {
                append("[]", to: &output)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent: indent, level: level + 1)
                write(item, into: &output, indentBytes: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty {
                append("{}", to: &output)
                return
            }
            output.append(UInt8(ascii: "{"))
            var first = true
            for member in fields {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(&output, indent: indent, level: level + 1)
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                write(member.value, into: &output, indentBytes: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], indent: [UInt8]?, level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<level { output.append(contentsOf: indent) }
    }

    /// Appends a literal's bytes (no per-character iteration).
    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: ByteView(literal))
    }

    /// Shortest round-trip text of a number; integral values within ±2^53 print without a fraction.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// Appends `text` as a JSON string literal with the mandatory escapes.
    public static func writeString(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `text` as a JSON string literal with the mandatory escapes.
    public static func writeString(_ text: String, into output: inout some ByteSink) {
        text.withByteViewInPlace { writeString(utf8: $0, into: &output) }
    }

    private static func writeString(utf8 text: ByteView, into output: inout some ByteSink) {
        output.append(UInt8(ascii: "\""))
        var needsEscape = false
        for byte in text where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        guard needsEscape else {
            output.append(contentsOf: text)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text {
            switch byte {
            case 0x22: output.append("\\\"")
            case 0x5C: output.append("\\\\")
            case 0x0A: output.append("\\n")
            case 0x0D: output.append("\\r")
            case 0x09: output.append("\\t")
            case 0x08: output.append("\\b")
            case 0x0C: output.append("\\f")
            case ..<0x20:
                output.append("\\u00")
                output.appendHex(byte)
            default:
                // Every other byte, ASCII or part of a multi-byte scalar, is copied as is.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
