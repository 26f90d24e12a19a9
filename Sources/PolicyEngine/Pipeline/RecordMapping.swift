/// How a record file maps to resources (the `inputs:` entry of the config).
public struct RecordMapping: Sendable, Hashable {
    /// Resource type of every record; nil to take each record's own `type_field`.
    public var type: String?
    /// Field holding the record's id.
    public var idField: String
    /// Field holding the type when `type` is nil.
    public var typeField: String
    /// For JSON objects: the member holding the list (auto-detected when nil and unambiguous).
    public var listField: String?

    /// Creates a mapping.
    public init(type: String? = nil, idField: String = "id", typeField: String = "type", listField: String? = nil) {
        self.type = type
        self.idField = idField
        self.typeField = typeField
        self.listField = listField
    }
}

extension RecordMapping {
    /// The resource `record` maps to: its id from `idField` (a close key name is suggested when
    /// it is missing), its type fixed or from `typeField` (missing or empty is an error). The one
    /// mapping every record reader (JSON, JSON Lines, CSV, YAML) applies; the reader turns a
    /// problem into its own located error.
    public func resource(from record: Value, source: SourceReference) -> Result<Resource, RecordMappingProblem> {
        guard case .object(let fields) = record else {
            return .failure(RecordMappingProblem(message: "expected an object, found a \(record.kindName)"))
        }
        guard let idValue = fields[idField], let id = idValue.keyText, !id.isEmpty else {
            let known = fields.keys.prefix(12).joined(separator: ", ")
            let hint = NameSuggester.suggestion(for: idField, among: fields.keys).map { " (did you mean '\($0)'?)" } ?? ""
            return .failure(RecordMappingProblem(message: "missing id field '\(idField)'\(hint); the record has: \(known)"))
        }
        let resourceType: String
        if let type {
            resourceType = type
        } else {
            guard let found = fields[typeField]?.stringValue, !found.isEmpty else {
                return .failure(RecordMappingProblem(
                    message: "missing type field '\(typeField)' (set `type:` for this input in the config to give every record one type)"))
            }
            resourceType = found
        }
        return .success(Resource(id: id, type: resourceType, document: record, source: source))
    }
}

extension RecordMapping {
    /// `resource(from: record.unpacked(), source:)` for a record packed as it was parsed: its
    /// id and type read where they lie, the record kept packed. A record the mapping refuses is
    /// unpacked for `resource(from:source:)`'s message.
    public func resource(fromPacked record: PackedDocument, source: SourceReference) -> Result<Resource, RecordMappingProblem> {
        guard record.isObject, let id = record.resolve(CollectionOfOne(ObjectKey(idField)))?.keyText, !id.isEmpty else {
            return resource(from: record.unpacked(), source: source)
        }
        let resourceType: String
        if let type {
            resourceType = type
        } else {
            guard let found = record.resolve(CollectionOfOne(ObjectKey(typeField)))?.stringValue, !found.isEmpty else {
                return resource(from: record.unpacked(), source: source)
            }
            resourceType = found
        }
        return .success(Resource(id: id, type: resourceType, packed: record, source: source))
    }
}

/// Why a record cannot become a resource (the reader adds the file and the line or pointer).
public struct RecordMappingProblem: Error, Sendable, Equatable {
    /// What is wrong, for people.
    public var message: String
}
