import PolicyEngine

/// Plain byte-wise substring search on UTF-8, without Foundation's locale-aware string search
/// (which showed up in the readers' profiles).
extension String {
    /// The UTF-8 offset of the first occurrence of `needle`.
    func utf8Offset(of needle: String) -> Int? {
        // Over views of the strings' own bytes: copying both into arrays was two allocations a
        // call, and readers ask this of every record (`region.includes(" ")`, key ARNs).
        var text = self
        var pattern = needle
        return text.withByteView { haystack in pattern.withByteView { Self.firstOffset(of: $0, in: haystack) } }
    }

    /// The offset of the first occurrence of `pattern` in `haystack` (0 for an empty pattern).
    private static func firstOffset(of pattern: ByteView, in haystack: ByteView) -> Int? {
        guard pattern.count > 0 else { return 0 }
        guard pattern.count <= haystack.count else { return nil }
        let first = pattern[0]
        let last = haystack.count - pattern.count
        var index = 0
        while index <= last {
            if haystack[index] == first && haystack.extracting(index..<index + pattern.count).sameBytes(as: pattern) { return index }
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
