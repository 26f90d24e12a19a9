// Downtime-model benchmark: 50 applications × 6 strategy options × 100,000 trials.
//
// Each application has a current DR strategy other than `none`, so the comparison holds six
// options: the current strategy with its actual test evidence plus the five §B.1.3 strategies as
// candidates. Scenarios vary per application (the default library plus PERT and SLA variants) so
// every code path of the trial kernel runs; every third application has SLA credits, so the
// analytic E[SLA] (Panjer on 3 tiers × 2 bounds per option) is part of the timed phase, and
// candidates carry their own cadence and run-cost quotes as a register would give them. Prints wall time per phase; run under
// `/usr/bin/time -v` for peak memory (see docs/performance.md).
import Dispatch
import PolicyEngine
import Resilience

let applicationCount = 50
let trials = 100_000
let strategies: [StrategyKind] = [.backupRestore, .pilotLight, .warmStandby, .activeActive]

func application(_ index: Int) -> ApplicationInput {
    var input = ApplicationInput(
        id: "app-\(index)",
        recovery: RecoveryPosture(
            strategy: strategies[index % strategies.count], evidence: TestEvidence(ageDays: 30 + 7 * index, result: .pass, type: .fullFailover),
            testCostPerExercise: 5_000, testsPerYear: 2, plannedTestCadenceDays: 180))
    input.tier = ApplicationTier.allCases[index % 4]
    input.revenuePerHour = Double(1_000 * (index + 1))
    input.dependentEmployees = Double(20 * index)
    input.dataValuePerHour = Double(500 * index)
    input.productionAnnualSpend = FixedDecimal(100_000 + 10_000 * index)
    input.recovery.candidates = [
        .backupRestore: CandidateSettings(annualRunCost: FixedDecimal(24_000), testCadenceDays: 365),
        .warmStandby: CandidateSettings(annualRunCost: FixedDecimal(240_000), oneTimeCost: 80_000, testCadenceDays: 90),
    ]
    if index % 3 == 0 {
        input.slaMonthlyRevenue = Double(50_000 * (index + 1))
        input.reputationLossPerEvent = 100_000
    }
    if index % 5 == 0 {
        input.scenarios = [
            Scenario(id: "regional", kind: .regional, frequency: .pert(low: 0.05, mode: 0.2, high: 1, gamma: 4), duration: .ci90(low: 1, high: 12)),
            Scenario(
                id: "corruption", kind: .corruption, frequency: .poisson(rate: 0.2), duration: .ci90(low: 2, high: 24), backupIntervalHours: 12,
                detectionLagHours: 1),
            Scenario(id: "deploys", kind: .independent, frequency: .poisson(rate: 6), duration: .ci90(low: 0.1, high: 2)),
        ]
    }
    return input
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

var settings = ModelSettings()
settings.trials = trials
let inputs = (0..<applicationCount).map(application)
let start = DispatchTime.now()
do {
    let assessments = try DowntimeModel.run(inputs, settings: settings)
    let modelled = seconds(since: start)
    let section = DowntimeModelSection(assessments, settings: settings, asOf: CivilDate(daysSinceEpoch: 20_000)).value
    let bytes = JSONWriter.compact(section).utf8.count
    let total = seconds(since: start)
    let options = assessments.map(\.strategies.count).reduce(0, +)
    var eal = 0.0
    for assessment in assessments { eal += assessment.current.expectedAnnualLoss }
    print("applications: \(assessments.count), strategy options: \(options), trials each: \(trials), workers: \(MonteCarlo.defaultWorkers)")
    print("model (simulate + summarise + decide): \(modelled) s")
    print("with JSON section (\(bytes) bytes): \(total) s")
    let withSLA = assessments.filter { $0.model.terms.slaMonthlyRevenue > 0 }.map(\.strategies.count).reduce(0, +)
    // The analytic SLA term alone, recomputed on one thread, to show its share of the model phase.
    let slaStart = DispatchTime.now()
    var slaTotal = 0.0
    for assessment in assessments {
        for option in assessment.model.options { slaTotal += AnalyticSLA.expectation(model: assessment.model, option: option).estimate }
    }
    print("options with the analytic SLA term: \(withSLA); the term alone, one thread: \(seconds(since: slaStart)) s (Σ E[SLA] \(DisplayFormat.money(slaTotal)))")
    print("portfolio EAL (current strategies): \(DisplayFormat.money(eal, currency: settings.currency))")
} catch {
    print("error: \(error)")
}
