import Testing

@testable import Resilience

/// DOWNTIME-MODEL §C.2: one regional scenario, `none` against a warm standby tested 45 days ago.
@Suite struct WorkedExampleTwoTests {
    /// The `orders-api` inputs of §C.2.
    static func ordersAPI() -> ApplicationInput {
        var input = ApplicationInput(
            id: "orders-api",
            recovery: RecoveryPosture(
                strategy: .warmStandby, rtoHours: 1.0 / 6.0, rpoHours: 1.0 / 60.0,
                evidence: TestEvidence(ageDays: 45, result: .pass, type: .fullFailover)))
        input.tier = .tier1
        input.revenuePerHour = 20_000
        input.revenueHoursPerWeek = 168
        input.revenueDependency = 1
        input.revenueRecapture = 0
        input.marginFactor = 1
        input.dependentEmployees = 50
        input.loadedHourlyCost = 47.20
        input.productivityImpact = 0.5
        input.workHoursPerWeek = 40
        input.responders = 4
        input.responderHourlyCost = 100
        input.fixedCostPerIncident = 0
        input.dataValuePerHour = 30_000
        input.slaMonthlyRevenue = 0
        input.reputationLossPerEvent = 0
        input.scenarios = [Scenario(id: "regional", kind: .regional, frequency: .poisson(rate: 0.5), duration: .ci90(low: 1, high: 12))]
        return input
    }

    static func model() throws -> ApplicationModel {
        try ApplicationModel(resolving: ordersAPI(), settings: ModelSettings())
    }

    /// Index of the `none` candidate; the current warm standby is index 0.
    static func noneIndex(_ model: ApplicationModel) -> Int {
        model.options.firstIndex { $0.kind == .noDR } ?? -1
    }

    // MARK: - Analytic (relative 1e-9)

    @Test func hourlyRateAndDurationParameters() throws {
        let model = try Self.model()
        #expect(relativeError(model.terms.rates.total, 20_680.952381) <= 1e-9)
        #expect(relativeError(model.terms.rates.productivity, 280.952381) <= 1e-9)
        let duration = model.scenarios[0].duration
        #expect(relativeError(duration.mu, 1.2424533248940002) <= 1e-12)
        #expect(relativeError(duration.sigma, 0.7553579872008004) <= 1e-12)
        #expect(relativeError(duration.mean, 4.607733876858628) <= 1e-9)
        #expect(relativeError(duration.median, 3.464102) <= 1e-6)
    }

    @Test func warmStandbyFreshnessProbabilityAndEffectiveRTO() throws {
        let current = try Self.model().current
        #expect(abs(current.freshness - 0.778801) < 1e-6)
        #expect(abs(current.successProbability - 0.866036368) <= 1e-9)
        #expect(relativeError(current.recoveryHours, 0.185099935) <= 1e-8)
    }

    @Test func perEventExpectations() throws {
        let model = try Self.model()
        let scenario = model.scenarios[0]
        let tau = model.terms.reputationThresholdHours
        let none = ClosedForm.expectation(scenario, option: model.options[Self.noneIndex(model)], recoveryHours: .infinity, threshold: tau)
        #expect(relativeError(none.duration, 4.607733877) <= 1e-9)
        #expect(none.lostWrites == 0)
        let current = model.current
        let warm = ClosedForm.expectation(scenario, option: current, recoveryHours: current.recoveryHours, threshold: tau)
        #expect(relativeError(warm.duration, 0.777570777) <= 1e-9)
        #expect(abs(warm.lostWrites - 0.014433180) <= 6e-10)  // the spec gives 8 significant digits
        #expect(relativeError(scenario.duration.limitedMean(current.recoveryHours), 0.185098476) <= 1e-8)
        #expect(abs(1 - scenario.duration.cdf(current.recoveryHours) - 0.999947351) <= 1e-9)
        let h = model.terms.rates.total
        #expect(relativeError(h * none.duration, 95_292.324891) <= 1e-9)
        #expect(relativeError(h * warm.duration + 30_000 * warm.lostWrites, 16_513.899607) <= 1e-9)
    }

    @Test func closedFormAnnualLossAndDowntime() throws {
        let model = try Self.model()
        let none = ClosedForm(model: model, option: model.options[Self.noneIndex(model)])
        let warm = ClosedForm(model: model, option: model.current)
        #expect(relativeError(none.expectedAnnualLossExcludingSLA, 47_646.162446) <= 1e-9)
        #expect(relativeError(warm.expectedAnnualLossExcludingSLA, 8_256.949804) <= 1e-9)
        #expect(relativeError(none.expectedDowntimeHours, 2.303867) <= 1e-6)
        #expect(relativeError(warm.expectedDowntimeHours, 0.388785) <= 1e-6)
        #expect(abs(none.expectedAnnualLossExcludingSLA - warm.expectedAnnualLossExcludingSLA - 39_389.21) < 0.01)
    }

    // MARK: - Per-trial trace (seed 42, stream 0)

    @Test(arguments: [
        (3, 64_164.4888664, 64_164.4888664), (5, 4_328.0429362, 77_602.7067662), (7, 4_328.0429362, 14_634.4787910),
        (9, 4_328.0429362, 73_521.3359437),
    ])
    func traceOfFirstTrialsWithEvents(trial: Int, warmLoss: Double, noneLoss: Double) throws {
        let model = try Self.model()
        let run = MonteCarlo.simulate(model, trials: 16, seed: 42, workers: 1)
        #expect(abs(run.losses[0][trial] - warmLoss) < 1e-6)
        #expect(abs(run.losses[Self.noneIndex(model)][trial] - noneLoss) < 1e-6)
    }

    @Test func traceTrialsWithoutEventsLoseNothing() throws {
        let model = try Self.model()
        let run = MonteCarlo.simulate(model, trials: 16, seed: 42, workers: 1)
        for trial in [0, 1, 2, 4, 6, 8] {
            #expect(run.losses[0][trial] == 0)
            #expect(run.losses[Self.noneIndex(model)][trial] == 0)
        }
    }

    @Test func traceDrawsOfTrialThree() {
        var stream = RandomStream(seed: 42, trial: 3, stream: 0)
        let uN = stream.nextUniform()
        #expect(abs(uN - 0.62126798) < 5e-9)
        #expect(FrequencySampling.poisson(rate: 0.5, uniform: uN) == 1)
        let u1 = stream.nextUniform()
        #expect(abs(u1 - 0.44199506) < 5e-9)
        #expect(abs(LognormalDuration(ci90Low: 1, high: 12).sample(u1) - 3.1025886857) < 1e-9)
        #expect(abs(stream.nextUniform() - 0.91485547) < 5e-9)
        _ = stream.nextUniform()
        #expect(min(11, Int(12 * stream.nextUniform())) == 8)
    }

    // MARK: - Reference-stream parity (relative 1e-9 on Linux)

    struct Reference: Sendable {
        let trials: Int
        let mean: Double
        let se: Double
        let p90: Double
        let p95: Double
        let p99: Double
        let max: Double
        let probabilityOfLoss: Double
    }

    static let noneReference = [
        Reference(
            trials: 10_000, mean: 47_292.84651357913, se: 907.91, p90: 155_852.63398751113, p95: 226_110.32960514585,
            p99: 388_828.68251528975, max: 2_073_562.16152621, probabilityOfLoss: 0.389),
        Reference(
            trials: 100_000, mean: 47_451.30236652563, se: 283.32, p90: 154_295.46735724073, p95: 222_922.4171058977,
            p99: 405_247.66870604, max: 2_073_562.16152621, probabilityOfLoss: 0.39276),
    ]

    static let warmReference = [
        Reference(
            trials: 10_000, mean: 8_454.805536469172, se: 333.30, p90: 8_656.085872318165, p95: 49_357.113896090996,
            p99: 165_596.45567008253, max: 712_275.1447239819, probabilityOfLoss: 0.389),
        Reference(
            trials: 100_000, mean: 8_350.706200727764, se: 105.01, p90: 8_656.085872318165, p95: 44_337.730331537045,
            p99: 164_766.75963332038, max: 1_268_514.1794530856, probabilityOfLoss: 0.39276),
    ]

    static func expectParity(_ distribution: LossDistribution, _ reference: Reference) {
        #expect(distribution.trials == reference.trials)
        #expect(relativeError(distribution.mean, reference.mean) <= 1e-9)
        #expect(abs(distribution.standardError - reference.se) < 0.005)
        #expect(distribution.p50 == 0)
        #expect(relativeError(distribution.p90, reference.p90) <= 1e-9)
        #expect(relativeError(distribution.p95, reference.p95) <= 1e-9)
        #expect(relativeError(distribution.p99, reference.p99) <= 1e-9)
        #expect(relativeError(distribution.maximum, reference.max) <= 1e-9)
        #expect(abs(distribution.probabilityOfLoss - reference.probabilityOfLoss) < 1e-12)
    }

    @Test(arguments: [0, 1])
    func referenceStreamParity(referenceIndex: Int) throws {
        let model = try Self.model()
        let trials = Self.noneReference[referenceIndex].trials
        let run = MonteCarlo.simulate(model, trials: trials, seed: 42)
        let lec = ModelSettings.defaultLECProbabilities
        Self.expectParity(LossDistribution(losses: run.losses[Self.noneIndex(model)], lecProbabilities: lec), Self.noneReference[referenceIndex])
        Self.expectParity(LossDistribution(losses: run.losses[0], lecProbabilities: lec), Self.warmReference[referenceIndex])
    }

    @Test func referenceStreamExceedanceAndComponents() throws {
        let model = try Self.model()
        let assessment = DowntimeModel.assess(model, settings: ModelSettings())
        let none = assessment.strategies[Self.noneIndex(model)]
        let warm = assessment.current
        func exceedance(_ strategy: StrategyAssessment, _ threshold: Double) -> Double? {
            strategy.distribution.exceedance.first { $0.loss == threshold }?.probability
        }
        #expect(exceedance(none, 50_000) == 0.29574)
        #expect(exceedance(warm, 10_000) == 0.0741)
        #expect(exceedance(warm, 100_000) == 0.02349)
        // 250k is not on the {1, 2, 5} × 10^k grid: count the sample directly.
        let run = MonteCarlo.simulate(model, trials: 100_000, seed: 42)
        let sortedNone = run.losses[Self.noneIndex(model)].sorted()
        #expect(Double(Quantiles.countAbove(sorted: sortedNone, threshold: 250_000)) / 100_000 == 0.03856)
        // Data-loss component 215.23 in the reference stream (analytic 216.50).
        #expect(abs(warm.components.data - 215.23) < 0.005)
        // The atom at 2 × (h·RTO_eff + V_d·RPO) sits exactly on P90.
        #expect(relativeError(warm.distribution.p90, 8_656.0859) <= 1e-6)
    }

    // MARK: - Statistical agreement (§C.4 rule 3)

    @Test func statisticalAgreementWithExactValuesUnderAnotherSeed() throws {
        let model = try Self.model()
        var settings = ModelSettings()
        settings.seed = 20_250_101
        let assessment = DowntimeModel.assess(model, settings: settings)
        let none = assessment.strategies[Self.noneIndex(model)]
        let warm = assessment.current
        let n = Double(settings.trials)
        let run = MonteCarlo.simulate(model, trials: settings.trials, seed: settings.seed)
        let sortedNone = run.losses[Self.noneIndex(model)].sorted()
        let sortedWarm = run.losses[0].sorted()
        #expect(abs(none.distribution.mean - 47_646.162446) <= 4 * none.distribution.standardError)
        #expect(abs(warm.distribution.mean - 8_256.949804) <= 4 * warm.distribution.standardError)
        // Exact quantile brackets ± 4.5 × the listed SDs.
        #expect(none.distribution.p95 >= 224_875 - 4.5 * 1_535 && none.distribution.p95 <= 224_900 + 4.5 * 1_535)
        #expect(none.distribution.p99 >= 405_050 - 4.5 * 3_132 && none.distribution.p99 <= 405_100 + 4.5 * 3_132)
        #expect(warm.distribution.p95 >= 43_450 - 4.5 * 1_091 && warm.distribution.p95 <= 43_500 + 4.5 * 1_091)
        #expect(warm.distribution.p99 >= 162_800 - 4.5 * 2_613 && warm.distribution.p99 <= 162_825 + 4.5 * 2_613)
        #expect(relativeError(warm.distribution.p90, 8_656.0859) <= 1e-6)
        #expect(none.distribution.p50 == 0 && warm.distribution.p50 == 0)
        let exact: [(Double, Double, Double)] = [
            (10_000, 0.39207, 0.07377), (50_000, 0.29607, 0.04602), (100_000, 0.17531, 0.02298), (250_000, 0.03940, 0.00363),
            (500_000, 0.00467, 0.00038), (1_000_000, 0.00019, 0.00002),
        ]
        for (threshold, noneProbability, warmProbability) in exact {
            let noneEstimate = Double(Quantiles.countAbove(sorted: sortedNone, threshold: threshold)) / n
            let warmEstimate = Double(Quantiles.countAbove(sorted: sortedWarm, threshold: threshold)) / n
            // Exact values are given to 5 decimals, hence the 5e-6 rounding allowance.
            #expect(abs(noneEstimate - noneProbability) <= 4 * (noneProbability * (1 - noneProbability) / n).squareRoot() + 5e-6)
            #expect(abs(warmEstimate - warmProbability) <= 4 * (warmProbability * (1 - warmProbability) / n).squareRoot() + 5e-6)
        }
        // Paired ΔB against the analytic 39,389.21 (here none is the candidate: ΔB = EAL_ws − EAL_none).
        let comparison = try #require(none.comparison)
        #expect(abs(-comparison.lossReduction - 39_389.21) <= 4 * comparison.lossReductionStandardError)
    }
}
