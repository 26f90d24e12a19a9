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

    /// The separator `JSONWriter.pretty` puts between two findings (and, without the comma, before
    /// the first one): a newline and the indentation of depth 2.
    static let itemPrefix = "\n    "

    /// How the top-level findings key appears in the pretty text (depth 1, so no nested key of
    /// the same name can match).
    static let findingsMarker = "\n  \"findings\": []"

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
    init(_ result: RunResult, items: [String]) throws(HistoryError) {
        let skeleton = JSONWriter.pretty(RunResultCodec.encode(result, encodedFindings: []))
        guard let marker = skeleton.range(of: Self.findingsMarker) else {
            throw .database(database: "", reason: "internal: the results document has no top-level findings array")
        }
        let split = skeleton.index(before: marker.upperBound)
        self.init(head: String(skeleton[..<split]), items: items, tail: String(skeleton[split...]))
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
            hasher.update(index == 0 ? Self.itemPrefix : "," + Self.itemPrefix)
            hasher.update(item)
        }
        if !items.isEmpty { hasher.update("\n  ") }
        hasher.update(tail)
        return hasher.hexDigest()
    }

    /// The whole document as one text.
    var text: String {
        head + (items.isEmpty ? "" : Self.itemPrefix + items.joined(separator: "," + Self.itemPrefix) + "\n  ") + tail
    }
}
