public import PolicyEngine

/// Reads `terraform show -json <planfile>` output (format_version 0.1–1.x): every managed
/// resource the plan keeps or creates, from `resource_changes[].change.after` with the
/// attributes in `after_unknown` set to unknown (policies on them give an *unknown* verdict,
/// never a pass or a fail). Resources the plan deletes, data sources and non-cloud providers are
/// left out. Regions come from the resource (AWS provider v6 `region`, ARNs, `location`) or its
/// provider configuration, aliases included. Large plans stream: `resource_changes` is read in
/// blocks and `configuration` is picked out of the file without parsing the rest.
public struct TerraformPlanReader: StreamingExportReader {
    /// Files up to this size are parsed whole; larger ones stream.
    var wholeFileLimit = 1 << 20

    /// Creates the reader.
    public init() {}

    /// `terraform-plan`.
    public var format: InputFormat { .terraformPlan }

    /// A root object with `format_version` and plan members.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        let keys = Set(sample.rootKeys)
        guard keys.contains("format_version") else { return 0 }
        if keys.contains("planned_values") || keys.contains("resource_changes") || sample.containsKey("resource_changes") { return 95 }
        if keys.contains("values") { return 0 }
        return keys.contains("terraform_version") ? 40 : 0
    }

    /// Reads the whole plan (the resources of its batches moved into one array, not copied).
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        try collect(spec, progress: progress) { _ in }
    }

    /// Reads the plan, handing over resources in batches.
    public func forEachBatch(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, _ body: ([Resource]) throws -> Void
    ) throws {
        _ = try collect(spec, progress: progress) { resources in
            try body(resources)
            resources.removeAll(keepingCapacity: true)
        }
    }

    /// The reading loop: each batch's resources end up at the end of the array it returns, and
    /// `afterBatch` is handed that array after each batch (`TerraformDocument.finish`).
    private func collect(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, afterBatch: (inout [Resource]) throws -> Void
    ) throws -> [Resource] {
        let path = spec.path
        let file = try InventoryInput.plain(path)
        var head = [UInt8](repeating: 0, count: 2)
        _ = try file.fill(&head)
        let utf16 = (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)
        if file.size > wholeFileLimit && !utf16 {
            do {
                return try stream(path: path, retention: spec.retention, progress: progress, afterBatch: afterBatch)
            } catch InventoryError.unexpectedStructure(_, let pointer, _, _, _) where pointer.isEmpty {
                // No `resource_changes` array: fall through to the planned values, parsed from the
                // bytes still held (a run reads an input once; larger plans must stream).
                guard file.size <= Self.replayableSize else {
                    throw InventoryError.unexpectedStructure(
                        file: path, pointer: "",
                        expected: "a Terraform plan with resource_changes (`terraform show -json` writes it; a plan over "
                            + "\(Self.replayableSize >> 20) MiB is read by streaming it)")
                }
            }
        }
        let root = try TerraformDocument.parseWhole(path: path)
        try TerraformDocument.checkVersion(root.at("format_version"), file: path)
        guard root.at("resource_changes") != nil || root.at("planned_values") != nil else {
            throw InventoryError.unexpectedStructure(
                file: path, pointer: "",
                expected: root.at("values") != nil
                    ? "a Terraform plan (resource_changes or planned_values); this looks like a state: use format terraform-state"
                    : "a Terraform plan (resource_changes or planned_values)")
        }
        let context = TerraformContext(configuration: root.at("configuration"), variables: root.at("variables"))
        var records: [TerraformResourceRecord] = []
        if let changes = root.at("resource_changes")?.arrayValue {
            records = changes.enumerated().compactMap { TerraformDocument.changeRecord($1, pointer: "/resource_changes/\($0)") }
        } else {
            TerraformDocument.moduleResources(root.at("planned_values", "root_module"), pointer: "/planned_values/root_module", into: &records)
        }
        var resources = TerraformDocument.map(consume records, context: context, format: .terraformPlan, file: path, retention: spec.retention)
        progress(file.size, file.size)
        try afterBatch(&resources)
        return resources
    }

    /// Streams `resource_changes` of a large plan. The root members the mapping needs
    /// (`configuration` sits after gigabytes of changes) are picked out of the same pass; what
    /// depends on them is completed once the file has been read.
    private func stream(
        path: String, retention: RecordRetention, progress: @Sendable (Int, Int) -> Void, afterBatch: (inout [Resource]) throws -> Void
    ) throws -> [Resource] {
        var stream = JSONArrayStream(path: path, arrayKey: "resource_changes")
        stream.rootMembers = ["format_version", "configuration", "variables"]
        // Each change is mapped by the worker that parsed it, as far as it can be without the
        // configuration; its native record is dropped there.
        var batches: [[TerraformDocument.StreamedChange?]] = []
        let members = try stream.forEachBatch(transforming: { _, pointer, change in
            TerraformDocument.streamedChange(change, pointer: pointer, format: .terraformPlan, file: path, retention: retention)
        }, progress: progress) { batches.append($0) }
        try TerraformDocument.checkVersion(members["format_version"], file: path)
        let context = TerraformContext(configuration: members["configuration"], variables: members["variables"])
        // Taken out of the variable the batches filled, so that the last step holds the only reference.
        var collected: [[TerraformDocument.StreamedChange?]] = []
        swap(&collected, &batches)
        return try TerraformDocument.finish(consume collected, context: context, format: .terraformPlan, file: path, retention: retention,
                                            afterBatch: afterBatch)
    }

    /// The largest plan whose bytes a run still holds after streaming it (`ReadOnceFile`'s
    /// replay limit), so that a plan without `resource_changes` can be parsed whole.
    static let replayableSize = 16 << 20
}
