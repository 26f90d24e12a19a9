import Billing
import Foundation
import PolicyEngine
import TabularText
import TestSupport
import Testing

/// Bad rows stop the scan with a located error, or are counted with --skip-bad-rows.
struct MalformedInputTests {
    @Test func badNumberNamesFileLineAndColumn() throws {
        let path = BillingPaths.fixture("bad-number.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let badLine = text.split(separator: "\n")[2]
        let column = badLine.distance(from: badLine.startIndex, to: badLine.firstIndex(of: "\"") ?? badLine.startIndex) + 1
        do {
            _ = try BillingReader.lines(path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.file == path)
            #expect(error.diagnostic.location?.line == 3)
            #expect(error.diagnostic.location?.column == column)
            #expect(error.diagnostic.message.contains("lineItem/UnblendedCost"))
        }
    }

    @Test func skipBadRowsCountsAndReports() throws {
        let path = BillingPaths.fixture("wrong-columns.csv")
        var aggregator = try CostAggregator(scopes: [])
        let report = try aggregator.read(path, options: BillingScanOptions(skipBadRows: true))
        #expect(report.rows == 4)
        #expect(report.badRows == 2)
        #expect(report.firstBadRows.map(\.location?.line) == [3, 4])
        #expect(report.firstBadRows[0].message.contains("expected 4 fields, found 5"))
        let totals = aggregator.groups(groupBy: []) ?? [:]
        #expect(totals.values.reduce(FixedDecimal.zero) { $0 + $1.net } == decimal("3"))
    }

    /// Found by the csv fuzz target (Fuzz/corpus/csv/regression-billing-column-name): a FOCUS row
    /// whose failing field sits in a column the header does not name trapped while naming it.
    @Test func failureInAnUnnamedColumnIsAnErrorNotATrap() throws {
        let seed = Fixtures.packageRoot.appendingPathComponent("Fuzz/corpus/csv/regression-billing-column-name").path
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-regression-\(getpid()).csv").path
        try FileManager.default.copyItem(atPath: seed, toPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var aggregator = try CostAggregator(scopes: [])
        #expect(throws: BillingError.self) { _ = try aggregator.read(path, options: BillingScanOptions()) }
        _ = try? aggregator.read(path, options: BillingScanOptions(skipBadRows: true))
    }

    @Test func wrongColumnCountStopsWithoutSkip() {
        #expect(throws: BillingError.self) { try BillingReader.lines(BillingPaths.fixture("wrong-columns.csv")) }
    }

    @Test func truncatedGzipIsAnError() throws {
        let source = BillingPaths.root.appendingPathComponent("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz")
        let data = try Data(contentsOf: source)
        let directory = try BillingPaths.temporaryDirectory()
        let truncated = directory.appendingPathComponent("truncated.csv.gz")
        try data.prefix(data.count * 2 / 3).write(to: truncated)
        for decoder in GzipDecoder.allCases {
            do {
                _ = try BillingReader.lines(truncated.path, options: BillingScanOptions(gzipDecoder: decoder))
                Issue.record("expected a truncation error with \(decoder)")
            } catch {
                #expect(error.diagnostic.message.contains("truncated"))
                #expect(error.diagnostic.file == truncated.path && error.diagnostic.location?.line != nil)
            }
        }
    }

    @Test func gzipDecodersAgree() throws {
        let path = BillingPaths.root.appendingPathComponent("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz").path
        let isal = try BillingReader.lines(path, options: BillingScanOptions(gzipDecoder: .isal)).lines
        let zlib = try BillingReader.lines(path, options: BillingScanOptions(gzipDecoder: .zlib)).lines
        #expect(isal.count == 277)  // 256 rows plus the reservation, savings plan and DR usage lines (7 a month)
        #expect(isal == zlib)
    }
}
