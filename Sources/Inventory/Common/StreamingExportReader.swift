public import PolicyEngine

/// A reader that can hand resources over in batches while it reads, so that a consumer which
/// does not need the whole set at once (a benchmark, a streaming evaluator) holds only one batch.
/// `read` collects every batch; `InventoryNormalizer.link` needs the whole set.
public protocol StreamingExportReader: ExportReader {
    /// Calls `body` with consecutive batches of resources, in input order.
    func forEachBatch(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, _ body: ([Resource]) throws -> Void
    ) throws
}

extension StreamingExportReader {
    /// Reads every resource (all batches collected).
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        var resources: [Resource] = []
        try forEachBatch(spec, progress: progress) { resources.append(contentsOf: $0) }
        return resources
    }
}
