/// Plain byte-wise substring search on UTF-8, without Foundation's locale-aware string search
/// (which showed up in the readers' profiles).
extension String {
    /// The UTF-8 offset of the first occurrence of `needle`.
    func utf8Offset(of needle: String) -> Int? {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= haystack.count else { return pattern.isEmpty ? 0 : nil }
        var index = 0
        while index <= haystack.count - pattern.count {
            if haystack[index] == first && haystack[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// True when `needle` occurs in the text.
    func includes(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }

    /// The text before the first occurrence of `needle`.
    func text(before needle: String) -> String? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        return String(decoding: Array(utf8)[..<offset], as: UTF8.self)
    }

    /// The text after the first occurrence of `needle`.
    func text(after needle: String) -> String? {
        guard let offset = utf8Offset(of: needle) else { return nil }
        return String(decoding: Array(utf8)[(offset + needle.utf8.count)...], as: UTF8.self)
    }
}
