import PolicyEngine

/// The one way a report whose size grows with the findings is written: its items (findings,
/// test cases, rows) rendered into bytes in blocks on all cores, and the blocks appended to the
/// report in order, a wave of blocks at a time. The bytes are those rendering the items one
/// after another would make; a report of a million findings is never held whole in memory.
/// The JSON, JUnit and CSV reports use it.
enum BlockRendering {
    /// Items rendered per block (one parallel task).
    static let itemsPerBlock = 4096
    /// Blocks rendered at once, then written before the next wave starts.
    static let blocksPerWave = 8

    /// Renders items `0..<count`, `render(range)` giving the bytes of one block's items, and
    /// appends the blocks to `output` in order. The first block that fails stops the report.
    static func write(count: Int, to output: ReportOutput, render: @Sendable (Range<Int>) throws(ReportError) -> [UInt8]) throws(ReportError) {
        let wave = itemsPerBlock * blocksPerWave
        for waveStart in stride(from: 0, to: count, by: wave) {
            let waveEnd = min(count, waveStart + wave)
            let blocks = ParallelMap.map(Array(stride(from: waveStart, to: waveEnd, by: itemsPerBlock)), minimumChunk: 1) { start in
                Result { () throws(ReportError) -> [UInt8] in try render(start..<min(waveEnd, start + itemsPerBlock)) }
            }
            for block in blocks { output.append(try block.get()) }
        }
    }
}
