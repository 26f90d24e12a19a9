public import PolicyEngine

/// Reads Azure inventories: Resource Graph answers (`az graph query -o json`:
/// `{"count", "data": [row…]}`; REST `{"totalRecords", "data": […]}`; the table format
/// `{"data": {"columns": […], "rows": [[…]…]}}`), ARM JSON (`az resource list` arrays,
/// `{"value": […]}` list answers, a single `az resource show` object) and PowerShell
/// `Get-AzResource -ExpandProperties` exports (PascalCase keys, child resources nested under
/// `resources`). Types and keys match case-insensitively. Recorded answers (VCR cassettes, placebo
/// files) are unwrapped; a resource answered twice in one file (an ARM list and an ARG query of
/// the same account) counts once, the later answer winning.
public struct AzureResourceGraphReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `azure-arg`.
    public var format: InputFormat { .azureResourceGraph }

    /// ARM ids (`/subscriptions/…`) next to a resource type (`microsoft.…/…`, any case) as the
    /// value of `type` / `ResourceType`: a mixed-cloud record file whose Azure ids contain
    /// `Microsoft.` but whose types are its own names is not ARM.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        guard sample.firstByte == UInt8(ascii: "{") || sample.firstByte == UInt8(ascii: "[") else { return 0 }
        // Terraform documents mention ARM ids too; they have their own reader.
        if sample.rootKeys.contains("format_version") { return 0 }
        guard sample.contains("/subscriptions/") || sample.containsKey("subscriptionId") || sample.containsKey("SubscriptionId") else { return 0 }
        // The table format lists type values in rows, without their key.
        if sample.containsKey("columns") && sample.containsKey("rows") {
            return sample.contains("microsoft.") || sample.contains("Microsoft.") ? 95 : 0
        }
        let armTyped = ["type", "Type", "ResourceType", "resourceType"].contains { key in
            sample.containsKey(key, withValuePrefix: "microsoft.")
        }
        return armTyped ? 90 : 0
    }

    /// Reads every resource.
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        let path = spec.path
        let root = try WholeDocument.read(path: path)
        var rows: [(row: Value, pointer: String)] = []
        for document in RecordedResponses.documents(in: root) {
            try collect(document.value, pointer: document.pointer, file: path, into: &rows)
        }
        var positions: [String: Int] = [:]
        var resources: [Resource] = []
        for (row, pointer) in rows {
            let resource = try AzureMapping.resource(row, file: path, pointer: pointer).resource(for: spec)
            let key = resource.id.lowercased()
            if let position = positions[key] {
                resources[position] = resource
            } else {
                positions[key] = resources.count
                resources.append(resource)
            }
        }
        let size = try InventoryInput.plain(path).size
        progress(size, size)
        return resources
    }

    /// The resource rows of a document, with their pointers.
    private func collect(_ document: Value, pointer: String, file: String, into rows: inout [(row: Value, pointer: String)]) throws {
        switch document {
        case .array(let items):
            for (index, item) in items.enumerated() { flatten(item, pointer: "\(pointer)/\(index)", into: &rows) }
        case .object:
            if let data = document.at("data") {
                if let items = data.arrayValue {
                    for (index, item) in items.enumerated() { flatten(item, pointer: "\(pointer)/data/\(index)", into: &rows) }
                    return
                }
                if let columns = data.at("columns")?.arrayValue, let table = data.at("rows")?.arrayValue {
                    let names = columns.map { $0.at("name")?.text ?? "" }
                    for (index, cells) in table.enumerated() {
                        let values = cells.arrayValue ?? []
                        rows.append((.object(Fields(zip(names, values).filter { !$0.0.isEmpty })), "\(pointer)/data/rows/\(index)"))
                    }
                    return
                }
            }
            if let items = document.at("value")?.arrayValue {
                for (index, item) in items.enumerated() { flatten(item, pointer: "\(pointer)/value/\(index)", into: &rows) }
                return
            }
            if (document.ci("id") ?? document.ci("ResourceId")) != nil {
                flatten(document, pointer: pointer, into: &rows)
                return
            }
            throw InventoryError.unexpectedStructure(
                file: file, pointer: pointer, expected: "an Azure Resource Graph or ARM answer (data, value, an array of resources, or a resource)")
        default:
            throw InventoryError.unexpectedStructure(file: file, pointer: pointer, expected: "an Azure Resource Graph or ARM answer, found a \(document.kindName)")
        }
    }

    /// A resource and the child resources PowerShell exports nest under `resources` (ARM list
    /// answers also have `resources`, holding bare `{"id"}` references: those are skipped).
    private func flatten(_ item: Value, pointer: String, into rows: inout [(row: Value, pointer: String)]) {
        rows.append((item, pointer))
        for (index, child) in (item.ci("resources")?.arrayValue ?? []).enumerated() where (child.ci("type") ?? child.ci("ResourceType")) != nil {
            flatten(child, pointer: "\(pointer)/resources/\(index)", into: &rows)
        }
    }
}
