import Billing
import Foundation
import PolicyEngine
import TabularText
import Testing

/// Issue 19: a billing export is read once — the header look of format detection, the scan and
/// the digest share one open of the file — so the digest is that of the rows summed, even when
/// the file is replaced during the run (before, each step opened the path again).
struct ReadOnceBillingTests {
    @Test(arguments: ["aws-cur-2026-08_2026-10.csv.gz", "focus-azure-2026-08_2026-10.csv"])
    func theScanSumsAndHashesTheBytesItOpened(_ name: String) throws {
        let fixture = BillingPaths.root.appendingPathComponent("fixtures/billing/" + name).path
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: fixture)))
        let scope = CostScope(groupBy: ["service"])
        var direct = try CostAggregator(scopes: [scope])
        let expected = try direct.read(fixture)
        let path = try BillingPaths.temporaryDirectory().appendingPathComponent(name).path
        try Data(original).write(to: URL(fileURLWithPath: path))
        let file = try ReadOnceFile(path: path)
        var aggregator = try CostAggregator(scopes: [scope])
        let report = try SharedInput.$current.withValue(file) { () throws -> BillingInputReport in
            // Detection reads the (decompressed) header …
            var sample = [UInt8](repeating: 0, count: 1 << 16)
            _ = try sample.withMutableByteView { try ByteSources.open(path).read(into: $0) }
            // … then the file is replaced before the scan.
            try Data("not,a,billing,export\n1,2,3,4\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            #expect(rename(path + ".new", path) == 0)
            return try aggregator.read(path)
        }
        #expect(report.lines == expected.lines)
        #expect(report.format == expected.format)
        #expect(aggregator.groups(groupBy: ["service"]) == direct.groups(groupBy: ["service"]))
        var hash = SHA256()
        hash.update(original)
        #expect(try file.sha256() == hash.hexDigest())
        #expect(file.bytesRead == original.count)
    }
}

/// Issue 19: a billing row whose bytes are not UTF-8 (ids, names and tag keys come from them) is a
/// bad row at its line and column, never a U+FFFD in a cost group.
struct BillingInvalidTextTests {
    @Test func anInvalidByteIsABadRowAtItsLineAndColumn() throws {
        let fixture = BillingPaths.root.appendingPathComponent("fixtures/billing/focus-azure-2026-08_2026-10.csv").path
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture)))
        // Line 3, inside its ChargeDescription (the 9th field).
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let lineThree = lineStarts[2]
        var commas = 0
        var offset = lineThree
        while commas < 8 {
            if bytes[offset] == UInt8(ascii: ",") { commas += 1 }
            offset += 1
        }
        bytes[offset + 1] = 0xFF
        let path = try BillingPaths.temporaryDirectory().appendingPathComponent("latin1.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var aggregator = try CostAggregator(scopes: [CostScope(groupBy: ["service"])])
        do {
            _ = try aggregator.read(path, options: BillingScanOptions(workers: 2, chunkSize: 512))
            Issue.record("summed a row that is not UTF-8")
        } catch {
            #expect(error.diagnostic.location?.line == 3)
            #expect(error.diagnostic.location?.column == offset + 1 - lineThree + 1)
            #expect(error.diagnostic.message.contains("invalid UTF-8 (0xFF)"), "\(error.diagnostic.message)")
        }
        // Skipped and counted with --skip-bad-rows.
        var skipping = try CostAggregator(scopes: [CostScope(groupBy: ["service"])])
        let report = try skipping.read(path, options: BillingScanOptions(skipBadRows: true))
        #expect(report.badRows == 1)
        #expect(report.firstBadRows.first?.location?.line == 3)
    }
}
