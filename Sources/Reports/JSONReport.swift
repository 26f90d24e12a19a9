public import PolicyEngine

/// The machine-readable results (schema in docs/results-json.md): sorted keys, two-space
/// indentation, amounts as decimal strings; byte-identical for identical runs.
public struct JSONReport: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// `json`.
    public var format: ReportFormat { .json }

    /// Findings encoded per parallel task, and per wave of tasks written before the next.
    private static let findingsPerTask = 4096
    private static let tasksPerWave = 8

    /// The JSON text.
    public func render(_ result: RunResult) throws(ReportError) -> [UInt8] {
        let output = ReportOutput()
        try write(result, to: output)
        return output.bytes
    }

    /// Streams the same text as `JSONWriter.pretty(RunResultCodec.encode(result))` into `output`:
    /// the document's frame, then the findings (a million in a large run) encoded and written a
    /// wave at a time, each wave's chunks on all cores, so the document is never held in memory.
    /// A failed write is recorded by the output and reported by `ReportFile`.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        let frame = RunResultCodec.documentFrame(result)
        output.append(frame.head)
        let findings = result.findings
        let wave = Self.findingsPerTask * Self.tasksPerWave
        for waveStart in stride(from: 0, to: findings.count, by: wave) {
            let waveEnd = min(findings.count, waveStart + wave)
            let chunks = ParallelMap.map(Array(stride(from: waveStart, to: waveEnd, by: Self.findingsPerTask)), minimumChunk: 1) { start in
                var bytes: [UInt8] = []
                // About 850 bytes a failing finding at 1M: grown by doubling, the chunk was copied
                // a dozen times on its way to 3 MB.
                bytes.reserveCapacity(Self.findingsPerTask * 1024)
                // Read in place: `findings[index]` handed to the encoder was a copy of the
                // finding (a dozen reference counts, a quarter of the JSON's retains).
                findings.withElementView { findings in
                    for index in start..<min(waveEnd, start + Self.findingsPerTask) {
                        if index > 0 { bytes.append(UInt8(ascii: ",")) }
                        bytes.append(contentsOf: RunResultCodec.findingItemPrefix.utf8)
                        RunResultCodec.documentItem(findings[index], into: &bytes)
                    }
                }
                return bytes
            }
            for chunk in chunks { output.append(chunk) }
        }
        if !findings.isEmpty { output.append(Array(RunResultCodec.findingsEnd.utf8)) }
        output.append(frame.tail)
    }
}
