import Foundation
import PolicyEngine

/// A run's results document (`JSONWriter.pretty(RunResultCodec.encode(result))`, the bytes
/// `--json` writes) split into the text around the findings array and one text per finding.
///
/// The history stores it this way so that it can both query findings one by one and rebuild the
/// document byte for byte: `verify` re-hashes the rebuilt document against the recorded results
/// digest, and `history show --results` writes it back out. Splitting also lets the per-finding
/// work (encoding, fingerprint, text) run on every core; only the final SHA-256 is sequential.
struct ResultsDocument: Sendable, Equatable {
    /// Everything up to and including the `[` that opens the top-level `findings` array.
    var head: String
    /// Each finding's JSON text as it stands in the document (indented for its depth, no separator).
    var items: [String]
    /// Everything from the `]` that closes the findings array.
    var tail: String

    /// Per finding, computed on every core: the compact JSON the history stores (40 % smaller),
    /// its text in the document (the same, indented by `PrettyJSON`), and its fingerprint. None depends on the rest of the document, so they are prepared before
    /// taking the lock.
    static func findingTexts(_ findings: [Finding]) -> [FindingText] {
        ParallelMap.map(findings, minimumChunk: 256) { finding in
            let value = RunResultCodec.encode(finding)
            var compact: [UInt8] = []
            compact.reserveCapacity(1_024)
            JSONWriter.write(value, into: &compact, indent: nil, level: 0)
            return FindingText(item: String(decoding: PrettyJSON.expand(compact, level: 2), as: UTF8.self),
                               stored: String(decoding: compact, as: UTF8.self),
                               fingerprint: value["fingerprint"]?.stringValue ?? finding.fingerprint)
        }
    }

    /// One finding's texts.
    struct FindingText: Sendable {
        /// As it stands in the document.
        var item: String
        /// As the history stores it (compact JSON).
        var stored: String
        /// The fingerprint.
        var fingerprint: String
    }

    /// The document text of a stored (compact) finding.
    static func prettyItem(_ stored: String) -> String {
        String(decoding: PrettyJSON.expand(Array(stored.utf8), level: 2), as: UTF8.self)
    }

    /// The document of `result`, whose findings' texts are `items` (from `findingTexts`).
    init(_ result: RunResult, items: [String]) {
        let frame = RunResultCodec.documentFrame(result)
        self.init(head: String(decoding: frame.head, as: UTF8.self), items: items, tail: String(decoding: frame.tail, as: UTF8.self))
    }

    /// The parts as stored.
    init(head: String, items: [String], tail: String) {
        self.head = head
        self.items = items
        self.tail = tail
    }

    /// The SHA-256 of the whole document, hashed piece by piece (never held as one string).
    var sha256: String {
        var hasher = SHA256()
        hasher.update(head)
        for (index, item) in items.enumerated() {
            hasher.update(index == 0 ? RunResultCodec.findingItemPrefix : "," + RunResultCodec.findingItemPrefix)
            hasher.update(item)
        }
        if !items.isEmpty { hasher.update(RunResultCodec.findingsEnd) }
        hasher.update(tail)
        return hasher.hexDigest()
    }

    /// The whole document as one text.
    var text: String {
        let prefix = RunResultCodec.findingItemPrefix
        return head + (items.isEmpty ? "" : prefix + items.joined(separator: "," + prefix) + RunResultCodec.findingsEnd) + tail
    }
}
