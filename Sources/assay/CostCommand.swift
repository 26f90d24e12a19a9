import ArgumentParser
import Billing
import Foundation
import PolicyEngine
import Reports
import TabularText

/// `assay cost`: the monthly cost review of billing exports, and the cost groups as JSON/CSV.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Review billing exports (FOCUS, AWS CUR, CUR 2.0, Azure, GCP; .csv or .csv.gz) month by month.",
        discussion: """
            Prints totals per month and currency (billed and effective), the top movers by account × service, \
            and untagged and egress shares. --json/--csv write the cost groups with the grand totals, so the \
            numbers can be checked outside Assay. Amounts are exact decimals.
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Billing export files (.csv or .csv.gz).")
    var input: [String] = []

    @Option(name: .long, help: "Force the format: focus, aws-cur, aws-cur2, azure-cost, gcp-billing (default: detect from the header).")
    var format: String?

    @Option(name: .customLong("group-by"), parsing: .upToNextOption, help: "Group dimensions: account, sub_account, service, service_category, region, charge_category, currency, resource, tags.<key>.")
    var groupBy: [String] = ["account", "service"]

    @Option(name: .customLong("as-of"), help: "As-of date (YYYY-MM-DD); the review covers the complete months before it (default: today, UTC).")
    var asOf: String?

    @Option(name: .long, help: "Number of complete months to review.")
    var months: Int = 3

    @Option(name: .customLong("required-tag"), parsing: .upToNextOption, help: "Tags a charge must carry not to count as untagged (default: any tag).")
    var requiredTags: [String] = []

    @Option(name: .long, help: "Write the cost groups and totals as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Write the cost groups and totals as CSV to this file.")
    var csv: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Count and report malformed rows instead of stopping at the first.")
    var skipBadRows = false

    func validate() throws {
        guard !input.isEmpty else { throw ValidationError("give at least one --input file") }
        guard months >= 1 else { throw ValidationError("--months must be at least 1") }
        if let format {
            guard let known = InputFormat(rawValue: format), known.kind == .billing else {
                throw ValidationError("unknown billing format '\(format)'; use focus, aws-cur, aws-cur2, azure-cost or gcp-billing")
            }
        }
        if let asOf, CivilDate(parsing: asOf) == nil { throw ValidationError("--as-of must be a date (YYYY-MM-DD)") }
    }

    func run() throws {
        let date = try asOfDate()
        let scope = CostScope(groupBy: groupBy, lastMonths: months)
        var aggregator = try CostAggregator(scopes: [scope], requiredTags: requiredTags)
        var options = BillingScanOptions(skipBadRows: skipBadRows, format: format.flatMap(InputFormat.init(rawValue:)))
        options.progress = Self.progressPrinter()
        try OutputTargets.check(outputs: [json, csv].compactMap { $0 }, against: input)
        for path in input {
            let report = try aggregator.read(path, options: options)
            if report.badRows > 0 {
                Terminal.warning("\(path): skipped \(report.badRows) malformed row(s); first:")
                for diagnostic in report.firstBadRows { Terminal.line("  " + (diagnostic.description.split(separator: "\n").first.map(String.init) ?? "")) }
            }
        }
        let groups = aggregator.documents(for: scope, asOf: date)
        let totals = aggregator.monthTotals(asOf: date, months: months)
        Terminal.output(CostReviewTable.render(aggregator: aggregator, asOf: date, months: months, groupBy: groupBy, groupCount: groups.count))
        if let json {
            var document = aggregator.costSection(asOf: date, months: months).objectValue ?? Fields()
            document["group_by"] = .array(groupBy.map(Value.string))
            document["groups"] = .array(groups.map(\.document))
            try ReportFile.write(Array(JSONWriter.pretty(.object(document)).utf8), to: json)
        }
        if let csv {
            try ReportFile.write(Array(CostReviewTable.csv(groups: groups, totals: totals, groupBy: groupBy).utf8), to: csv)
        }
    }

    private func asOfDate() throws -> CivilDate {
        if let asOf, let date = CivilDate(parsing: asOf) { return date }
        return CivilDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
    }

    /// Prints progress for large files (over 256 MiB) every tenth of the file, on stderr.
    private static func progressPrinter() -> @Sendable (String, Int, Int?) -> Void {
        let state = ProgressState()
        return { path, done, total in
            guard let total, total > 256 << 20 else { return }
            let tenth = done * 10 / total
            if state.advance(to: tenth) { Terminal.line("\(path): \(tenth * 10)% read") }
        }
    }
}

/// The last progress step printed (the callback runs on one reading thread at a time).
private final class ProgressState: @unchecked Sendable {
    private let lock = NSLock()
    private var step = 0

    func advance(to next: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard next > step else { return false }
        step = next
        return true
    }
}

/// The review table (stdout) and the CSV of groups.
enum CostReviewTable {
    /// The human-readable monthly review.
    static func render(aggregator: CostAggregator, asOf: CivilDate, months: Int, groupBy: [String], groupCount: Int) -> String {
        var text = "Cost review as of \(asOf) — \(months) complete month(s)\n\n"
        let header = ["MONTH", "CURRENCY", "BILLED", "EFFECTIVE", "CREDITS", "REFUNDS", "NET", "CHANGE", "UNTAGGED", "EGRESS"]
        var rows: [[String]] = []
        for total in aggregator.monthTotals(asOf: asOf, months: months) {
            let cost = total.document["cost"]
            rows.append([
                total.document["period"]?.keyText ?? "", total.document["currency"]?.keyText ?? "",
                money(cost?["amount"]), money(cost?["effective"]), money(cost?["credits"]), money(cost?["refunds"]),
                money(cost?["net"]), percent(cost?["change_pct"], scale: 1), percent(cost?["untagged_share"], scale: 100),
                percent(cost?["egress_share"], scale: 100),
            ])
        }
        text += table(header: header, textColumns: 2, rows: rows)
        let movers = aggregator.topMovers(asOf: asOf, months: months, limit: 5)
        if !movers.isEmpty {
            text += "\nTop movers (account × service, month over month)\n\n"
            text += table(
                header: ["MONTH", "CURRENCY", "ACCOUNT", "SERVICE", "AMOUNT", "PREVIOUS", "CHANGE", "CHANGE %"], textColumns: 4,
                rows: movers.map { mover in
                    [
                        mover.month.description, mover.currency, mover.account ?? "-", mover.service ?? "-",
                        mover.amount.formatted(fractionDigits: 2), mover.previousAmount.formatted(fractionDigits: 2),
                        mover.change.formatted(fractionDigits: 2), mover.changePercent.map { format($0) + "%" } ?? "new",
                    ]
                })
        }
        for input in aggregator.inputs {
            text += "\n\(input.path): \(input.format.rawValue), \(input.rows) rows, \(input.lines) cost lines"
            if input.badRows > 0 { text += ", \(input.badRows) bad rows skipped" }
        }
        text += "\n\(groupCount) cost groups by \(groupBy.isEmpty ? "(nothing)" : groupBy.joined(separator: " × "))\n"
        return text
    }

    /// One CSV row per cost group (`kind` = group) and per month total (`kind` = total).
    static func csv(groups: [Resource], totals: [Resource], groupBy: [String]) -> String {
        let costColumns = ["amount", "effective", "list", "credits", "refunds", "net", "previous_amount", "change_pct", "share_of_total", "untagged_amount", "untagged_share", "egress_amount", "egress_share", "lines"]
        var lines = [(["kind", "id", "period", "currency"] + groupBy + costColumns).map(field).joined(separator: ",")]
        for (kind, resources) in [("group", groups), ("total", totals)] {
            for resource in resources {
                let document = resource.document
                var cells = [kind, resource.id, document["period"]?.keyText ?? "", document["currency"]?.keyText ?? ""]
                for dimension in groupBy {
                    let path = dimension.hasPrefix("tags.") ? document["tags"]?[String(dimension.dropFirst(5))] : document[dimension]
                    cells.append(kind == "total" ? "" : path?.keyText ?? "")
                }
                for column in costColumns { cells.append(document["cost"]?[column]?.keyText ?? "") }
                lines.append(cells.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell neutralised and quoted exactly as the findings CSV does it (one rule for every CSV).
    private static func field(_ text: String) -> String { CSVReport.cell(text) }

    private static func money(_ value: Value?) -> String {
        guard case .decimal(let amount) = value else { return "-" }
        return amount.formatted(fractionDigits: 2)
    }

    private static func percent(_ value: Value?, scale: Double) -> String {
        guard let number = value?.doubleValue else { return "-" }
        return format(number * scale) + "%"
    }

    private static func format(_ number: Double) -> String {
        let rounded = (number * 10).rounded() / 10
        guard rounded == rounded.rounded(), let whole = Int(exactly: rounded) else { return String(rounded) }
        return String(whole) + ".0"
    }

    /// A plain-text table: the first `textColumns` columns left-aligned, numbers right-aligned.
    private static func table(header: [String], textColumns: Int, rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index < textColumns ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
