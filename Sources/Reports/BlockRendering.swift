import PolicyEngine

/// The one way a report whose size grows with the findings is written: its items (findings,
/// test cases, rows) rendered into bytes in blocks on all cores, and the blocks appended to the
/// report in order as soon as each is ready (`ParallelMap.inOrder`: a few blocks in flight, no
/// core waiting for a batch's slowest block). The bytes are those rendering the items one
/// after another would make; a report of a million findings is never held whole in memory.
/// The JSON, JUnit and CSV reports use it.
enum BlockRendering {
    /// Items rendered per block (one parallel task).
    static let itemsPerBlock = 4096

    /// Renders items `0..<count`, `render(range)` giving the bytes of one block's items, and
    /// appends the blocks to `output` in order. The first block that fails stops the report.
    static func write(count: Int, to output: ReportOutput, render: @Sendable (Range<Int>) throws(ReportError) -> [UInt8]) throws(ReportError) {
        let blocks = (count + itemsPerBlock - 1) / itemsPerBlock
        try ParallelMap.inOrder(count: blocks) { (block) throws(ReportError) -> [UInt8] in
            let start = block * itemsPerBlock
            return try render(start..<min(count, start + itemsPerBlock))
        } consume: { bytes in
            output.append(bytes)
        }
    }
}
