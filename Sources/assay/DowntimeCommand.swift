import ArgumentParser
import Foundation
import PolicyEngine
import Resilience

/// `assay downtime`: the downtime financial-impact model for an application register.
struct DowntimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downtime",
        abstract: "Estimate the annual cost of downtime per application and compare DR strategies.",
        discussion: """
            Reads the application register (type application) and the DR test log (type dr.test) \
            from JSON or CSV files, simulates every DR strategy on common random numbers and prints \
            a comparison table. Model defaults the register does not override are placeholders and \
            are listed in the JSON output. See docs/downtime-model.md.
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Application register and DR test log files (JSON or CSV).")
    var input: [String]

    @Option(name: .customLong("as-of"), help: "Date the test ages are measured to (YYYY-MM-DD); default today (UTC).")
    var asOf: String?

    @Option(help: "Simulated years per strategy (1,000 … 10,000,000).")
    var trials: Int = ModelSettings.defaultTrials

    @Option(help: "Seed of the simulation streams.")
    var seed: UInt64 = 42

    @Option(help: "Write the downtime results section to this JSON file.")
    var json: String?

    @Flag(help: "Also print every strategy of every application.")
    var detail = false

    func validate() throws {
        guard !input.isEmpty else { throw ValidationError("give at least one --input file") }
        if let asOf, CivilDate(parsing: asOf) == nil { throw ValidationError("--as-of expects YYYY-MM-DD, got '\(asOf)'") }
    }

    func run() throws {
        let date = asOf.flatMap { CivilDate(parsing: $0) } ?? CivilDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        var settings = ModelSettings()
        settings.trials = trials
        settings.seed = seed
        let loaded = try loadDowntimeInputs(paths: input)
        guard !loaded.applications.isEmpty else { throw CommandFailure.input("no application records in the input files") }
        let enrichment = try DRTestEvidence.enrich(applications: loaded.applications, tests: loaded.tests, asOf: date, settings: settings)
        for warning in enrichment.warnings { Terminal.warning(warning) }
        let inputs = try ApplicationRegister.inputs(from: enrichment.applications, asOf: date)
        let assessments = try DowntimeModel.run(inputs, settings: settings)
        print(DowntimeTable.summary(assessments), terminator: "")
        if detail {
            for assessment in assessments { print("\n" + DowntimeTable.detail(assessment), terminator: "") }
        }
        for assessment in assessments {
            for warning in assessment.warnings where warning.code != "placeholders_used" {
                Terminal.warning("\(assessment.model.id): \(warning.message)")
            }
        }
        let withPlaceholders = assessments.filter { !$0.model.placeholders.isEmpty }.map(\.model.id)
        if !withPlaceholders.isEmpty {
            Terminal.warning(
                "placeholder defaults used for \(withPlaceholders.joined(separator: ", ")) (listed under placeholders in the JSON output)")
        }
        if let json {
            var extras: [String: Fields] = [:]
            for resource in enrichment.applications {
                if let region = resource.document["dr_region"]?.keyText {
                    extras[ApplicationRegister.applicationID(of: resource), default: Fields()]["dr_region"] = .string(region)
                }
            }
            let section = DowntimeSection.value(assessments, settings: settings, asOf: date, extras: extras)
            let text = JSONWriter.pretty(["downtime": section]) + "\n"
            guard FileManager.default.createFile(atPath: json, contents: Data(text.utf8)) else {
                throw CommandFailure.input("\(json): cannot write the file")
            }
        }
    }
}

/// Plain-text tables for `assay downtime`.
enum DowntimeTable {
    /// One row per application.
    static func summary(_ assessments: [ApplicationAssessment]) -> String {
        var rows = [["Application", "Tier", "Current", "EAL", "P95", "Recommended", "Net benefit/yr", "Cost source"]]
        for assessment in assessments {
            let current = assessment.current
            let recommended = assessment.recommended
            rows.append([
                assessment.model.id, assessment.model.tier.rawValue, current.option.kind.rawValue, money(current.expectedAnnualLoss),
                money(current.distribution.p95), recommended.map { $0.option.isCurrent ? "keep current" : $0.option.kind.rawValue } ?? "none compliant",
                recommended?.comparison.map { money($0.netAnnualBenefit) } ?? "-", current.option.runCostSource.rawValue,
            ])
        }
        return layout(rows, rightAligned: [3, 4, 6])
    }

    /// Every strategy of one application.
    static func detail(_ assessment: ApplicationAssessment) -> String {
        var text = "\(assessment.model.id) (\(assessment.model.tier.rawValue), RTO target \(hours(assessment.model.rtoTargetHours)), RPO target \(hours(assessment.model.rpoTargetHours)))\n"
        var rows = [["Strategy", "p", "RTO eff", "Annual cost", "EAL", "P95", "Risk reduction", "ROI", "Payback", "NPV", "Compliant", "Verdict"]]
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
