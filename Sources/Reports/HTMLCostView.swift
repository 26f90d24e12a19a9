import PolicyEngine

/// The cost review: per currency a chart of the monthly totals beside the table of the same
/// figures, the latest month's top movers and its untagged and egress shares; then the results
/// of the cost policies (the thresholds).
struct CostView {
    struct MonthRow {
        var period: String
        var amount: String
        var net: String
        var change: String
        var untagged: String
        var egress: String
    }

    struct MoverRow {
        var account: String
        var service: String
        var previous: String
        var amount: String
        var change: String
        var changePercent: String
    }

    struct CurrencyBlock {
        var currency: String
        var chart: SVGChart
        var monthRows: [MonthRow]
        var latestPeriod: String
        var moverRows: [MoverRow]
        var shareNote: [String]
    }

    struct SkippedRow {
        var inputPath: String
        var skippedCount: String
        var locations: String
    }

    struct ThresholdPolicy {
        var anchor: String
        var policyID: String
        var policyTitle: String
        var thresholdStatus: Badge
        var thresholdCounts: String
    }

    struct ThresholdRow {
        var anchor: String
        var policyID: String
        var resourceID: String
        var thresholdFindingStatus: Badge
        var thresholdMessage: String
    }

    var costRan: Bool
    var currencyBlocks: [CurrencyBlock]
    var skippedRows: [SkippedRow]
    var thresholdPolicies: [ThresholdPolicy]
    var thresholdRows: [ThresholdRow]
    var thresholdMore: [String]

    init(_ review: CostReview, anchors: PolicyAnchors, limit: Int) {
        costRan = review.ran
        var names = AnchorNames()
        currencyBlocks = review.currencies.map { currency in
            let money = { (amount: FixedDecimal?) in amount.map { ReportText.money($0) } ?? "—" }
            let share = { (ratio: Double?, amount: FixedDecimal?) -> String in
                guard let ratio else { return "—" }
                return ReportText.percent(ratio) + (amount.map { " (" + ReportText.money($0) + ")" } ?? "")
            }
            let chart = SVGChart.bars(
                id: names.make("cost-chart", currency.currency),
                title: "Monthly cost in \(currency.currency)",
                summary: "Bar chart of the billed amount per month; the table beside it lists the same figures.",
                data: currency.months.map { SVGChart.Datum(label: $0.period, value: $0.amount.doubleValue, text: ReportText.money($0.amount)) },
                tickLabel: SVGChart.compact
            )
            var note: [String] = []
            if let latest = currency.months.last, latest.untaggedShare != nil || latest.egressShare != nil {
                note = ["In \(latest.period), untagged usage was \(share(latest.untaggedShare, latest.untaggedAmount)) and egress "
                    + "\(share(latest.egressShare, latest.egressAmount)) of the month's \(currency.currency) spend."]
            }
            return CurrencyBlock(
                currency: currency.currency, chart: chart,
                monthRows: currency.months.map { month in
                    MonthRow(period: month.period, amount: ReportText.money(month.amount), net: money(month.net),
                             change: ReportText.change(month.changePercent), untagged: share(month.untaggedShare, nil),
                             egress: share(month.egressShare, nil))
                },
                latestPeriod: currency.months.last?.period ?? currency.movers.first?.period ?? "",
                moverRows: currency.movers.map { mover in
                    MoverRow(account: mover.account, service: mover.service, previous: ReportText.money(mover.previousAmount),
                             amount: ReportText.money(mover.amount), change: (mover.change.isNegative ? "" : "+") + ReportText.money(mover.change),
                             changePercent: ReportText.change(mover.changePercent))
                },
                shareNote: note
            )
        }
        skippedRows = review.skippedRows.map {
            SkippedRow(inputPath: $0.path, skippedCount: ReportText.count($0.count), locations: $0.firstLocations.joined(separator: ", "))
        }
        thresholdPolicies = review.policies.map { policy in
            ThresholdPolicy(anchor: anchors[policy.id], policyID: policy.id, policyTitle: policy.title,
                            thresholdStatus: FindingsView.badge(policy.counts),
                            thresholdCounts: "\(ReportText.count(policy.counts.fail)) of \(ReportText.count(policy.counts.evaluated)) groups fail")
        }
        thresholdRows = review.findings.prefix(limit).map { finding in
            ThresholdRow(anchor: anchors[finding.policy], policyID: finding.policy, resourceID: finding.resource,
                         thresholdFindingStatus: Badge(finding.status), thresholdMessage: finding.message)
        }
        let more = review.findings.count - thresholdRows.count
        thresholdMore = more > 0 ? ["\(ReportText.count(more)) more in the findings below and in the JSON/CSV."] : []
    }
}
