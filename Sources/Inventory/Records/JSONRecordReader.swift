public import PolicyEngine

/// Reads JSON record files: a top-level array of records, or an object holding the list under
/// one member (`{"applications": [...]}`; `list_field` in the config names it when there are
/// several) and optionally the register's `"currency"` (copied onto every record,
/// `RegisterCurrency`; whole files only). Large files stream (`JSONArrayStream`); memory stays
/// bounded by the records kept.
public struct JSONRecordReader: ExportReader {
    /// Files up to this size are parsed whole; larger ones stream.
    static let wholeFileLimit = 32 << 20

    /// Creates the reader.
    public init() {}

    /// `json`.
    public var format: InputFormat { .json }

    /// Any JSON array or object scores low, so that cloud-format readers win when they match.
    public func detectionScore(sample: [UInt8], path: String) -> Int {
        guard let first = sample.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) })
        else { return 0 }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return path.hasSuffix(".json") ? 20 : 10 }
        return 0
    }

    /// Reads every record.
    public func read(_ spec: InputSpec, progress: @Sendable (Int, Int) -> Void) throws -> [Resource] {
        let mapper = RecordMapper(mapping: spec.mapping, file: spec.path)
        let file = try InventoryInput.plain(spec.path)
        if file.size <= Self.wholeFileLimit {
            let bytes = InventoryInput.normalizeEncoding(try file.readAll())
            let document: Value
            do {
                document = try JSONParser.parse(bytes)
            } catch {
                throw JSONArrayStream.diagnose(error, in: bytes, file: spec.path)
            }
            let (key, items) = try records(in: document, spec: spec)
            let prefix = key.map { "/" + $0.replacingOccurrencesOfTildeAndSlash() } ?? ""
            // The register's own currency (`"currency": "USD"` beside the list) applies to every record.
            var currency: String?
            if let declared = document.objectValue?[RegisterCurrency.key] {
                switch RegisterCurrency.code(of: declared) {
                case .success(let code): currency = code
                case .failure(let problem): throw InventoryError.invalidRecord(file: spec.path, line: nil, pointer: "/currency", reason: problem.message)
                }
            }
            return try items.enumerated().map { index, item throws(InventoryError) in
                let pointer = "\(prefix)/\(index)"
                var record = item
                if let currency, case .object(let fields) = item {
                    switch RegisterCurrency.apply(currency, to: fields) {
                    case .success(let applied): record = .object(applied)
                    case .failure(let problem): throw .invalidRecord(file: spec.path, line: nil, pointer: pointer, reason: problem.message)
                    }
                }
                return try mapper.resource(from: record, pointer: pointer, line: nil)
            }
        }
        let key = try spec.mapping.listField ?? streamedListKey(spec.path)
        var resources = ArrayBuilder<Resource>()
        var estimate = StreamedCountEstimate()
        // Each record is packed as it is parsed (its document as the resource keeps it), no tree
        // built and freed for it.
        try JSONArrayStream(path: spec.path, arrayKey: key).forEachBatch(packing: { _, pointer, document in
            PackedRecord(pointer: pointer, document: document)
        }, progress: { done, total in
            estimate.progress(done, total)
            progress(done, total)
        }) { batch in
            if let capacity = estimate.capacity(after: resources.count) { resources.reserveCapacity(capacity) }
            // Mapped on all cores straight into place (records are independent); the first
            // failing record, by position, is the one reported.
            let records = batch
            try resources.append(count: records.count, minimumChunk: 1_024) { (range, output) throws(InventoryError) in
                for index in range { output.append(try mapper.resource(fromPacked: records[index].document, pointer: records[index].pointer, line: nil)) }
            }
        }
        return resources.build()
    }

    /// The list of records in a parsed document and the key it was found under.
    func records(in document: Value, spec: InputSpec) throws(InventoryError) -> (String?, [Value]) {
        switch document {
        case .array(let items):
            return (nil, items)
        case .object(let fields):
            if let key = spec.mapping.listField {
                guard let items = fields[key]?.arrayValue else {
                    throw .unexpectedStructure(file: spec.path, pointer: "/\(key)", expected: "an array of records (list_field: \(key))")
                }
                return (key, items)
            }
            let lists = fields.filter { member in
                guard case .array(let items) = member.value else { return false }
                return items.first.map { $0.objectValue != nil } ?? false
            }
            guard lists.count == 1, let only = lists.first, let items = only.value.arrayValue else {
                let names = lists.map(\.key).joined(separator: ", ")
                throw .unexpectedStructure(
                    file: spec.path, pointer: "",
                    expected: lists.isEmpty
                        ? "an array of records, or an object with one list of records"
                        : "one list of records, found several (\(names)); set list_field for this input")
            }
            return (only.key, items)
        default:
            throw .unexpectedStructure(file: spec.path, pointer: "", expected: "an array of records, found a \(document.kindName)")
        }
    }

    /// For a large file whose root is an object, the key of its first array member (from the head).
    private func streamedListKey(_ path: String) throws(InventoryError) -> String? {
        let file = try InventoryInput.plain(path)
        var head = [UInt8](repeating: 0, count: min(file.size, 1 << 16))
        let got = try file.fill(&head)
        head.removeLast(head.count - got)
        guard let first = head.first(where: { $0 > 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }), first == UInt8(ascii: "{") else {
            return nil
        }
        // The first `"key": [` at depth 1.
        var depth = 0
        var index = 0
        var lastString: Range<Int>?
        while index < head.count {
            let byte = head[index]
            if byte == UInt8(ascii: "\"") {
                let start = index + 1
                index += 1
                while index < head.count && head[index] != UInt8(ascii: "\"") {
                    if head[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                lastString = start..<min(index, head.count)
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                if byte == UInt8(ascii: "["), depth == 1, let key = lastString {
                    return String(decoding: head[key], as: UTF8.self)
                }
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ",") {
                lastString = nil
            }
            index += 1
        }
        throw .unexpectedStructure(file: path, pointer: "", expected: "an array of records (set list_field for this input)")
    }
}

/// A streamed record packed as it was parsed, with its JSON pointer.
struct PackedRecord: Sendable {
    /// The record's pointer (`/3`).
    let pointer: String
    /// The record.
    let document: PackedDocument
}
