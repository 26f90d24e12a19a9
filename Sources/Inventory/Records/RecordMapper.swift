public import PolicyEngine

/// Turns record objects (from JSON, JSON Lines, YAML or CSV register files) into resources,
/// following the config's mapping: the resource type (fixed, or each record's own type field)
/// and the id field.
public struct RecordMapper: Sendable {
    /// The mapping.
    public let mapping: RecordMapping
    /// The file, for sources and errors.
    public let file: String

    /// Creates a mapper.
    public init(mapping: RecordMapping, file: String) {
        self.mapping = mapping
        self.file = file
    }

    /// Maps one record. `pointer` or `line` locate it in the file.
    public func resource(from record: Value, pointer: String?, line: Int?) throws(InventoryError) -> Resource {
        guard case .object(let fields) = record else {
            throw .invalidRecord(file: file, line: line, pointer: pointer, reason: "expected an object, found a \(record.kindName)")
        }
        guard let idValue = fields[mapping.idField], let id = idValue.keyText, !id.isEmpty else {
            let known = fields.keys.prefix(12).joined(separator: ", ")
            let hint = NameSuggester.suggestion(for: mapping.idField, among: fields.keys).map { " (did you mean '\($0)'?)" } ?? ""
            throw .invalidRecord(file: file, line: line, pointer: pointer,
                                 reason: "missing id field '\(mapping.idField)'\(hint); the record has: \(known)")
        }
        let type: String
        if let fixed = mapping.type {
            type = fixed
        } else {
            guard let found = fields[mapping.typeField]?.stringValue, !found.isEmpty else {
                throw .invalidRecord(file: file, line: line, pointer: pointer,
                                     reason: "missing type field '\(mapping.typeField)' (set `type:` for this input in the config to give every record one type)")
            }
            type = found
        }
        return Resource(id: id, type: type, document: record, source: SourceReference(file: file, pointer: pointer, line: line))
    }
}
