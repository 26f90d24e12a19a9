import ArgumentParser
import Foundation
import PolicyEngine
import Reports
import Resilience

/// `assay downtime`: the downtime financial-impact model for an application register.
struct DowntimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downtime",
        abstract: "Estimate the annual cost of downtime per application and compare DR strategies.",
        discussion: """
            Reads the application register (type application), the DR test log (type dr.test) and, \
            when given, billing exports (DR spend per application) from the config's inputs or --input, \
            simulates every DR strategy on common random numbers and prints a comparison table. Model defaults the register does not override are placeholders and \
            are listed in the JSON output. See docs/downtime-model.md.

            Examples:
              assay downtime --config fixtures/assay.yaml
              assay downtime --config fixtures/assay.yaml --detail --trials 200000 --json reports/downtime.json
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(help: "Simulated years per strategy (1,000 … 10,000,000; default: the config's downtime.trials, else 100,000).")
    var trials: Int?

    @Option(help: "Seed of the simulation streams (default: the config's downtime.seed, else 42).")
    var seed: UInt64?

    @Option(help: "Write the downtime results section to this JSON file.")
    var json: String?

    @Flag(help: "Also print every strategy of every application.")
    var detail = false

    func validate() throws {
        if let trials, !(1_000...10_000_000).contains(trials) { throw ValidationError("--trials must be in 1,000 … 10,000,000") }
    }

    func run() throws {
        let request = try RunRequest.build(runOptions)
        var settings = try StageSettings(config: request.config)
        if let trials { settings.downtime.model.trials = trials }
        if let seed { settings.downtime.model.seed = seed }
        try OutputTargets.check(outputs: [json].compactMap { $0 },
                                against: request.config.inputs.map(\.path) + [request.config.file].compactMap { $0 })
        let progress = ProgressReporter(enabled: true)
        let ingested = try IngestStage(progress: progress).run(request.config.inputs)
        guard ingested.resources.contains(where: { $0.type == "application" }) else {
            throw CommandFailure.input("no records of type application in the inputs (map the register with type: application in the config)")
        }
        let costs = try CostStage(settings: settings.cost, asOf: request.asOf, progress: progress).run(ingested.billing, scopes: [])
        settings.downtime.enabled = true
        let modelled = try DowntimeStage(settings: settings.downtime, asOf: request.asOf).run(ingested.resources, drSpend: costs.drSpend)
        let assessments = modelled.assessments
        let currency = costs.drSpend.currency ?? "(no currency: set downtime.currency)"
        Terminal.output(DowntimeTable.summary(assessments, currency: currency, basis: costs.drSpend.basis))
        if detail {
            for assessment in assessments { Terminal.output("\n" + DowntimeTable.detail(assessment, currency: currency)) }
        }
        for warning in costs.warnings + modelled.warnings { Terminal.warning(warning) }
        let withPlaceholders = assessments.filter { !$0.model.placeholders.isEmpty }.map(\.model.id)
        if !withPlaceholders.isEmpty {
            Terminal.warning(
                "placeholder defaults used for \(withPlaceholders.joined(separator: ", ")) (listed under placeholders in the JSON output)")
        }
        if let json, let section = modelled.section {
            try ReportFile.write(Array(JSONWriter.pretty(["downtime": section]).utf8), to: json)
        }
    }
}

/// Plain-text tables for `assay downtime`.
enum DowntimeTable {
    /// One row per application.
    /// - Parameters:
    ///   - currency: the model's currency, named in every money column's header.
    ///   - basis: how billed DR spend was obtained (`billing, 3 months annualised`), by application.
    static func summary(_ assessments: [ApplicationAssessment], currency: String, basis: [String: String] = [:]) -> String {
        var rows = [["Application", "Tier", "Current", "EAL (\(currency))", "P95 (\(currency))", "Recommended", "Net benefit/yr (\(currency))", "Cost source"]]
        for assessment in assessments {
            let current = assessment.current
            let recommended = assessment.recommended
            rows.append([
                assessment.model.id, assessment.model.tier.rawValue, current.option.kind.rawValue, money(current.expectedAnnualLoss),
                money(current.distribution.p95), recommended.map { $0.option.isCurrent ? "keep current" : $0.option.kind.rawValue } ?? "none compliant",
                recommended?.comparison.map { money($0.netAnnualBenefit) } ?? "-",
                current.option.runCostSource == .billing ? (basis[assessment.model.id] ?? "billing") : current.option.runCostSource.rawValue,
            ])
        }
        return layout(rows, rightAligned: [3, 4, 6])
    }

    /// Every strategy of one application.
    static func detail(_ assessment: ApplicationAssessment, currency: String) -> String {
        var text = "\(assessment.model.id) (\(assessment.model.tier.rawValue), RTO target \(hours(assessment.model.rtoTargetHours)), RPO target \(hours(assessment.model.rpoTargetHours)))\n"
        var rows = [["Strategy", "p", "RTO eff", "Annual cost (\(currency))", "EAL", "P95", "Risk reduction", "ROI", "Payback", "NPV", "Compliant", "Verdict"]]
        for strategy in assessment.strategies {
            let option = strategy.option
            let comparison = strategy.comparison
            rows.append([
                option.label, option.kind == .noDR ? "-" : String(format: "%.3f", option.successProbability),
                option.recoveryHours.isFinite ? hours(option.recoveryHours) : "-", money(option.annualCost), money(strategy.expectedAnnualLoss),
                money(strategy.distribution.p95), comparison.map { money($0.lossReduction) } ?? "-",
                comparison?.returnOnInvestment.map { String(format: "%.2f", $0) } ?? "-", comparison.map { payback($0.payback) } ?? "-",
                comparison.map { money($0.netPresentValue) } ?? "-", strategy.compliance.isCompliant ? "yes" : "no",
                comparison?.verdict.rawValue ?? "-",
            ])
        }
        text += layout(rows, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        text += "Recommendation: \(assessment.recommendationReason)\n"
        return text
    }

    static func layout(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths = [Int](repeating: 0, count: rows.first?.count ?? 0)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var text = ""
        for (rowIndex, row) in rows.enumerated() {
            let cells = row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }
            text += cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
            if rowIndex == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return text
    }

    static func money(_ amount: Double) -> String { DisplayFormat.money(amount) }

    static func hours(_ value: Double) -> String {
        value < 1 ? String(format: "%.0f min", value * 60) : String(format: "%.2f h", value)
    }

    static func payback(_ payback: Payback) -> String {
        switch payback {
        case .years(let years): return String(format: "%.1f y", years)
        case .never: return "never"
        }
    }
}
