public import PolicyEngine

/// Reads YAML register files: a list of records, or a mapping with one list of records
/// (`applications: [...]`) and optionally the register's `currency:` (copied onto every record,
/// `RegisterCurrency`), with the record's line as its source.
public struct YAMLRecordReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `yaml`.
    public var format: InputFormat { .yaml }

    /// YAML files are recognised by extension or a leading `---`/`- ` line.
    public func detectionScore(sample: [UInt8], path: String) -> Int {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { return 30 }
        let text = String(decoding: sample.prefix(256), as: UTF8.self)
        return text.hasPrefix("---") || text.hasPrefix("- ") ? 15 : 0
    }

    /// Reads every record.
    public func read(_ spec: InputSpec, progress: @Sendable (Int, Int) -> Void) throws -> [Resource] {
        let documents = try YAMLNode.documents(file: spec.path)
        var resources: [Resource] = []
        for document in documents {
            let items: [YAMLNode]
            var currency: String?
            if document.isSequence {
                items = try document.sequence("a list of records")
            } else {
                let entries = try document.mapping("a list of records, or a mapping with one list of records")
                // The register's own currency (`currency: USD` beside the list) applies to every record.
                if let declared = entries.first(where: { $0.key == RegisterCurrency.key })?.value {
                    switch RegisterCurrency.code(of: try declared.value()) {
                    case .success(let code): currency = code
                    case .failure(let problem): throw declared.error(.invalidValue(message: problem.message))
                    }
                }
                let lists = entries.filter { entry in
                    if let field = spec.mapping.listField { return entry.key == field }
                    return entry.value.isSequence
                }
                guard lists.count == 1, let list = lists.first else {
                    throw document.error(.invalidValue(message: lists.isEmpty
                        ? "expected a list of records" + (spec.mapping.listField.map { " under '\($0)'" } ?? "")
                        : "several lists (\(lists.map(\.key).joined(separator: ", "))); set list_field for this input"))
                }
                items = try list.value.sequence("a list of records")
            }
            for item in items {
                let location = item.location
                guard case .object(var fields) = try item.value() else {
                    throw item.error(.wrongType(expected: "a record (a mapping)", found: item.kindName))
                }
                if let currency {
                    switch RegisterCurrency.apply(currency, to: fields) {
                    case .success(let applied): fields = applied
                    case .failure(let problem): throw item.error(.invalidValue(message: problem.message))
                    }
                }
                switch spec.mapping.resource(from: .object(fields), source: SourceReference(file: spec.path, line: location.line)) {
                case .success(let resource): resources.append(resource)
                case .failure(let problem): throw item.error(.invalidValue(message: problem.message))
                }
            }
        }
        return resources
    }
}
