import PolicyEngine

/// The cost review read from `sections["cost"]` (schema in docs/billing.md) plus the findings of
/// the cost policies (category `cost`): monthly totals per currency, the latest month's top
/// movers, untagged and egress shares, and billing inputs that skipped bad rows.
struct CostReview {
    /// One month's totals in one currency.
    struct MonthTotal {
        var period: String
        var amount: FixedDecimal
        var net: FixedDecimal?
        var changePercent: Double?
        var untaggedAmount: FixedDecimal?
        var untaggedShare: Double?
        var egressAmount: FixedDecimal?
        var egressShare: Double?
    }

    /// One currency's months, oldest first.
    struct CurrencyTotals {
        var currency: String
        var months: [MonthTotal]
        /// The latest month's top movers, largest absolute change first.
        var movers: [Mover]
    }

    /// An account × service group whose spend changed against the previous month.
    struct Mover {
        var period: String
        var account: String
        var service: String
        var amount: FixedDecimal
        var previousAmount: FixedDecimal
        var change: FixedDecimal
        var changePercent: Double?
    }

    /// A billing input that skipped malformed rows.
    struct SkippedRows {
        var path: String
        var count: Int
        var firstLocations: [String]
    }

    /// Per currency (sorted by code); empty when the result has no cost section.
    let currencies: [CurrencyTotals]
    /// Billing inputs with skipped rows.
    let skippedRows: [SkippedRows]
    /// Whether the result has a `cost` section at all.
    let ran: Bool
    /// Cost policies (category `cost`), by id.
    let policies: [PolicyReport]
    /// Non-passing findings of the cost policies, by policy id, then in result order.
    let findings: [Finding]

    init(_ result: RunResult, index: FindingIndex) {
        policies = result.policies.filter { $0.category == "cost" }.sorted { $0.id < $1.id }
        findings = policies.flatMap { policy in index[policy.id].map { result.findings[$0] }.filter { $0.status != .pass } }
        guard let section = result.sections["cost"], section.objectValue != nil else {
            ran = false
            currencies = []
            skippedRows = []
            return
        }
        ran = true
        var months: [String: [MonthTotal]] = [:]
        for total in section["totals"]?.elements ?? [] {
            guard let currency = total["currency"]?.textValue, let period = total["period"]?.textValue,
                  let amount = total["amount"]?.moneyValue else { continue }
            months[currency, default: []].append(MonthTotal(
                period: period, amount: amount, net: total["net"]?.moneyValue, changePercent: total["change_pct"]?.numberValue,
                untaggedAmount: total["untagged_amount"]?.moneyValue, untaggedShare: total["untagged_share"]?.numberValue,
                egressAmount: total["egress_amount"]?.moneyValue, egressShare: total["egress_share"]?.numberValue
            ))
        }
        var movers: [String: [Mover]] = [:]
        for mover in section["top_movers"]?.elements ?? [] {
            guard let currency = mover["currency"]?.textValue, let period = mover["period"]?.textValue,
                  let amount = mover["amount"]?.moneyValue else { continue }
            let previous = mover["previous_amount"]?.moneyValue ?? .zero
            movers[currency, default: []].append(Mover(
                period: period, account: mover["account"]?.textValue ?? "—", service: mover["service"]?.textValue ?? "—",
                amount: amount, previousAmount: previous, change: mover["change"]?.moneyValue ?? amount - previous,
                changePercent: mover["change_pct"]?.numberValue
            ))
        }
        currencies = Set(months.keys).union(movers.keys).sorted().map { currency in
            let ordered = (months[currency] ?? []).sorted { $0.period < $1.period }
            let latest = ordered.last?.period ?? (movers[currency] ?? []).map(\.period).max() ?? ""
            let latestMovers = (movers[currency] ?? []).filter { $0.period == latest }.sorted { lhs, rhs in
                let left = lhs.change.isNegative ? -lhs.change : lhs.change
                let right = rhs.change.isNegative ? -rhs.change : rhs.change
                if left != right { return right < left }
                return (lhs.account, lhs.service) < (rhs.account, rhs.service)
            }
            return CurrencyTotals(currency: currency, months: ordered, movers: latestMovers)
        }
        skippedRows = (section["inputs"]?.elements ?? []).compactMap { input in
            guard let count = input["bad_rows_skipped"]?.wholeNumberValue, count > 0 else { return nil }
            return SkippedRows(path: input["path"]?.textValue ?? "?", count: count,
                               firstLocations: (input["first_bad_rows"]?.elements ?? []).compactMap(\.textValue))
        }
    }
}
