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

            Exit codes: 0 modelled · 2 usage or input error (no application register, invalid register values).
            """
    )

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var verbosity: VerbosityOptions

    @Option(help: ArgumentHelp("Simulated years per strategy (1,000 … 10,000,000; default: the config's downtime.trials, else 100,000).",
                               valueName: "count"))
    var trials: Int?

    @Option(help: ArgumentHelp("Seed of the simulation streams (default: the config's downtime.seed, else 42).", valueName: "number"))
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "Largest acceptable P95 annual loss; strategies above it are not recommended (default: the config's downtime.risk_appetite_p95, else none).",
        valueName: "amount"))
    var riskAppetiteP95: Double?

    @Option(help: ArgumentHelp(
        "ISO 4217 code of the register's amounts, shown beside every amount (default: the config's downtime.currency, else USD).",
        valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp(
        "Discount rate for NPV and annualised one-time costs, 0 … 0.5 (default: the config's downtime.discount_rate, else 0.08).",
        valueName: "rate"))
    var discountRate: Double?

    @Option(help: ArgumentHelp("Horizon in years for NPV, 1 … 20 (default: the config's downtime.horizon_years, else 3).", valueName: "years"))
    var horizonYears: Int?

    @Option(help: ArgumentHelp("Write the downtime results section as JSON here.", valueName: "file"))
    var json: String?

    @Flag(help: "Also print every strategy of every application.")
    var detail = false

    func validate() throws {
        if let trials, !(1_000...10_000_000).contains(trials) { throw ValidationError("--trials must be in 1,000 … 10,000,000") }
        if let riskAppetiteP95, !(riskAppetiteP95.isFinite && riskAppetiteP95 > 0) {
            throw ValidationError("--risk-appetite-p95 must be a positive amount")
        }
        if let currency, !ModelSettings.isCurrencyCode(currency) {
            throw ValidationError("--currency must be a three-letter ISO 4217 code such as USD or EUR, got '\(currency)'")
        }
        if let discountRate, !(discountRate.isFinite && (0...0.5).contains(discountRate)) {
            throw ValidationError("--discount-rate must be between 0 and 0.5 (0.08 = 8 %)")
        }
        if let horizonYears, !(1...20).contains(horizonYears) { throw ValidationError("--horizon-years must be in 1 … 20") }
    }

    func run() throws {
        let request = try RunRequest.build(runOptions)
        var settings = try StageSettings(config: request.config)
        if let trials { settings.downtime.model.trials = trials }
        if let seed { settings.downtime.model.seed = seed }
        if let riskAppetiteP95 { settings.downtime.model.riskAppetiteP95 = riskAppetiteP95 }
        if let currency { settings.setCurrency(currency) }
        if let discountRate { settings.downtime.model.discountRate = discountRate }
        if let horizonYears { settings.downtime.model.horizonYears = horizonYears }
        try OutputTargets.check(outputs: [json].compactMap { $0 },
                                against: request.config.inputs.map(\.path) + [request.config.file].compactMap { $0 })
        let progress = ProgressReporter(enabled: true)
        let ingested = try IngestStage(progress: progress, config: request.config, settings: settings).run(request.config.inputs)
        guard ingested.resources.contains(where: { $0.type == "application" }) else {
            throw CommandFailure.input("no records of type application in the inputs (map the register with type: application in the config)")
        }
        try settings.adoptRegisterCurrency(from: ingested.resources, configFile: request.config.file)
        let costs = try CostStage(settings: settings.cost, asOf: request.asOf, progress: progress).run(ingested.billing, files: ingested.billingFiles, scopes: [])
        settings.downtime.enabled = true
        progress.begin("running the downtime model")
        let modelled = try DowntimeStage(settings: settings.downtime, asOf: request.asOf).run(ingested.resources, drSpend: costs.drSpend)
        let assessments = modelled.assessments
        Terminal.output(DowntimeTable.summary(assessments, basis: costs.drSpend.basis))
        if detail {
            for assessment in assessments { Terminal.output("\n" + DowntimeTable.detail(assessment)) }
        }
        progress.stop()
        Terminal.warnings([("input", ingested.warnings), ("billing", costs.warnings), ("downtime model", modelled.warnings)])
        let withPlaceholders = assessments.filter { !$0.model.placeholders.isEmpty }.map(\.model.id)
        if !withPlaceholders.isEmpty {
            Terminal.warning(
                "placeholder defaults used for \(withPlaceholders.joined(separator: ", ")) (listed under placeholders in the JSON output)")
        }
        if let json, let section = modelled.section {
            try ReportFile.write(Array(JSONWriter.pretty(["downtime": section.value]).utf8), to: json)
        }
    }
}

/// Plain-text tables for `assay downtime`. Every amount carries the model's currency code.
enum DowntimeTable {
    /// One row per application.
    /// - Parameter basis: how billed DR spend was obtained (`billing, 3 months annualised`), by application.
    static func summary(_ assessments: [ApplicationAssessment], basis: [String: String] = [:]) -> String {
        var rows = [["Application", "Tier", "Current", "EAL/yr", "P95/yr", "Recommended", "Net benefit/yr", "Cost source"]]
        for assessment in assessments {
            let current = assessment.current
            let recommended = assessment.recommended
            let money = { (amount: Double) in DisplayFormat.money(amount, currency: assessment.settings.currency) }
            rows.append([
                assessment.model.id, assessment.model.tier.rawValue, current.option.kind.rawValue, money(current.expectedAnnualLoss),
                money(current.distribution.p95), recommended.map { $0.option.isCurrent ? "keep current" : $0.option.kind.rawValue } ?? "none compliant",
                recommended?.comparison.map { money($0.netAnnualBenefit) } ?? "-",
                current.option.runCostSource == .billing ? (basis[assessment.model.id] ?? "billing") : current.option.runCostSource.rawValue,
            ])
        }
        return layout(rows, rightAligned: [3, 4, 6])
    }

    /// Every strategy of one application: the comparison, the analytic cross-check, the value of
    /// the current DR against none, and the recommendation.
    static func detail(_ assessment: ApplicationAssessment) -> String {
        let settings = assessment.settings
        let money = { (amount: Double) in DisplayFormat.money(amount, currency: settings.currency) }
        let model = assessment.model
        var text = "\(model.id) (\(model.tier.rawValue), RTO target \(hours(model.rtoTargetHours)), RPO target \(hours(model.rpoTargetHours)))\n"
        var rows = [[
            "Strategy", "p", "RTO eff", "Tested", "Annual cost", "EAL", "P95", "Risk reduction", "ROI", "Payback", "NPV", "Break-even revenue",
            "Compliant", "Appetite", "Verdict",
        ]]
        for strategy in assessment.strategies {
            let option = strategy.option
            let comparison = strategy.comparison
            rows.append([
                option.label, option.kind == .noDR ? "-" : String(format: "%.3f", option.successProbability),
                option.recoveryHours.isFinite ? hours(option.recoveryHours) : "-", tested(option.freshnessBasis), money(option.annualCost),
                money(strategy.expectedAnnualLoss), money(strategy.distribution.p95), comparison.map { money($0.lossReduction) } ?? "-",
                comparison?.returnOnInvestment.map { String(format: "%.2f", $0) } ?? "-", comparison.map { payback($0.payback) } ?? "-",
                comparison.map { money($0.netPresentValue) } ?? "-", comparison.map { breakEven($0.breakEvenRevenue, currency: settings.currency) } ?? "-",
                strategy.compliance.isCompliant ? "yes" : "no", settings.riskAppetiteP95 == nil ? "-" : (strategy.withinRiskAppetite ? "within" : "outside"),
                comparison?.verdict.rawValue ?? "-",
            ])
        }
        text += layout(rows, rightAligned: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11])
        text += "Amounts per year; NPV over \(settings.horizonYears) years at \(percent(settings.discountRate)). Decisions use the simulated (Monte Carlo) EAL and P95.\n"
        text += "\nAnalytic cross-check (closed forms of §B.7; E[SLA] bracketed by a \(AnalyticSLA.gridSteps)-step grid per credit threshold):\n"
        var checks = [["Strategy", "EAL simulated", "± se", "EAL analytic", "E[SLA] analytic", "SLA simulated", "Availability", "Simulated", "Score"]]
        for strategy in assessment.strategies {
            let bracket = strategy.analyticExpectedAnnualLossBracket
            let sla = strategy.analyticSLA
            checks.append([
                strategy.option.label, money(strategy.expectedAnnualLoss), money(strategy.distribution.standardError),
                range(bracket.lower, bracket.upper, money), range(sla.lower, sla.upper, money) + (sla.isExact ? "" : " (λ̄)"),
                money(strategy.components.sla), availability(strategy.impliedAvailability), availability(strategy.simulatedImpliedAvailability),
                String(format: "%.1f", strategy.crossCheckScore) + (strategy.crossCheckBasis == .simulatedSLA ? " (SLA simulated)" : ""),
            ])
        }
        text += layout(checks, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
        if let value = assessment.strategies.lazy.compactMap({ $0.comparison?.currentDRValue }).first {
            text += "\nKeeping \(model.current.kind.rawValue) against none: it removes \(money(value.lossReduction)) of expected loss a year for \(money(value.annualCost)) a year"
            text += " (net \(money(value.netAnnualBenefit))/yr"
            text += value.returnOnInvestment.map { String(format: ", ROI %.2f", $0) } ?? ""
            text += ", NPV \(money(value.netPresentValue)));"
            switch value.breakEvenRevenue {
            case .revenuePerHour(let revenue):
                text += " it pays for itself above \(money(revenue))/h of revenue (revenue now \(money(model.revenuePerHour))/h).\n"
            case .anyRevenue: text += " it pays for itself at any revenue.\n"
            case .neverByRevenue, .onlyBelowRevenuePerHour: text += " no revenue makes it pay for itself.\n"
            }
        }
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

    static func hours(_ value: Double) -> String {
        value < 1 ? String(format: "%.0f min", value * 60) : String(format: "%.2f h", value)
    }

    static func percent(_ fraction: Double) -> String { String(format: "%g %%", fraction * 100) }

    static func availability(_ value: Double) -> String { String(format: "%.4f %%", value * 100) }

    /// `USD 1,200–1,250` (one figure when both ends round alike).
    static func range(_ lower: Double, _ upper: Double, _ money: (Double) -> String) -> String {
        let low = money(lower)
        let high = money(upper)
        return low == high ? low : low + " – " + DisplayFormat.money(upper)
    }

    /// What the option's freshness rests on: `45 d ago`, `every 90 d`, `continuous`, `never`.
    static func tested(_ basis: FreshnessBasis) -> String {
        switch basis {
        case .notApplicable: return "-"
        case .untested: return "never"
        case .failedTest(let age): return "failed \(age) d ago"
        case .passedTest(let age, let partial): return "\(age) d ago" + (partial ? " (partial)" : "")
        case .cadence(let days): return "every " + String(format: "%g", days) + " d"
        case .continuous: return "continuous"
        }
    }

    static func breakEven(_ breakEven: BreakEvenRevenue, currency: String) -> String {
        switch breakEven {
        case .revenuePerHour(let revenue): return "above " + DisplayFormat.money(revenue, currency: currency) + "/h"
        case .onlyBelowRevenuePerHour(let revenue): return "below " + DisplayFormat.money(revenue, currency: currency) + "/h"
        case .anyRevenue: return "any"
        case .neverByRevenue: return "never"
        }
    }

    static func payback(_ payback: Payback) -> String {
        switch payback {
        case .years(let years): return String(format: "%.1f y", years)
        case .never: return "never"
        }
    }
}
