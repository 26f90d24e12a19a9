import Billing
import PolicyEngine
import Reports

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
