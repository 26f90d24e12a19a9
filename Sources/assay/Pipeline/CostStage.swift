import Billing
import Foundation
import Inventory
import PolicyEngine
import TabularText

/// Pipeline stage 3 (costs): read the billing exports in one streaming pass and build the cost
/// groups every cost policy asks for, the cost review section, and the DR spend per application
/// that the downtime model uses.
struct CostStage {
    /// Settings from the config's `cost:` and `downtime:` sections.
    struct Settings {
        /// Tags a charge must carry not to count as untagged (empty: any tag).
        var requiredTags: [String] = []
        /// Months in the cost review section.
        var reviewMonths = 3
        /// Tag naming the application a charge belongs to.
        var applicationTag = "application"
        /// Tag naming the environment.
        var environmentTag = "environment"
        /// Environment value of DR spend.
        var drEnvironment = "dr"
        /// Malformed rows are counted instead of stopping the run.
        var skipBadRows = false
        /// Where the cost groups are computed (`cost.engine`).
        var engine = CostEngine.native
        /// The duckdb executable (`cost.duckdb`).
        var duckdbPath = "duckdb"
        /// Currency of the downtime model's money (config `downtime.currency`); nil: the billing's
        /// single currency, when there is one.
        var modelCurrency: String?
        /// Value of one unit of a currency in the model's currency (config `downtime.exchange_rates`).
        var exchangeRates: [String: FixedDecimal] = [:]
    }

    /// Billed DR spend of the applications, ready for the downtime model: annualised from the
    /// months the billing exports cover, converted to the model's currency or refused.
    struct DRSpend {
        /// Annual DR spend in the model's currency, by application id.
        var annual: [String: FixedDecimal] = [:]
        /// Applications whose spend cannot be used, with why (never replaced by an estimate).
        var refused: [String: String] = [:]
        /// How each annual figure was obtained: `billing, 3 months annualised` (+ conversion).
        var basis: [String: String] = [:]
        /// The model's currency (nil when neither the config nor the billing names one).
        var currency: String?
    }

    /// What the stage produced.
    struct Output {
        var documents: [CostScope: [Resource]] = [:]
        /// The cost review (nil without billing exports).
        var section: CostReviewSection?
        var inputs: [InputRecord] = []
        /// Billed DR spend per application, annualised and in the model's currency.
        var drSpend = DRSpend()
        /// Usage charges per resource over the review months, when asked for (idle DR resources);
        /// its groups are nil when no billing export was read.
        var resourceUsage: BillingResourceUsage?
        var warnings: [String] = []
    }

    let settings: Settings
    let asOf: CivilDate
    let progress: ProgressReporter

    /// The scope that yields DR spend per application.
    var drScope: CostScope {
        CostScope(groupBy: ["tags." + settings.applicationTag, "tags." + settings.environmentTag], lastMonths: 12)
    }

    /// The scope whose groups say which resources had usage charges in the review months.
    var usageScope: CostScope { CostScope(groupBy: BillingResourceUsage.groupBy, lastMonths: settings.reviewMonths) }

    /// Reads `billing` for `scopes`. `files` holds inputs the ingest stage opened for detection;
    /// their bytes are read on from there (each file is read once, hashed as it is read).
    /// `resourceUsage`: also group usage by sub-account and resource (the run has DR-tagged
    /// resources to check for idleness); no other run pays for that grouping.
    func run(_ billing: [InputSpec], files: [String: ReadOnceFile] = [:], scopes: [CostScope], resourceUsage: Bool = false) throws -> Output {
        var output = Output()
        output.drSpend.currency = settings.modelCurrency
        guard !billing.isEmpty else {
            if resourceUsage { output.resourceUsage = BillingResourceUsage(groups: nil, asOf: asOf, months: settings.reviewMonths) }
            return output
        }
        // In a fixed order: the SQL engines' query lists the groupings in this order, and its
        // SHA-256 is in the results (a `Set`'s order changes from process to process).
        let allScopes = Set(scopes + [drScope]).sorted { lhs, rhs in
            lhs.groupBy == rhs.groupBy ? lhs.lastMonths < rhs.lastMonths : lhs.groupBy.lexicographicallyPrecedes(rhs.groupBy)
        }
        // Every engine computes the same groupings: the SQL engines are asked for exactly the
        // scopes the aggregator expects back (the usage grouping included).
        let readScopes = allScopes + (resourceUsage ? [usageScope] : [])
        var aggregator = try CostAggregator(scopes: readScopes, requiredTags: settings.requiredTags)
        var options = BillingScanOptions(skipBadRows: settings.skipBadRows)
        let reporter = progress
        options.progress = { path, done, total in reporter.update(label: path, done: done, total: total ?? 0) }
        let engine = CostEngineChoice(engine: settings.engine, duckdbPath: settings.duckdbPath)
        var opened = files
        for spec in billing {
            options.format = spec.format
            progress.begin("reading billing export \(spec.path)")
            // A glob or a Parquet file is read by DuckDB alone; a file is opened once for reading
            // and hashing (with the DuckDB engine, DuckDB reads it and the digest is a pass of its own).
            let file = try opened.removeValue(forKey: spec.path) ?? (spec.path.contains("*") ? nil : IngestStage.openOnce(spec.path))
            let report = try SharedInput.$current.withValue(file) {
                try engine.read(spec.path, options: options, scopes: readScopes, into: &aggregator)
            }
            progress.finish(label: spec.path)
            if report.badRows > 0 {
                output.warnings.append("\(spec.path): skipped \(report.badRows) malformed row(s), first at "
                    + (report.firstBadRows.first.map { "line \($0.location?.line ?? 0)" } ?? "?"))
            }
            let digest = try file.map(IngestStage.digest) ?? "(glob: \(spec.path))"
            output.inputs.append(InputRecord(path: spec.path, format: CostEngineChoice.evidenceFormat(report), sha256: digest, documents: report.lines))
        }
        output.documents = aggregator.documents(for: allScopes, asOf: asOf)
        output.section = aggregator.costSection(asOf: asOf, months: settings.reviewMonths)
        output.drSpend = drSpend(output.documents[drScope] ?? [])
        if resourceUsage {
            output.resourceUsage = BillingResourceUsage(
                groups: aggregator.groups(groupBy: BillingResourceUsage.groupBy), asOf: asOf, months: settings.reviewMonths)
        }
        if !scopes.contains(drScope) { output.documents[drScope] = nil }
        return output
    }

    /// Sums DR-environment spend per application over the complete months the exports cover in
    /// the last 12, scales it to a year (× 12 / months), and converts it to the model's currency
    /// with the configured rates; an application with spend in a currency without a rate is
    /// refused (its run cost is then unknown), never estimated.
    func drSpend(_ documents: [Resource]) -> DRSpend {
        var spend = DRSpend()
        var byApplication: [String: [String: FixedDecimal]] = [:]
        var months = Set<String>()
        var currencies = Set<String>()
        for document in documents {
            if let period = document.document["period"]?.stringValue { months.insert(period) }
            if let currency = document.document["currency"]?.stringValue { currencies.insert(currency) }
            guard document.document["tags"]?[settings.environmentTag]?.stringValue == settings.drEnvironment,
                let application = document.document["tags"]?[settings.applicationTag]?.stringValue,
                let currency = document.document["currency"]?.stringValue,
                case .decimal(let amount)? = document.document["cost"]?["amount"]
            else { continue }
            byApplication[application, default: [:]][currency, default: .zero] += amount
        }
        spend.currency = settings.modelCurrency ?? (currencies.count == 1 ? currencies.first : nil)
        guard !months.isEmpty else { return spend }
        let covered = months.count
        let period = covered == 12 ? "billing, 12 months" : "billing, \(covered) month\(covered == 1 ? "" : "s") annualised"
        for (application, amounts) in byApplication.sorted(by: { $0.key < $1.key }) {
            var total = FixedDecimal.zero
            var converted: [String] = []
            var missing: [String] = []
            for (currency, amount) in amounts.sorted(by: { $0.key < $1.key }) {
                if currency == spend.currency {
                    total += amount
                } else if let rate = settings.exchangeRates[currency], spend.currency != nil {
                    total += Self.convert(amount, rate: rate)
                    converted.append("\(currency) at \(rate.description)")
                } else {
                    missing.append(currency)
                }
            }
            guard missing.isEmpty else {
                let target = spend.currency.map { "the model's currency \($0)" } ?? "one currency (set downtime.currency)"
                spend.refused[application] = "DR spend of \(application) is billed in \(amounts.keys.sorted().joined(separator: ", ")) and cannot be "
                    + "converted to \(target): add downtime.exchange_rates for \(missing.joined(separator: ", ")) to the config; "
                    + "the run cost of its current DR strategy is unknown (no estimate is used)"
                continue
            }
            spend.annual[application] = FixedDecimal(scaled: (total.scaled * 12 + Int128(covered / 2)) / Int128(covered))
            spend.basis[application] = period + (converted.isEmpty ? "" : ", converted (\(converted.joined(separator: ", ")))")
        }
        return spend
    }

    /// `amount` × `rate`, with the rate taken to six decimals (exact integer arithmetic).
    static func convert(_ amount: FixedDecimal, rate: FixedDecimal) -> FixedDecimal {
        let micro = FixedDecimal.scale / 1_000_000
        let rateMicros = (rate.scaled + micro / 2) / micro
        return FixedDecimal(scaled: (amount.scaled * rateMicros + 500_000) / 1_000_000)
    }
}
