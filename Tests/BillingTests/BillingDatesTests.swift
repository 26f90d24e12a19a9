import Testing
@testable import Billing

/// Month parsing of the date forms exports use, and short malformed dates that must be
/// rejected without reading past the field.
struct BillingDatesTests {
    private func month(_ text: String) -> BillingMonth? {
        Array(text.utf8).withByteView { BillingDates.month(of: $0) }
    }

    @Test func commonForms() {
        #expect(month("2024-09-01T00:00:00Z") == BillingMonth(year: 2024, month: 9))
        #expect(month("2024/09/01") == BillingMonth(year: 2024, month: 9))
        #expect(month("202409") == BillingMonth(year: 2024, month: 9))
        #expect(month("9/2/2023") == BillingMonth(year: 2023, month: 9))
        // 2024-09-30T22:00:00-04:00 is 2024-10-01 in UTC.
        #expect(month("2024-09-30T22:00:00-04:00") == BillingMonth(year: 2024, month: 10))
    }

    @Test func shortMalformedDatesAreRejected() {
        for text in ["2024-1", "2024/1", "2024-", "20241"] { #expect(month(text) == nil, "\(text)") }
    }
}
