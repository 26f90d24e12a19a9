public import PolicyEngine

/// The machine-readable results (schema in docs/results-json.md): sorted keys, two-space
/// indentation, amounts as decimal strings; byte-identical for identical runs.
public struct JSONReport: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// `json`.
    public var format: ReportFormat { .json }

    /// The JSON text.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        Array(JSONWriter.pretty(RunResultCodec.encode(result)).utf8)
    }
}
