/// The top-level blocks of one HCL (`.tf`) file: `resource "aws_s3_bucket" "logs" {` at line 12,
/// `module "lake" {` with its `source = "./modules/lake"`. Not an HCL parser: it follows only
/// what decides nesting — braces, comments (`#`, `//`, `/* */`), quoted strings with their
/// `${ … }` / `%{ … }` templates, and heredocs (`<<EOT`, `<<-EOT`) — so that braces and
/// block-like text inside them are never taken for blocks.
struct HCLBlockScanner {
    /// One top-level block.
    struct Block: Equatable {
        /// Block type (`resource`, `data`, `module`, …).
        var type: String
        /// Labels (`["aws_s3_bucket", "logs"]`).
        var labels: [String]
        /// 1-based line of the block type keyword.
        var line: Int
        /// The block's top-level `source = "…"` attribute (module blocks), when a plain string.
        var source: String?
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// The top-level blocks of `text`, in file order.
    static func blocks(in bytes: [UInt8]) -> [Block] {
        var scanner = HCLBlockScanner(bytes: bytes)
        return scanner.scan()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Tokens that matter at depth 0 (a block header) and depth 1 (`source = "…"`).
    private enum Token: Equatable {
        case word(String), string(String), equals, other
    }

    private mutating func scan() -> [Block] {
        var blocks: [Block] = []
        var depth = 0
        var header: [Token] = []
        var headerLine = 0
        var attribute: [Token] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                header.removeAll()
                attribute.removeAll()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                skipBlockComment()
            case UInt8(ascii: "\""):
                let startLine = line
                let text = readString()
                if depth == 0 {
                    if header.isEmpty { headerLine = startLine }
                    header.append(.string(text ?? ""))
                } else if depth == 1 {
                    attribute.append(text.map(Token.string) ?? .other)
                    recordSource(attribute, into: &blocks)
                }
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
                if !skipHeredoc() {
                    index += 2
                    header.append(.other)
                    attribute.append(.other)
                }
            case UInt8(ascii: "{"):
                if depth == 0, case .word(let type)? = header.first, header.dropFirst().allSatisfy(Self.isLabel) {
                    blocks.append(Block(type: type, labels: header.dropFirst().map(Self.labelText), line: headerLine))
                }
                depth += 1
                index += 1
                header.removeAll()
                attribute.removeAll()
            case UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                index += 1
                header.removeAll()
                attribute.removeAll()
            case UInt8(ascii: "="):
                index += 1
                if depth == 1 { attribute.append(.equals) } else { header.append(.other) }
            default:
                if Self.isIdentifierStart(byte) {
                    let startLine = line
                    let word = readWord()
                    if depth == 0 {
                        if header.isEmpty { headerLine = startLine }
                        header.append(.word(word))
                    } else if depth == 1 {
                        attribute.append(.word(word))
                    }
                } else {
                    index += 1
                    if depth == 0 { header.append(.other) } else { attribute.append(.other) }
                }
            }
        }
        return blocks
    }

    /// `source = "…"` directly inside the last top-level block.
    private func recordSource(_ attribute: [Token], into blocks: inout [Block]) {
        guard attribute.count == 3, attribute[0] == .word("source"), attribute[1] == .equals, case .string(let value) = attribute[2],
              !blocks.isEmpty else { return }
        blocks[blocks.count - 1].source = value
    }

    private static func isLabel(_ token: Token) -> Bool {
        switch token {
        case .word, .string: return true
        case .equals, .other: return false
        }
    }

    private static func labelText(_ token: Token) -> String {
        switch token {
        case .word(let text), .string(let text): return text
        case .equals, .other: return ""
        }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func readWord() -> String {
        let start = index
        while index < bytes.count, Self.isIdentifierByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipLineComment() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }

    private mutating func skipBlockComment() {
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                index += 2
                return
            }
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
    }

    /// Reads a quoted string from its opening quote; its text when it holds no template.
    private mutating func readString() -> String? {
        index += 1
        var text: [UInt8] = []
        var plain = true
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return plain ? String(decoding: text, as: UTF8.self) : nil
            case UInt8(ascii: "\\"):
                if let next = peek(1) { text.append(next) }
                index += 2
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                if peek(1) == UInt8(ascii: "{") {
                    plain = false
                    index += 2
                    skipTemplate()
                } else {
                    text.append(byte)
                    index += 1
                }
            case UInt8(ascii: "\n"):
                // An unterminated string ends at the line (HCL strings are single-line).
                return nil
            default:
                text.append(byte)
                index += 1
            }
        }
        return nil
    }

    /// Skips a template expression after its `${` up to the matching `}`.
    private mutating func skipTemplate() {
        var depth = 1
        while index < bytes.count, depth > 0 {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "}"):
                depth -= 1
                index += 1
            case UInt8(ascii: "\""):
                _ = readString()
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            default:
                index += 1
            }
        }
    }

    /// Skips a heredoc from its `<<`; false when the text is not one (then nothing is consumed).
    private mutating func skipHeredoc() -> Bool {
        var cursor = index + 2
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
        let start = cursor
        while cursor < bytes.count, Self.isIdentifierByte(bytes[cursor]) { cursor += 1 }
        guard cursor > start, start < bytes.count, Self.isIdentifierStart(bytes[start]) else { return false }
        let marker = Array(bytes[start..<cursor])
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\r") { cursor += 1 }
        guard cursor >= bytes.count || bytes[cursor] == UInt8(ascii: "\n") else { return false }
        index = cursor
        // Each following line until one that is the marker alone (indented, with `<<-`).
        while index < bytes.count {
            index += 1
            line += 1
            let lineStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            let text = bytes[lineStart..<index].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let trimmed = text.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }.reversed()
            if Array(trimmed) == marker { return true }
        }
        return true
    }
}
