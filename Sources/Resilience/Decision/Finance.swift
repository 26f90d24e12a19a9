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

/// Revenue per hour at which an upgrade breaks even (§B.9).
public enum BreakEvenRevenue: Sendable, Hashable {
    /// R*: the upgrade pays for itself above this revenue per hour.
    case revenuePerHour(Double)
    /// R* ≤ 0: justified at any revenue.
    case anyRevenue
    /// The upgrade does not reduce revenue-driven loss (a_c − a_u ≤ 0): revenue never justifies it.
    case neverByRevenue
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

    /// R* = (ΔC + I_u·CRF − (b_c − b_u)) / (a_c − a_u), with EAL_s = a_s·R + b_s.
    public static func breakEvenRevenue(
        revenuePerHour r: Double, currentLoss: Double, currentSlope: Double, candidateLoss: Double, candidateSlope: Double,
        addedAnnualCost: Double, annualisedOneTimeCost: Double
    ) -> BreakEvenRevenue {
        let slopeReduction = currentSlope - candidateSlope
        guard slopeReduction > 0 else { return .neverByRevenue }
        let currentIntercept = currentLoss - currentSlope * r
        let candidateIntercept = candidateLoss - candidateSlope * r
        let breakEven = (addedAnnualCost + annualisedOneTimeCost - (currentIntercept - candidateIntercept)) / slopeReduction
        return breakEven <= 0 ? .anyRevenue : .revenuePerHour(breakEven)
    }
}
