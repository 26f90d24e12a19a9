import Foundation
import PolicyEngine
import Testing

@testable import Resilience

/// The analytic E[SLA] (§B.7) against an independent brute-force computation: the month's outage
/// count enumerated from its Poisson law, and the sum of n outages convolved directly on a fine grid.
@Suite struct AnalyticSLATests {
    /// Credit tiers whose thresholds are 4.38 min, 43.8 min and 2.19 h of monthly downtime.
    static let tiers = [
        SLACreditTier(threshold: 0.9999, credit: 0.10), SLACreditTier(threshold: 0.999, credit: 0.25),
        SLACreditTier(threshold: 0.997, credit: 0.60),
    ]

    /// One regional scenario (λ = 3.6/yr, D0 90 % interval [0.05, 3] h) and an independent one
    /// (λ = 2.4/yr, [0.02, 0.5] h); active/active exercised continuously fails over in exactly 0.25 h.
    static func input() -> ApplicationInput {
        var input = ApplicationInput(
            id: "ledger",
            recovery: RecoveryPosture(strategy: .activeActive, rtoHours: 0.25, rpoHours: 0, liveTrafficAllRegions: true))
        input.revenuePerHour = 1_000
        input.slaMonthlyRevenue = 100_000
        input.slaCreditTiers = tiers
        input.productionAnnualSpend = FixedDecimal(10_000)
        input.scenarios = [
            Scenario(id: "region", kind: .regional, frequency: .poisson(rate: 3.6), duration: .ci90(low: 0.05, high: 3)),
            Scenario(id: "deploys", kind: .independent, frequency: .poisson(rate: 2.4), duration: .ci90(low: 0.02, high: 0.5)),
        ]
        return input
    }

    /// Brute force: P(DT > x) = Σ_n Poisson(n; Λ)·P(S_n > x), where P(S_n > x) = Σ_k P(S_{n−1} = k)·P(d > x − k)
    /// takes the last outage's survival function exactly (lognormal CDF plus the failover atom at R)
    /// and S_{n−1} by direct convolution of the severity as cell masses at the midpoints of a δ grid
    /// (the continuous part) plus the atom at R exactly (R is a multiple of δ).
    static func bruteForceSLA(_ model: ApplicationModel, option: StrategyOption) -> Double {
        let delta = 0.002
        let maximum = tiers.map { (1 - $0.threshold) * 730 }.max()!
        let cells = Int((maximum / delta).rounded(.up)) + 2
        let rates = model.scenarios.map { $0.scenario.frequency.meanRate }
        let total = rates.reduce(0, +)
        let recovery = option.recoveryHours
        let success = model.scenarios.map { $0.scenario.kind == .regional ? option.successProbability : 0 }
        // P(d > y) of the λ-weighted mixture, exactly.
        func survival(_ y: Double) -> Double {
            guard y >= 0 else { return 1 }
            var sum = 0.0
            for (index, scenario) in model.scenarios.enumerated() {
                let unaided = scenario.duration.cdf(y)
                let below = y >= recovery ? unaided + success[index] * (1 - unaided) : unaided
                sum += rates[index] / total * (1 - below)
            }
            return sum
        }
        // Severity on the grid: position 2i + 1 stands for the midpoint (i + 0.5)·δ, position 2j for j·δ.
        let positions = 2 * cells + 4
        var one = [Double](repeating: 0, count: positions)
        var atom = 0.0
        for (index, scenario) in model.scenarios.enumerated() {
            let weight = rates[index] / total
            let p = success[index]
            let d0 = scenario.duration
            for i in 0..<cells {
                let low = Double(i) * delta
                let high = low + delta
                // Continuous density: f on (0, R], (1 − p)·f above R (R lies on a cell boundary).
                let mass = high <= recovery ? d0.cdf(high) - d0.cdf(low) : (1 - p) * (d0.cdf(high) - d0.cdf(low))
                one[2 * i + 1] += weight * mass
            }
            atom += weight * p * (1 - d0.cdf(recovery))
        }
        if recovery.isFinite {
            let atomIndex = Int((recovery / delta).rounded())
            #expect(abs(Double(atomIndex) * delta - recovery) < 1e-12)
            one[2 * atomIndex] += atom
        } else {
            #expect(atom == 0)
        }
        let support = (0..<positions).filter { one[$0] != 0 }
        func convolve(_ a: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: positions)
            for i in 0..<positions where a[i] != 0 {
                for j in support where i + j < positions { out[i + j] += a[i] * one[j] }
            }
            return out
        }
        let sorted = tiers.sorted { $0.credit < $1.credit }
        let monthly = total / 12
        var probabilities = [Double](repeating: 0, count: sorted.count)
        var poisson = exp(-monthly)
        var previous = [Double](repeating: 0, count: positions)  // S_{n−1}
        previous[0] = 1
        for n in 1...8 {  // P(N > 8) < 2e-7 at Λ = 0.5
            poisson *= monthly / Double(n)
            if n > 1 { previous = convolve(previous) }
            let held = previous.reduce(0, +)
            for (index, tier) in sorted.enumerated() {
                let x = (1 - tier.threshold) * 730
                var exceed = 1 - held  // S_{n−1} already beyond the grid, so beyond x
                for k in 0..<positions where previous[k] != 0 { exceed += previous[k] * survival(x - Double(k) * delta / 2) }
                probabilities[index] += poisson * exceed
            }
        }
        var result = 0.0
        var previousCredit = 0.0
        for (index, tier) in sorted.enumerated() {
            result += (tier.credit - previousCredit) * probabilities[index]
            previousCredit = tier.credit
        }
        return 12 * model.terms.slaMonthlyRevenue * result
    }

    @Test func analyticSLAAgreesWithBruteForce() throws {
        let model = try ApplicationModel(resolving: Self.input(), settings: ModelSettings())
        for kind in [StrategyKind.activeActive, .noDR] {
            let option = try #require(model.options.first { $0.kind == kind })
            let analytic = AnalyticSLA.expectation(model: model, option: option)
            let brute = Self.bruteForceSLA(model, option: option)
            #expect(analytic.isExact)
            #expect(analytic.lower <= analytic.upper)
            #expect(brute > 1_000)  // a case where credits matter
            // The bracket is narrow and holds the brute-force value (to its own midpoint error).
            #expect((analytic.upper - analytic.lower) / brute < 0.01, "\(kind): bracket \(analytic.lower)…\(analytic.upper)")
            #expect(brute >= analytic.lower - 1e-4 * brute && brute <= analytic.upper + 1e-4 * brute, "\(kind): \(brute) vs \(analytic)")
        }
    }

    @Test func analyticSLAAgreesWithTheSimulation() throws {
        var settings = ModelSettings()
        settings.trials = 100_000
        settings.seed = 7
        let model = try ApplicationModel(resolving: Self.input(), settings: settings)
        let assessment = DowntimeModel.assess(model, settings: settings)
        for strategy in assessment.strategies {
            // §C.4 rule 3: the simulated EAL lies within 4 se of the analytic EAL including E[SLA].
            #expect(strategy.crossCheckBasis == .analyticSLA)
            #expect(strategy.crossCheckScore <= 4, "\(strategy.option.label): \(strategy.crossCheckScore)")
            let simulatedSLA = strategy.components.sla
            #expect(abs(simulatedSLA - strategy.analyticSLA.estimate) < 0.05 * strategy.analyticSLA.estimate)
            // Implied availability from the closed form, and close to the simulated one.
            #expect(strategy.impliedAvailability == 1 - strategy.closedForm.expectedDowntimeHours / 8_760)
            #expect(abs(strategy.impliedAvailability - strategy.simulatedImpliedAvailability) < 1e-4)
        }
    }

    @Test func noSLARevenueOrNoEventsMeansNoCredits() throws {
        var input = Self.input()
        input.slaMonthlyRevenue = 0
        let model = try ApplicationModel(resolving: input, settings: ModelSettings())
        #expect(AnalyticSLA.expectation(model: model, option: model.current) == .zero)
        var quiet = Self.input()
        quiet.scenarios = [Scenario(id: "r", kind: .regional, frequency: .poisson(rate: 0), duration: .ci90(low: 1, high: 2))]
        let quietModel = try ApplicationModel(resolving: quiet, settings: ModelSettings())
        #expect(AnalyticSLA.expectation(model: quietModel, option: quietModel.current) == .zero)
    }

    @Test func pertRatesMakeTheTermApproximateAndTheCrossCheckUsesSimulatedSLA() throws {
        var input = Self.input()
        input.scenarios?[1].frequency = .pert(low: 1, mode: 2, high: 4, gamma: 4)
        var settings = ModelSettings()
        settings.trials = 5_000
        let model = try ApplicationModel(resolving: input, settings: settings)
        #expect(!AnalyticSLA.expectation(model: model, option: model.current).isExact)
        let assessment = DowntimeModel.assess(model, settings: settings)
        #expect(assessment.strategies.allSatisfy { $0.crossCheckBasis == .simulatedSLA })
    }

    @Test func singleEventExceedanceMatchesTheCDF() {
        // With one possible event (tiny rate), P(DT > x) ≈ Λ·P(d > x): check the bracket against the lognormal CDF.
        let d0 = LognormalDuration(ci90Low: 0.5, high: 4)
        let component = AnalyticSLA.SeverityComponent(rate: 1, duration: d0, failoverSuccess: 0, recoveryHours: .infinity)
        let rate = 1e-6
        let bracket = AnalyticSLA.exceedance([component], monthlyRate: rate, threshold: 2, steps: 1_024)
        let exact = rate * (1 - d0.cdf(2))
        #expect(bracket.lower <= exact * (1 + 1e-6) && exact <= bracket.upper * (1 + 1e-6))
        #expect(relativeError(bracket.lower, exact) < 0.01 && relativeError(bracket.upper, exact) < 0.01)
    }
}
