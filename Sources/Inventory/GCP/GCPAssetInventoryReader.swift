public import PolicyEngine

/// Reads Google Cloud Asset Inventory exports: `gcloud asset export` JSON Lines (one asset per
/// line, proto snake_case names; `#` comment lines skipped) and JSON arrays of assets from
/// `gcloud asset list --format=json` (camelCase). Both stream. Multi- and dual-region locations
/// (`US`, `EU`, `EUR4`, KMS `europe`) keep their code as `region` and list their member regions
/// under `replication.regions`. Lines of an IAM-policy export (`iam_policy`, no `resource`)
/// become resources carrying only `iam_policy`; `InventoryNormalizer.link` merges them into the
/// resource export's asset of the same name.
public struct GCPAssetInventoryReader: StreamingExportReader {
    /// Creates the reader.
    public init() {}

    /// `gcp-cai`.
    public var format: InputFormat { .gcpAssetInventory }

    /// Assets: `asset_type`/`assetType` next to a `//service.googleapis.com/…` name.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        guard sample.containsKey("asset_type") || sample.containsKey("assetType"), sample.contains("googleapis.com") else { return 0 }
        if sample.firstByte == UInt8(ascii: "[") { return 90 }
        return sample.contains("\"//") ? 95 : 80
    }

    /// Reads the export, handing over resources in batches.
    public func forEachBatch(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, _ body: ([Resource]) throws -> Void
    ) throws {
        let path = spec.path
        let head = try InventoryInput.plain(path).head(limit: 4096)
        let sample = DetectionSample(head)
        if sample.firstByte == UInt8(ascii: "[") {
            try JSONArrayStream(path: path, arrayKey: nil).forEachBatch(progress: progress) { batch in
                try body(try ParallelMap.map(batch, minimumChunk: ParallelRelease.minimumChunk) { element in
                    try GCPAssetMapping.resource(element.value, file: path, pointer: element.pointer, line: nil).resource(for: spec)
                })
            }
            return
        }
        try JSONLinesStream(path: path).forEachBatch(progress: progress) { batch in
            try body(try ParallelMap.map(batch, minimumChunk: ParallelRelease.minimumChunk) { line in
                try GCPAssetMapping.resource(line.value, file: path, pointer: nil, line: line.line).resource(for: spec)
            })
        }
    }
}
