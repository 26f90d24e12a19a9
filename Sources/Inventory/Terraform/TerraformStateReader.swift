public import PolicyEngine

/// Reads `terraform show -json` output without a plan file (the current state, format_version
/// 0.1–1.x): managed resources of the root module and every child module, with `count` and
/// `for_each` instances as separate resources. Deposed objects and data sources are left out.
/// The raw `terraform.tfstate` file is a different format: convert it with `terraform show -json`.
public struct TerraformStateReader: StreamingExportReader {
    /// Creates the reader.
    public init() {}

    /// `terraform-state`.
    public var format: InputFormat { .terraformState }

    /// A root object with `format_version` and `values` and no plan members.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        let keys = Set(sample.rootKeys)
        guard keys.contains("format_version"), keys.contains("values") else { return 0 }
        return keys.contains("planned_values") || keys.contains("resource_changes") ? 0 : 95
    }

    /// Reads the state (whole: state documents nest their resources by module).
    public func forEachBatch(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, _ body: ([Resource]) throws -> Void
    ) throws {
        let path = spec.path
        let root = try TerraformDocument.parseWhole(path: path)
        if root.at("serial") != nil && root.at("lineage") != nil {
            throw InventoryError.unexpectedStructure(
                file: path, pointer: "", expected: "`terraform show -json` output; this is a raw terraform.tfstate file (run terraform show -json on it)")
        }
        try TerraformDocument.checkVersion(root.at("format_version"), file: path)
        if root.at("resource_changes") != nil || root.at("planned_values") != nil {
            throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "a Terraform state; this looks like a plan: use format terraform-plan")
        }
        let context = TerraformContext(configuration: root.at("configuration"), variables: nil)
        var records: [TerraformResourceRecord] = []
        TerraformDocument.moduleResources(root.at("values", "root_module"), pointer: "/values/root_module", into: &records)
        let resources = TerraformDocument.map(consume records, context: context, format: .terraformState, file: path, retention: spec.retention)
        let size = try InventoryInput.plain(path).size
        progress(size, size)
        try body(resources)
    }
}
