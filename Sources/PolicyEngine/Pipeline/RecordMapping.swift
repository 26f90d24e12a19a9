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
