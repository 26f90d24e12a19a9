import Billing
import Foundation
import Inventory
import PolicyEngine

/// Pipeline stage: read the billing exports in one streaming pass and build the cost groups
/// every cost policy asks for, the cost review section, and the DR spend per application that
/// the downtime model uses.
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
    }

    /// What the stage produced.
    struct Output {
        var documents: [CostScope: [Resource]] = [:]
        var section: Value?
        var inputs: [InputRecord] = []
        /// Billed DR spend per application over the 12 complete months before the as-of date,
        /// when it is in one currency.
        var drCosts: [String: FixedDecimal] = [:]
        var warnings: [String] = []
    }

    let settings: Settings
    let asOf: CivilDate
    let progress: ProgressReporter

    /// The scope that yields DR spend per application.
    var drScope: CostScope {
        CostScope(groupBy: ["tags." + settings.applicationTag, "tags." + settings.environmentTag], lastMonths: 12)
    }

    func run(_ billing: [InputSpec], scopes: [CostScope]) throws -> Output {
        var output = Output()
        guard !billing.isEmpty else { return output }
        let allScopes = Array(Set(scopes + [drScope]))
        var aggregator = try CostAggregator(scopes: allScopes, requiredTags: settings.requiredTags)
        var options = BillingScanOptions(skipBadRows: settings.skipBadRows)
        let reporter = progress
        options.progress = { path, done, total in reporter.update(label: path, done: done, total: total ?? 0) }
        let engine = CostEngineChoice(engine: settings.engine, duckdbPath: settings.duckdbPath)
        for spec in billing {
            options.format = spec.format
            progress.begin("reading billing export \(spec.path)")
            let report = try engine.read(spec.path, options: options, scopes: allScopes, into: &aggregator)
            progress.finish(label: spec.path)
            if report.badRows > 0 {
                output.warnings.append("\(spec.path): skipped \(report.badRows) malformed row(s), first at "
                    + (report.firstBadRows.first.map { "line \($0.line ?? 0)" } ?? "?"))
            }
            let digest = FileManager.default.fileExists(atPath: spec.path) ? try InputFile.sha256(path: spec.path) : "(glob: \(spec.path))"
            output.inputs.append(InputRecord(path: spec.path, format: CostEngineChoice.evidenceFormat(report), sha256: digest, documents: report.lines))
        }
        output.documents = aggregator.documents(for: allScopes, asOf: asOf)
        output.section = aggregator.costSection(asOf: asOf, months: settings.reviewMonths)
        output.drCosts = drCosts(output.documents[drScope] ?? [], warnings: &output.warnings)
        if !scopes.contains(drScope) { output.documents[drScope] = nil }
        return output
    }

    /// Sums DR-environment spend per application; an application with spend in several
    /// currencies gets none (the model cannot add them) and a warning.
    private func drCosts(_ documents: [Resource], warnings: inout [String]) -> [String: FixedDecimal] {
        var byApplication: [String: [String: FixedDecimal]] = [:]
        for document in documents {
            guard document.document["tags"]?[settings.environmentTag]?.stringValue == settings.drEnvironment,
                let application = document.document["tags"]?[settings.applicationTag]?.stringValue,
                let currency = document.document["currency"]?.stringValue,
                case .decimal(let amount)? = document.document["cost"]?["amount"]
            else { continue }
            byApplication[application, default: [:]][currency, default: .zero] += amount
        }
        var result: [String: FixedDecimal] = [:]
        for (application, amounts) in byApplication.sorted(by: { $0.key < $1.key }) {
            if amounts.count == 1, let amount = amounts.values.first {
                result[application] = amount
            } else {
                warnings.append("DR spend of \(application) is in several currencies (\(amounts.keys.sorted().joined(separator: ", "))); the downtime model uses its cost-ratio estimate instead")
            }
        }
        return result
    }
}
