/// Deterministic JSON text for `Value`s: keys in sorted order, integral numbers without a
/// fraction, exact decimals as strings (so no consumer rounds money through a float), `unknown`
/// as the string `"(known after apply)"`, non-finite numbers as `null`.
public enum JSONWriter {
    /// Single-line JSON.
    public static func compact(_ value: Value) -> String {
        var output = ""
        write(value, into: &output, indent: nil, level: 0)
        return output
    }

    /// Indented JSON (two spaces) with a trailing newline.
    public static func pretty(_ value: Value) -> String {
        var output = ""
        write(value, into: &output, indent: "  ", level: 0)
        output += "\n"
        return output
    }

    /// Appends the JSON text of `value` to `output`.
    public static func write(_ value: Value, into output: inout String, indent: String?, level: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += format(number)
        case .decimal(let decimal): writeString(decimal.description, into: &output)
        case .string(let text): writeString(text, into: &output)
        case .unknown: writeString("(known after apply)", into: &output)
        case .array(let items):
            if items.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                newline(&output, indent: indent, level: level + 1)
                write(item, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output += "]"
        case .object(let fields):
            if fields.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            var first = true
            for member in fields {
                if !first { output += "," }
                first = false
                newline(&output, indent: indent, level: level + 1)
                writeString(member.key, into: &output)
                output += indent == nil ? ":" : ": "
                write(member.value, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, indent: String?, level: Int) {
        guard let indent else { return }
        output += "\n"
        for _ in 0..<level { output += indent }
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
        output += "\""
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        guard needsEscape else {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
