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
        let output = ReportOutput()
        try write(result, to: output)
        return output.bytes
    }

    /// Streams the same text as `JSONWriter.pretty(RunResultCodec.encode(result))` into `output`:
    /// the document's frame, then the findings (a million in a large run) encoded in blocks on all
    /// cores (`BlockRendering`), so the document is never held in memory.
    /// A failed write is recorded by the output and reported by `ReportFile`.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        let frame = RunResultCodec.documentFrame(result)
        output.append(frame.head)
        let findings = result.findings
        try BlockRendering.write(count: findings.count, to: output) { range in
            var bytes: [UInt8] = []
            // About 850 bytes a failing finding at 1M: grown by doubling, the block was copied
            // a dozen times on its way to 3 MB.
            bytes.reserveCapacity(range.count * 1024)
            // Read in place: `findings[index]` handed to the encoder was a copy of the finding
            // (a dozen reference counts, a quarter of the JSON's retains, on counts both cores share).
            findings.withElementView { findings in
                for index in range {
                    if index + prefetchDistance < range.upperBound {
                        findings.withElement(at: index + prefetchDistance) { prefetchStorage(of: &$0.resource) }
                    }
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes.append(contentsOf: RunResultCodec.findingItemPrefix.utf8)
                    findings.withElement(at: index) { RunResultCodec.documentItem(&$0, into: &bytes) }
                }
            }
            return bytes
        }
        if !findings.isEmpty { output.append(Array(RunResultCodec.findingsEnd.utf8)) }
        output.append(frame.tail)
    }
}
