#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Years until a one-time cost is paid back by the net annual benefit.
public enum Payback: Sendable, Hashable {
    /// Paid back after this many years.
    case years(Double)
    /// The net benefit is not positive: never paid back.
    case never
}

/// Revenue per hour at which a move breaks even (§B.9).
public enum BreakEvenRevenue: Sendable, Hashable {
    /// R*: the move pays for itself above this revenue per hour (its loss grows more slowly with revenue).
    case revenuePerHour(Double)
    /// R* ≤ 0 for a move whose loss grows more slowly with revenue: justified at any revenue.
    case anyRevenue
    /// Revenue never justifies the move: its loss grows as fast with revenue (a_c = a_u), or it grows
    /// faster and R* ≤ 0.
    case neverByRevenue
    /// R* for a move whose loss grows faster with revenue (a_c < a_u, such as dropping DR): it pays
    /// only below this revenue per hour, and staying pays above it.
    case onlyBelowRevenuePerHour(Double)
}

/// Standard finance formulas used by the comparison (§B.9, [D]).
public enum Finance {
    /// Capital recovery factor r/(1 − (1 + r)^−H); 1/H when r = 0.
    public static func capitalRecoveryFactor(rate r: Double, years h: Int) -> Double {
        if r == 0 { return 1 / Double(h) }
        return r / (1 - pow(1 + r, -Double(h)))
    }

    /// Present value of 1 per year for H years: (1 − (1 + r)^−H)/r; H when r = 0.
    public static func annuityFactor(rate r: Double, years h: Int) -> Double {
        if r == 0 { return Double(h) }
        return (1 - pow(1 + r, -Double(h))) / r
    }

    /// NPV = −I + NB·(1 − (1 + r)^−H)/r.
    public static func netPresentValue(oneTimeCost: Double, netAnnualBenefit: Double, rate: Double, years: Int) -> Double {
        -oneTimeCost + netAnnualBenefit * annuityFactor(rate: rate, years: years)
    }

    /// Payback = I/NB when NB > 0.
    public static func payback(oneTimeCost: Double, netAnnualBenefit: Double) -> Payback {
        netAnnualBenefit > 0 ? .years(oneTimeCost / netAnnualBenefit) : .never
    }

    /// ROSI = NB/ΔC when ΔC > 0 (ENISA); nil otherwise.
    public static func returnOnInvestment(netAnnualBenefit: Double, addedAnnualCost: Double) -> Double? {
        addedAnnualCost > 0 ? netAnnualBenefit / addedAnnualCost : nil
    }

    /// R* = (ΔC + I_u·CRF − (b_c − b_u)) / (a_c − a_u), with EAL_s = a_s·R + b_s: the revenue at which
    /// TCRann of the current strategy c and the candidate u are equal. With a_c > a_u the candidate
    /// pays above R*; with a_c < a_u it pays only below R*.
    public static func breakEvenRevenue(
        revenuePerHour r: Double, currentLoss: Double, currentSlope: Double, candidateLoss: Double, candidateSlope: Double,
        addedAnnualCost: Double, annualisedOneTimeCost: Double
    ) -> BreakEvenRevenue {
        let slopeReduction = currentSlope - candidateSlope
        guard slopeReduction != 0 else { return .neverByRevenue }
        let currentIntercept = currentLoss - currentSlope * r
        let candidateIntercept = candidateLoss - candidateSlope * r
        let breakEven = (addedAnnualCost + annualisedOneTimeCost - (currentIntercept - candidateIntercept)) / slopeReduction
        if slopeReduction > 0 { return breakEven <= 0 ? .anyRevenue : .revenuePerHour(breakEven) }
        return breakEven <= 0 ? .neverByRevenue : .onlyBelowRevenuePerHour(breakEven)
    }
}
