public import PolicyEngine

/// Reads JSON Lines record files: one record object per line (blank and `#` lines skipped).
public struct JSONLinesRecordReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `jsonl`.
    public var format: InputFormat { .jsonl }

    /// Several lines that each start with `{` make a JSON Lines file.
    public func detectionScore(sample: [UInt8], path: String) -> Int {
        let lines = sample.split(separator: 0x0A, omittingEmptySubsequences: true).prefix(3)
        guard lines.count >= 2 else { return path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? 15 : 0 }
        let objectLines = lines.filter { line in line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{") }
        guard objectLines.count == lines.count else { return 0 }
        // A pretty-printed JSON object also starts with "{" but its next line does not.
        return lines.allSatisfy { $0.last(where: { $0 != 0x20 && $0 != 0x0D }) == UInt8(ascii: "}") } ? 25 : 0
    }

    /// Reads every record.
    public func read(_ spec: InputSpec, progress: @Sendable (Int, Int) -> Void) throws -> [Resource] {
        let mapper = RecordMapper(mapping: spec.mapping, file: spec.path)
        var resources: [Resource] = []
        try JSONLinesStream(path: spec.path).forEachBatch(progress: progress) { batch in
            for line in batch {
                resources.append(try mapper.resource(from: line.value, pointer: nil, line: line.line))
            }
        }
        return resources
    }
}
