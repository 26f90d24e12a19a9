import Billing
import Foundation
import PolicyEngine
import Testing

/// Every real sample under `../shared/external-data/billing/`: Assay's net cost per month and
/// service must equal an independent exact sum computed here with a separate minimal CSV parser
/// and Foundation `Decimal`, following the column mapping of docs/billing.md.
struct SampleConformanceTests {
    /// The sample files with cost rows, by folder.
    static let samples: [String] = {
        guard BillingPaths.samplesPresent else { return [] }
        var found: [String] = []
        for folder in ["aws-cur", "azure", "azure/opencost-headersets", "azure/opencost-values", "focus", "gcp", "oracle"] {
            let directory = BillingPaths.samples + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".csv") && name != "focus-columns_v1.0-v1.1-v1.2.csv" {
                found.append(directory + "/" + name)
            }
        }
        let examples = BillingPaths.samples + "/focus/spec-examples-v1.2"
        if let enumerator = FileManager.default.enumerator(atPath: examples) {
            for case let name as String in enumerator where name.hasSuffix(".csv") { found.append(examples + "/" + name) }
        }
        return found
    }()

    @Test(.enabled(if: BillingPaths.samplesPresent, "../shared/external-data/billing is absent; sample conformance skipped"))
    func curSampleMatchesTheResearchTotals() throws {
        let path = BillingPaths.samples + "/aws-cur/focus-converters_sample-anonymous-aws-export-dataset.csv"
        let (lines, report) = try BillingReader.lines(path)
        #expect(report.rows == 1281)
        #expect(lines.reduce(FixedDecimal.zero) { $0 + $1.billedCost } == decimal("1.68230869740"))  // BILLING.md §8
        #expect(lines.reduce(FixedDecimal.zero) { $0 + $1.listCost } == decimal("3.35617269490"))  // BILLING.md §9
        #expect(lines.filter(\.isEgress).reduce(FixedDecimal.zero) { $0 + $1.billedCost } == decimal("0.00006768210"))
    }

    @Test(.enabled(if: BillingPaths.samplesPresent, "../shared/external-data/billing is absent; sample conformance skipped"), arguments: samples)
    func netCostPerMonthAndServiceMatchesAnIndependentSum(path: String) throws {
        guard let expected = IndependentSum.perMonthAndService(path) else {
            // Header-only fixtures (no rows) have nothing to sum.
            return
        }
        var aggregator = try CostAggregator(scopes: [CostScope(groupBy: ["service"])])
        try aggregator.read(path)
        var actual: [String: Decimal] = [:]
        for (key, bucket) in aggregator.groups(groupBy: ["service"]) ?? [:] {
            actual[key.month.description + "|" + (key.values[0] ?? ""), default: 0] += Decimal(string: bucket.net.description) ?? -1
        }
        #expect(actual == expected, "\(path)")
    }
}

/// A deliberately simple second implementation: String-based CSV parsing and `Decimal` sums.
enum IndependentSum {
    static func perMonthAndService(_ path: String) -> [String: Decimal]? {
        guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows = parse(text)
        guard rows.count > 1 else { return nil }
        let header = rows[0].map { name -> String in
            var trimmed = name.trimmingCharacters(in: .whitespaces)
            if let open = trimmed.lastIndex(of: "("), trimmed.hasSuffix(")") {
                trimmed = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            }
            return trimmed.lowercased()
        }
        func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0.lowercased()) }.first }
        var sums: [String: Decimal] = [:]
        for short in rows.dropFirst() {
            // Some exporters leave out trailing empty fields.
            let row = short + Array(repeating: "", count: max(0, header.count - short.count))
            func value(_ index: Int?) -> String {
                guard let index else { return "" }
                let raw = row[index]
                return raw == "NULL" || raw == "null" ? "" : raw
            }
            func amount(_ index: Int?) -> Decimal {
                // FOCUS examples write "$50,000.00 "; drop the symbol, grouping commas and blanks.
                let text = value(index).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "")
                return text.isEmpty ? 0 : Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
            }
            var month = ""
            var service = ""
            var cost = Decimal(0)
            if let billed = column("BilledCost") {
                month = monthText(value(column("BillingPeriodStart")).isEmpty ? value(column("ChargePeriodStart")) : value(column("BillingPeriodStart")))
                service = value(column("ServiceName"))
                cost = amount(billed)
            } else if let unblended = column("lineItem/UnblendedCost", "line_item_unblended_cost") {
                let period = value(column("bill/BillingPeriodStartDate", "bill_billing_period_start_date"))
                month = monthText(period.isEmpty ? value(column("lineItem/UsageStartDate", "line_item_usage_start_date")) : period)
                let code = value(column("lineItem/ProductCode", "line_item_product_code"))
                let name = value(column("product/ProductName", "product_product_name"))
                service = name.isEmpty ? code : name
                let net = value(column("lineItem/NetUnblendedCost", "line_item_net_unblended_cost"))
                cost = net.isEmpty ? amount(unblended) : amount(column("lineItem/NetUnblendedCost", "line_item_net_unblended_cost"))
            } else if let gcpCost = column("cost"), column("billing_account_id") != nil {
                month = monthText(value(column("invoice.month")))
                service = value(column("service.description"))
                cost = amount(gcpCost)
                let credits = value(column("credits"))
                for match in credits.components(separatedBy: "'amount': ").dropFirst() + credits.components(separatedBy: "\"amount\": ").dropFirst() {
                    let number = match.prefix { "0123456789.-+eE".contains($0) }
                    cost += Decimal(string: String(number)) ?? .nan
                }
            } else if let azureCost = column("CostInBillingCurrency", "Cost", "PreTaxCost") {
                let period = value(column("BillingPeriodStartDate"))
                month = monthText(period.isEmpty ? value(column("Date", "UsageDateTime")) : period)
                let meter = value(column("MeterCategory"))
                service = meter.isEmpty ? value(column("ConsumedService")) : meter
                cost = amount(azureCost)
            } else {
                return nil
            }
            sums[month + "|" + service, default: 0] += cost
        }
        return sums
    }

    /// `YYYY-MM` from ISO dates, `YYYYMM`, or US `M/D/YYYY`.
    static func monthText(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 6, Int(trimmed) != nil { return String(trimmed.prefix(4)) + "-" + String(trimmed.suffix(2)) }
        let slashParts = trimmed.split(separator: " ")[0].split(separator: "/")
        if slashParts.count == 3, let month = Int(slashParts[0]), let year = Int(slashParts[2]) {
            return String(year < 100 ? 2000 + year : year) + "-" + (month < 10 ? "0" : "") + String(month)
        }
        return String(trimmed.prefix(7)).replacingOccurrences(of: "/", with: "-")
    }

    /// RFC 4180 rows from text, character by character.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)
        characters.append("\n")
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
                field = ""
            } else {
                field.append(character)
            }
            index += 1
        }
        return rows
    }
}
