import PolicyEngine

/// Indents compact JSON exactly as `JSONWriter.pretty` lays out the same value: a newline and
/// two spaces per depth after `{`, `[` and `,` and before `}` and `]`, `": "` after keys, empty
/// containers kept as `{}` and `[]`. A byte loop, several times faster than parsing the text
/// and writing it again; the input must be `JSONWriter`'s compact output (no whitespace outside
/// strings), which is what the history stores.
enum PrettyJSON {
    /// The indented bytes of `compact`, for a value standing at depth `level`.
    static func expand(_ compact: [UInt8], level: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count * 2)
        var depth = level
        var strings = JSONStringTracker()
        var index = 0
        func newline() {
            output.append(UInt8(ascii: "\n"))
            for _ in 0..<(depth * 2) { output.append(UInt8(ascii: " ")) }
        }
        while index < compact.count {
            let byte = compact[index]
            index += 1
            guard strings.step(byte) == .outside else {
                output.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                if index < compact.count, compact[index] == UInt8(ascii: "}") || compact[index] == UInt8(ascii: "]") {
                    output.append(compact[index])
                    index += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(byte)
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        return output
    }
}
