import PolicyEngine
import Testing

@testable import Resilience

/// Results are bit-for-bit identical for any worker count and any chunking of blocks onto workers.
@Suite struct ParallelDeterminismTests {
    /// An application whose scenarios exercise every code path: PERT rates, SLA credits, corruption.
    static func model() throws -> ApplicationModel {
        var input = WorkedExampleTwoTests.ordersAPI()
        input.slaMonthlyRevenue = 250_000
        input.reputationLossPerEvent = 40_000
        input.productionAnnualSpend = FixedDecimal(500_000)
        input.scenarios = [
            Scenario(id: "regional", kind: .regional, frequency: .pert(low: 0.1, mode: 0.5, high: 2, gamma: 4), duration: .ci90(low: 1, high: 12)),
            Scenario(
                id: "corruption", kind: .corruption, frequency: .poisson(rate: 0.3), duration: .ci90(low: 2, high: 24), backupIntervalHours: 6,
                detectionLagHours: 1),
            Scenario(id: "deploys", kind: .independent, frequency: .poisson(rate: 5), duration: .ci90(low: 0.1, high: 2)),
        ]
        return try ApplicationModel(resolving: input, settings: ModelSettings())
    }

    static func expectIdentical(_ left: SimulationRun, _ right: SimulationRun) {
        #expect(left.losses == right.losses)
        #expect(left.downtimeHours == right.downtimeHours)
        #expect(left.lostWriteHours == right.lostWriteHours)
        #expect(left.reputationEvents == right.reputationEvents)
        #expect(left.slaCredits == right.slaCredits)
        #expect(left.events == right.events)
    }

    @Test(arguments: [(2, 1), (3, 3), (5, 2), (8, 16)])
    func workerCountAndChunkingDoNotChangeResults(workers: Int, blocksPerChunk: Int) throws {
        let model = try Self.model()
        let serial = MonteCarlo.simulate(model, trials: 20_000, seed: 7, workers: 1, blocksPerChunk: 1)
        let parallel = MonteCarlo.simulate(model, trials: 20_000, seed: 7, workers: workers, blocksPerChunk: blocksPerChunk)
        #expect(serial.events > 0 && serial.slaCredits[0] > 0)
        Self.expectIdentical(serial, parallel)
    }

    @Test func assessmentsAreIdenticalAcrossWorkerCounts() throws {
        let model = try Self.model()
        var settings = ModelSettings()
        settings.trials = 10_000
        let one = DowntimeModel.assess(model, settings: settings, workers: 1)
        let four = DowntimeModel.assess(model, settings: settings, workers: 4)
        #expect(one.strategies == four.strategies)
        #expect(one.recommendedIndex == four.recommendedIndex)
    }

    @Test func strategiesShareTheirDraws() throws {
        // Common random numbers: every option sees the same events in the same trials.
        let model = try Self.model()
        let run = MonteCarlo.simulate(model, trials: 5_000, seed: 11)
        let noneIndex = try #require(model.options.firstIndex { $0.kind == .noDR })
        for trial in 0..<run.trials {
            #expect((run.losses[0][trial] == 0) == (run.losses[noneIndex][trial] == 0))
        }
    }

    @Test func anotherSeedGivesAnotherStream() throws {
        let model = try Self.model()
        let first = MonteCarlo.simulate(model, trials: 2_000, seed: 1)
        let second = MonteCarlo.simulate(model, trials: 2_000, seed: 2)
        #expect(first.losses[0] != second.losses[0])
    }
}
