import PolicyEngine

/// The cost review decoded strictly from `sections["cost"]` (schema in docs/billing.md) plus the findings of
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

    init(_ result: RunResult, index: FindingIndex) throws(ReportError) {
        policies = result.policies.filter { $0.category == "cost" }.sorted { $0.id < $1.id }
        findings = policies.flatMap { policy in index[policy.id].map { result.findings[$0] }.filter { $0.status != .pass } }
        guard let section = result.sections[section: .cost], section != .null else {
            ran = false
            currencies = []
            skippedRows = []
            return
        }
        ran = true
        let decoded: (currencies: [CurrencyTotals], skippedRows: [SkippedRows])
        do throws(SectionError) {
            decoded = try Self.decode(section)
        } catch {
            throw .malformedSection(error)
        }
        currencies = decoded.currencies
        skippedRows = decoded.skippedRows
    }

    /// Decodes the `cost` section strictly (`CostReviewSection`): a member of the wrong type, or
    /// one the schema does not name, is an error naming its path.
    static func decode(_ value: Value) throws(SectionError) -> (currencies: [CurrencyTotals], skippedRows: [SkippedRows]) {
        let section = try CostReviewSection(decoding: value)
        var months: [String: [MonthTotal]] = [:]
        for total in section.totals {
            let figures = total.figures
            months[total.currency, default: []].append(MonthTotal(
                period: total.period, amount: figures.amount, net: figures.net, changePercent: figures.changePercent,
                untaggedAmount: figures.untaggedAmount, untaggedShare: figures.untaggedShare, egressAmount: figures.egressAmount,
                egressShare: figures.egressShare))
        }
        var movers: [String: [Mover]] = [:]
        for mover in section.topMovers {
            movers[mover.currency, default: []].append(Mover(
                period: mover.period, account: mover.account ?? "—", service: mover.service ?? "—", amount: mover.amount,
                previousAmount: mover.previousAmount, change: mover.change, changePercent: mover.changePercent))
        }
        let currencies = Set(months.keys).union(movers.keys).sorted().map { currency in
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
        let skippedRows = section.inputs.filter { $0.badRowsSkipped > 0 }.map { input in
            SkippedRows(path: input.path, count: input.badRowsSkipped, firstLocations: input.firstBadRows)
        }
        return (currencies, skippedRows)
    }
}
