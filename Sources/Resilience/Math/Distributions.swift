#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lognormal outage duration D0 = exp(μ + σ·Z) (DOWNTIME-MODEL §B.8, riskquant's fit).
public struct LognormalDuration: Sendable, Hashable {
    /// Φ⁻¹(0.95): a 90 % interval spans ±1.6448536269514722 standard deviations.
    public static let z95 = 1.6448536269514722

    /// Mean of ln D0.
    public let mu: Double
    /// Standard deviation of ln D0.
    public let sigma: Double

    /// Parameters given directly (for instance fitted from incident history).
    public init(mu: Double, sigma: Double) {
        self.mu = mu
        self.sigma = sigma
    }

    /// The lognormal whose 5th and 95th percentiles are `low` and `high`.
    public init(ci90Low low: Double, high: Double) {
        mu = (log(low) + log(high)) / 2
        sigma = (log(high) - log(low)) / (2 * Self.z95)
    }

    /// A draw from one uniform: exp(μ + σ·Φ⁻¹(u)).
    @inline(__always)
    public func sample(_ uniform: Double) -> Double {
        exp(mu + sigma * NormalDistribution.inverseCDF(uniform))
    }

    /// E[D0] = exp(μ + σ²/2).
    public var mean: Double { exp(mu + sigma * sigma / 2) }

    /// The median exp(μ).
    public var median: Double { exp(mu) }

    /// F(x) = P(D0 ≤ x); 0 for x ≤ 0 and 1 for x = ∞.
    public func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        return NormalDistribution.cdf((log(x) - mu) / sigma)
    }

    /// E[min(D0, x)] (§B.7); E[D0] when x is infinite.
    public func limitedMean(_ x: Double) -> Double {
        if x == .infinity { return mean }
        if x <= 0 { return 0 }
        let logX = log(x)
        return mean * NormalDistribution.cdf((logX - mu - sigma * sigma) / sigma)
            + x * (1 - NormalDistribution.cdf((logX - mu) / sigma))
    }
}

/// Poisson counts and PERT-distributed rates as the reference stream draws them.
public enum FrequencySampling {
    /// Largest count the inversion returns (§B.8).
    public static let maximumCount = 100_000

    /// Poisson(λ) by inversion of one uniform; `p·λ` is evaluated before `/k`, as in the reference.
    @inline(__always)
    public static func poisson(rate: Double, uniform: Double) -> Int {
        var count = 0
        var probability = exp(-rate)
        var cumulative = probability
        while uniform > cumulative && count < maximumCount {
            count += 1
            probability = probability * rate / Double(count)
            cumulative += probability
        }
        return count
    }

    /// Shape parameters α, β of a PERT(low, mode, high, γ) (pyfair's form).
    public static func pertShapes(low: Double, mode: Double, high: Double, gamma: Double) -> (alpha: Double, beta: Double) {
        let range = high - low
        return (1 + gamma * (mode - low) / range, 1 + gamma * (high - mode) / range)
    }

    /// One PERT-distributed rate: X ~ Gamma(α), Y ~ Gamma(β), rate = low + (high − low)·X/(X + Y).
    public static func pert(low: Double, mode: Double, high: Double, gamma: Double, stream: inout RandomStream) -> Double {
        let shapes = pertShapes(low: low, mode: mode, high: high, gamma: gamma)
        let x = gammaVariate(shape: shapes.alpha, stream: &stream)
        let y = gammaVariate(shape: shapes.beta, stream: &stream)
        return low + (high - low) * x / (x + y)
    }

    /// Gamma(shape, 1) by Marsaglia–Tsang with normals from Φ⁻¹ of the stream's uniforms; for a
    /// shape below 1, Gamma(shape + 1)·u^(1/shape).
    public static func gammaVariate(shape: Double, stream: inout RandomStream) -> Double {
        if shape < 1 {
            let boosted = gammaVariate(shape: shape + 1, stream: &stream)
            return boosted * pow(stream.nextUniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let z = NormalDistribution.inverseCDF(stream.nextUniform())
            let base = 1 + c * z
            let v = base * base * base
            if v <= 0 { continue }
            let acceptance = stream.nextUniform()
            if log(acceptance) < z * z / 2 + d - d * v + d * log(v) { return d * v }
        }
    }
}
