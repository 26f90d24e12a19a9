/// One point of the loss-exceedance curve.
public struct ExceedancePoint: Sendable, Hashable {
    /// Annual loss x.
    public var loss: Double
    /// P(L > x).
    public var probability: Double
}

/// Summary statistics of simulated annual losses (§B.8 outputs).
public struct LossDistribution: Sendable, Hashable {
    /// Trials.
    public var trials: Int
    /// Mean (the EAL).
    public var mean: Double
    /// Sample standard deviation (n − 1).
    public var standardDeviation: Double
    /// Standard error of the mean, sd/√n.
    public var standardError: Double
    /// Type-7 quantiles.
    public var p50: Double
    /// 90th percentile.
    public var p90: Double
    /// 95th percentile.
    public var p95: Double
    /// 99th percentile.
    public var p99: Double
    /// Largest simulated loss.
    public var maximum: Double
    /// P(L > 0).
    public var probabilityOfLoss: Double
    /// Form (a): the loss at each exceedance probability p, Q(1 − p).
    public var lossAtProbability: [ExceedancePoint]
    /// Form (b): P(L > x) at {1, 2, 5} × 10^k from 10⁴ up to the first threshold ≥ max.
    public var exceedance: [ExceedancePoint]

    /// Summarises per-trial losses (in any order).
    public init(losses: [Double], lecProbabilities: [Double]) {
        trials = losses.count
        let n = Double(losses.count)
        var sum = 0.0
        for loss in losses { sum += loss }
        mean = losses.isEmpty ? 0 : sum / n
        standardDeviation = Self.sampleStandardDeviation(losses, mean: mean)
        standardError = losses.isEmpty ? 0 : standardDeviation / n.squareRoot()
        let sorted = RadixSort.ascending(losses)
        p50 = Quantiles.type7(sorted: sorted, probability: 0.5)
        p90 = Quantiles.type7(sorted: sorted, probability: 0.9)
        p95 = Quantiles.type7(sorted: sorted, probability: 0.95)
        p99 = Quantiles.type7(sorted: sorted, probability: 0.99)
        maximum = sorted.last ?? 0
        probabilityOfLoss = losses.isEmpty ? 0 : Double(Quantiles.countAbove(sorted: sorted, threshold: 0)) / n
        lossAtProbability = lecProbabilities.map {
            ExceedancePoint(loss: Quantiles.type7(sorted: sorted, probability: 1 - $0), probability: $0)
        }
        exceedance = Quantiles.exceedanceThresholds(maximum: maximum).map {
            ExceedancePoint(loss: $0, probability: losses.isEmpty ? 0 : Double(Quantiles.countAbove(sorted: sorted, threshold: $0)) / n)
        }
    }

    /// The sample standard deviation (n − 1) by the two-pass formula.
    public static func sampleStandardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return 0 }
        var squares = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
        }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
