import PolicyEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-trial annual losses of every strategy option of one application, plus the sums the
/// component means need. Trials are in trial order, so paired differences line up.
public struct SimulationRun: Sendable {
    /// Number of trials n.
    public var trials: Int
    /// `losses[o][t]`: the annual loss of option o in trial t.
    public var losses: [[Double]]
    /// Σ d over all events and trials, per option.
    public var downtimeHours: [Double]
    /// Σ W over all events and trials, per option.
    public var lostWriteHours: [Double]
    /// Number of events longer than τ, per option.
    public var reputationEvents: [Int]
    /// Σ SLA credits over all trials, per option.
    public var slaCredits: [Double]
    /// Number of events over all trials (the same for every option: common random numbers).
    public var events: Int
}

/// The seeded Monte Carlo of DOWNTIME-MODEL §B.8.
///
/// Every trial owns one generator per scenario stream, keyed by (seed, trial, stream), so a trial's
/// draws do not depend on which thread runs it. Trials are grouped in fixed blocks of `blockSize`;
/// floating-point sums are formed per block and then added in block order, so the results are
/// bit-for-bit identical for any worker count and any chunking of blocks onto workers.
public enum MonteCarlo {
    /// Trials per reduction block (fixed: changing it changes the last bits of the component sums).
    public static let blockSize = 1_024

    /// Runs `trials` trials of every option of `model`, all on the same draws.
    /// - Parameters:
    ///   - workers: concurrent workers (the result does not depend on it).
    ///   - blocksPerChunk: blocks handed to a worker at a time (the result does not depend on it).
    public static func simulate(
        _ model: ApplicationModel, trials: Int, seed: UInt64, workers: Int = defaultWorkers, blocksPerChunk: Int = 8
    ) -> SimulationRun {
        let plan = TrialPlan(model: model)
        let optionCount = plan.optionCount
        let blockCount = (trials + blockSize - 1) / blockSize
        var losses = [Double](repeating: 0, count: optionCount * trials)
        var blockSums = [BlockSums](repeating: BlockSums(optionCount: optionCount), count: blockCount)
        let chunk = max(1, blocksPerChunk)
        let chunkCount = (blockCount + chunk - 1) / chunk
        let workerCount = max(1, min(workers, chunkCount))
        losses.withMutableElementView { lossBuffer in
            blockSums.withMutableElementView { sumBuffer in
                let shared = SharedOutput(losses: lossBuffer, sums: sumBuffer)
                ParallelMap.forEach(count: workerCount) { worker in
                    var scratch = TrialScratch(optionCount: optionCount)
                    for chunkIndex in stride(from: worker, to: chunkCount, by: workerCount) {
                        let firstBlock = chunkIndex * chunk
                        for block in firstBlock..<min(firstBlock + chunk, blockCount) {
                            let range = (block * blockSize)..<min((block + 1) * blockSize, trials)
                            var sums = BlockSums(optionCount: optionCount)
                            for trial in range {
                                plan.run(trial: trial, trials: trials, seed: seed, scratch: &scratch, sums: &sums, losses: shared.losses)
                            }
                            shared.sums[block] = sums
                        }
                    }
                }
            }
        }
        var total = BlockSums(optionCount: optionCount)
        for sums in blockSums { total.add(sums) }
        var perOption: [[Double]] = []
        perOption.reserveCapacity(optionCount)
        for option in 0..<optionCount {
            perOption.append(Array(losses[(option * trials)..<((option + 1) * trials)]))
        }
        return SimulationRun(
            trials: trials, losses: perOption, downtimeHours: total.downtime, lostWriteHours: total.lostWrites,
            reputationEvents: total.reputationEvents, slaCredits: total.sla, events: total.events)
    }

    /// The number of active processors.
    public static var defaultWorkers: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

// MARK: - Trial kernel

/// Everything a trial needs, flattened for the inner loop.
private struct TrialPlan: Sendable {
    let scenarios: [ResolvedScenario]
    let terms: LossTerms
    let hourly: Double
    let optionCount: Int
    let isNone: [Bool]
    let success: [Double]
    let recovery: [Double]
    let rpo: [Double]
    let periodic: [Bool]
    let creditsApply: Bool

    init(model: ApplicationModel) {
        scenarios = model.scenarios
        terms = model.terms
        hourly = model.terms.rates.total
        optionCount = model.options.count
        isNone = model.options.map { $0.kind == .noDR }
        success = model.options.map(\.successProbability)
        recovery = model.options.map(\.recoveryHours)
        rpo = model.options.map(\.parameters.rpoHours)
        periodic = model.options.map { $0.parameters.rpoModel == .periodic }
        creditsApply = model.terms.slaMonthlyRevenue > 0
    }

    /// One simulated year: scenarios in list order on their own streams, five uniforms per event,
    /// losses accumulated in scenario then event order, SLA credits added last.
    @inline(__always)
    func run(trial: Int, trials: Int, seed: UInt64, scratch: inout TrialScratch, sums: inout BlockSums, losses: MutableElementView<Double>) {
        scratch.reset(withMonths: creditsApply)
        for (streamIndex, scenario) in scenarios.enumerated() {
            var stream = RandomStream(seed: seed, trial: trial, stream: streamIndex)
            let rate: Double
            switch scenario.scenario.frequency {
            case .poisson(let fixed): rate = fixed
            case .pert(let low, let mode, let high, let gamma):
                rate = FrequencySampling.pert(low: low, mode: mode, high: high, gamma: gamma, stream: &stream)
            }
            let count = FrequencySampling.poisson(rate: rate, uniform: stream.nextUniform())
            for _ in 0..<count {
                let u1 = stream.nextUniform()
                let u2 = stream.nextUniform()
                let u3 = stream.nextUniform()
                let u4 = stream.nextUniform()
                _ = stream.nextUniform()  // u5: reserved, drawn to keep streams aligned
                let unaided = scenario.duration.sample(u1)
                let month = min(11, Int(12 * u4))
                sums.events += 1
                for option in 0..<optionCount {
                    var d = unaided
                    var w = 0.0
                    switch scenario.scenario.kind {
                    case .independent:
                        break
                    case .corruption:
                        w = scenario.detectionLagHours + u3 * scenario.backupIntervalHours
                    case .regional:
                        if !isNone[option] && u2 < success[option] && recovery[option] < unaided {
                            d = recovery[option]
                            w = periodic[option] ? u3 * rpo[option] : rpo[option]
                        }
                    }
                    scratch.loss[option] += terms.eventLoss(durationHours: d, lostWriteHours: w, hourly: hourly)
                    sums.downtime[option] += d
                    sums.lostWrites[option] += w
                    if d > terms.reputationThresholdHours { sums.reputationEvents[option] += 1 }
                    if creditsApply { scratch.monthDowntime[option * 12 + month] += d }
                }
            }
        }
        for option in 0..<optionCount {
            var loss = scratch.loss[option]
            if creditsApply {
                var credits = 0.0
                for month in 0..<12 { credits += terms.monthlyCredit(monthDowntimeHours: scratch.monthDowntime[option * 12 + month]) }
                loss += credits
                sums.sla[option] += credits
            }
            losses[option * trials + trial] = loss
        }
    }
}

/// Per-worker buffers for one trial.
private struct TrialScratch {
    var loss: [Double]
    var monthDowntime: [Double]

    init(optionCount: Int) {
        loss = [Double](repeating: 0, count: optionCount)
        monthDowntime = [Double](repeating: 0, count: optionCount * 12)
    }

    mutating func reset(withMonths: Bool) {
        for index in loss.indices { loss[index] = 0 }
        if withMonths { for index in monthDowntime.indices { monthDowntime[index] = 0 } }
    }
}

/// Sums over one block of trials.
private struct BlockSums: Sendable {
    var downtime: [Double]
    var lostWrites: [Double]
    var reputationEvents: [Int]
    var sla: [Double]
    var events = 0

    init(optionCount: Int) {
        downtime = [Double](repeating: 0, count: optionCount)
        lostWrites = downtime
        sla = downtime
        reputationEvents = [Int](repeating: 0, count: optionCount)
    }

    mutating func add(_ other: BlockSums) {
        for index in downtime.indices {
            downtime[index] += other.downtime[index]
            lostWrites[index] += other.lostWrites[index]
            reputationEvents[index] += other.reputationEvents[index]
            sla[index] += other.sla[index]
        }
        events += other.events
    }
}

/// The output buffers shared by the workers. Each trial writes only its own loss slots and each
/// block only its own sums slot, so there are no overlapping writes.
///
/// Used only inside the views' scope in `simulate`, which `ParallelMap.forEach` does not leave
/// before every worker is done; workers write disjoint slots and nothing reads them meanwhile
/// (`MutableElementView`'s rule).
private struct SharedOutput: Sendable {
    let losses: MutableElementView<Double>
    let sums: MutableElementView<BlockSums>
}
