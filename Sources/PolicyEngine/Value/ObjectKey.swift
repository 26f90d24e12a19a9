/// An object member's key, interned: each distinct key text of the process has one number, so a
/// document member holds 4 bytes for its key instead of a 16-byte `String` (a member takes 24
/// bytes instead of 40: a third less memory for a document), and a lookup compares numbers,
/// never texts (equal numbers are equal texts).
///
/// Numbers follow the order in which keys are first seen, which varies with thread timing. So a
/// number never leaves the process and never orders anything: writers order members by `text`,
/// and a digest that must be the same in every run hashes `textHash`. (No `Comparable` for that
/// reason.)
public struct ObjectKey: Sendable, Hashable {
    /// The key's number in the process's key table.
    @usableFromInline let number: UInt32

    /// The key `text`, interned on first use.
    public init(_ text: String) {
        let native = Self.contiguous(text)
        number = native.withByteViewIfContiguous { bytes in KeyTable.shared.intern(bytes, hash: JSONKeyCache.contentHash(of: bytes)) { native } }.unsafelyUnwrapped
    }

    /// The key `bytes` (valid UTF-8) whose `JSONKeyCache.contentHash` is `hash`, interned on first
    /// use; `text` makes the key's string when it is new (the JSON parser's key cache has hashed
    /// the bytes already).
    init(_ bytes: ByteView, hash: UInt32, text: () -> String) {
        number = KeyTable.shared.intern(bytes, hash: hash, text: text)
    }

    /// The key numbered `number` in the process's key table (a number a key of this process
    /// was given: packed documents store keys by number).
    init(number: UInt32) { self.number = number }

    /// The key `text` if any document or path of the process has used it; nil when none has (then
    /// no object has a member under it, and a lookup can stop here).
    public init?(existing text: String) {
        let native = Self.contiguous(text)
        guard let found = native.withByteViewIfContiguous({ bytes in KeyTable.shared.number(of: bytes, hash: JSONKeyCache.contentHash(of: bytes)) }) ?? nil else { return nil }
        number = found
    }

    /// `text` stored contiguously (a native string already is; the key table keeps only such).
    private static func contiguous(_ text: String) -> String {
        var native = text
        native.makeContiguousUTF8()
        return native
    }

    /// The key's text.
    public var text: String { KeyTable.shared.text(number) }

    /// `KeyHash.of(text)`: the same in every run, for digests that outlive the process.
    public var textHash: UInt32 { KeyTable.shared.textHash(number) }
}
