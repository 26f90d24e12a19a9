/// The beginning of an input file (up to 64 KiB) prepared for content detection: transcoded to
/// UTF-8 when it is UTF-16, with the keys of the root JSON object (as far as the sample goes)
/// and a byte search for markers. Readers score on content, never on the file name alone.
struct DetectionSample {
    /// The sample as UTF-8.
    let bytes: [UInt8]
    /// The first byte that is not whitespace or a BOM.
    let firstByte: UInt8?
    /// Keys of the root object seen in the sample, in order (empty when the root is not an object).
    let rootKeys: [String]

    init(_ raw: [UInt8]) {
        var text = InventoryInput.normalizeEncoding(raw)
        // A truncated UTF-16 sample may end in a half character; the transcoder replaces it.
        if text.count > 1 << 17 { text.removeLast(text.count - (1 << 17)) }
        bytes = text
        firstByte = text.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) })
        rootKeys = firstByte == UInt8(ascii: "{") ? Self.rootKeys(of: text) : []
    }

    /// True when the sample contains `marker` (bytes, case-sensitive).
    func contains(_ marker: String) -> Bool {
        let needle = Array(marker.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count && bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// True when the sample contains `"key"` followed (after optional spaces) by a colon.
    func containsKey(_ key: String) -> Bool {
        containsValue(ofKey: key) { _ in true }
    }

    /// True when some `"key": "value"` in the sample has a string value starting with `prefix`
    /// (ASCII case-insensitive): a format's type names, not a marker that may sit anywhere
    /// (an id, a description) in another format's document.
    func containsKey(_ key: String, withValuePrefix prefix: String) -> Bool {
        let wanted = Array(prefix.lowercased().utf8)
        return containsValue(ofKey: key) { valueStart in
            guard valueStart < bytes.count && bytes[valueStart] == UInt8(ascii: "\"") else { return false }
            let start = valueStart + 1
            guard start + wanted.count <= bytes.count else { return false }
            return bytes[start..<start + wanted.count].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }.elementsEqual(wanted)
        }
    }

    /// True when `accepts` holds for some occurrence of `"key"` followed (after optional spaces)
    /// by a colon; it is given where the value starts (after spaces, possibly the sample's end).
    private func containsValue(ofKey key: String, where accepts: (_ valueStart: Int) -> Bool) -> Bool {
        let needle = Array(("\"" + key + "\"").utf8)
        func skipSpace(from start: Int) -> Int {
            var index = start
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) {
                index += 1
            }
            return index
        }
        var index = 0
        while index + needle.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) else { continue }
            let colon = skipSpace(from: index + needle.count)
            guard colon < bytes.count && bytes[colon] == UInt8(ascii: ":") else { continue }
            if accepts(skipSpace(from: colon + 1)) { return true }
        }
        return false
    }

    /// The text of the first line (without the line break).
    var firstLine: String {
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        var line = Array(bytes[..<end])
        if line.last == 0x0D { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Keys at depth 1 of a JSON object, scanning strings and nesting only.
    private static func rootKeys(of bytes: [UInt8]) -> [String] {
        var keys: [String] = []
        var depth = 0
        var index = 0
        var expectingKey = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                if depth == 1 && expectingKey && index < bytes.count {
                    keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 { expectingKey = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return keys }
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
