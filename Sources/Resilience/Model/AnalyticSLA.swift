import PolicyEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The analytic expectation of the annual SLA credits, with its discretisation bracket (§B.7).
public struct SLAExpectation: Sendable, Hashable {
    /// E[SLA] computed with every outage rounded down to the grid: a lower bound.
    public var lower: Double
    /// E[SLA] computed with every outage rounded up to the grid: an upper bound.
    public var upper: Double
    /// False when a scenario has a PERT rate: the month's outage count is then a mixed Poisson, and
    /// the term uses the mean rate λ̄ as §B.7 writes it (an approximation outside the bracket).
    public var isExact: Bool

    /// The midpoint of the bracket, the figure reported as `E[SLA]`.
    public var estimate: Double { (lower + upper) / 2 }

    /// No SLA revenue, no credit tiers or no events: nothing is ever credited.
    public static let zero = SLAExpectation(lower: 0, upper: 0, isExact: true)
}

/// E[SLA] = 12·M·Σ_j (pct_(j) − pct_(j−1))·P(DT_m > (1 − thr_(j))·730) (§B.7), where a month's
/// downtime DT_m is compound Poisson with rate Σλ̄/12 and severity the λ̄-weighted mixture of the
/// outage durations d under the strategy (a lognormal D0, with an atom at R for the failovers that
/// win the race of §B.4).
///
/// Each exceedance probability is computed by Panjer's recursion on a grid of `gridSteps` steps
/// from 0 to the threshold x (step x/`gridSteps`, so the grid is as fine relative to the 4.38-minute
/// threshold of a 99.99 % tier as to the 36.5-hour one of a 95 % tier). Rounding every outage down
/// to the grid makes DT_m smaller, rounding up makes it larger, so the two recursions bracket the
/// exact probability; outages longer than x are dropped from the severity (they exceed x alone), so
/// the recursion never needs more than `gridSteps` + 1 points.
public enum AnalyticSLA {
    /// Grid steps from 0 to each credit threshold.
    public static let gridSteps = 1_024

    /// E[SLA] of `option` for `model`.
    public static func expectation(model: ApplicationModel, option: StrategyOption) -> SLAExpectation {
        let terms = model.terms
        let components = severityComponents(model: model, option: option)
        let totalRate = components.reduce(0) { $0 + $1.rate }
        guard terms.slaMonthlyRevenue > 0, totalRate > 0, !terms.slaCreditTiers.isEmpty else { return .zero }
        let monthlyRate = totalRate / 12
        let isExact = !model.scenarios.contains {
            if case .pert = $0.scenario.frequency { return true }
            return false
        }
        // Tiers by increasing credit (decreasing threshold, as the resolver sorted them).
        let tiers = terms.slaCreditTiers.sorted { ($0.credit, -$0.threshold) < ($1.credit, -$1.threshold) }
        var lower = 0.0
        var upper = 0.0
        var previousCredit = 0.0
        for tier in tiers {
            let step = tier.credit - previousCredit
            previousCredit = max(previousCredit, tier.credit)
            guard step > 0 else { continue }
            let threshold = (1 - tier.threshold) * DowntimeCalendar.hoursPerMonth
            let bracket = exceedance(components, monthlyRate: monthlyRate, threshold: threshold, steps: gridSteps)
            lower += step * bracket.lower
            upper += step * bracket.upper
        }
        let scale = 12 * terms.slaMonthlyRevenue
        return SLAExpectation(lower: scale * lower, upper: scale * upper, isExact: isExact)
    }

    /// One scenario's share of the month's events and its outage-duration distribution.
    struct SeverityComponent {
        /// λ̄ of the scenario (events per year).
        var rate: Double
        /// D0.
        var duration: LognormalDuration
        /// Probability that a failover wins the race and the outage lasts exactly `recoveryHours`;
        /// 0 when DR does not act on the scenario.
        var failoverSuccess: Double
        /// R.
        var recoveryHours: Double

        /// P(d ≤ y) (`inclusive`) or P(d < y): d = R when the failover succeeds and D0 > R, else D0.
        func cdf(_ y: Double, inclusive: Bool) -> Double {
            let unaided = duration.cdf(y)
            let atomIncluded = inclusive ? y >= recoveryHours : y > recoveryHours
            return atomIncluded ? unaided + failoverSuccess * (1 - unaided) : unaided
        }
    }

    static func severityComponents(model: ApplicationModel, option: StrategyOption) -> [SeverityComponent] {
        model.scenarios.map { scenario in
            let acts = scenario.scenario.kind == .regional && option.kind != .noDR && option.recoveryHours.isFinite
            return SeverityComponent(
                rate: scenario.scenario.frequency.meanRate, duration: scenario.duration,
                failoverSuccess: acts ? option.successProbability : 0, recoveryHours: acts ? option.recoveryHours : .infinity)
        }
    }

    /// Lower and upper bounds of P(DT_m > x) for a compound Poisson month.
    static func exceedance(_ components: [SeverityComponent], monthlyRate: Double, threshold x: Double, steps: Int) -> (lower: Double, upper: Double) {
        let totalRate = components.reduce(0) { $0 + $1.rate }
        let h = x / Double(steps)
        func mixture(_ y: Double, inclusive: Bool) -> Double {
            var sum = 0.0
            for component in components where component.rate > 0 { sum += component.rate * component.cdf(y, inclusive: inclusive) }
            return sum / totalRate
        }
        // Cumulative probabilities at the grid points 0, h, …, (K + 1)h.
        var below = [Double](repeating: 0, count: steps + 2)  // P(d < jh)
        var atOrBelow = [Double](repeating: 0, count: steps + 2)  // P(d ≤ jh)
        for j in 0...(steps + 1) {
            let y = Double(j) * h
            below[j] = mixture(y, inclusive: false)
            atOrBelow[j] = mixture(y, inclusive: true)
        }
        // Rounded down: the mass of [jh, (j+1)h) at jh. Rounded up: the mass of ((j−1)h, jh] at jh.
        var roundedDown = [Double](repeating: 0, count: steps + 1)
        var roundedUp = [Double](repeating: 0, count: steps + 1)
        for j in 0...steps {
            roundedDown[j] = max(0, below[j + 1] - below[j])
            roundedUp[j] = j == 0 ? atOrBelow[0] : max(0, atOrBelow[j] - atOrBelow[j - 1])
        }
        let lowerBound = 1 - panjerCumulative(roundedDown, rate: monthlyRate)
        let upperBound = 1 - panjerCumulative(roundedUp, rate: monthlyRate)
        return (min(1, max(0, lowerBound)), min(1, max(0, upperBound)))
    }

    /// P(S ≤ K) for a compound Poisson S with rate `rate` and severity masses `severity[0…K]` on the
    /// grid (defective: mass above K is left out, which does not change P(S ≤ K)):
    /// g₀ = exp(−λ(1 − f₀)), g_k = (λ/k)·Σ_{j=1…k} j·f_j·g_{k−j}.
    static func panjerCumulative(_ severity: [Double], rate: Double) -> Double {
        let count = severity.count
        var weighted = [Double](repeating: 0, count: count)
        for j in 1..<count { weighted[j] = Double(j) * severity[j] }
        var g = [Double](repeating: 0, count: count)
        g[0] = exp(-rate * (1 - severity[0]))
        var cumulative = g[0]
        weighted.withElementView { f in
            g.withMutableElementView { g in
                for k in 1..<count {
                    // Four partial sums let the loop pipeline; the order is fixed, so results are deterministic.
                    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                    var j = 1
                    while j + 3 <= k {
                        s0 += f[j] * g[k - j]
                        s1 += f[j + 1] * g[k - j - 1]
                        s2 += f[j + 2] * g[k - j - 2]
                        s3 += f[j + 3] * g[k - j - 3]
                        j += 4
                    }
                    while j <= k {
                        s0 += f[j] * g[k - j]
                        j += 1
                    }
                    g[k] = rate / Double(k) * ((s0 + s1) + (s2 + s3))
                    cumulative += g[k]
                }
            }
        }
        return cumulative
    }
}
