public import PolicyEngine

/// Turns record objects (from JSON, JSON Lines or CSV register files) into resources with the
/// config's mapping (`RecordMapping.resource(from:source:)`, which YAML registers use too), and
/// a mapping problem into an `InventoryError` at the record's line or pointer.
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

    /// Maps one record (`RecordMapping.resource(from:source:)`). `pointer` or `line` locate it in the file.
    public func resource(from record: Value, pointer: String?, line: Int?) throws(InventoryError) -> Resource {
        try located(mapping.resource(from: record, source: SourceReference(file: file, pointer: pointer, line: line)), pointer: pointer, line: line)
    }

    /// Maps one record packed as it was parsed (`RecordMapping.resource(fromPacked:source:)`).
    public func resource(fromPacked record: PackedDocument, pointer: String?, line: Int?) throws(InventoryError) -> Resource {
        try located(mapping.resource(fromPacked: record, source: SourceReference(file: file, pointer: pointer, line: line)), pointer: pointer, line: line)
    }

    /// The resource mapped, or the mapping's problem as an input error at the record.
    private func located(_ mapped: Result<Resource, RecordMappingProblem>, pointer: String?, line: Int?) throws(InventoryError) -> Resource {
        switch mapped {
        case .success(let resource): return resource
        case .failure(let problem): throw .invalidRecord(file: file, line: line, pointer: pointer, reason: problem.message)
        }
    }
}
