import Billing
import Foundation
import PolicyEngine
import Testing

/// Each reader on a small hand-written file; expected values are read off the fixture text.
struct FormatReaderTests {
    /// Billing detection tries `BillingFormats.readers` (in its own order): a billing format added
    /// to `InputFormat` without a reader there would never be detected.
    @Test func everyBillingFormatHasOneReaderInDetection() {
        let detected = BillingFormats.readers.map { reader in reader.format }
        #expect(Set(detected).count == detected.count, "a format is listed twice")
        #expect(Set(detected) == Set(InputFormat.allCases.filter { $0.kind == .billing && $0 != .costGroups }))
        for format in InputFormat.allCases where format.kind != .billing {
            #expect(BillingFormats.reader(for: format) == nil)
        }
    }

    private func read(_ name: String, workers: Int = 2) throws -> (lines: [CostLine], report: BillingInputReport) {
        try BillingReader.lines(BillingPaths.fixture(name), options: BillingScanOptions(workers: workers, chunkSize: 256))
    }

    @Test func focusNullsRefundsTagsAndEmbeddedNewlines() throws {
        let (lines, report) = try read("focus-small.csv")
        #expect(report.format == .focus)
        #expect(lines.count == 3)
        let first = lines[0]
        #expect(first.month.description == "2026-10")
        #expect(first.chargePeriodStart == CivilDate(year: 2026, month: 10, day: 3))
        #expect(first.billedCost == decimal("12.5"))
        #expect(first.effectiveCost == decimal("10"))
        #expect(first.listCost == decimal("15"))
        #expect(first.tags == ["environment": "prod", "team": "payé"])
        #expect(first.serviceCategory == "Compute")
        #expect(first.source.line == 2)
        #expect(lines[1].chargeCategory == .refund)
        #expect(lines[1].resourceId == "")
        #expect(lines[2].isEgress)
        #expect(lines[2].month.description == "2026-09")
        #expect(lines[2].source.line == 4)
    }

    @Test func legacyCURMapping() throws {
        let (lines, report) = try read("cur-small.csv")
        #expect(report.format == .awsCUR)
        #expect(lines.map(\.chargeCategory) == [.usage, .usage, .usage, .tax, .credit, .usage])
        #expect(lines[0].region == "us-west-2")  // from the availability zone
        #expect(lines[0].tags == ["environment": "prod", "Cost Center": "CC-1", "aws:createdBy": "terraform"])
        #expect(lines[0].serviceCategory == "Compute")
        #expect(lines[1].effectiveCost == decimal("0.06912"))  // SavingsPlanCoveredUsage amortization
        #expect(lines[1].billedCost == decimal("0.096"))
        #expect(lines[2].isEgress && lines[2].billedCost == decimal("0.015") && lines[2].service == "AWSDataTransfer")
        #expect(lines[3].region == "global")
        #expect(lines[5].region == "eu-central-1")  // usage-type prefix
        #expect(lines[5].billedCost == decimal("0.12345678901234567890"))
        #expect(lines[5].month.description == "2026-09")
    }

    @Test func cur2MapAndNetUnblended() throws {
        let (lines, report) = try read("cur2-small.csv")
        #expect(report.format == .awsCUR2)
        #expect(lines[0].billedCost == decimal("9"))
        #expect(lines[0].effectiveCost == decimal("10"))
        #expect(lines[0].tags == ["environment": "staging", "aws:created_by": "ci"])
        #expect(lines[0].currency == "EUR")
        #expect(lines[1].chargeCategory == .credit)
    }

    @Test func azureAmortizedExport() throws {
        let (lines, report) = try read("azure-ea-amortized-small.csv")
        #expect(report.format == .azureCost)
        #expect(lines[0].month.description == "2026-09")
        #expect(lines[0].chargePeriodStart == CivilDate(year: 2026, month: 9, day: 2))
        #expect(lines[0].region == "eastus2")
        #expect(lines[0].isEgress)
        #expect(lines[0].tags == ["env": "prod", "CostCenter": "1234"])
        #expect(lines[0].listCost == decimal("0.04"))  // PayGPrice × Quantity
        #expect(lines[1].region == "westeurope")
        #expect(lines[1].resourceId == "/subscriptions/sub-a/resourcegroups/rg/providers/microsoft.network/x")
        #expect(lines[1].chargeCategory == .usage)
        #expect(lines[2].chargeCategory == .purchase && lines[2].effectiveCost == .zero && lines[2].billedCost == decimal("120"))
    }

    @Test func gcpCreditsBecomeCreditLines() throws {
        let (lines, report) = try read("gcp-small.csv")
        #expect(report.format == .gcpBilling)
        #expect(report.rows == 2 && report.lines == 3)
        #expect(lines[0].billedCost == decimal("0.5") && lines[0].isEgress)
        #expect(lines[1].chargeCategory == .credit && lines[1].billedCost == decimal("-0.15"))
        #expect(lines[0].tags == ["environment": "prod", "app": "web"])
        #expect(lines[0].region == "us")
        #expect(lines[2].serviceCategory == "Analytics")
        #expect(lines[2].chargePeriodStart == CivilDate(year: 2026, month: 11, day: 1))  // −04:00 offset → next UTC day
        #expect(lines[2].month.description == "2026-10")  // invoice month wins
    }

    @Test func unknownHeaderNamesTheClosestFormat() {
        #expect {
            _ = try read("unknown-format.csv")
        } throws: { error in
            guard case .unrecognizedHeader(_, _, let missing) = error as? BillingError else { return false }
            return !missing.isEmpty && (error as? BillingError)?.diagnostic.description.contains("needs:") == true
        }
    }
}
