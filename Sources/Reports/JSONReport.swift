import Dispatch
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
    /// the document without its findings is encoded whole; the findings (a million in a large
    /// run) are encoded and written a wave at a time, each wave's tasks on all cores, so the
    /// document is never held in memory.
    public func write(_ result: RunResult, to output: ReportOutput) throws(ReportError) {
        guard case .object(let document) = RunResultCodec.encode(result, encodedFindings: []) else { return }
        var text: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for member in document {
            if !first { text.append(UInt8(ascii: ",")) }
            first = false
            text.append(contentsOf: "\n  ".utf8)
            JSONWriter.writeString(member.key, into: &text)
            text.append(contentsOf: ": ".utf8)
            if member.key == "findings" && !result.findings.isEmpty {
                text.append(UInt8(ascii: "["))
                output.append(text)
                text.removeAll(keepingCapacity: true)
                writeFindings(result.findings, to: output)
                text.append(contentsOf: "\n  ]".utf8)
            } else {
                JSONWriter.write(member.value, into: &text, indent: "  ", level: 1)
            }
        }
        text.append(contentsOf: "\n}\n".utf8)
        output.append(text)
    }

    /// Each finding as an element of the top-level `findings` array (level 2), comma-separated.
    private func writeFindings(_ findings: [Finding], to output: ReportOutput) {
        let wave = Self.findingsPerTask * Self.tasksPerWave
        for waveStart in stride(from: 0, to: findings.count, by: wave) {
            let waveEnd = min(findings.count, waveStart + wave)
            let tasks = (waveEnd - waveStart + Self.findingsPerTask - 1) / Self.findingsPerTask
            let slots = ResultSlots<[UInt8]>(count: tasks)
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                let start = waveStart + task * Self.findingsPerTask
                var bytes: [UInt8] = []
                for index in start..<min(waveEnd, start + Self.findingsPerTask) {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes.append(contentsOf: "\n    ".utf8)
                    JSONWriter.write(RunResultCodec.encode(findings[index]), into: &bytes, indent: "  ", level: 2)
                }
                slots.store(bytes, at: task)
            }
            // A failed write is recorded by the output and reported by `ReportFile`.
            for task in 0..<tasks { output.append(slots.take(at: task) ?? []) }
        }
    }
}

