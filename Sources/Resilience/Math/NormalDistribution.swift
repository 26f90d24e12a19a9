#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution: Acklam's inverse CDF (as the reference stream uses it) and
/// the CDF through `erfc` for the closed-form expectations.
public enum NormalDistribution {
    private static let a0 = -3.969683028665376e+01
    private static let a1 = 2.209460984245205e+02
    private static let a2 = -2.759285104469687e+02
    private static let a3 = 1.383577518672690e+02
    private static let a4 = -3.066479806614716e+01
    private static let a5 = 2.506628277459239e+00
    private static let b0 = -5.447609879822406e+01
    private static let b1 = 1.615858368580409e+02
    private static let b2 = -1.556989798598866e+02
    private static let b3 = 6.680131188771972e+01
    private static let b4 = -1.328068155288572e+01
    private static let c0 = -7.784894002430293e-03
    private static let c1 = -3.223964580411365e-01
    private static let c2 = -2.400758277161838e+00
    private static let c3 = -2.549732539343734e+00
    private static let c4 = 4.374664141464968e+00
    private static let c5 = 2.938163982698783e+00
    private static let d0 = 7.784695709041462e-03
    private static let d1 = 3.224671290700398e-01
    private static let d2 = 2.445134137142996e+00
    private static let d3 = 3.754408661907416e+00
    private static let pLow = 0.02425

    /// Φ⁻¹(p) by Acklam's rational approximation without a refinement step, with the Horner order
    /// of DOWNTIME-MODEL §B.8 (changing the order changes the last bits and breaks stream parity).
    /// `p` must lie in (0, 1); the simulation's uniforms always do.
    @inline(__always)
    public static func inverseCDF(_ p: Double) -> Double {
        if p < pLow {
            let q = (-2 * log(p)).squareRoot()
            return tail(q)
        }
        if p <= 1 - pLow {
            let q = p - 0.5
            let r = q * q
            let numerator = (((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q
            let denominator = ((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1
            return numerator / denominator
        }
        let q = (-2 * log(1 - p)).squareRoot()
        return -tail(q)
    }

    @inline(__always)
    private static func tail(_ q: Double) -> Double {
        let numerator = ((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5
        let denominator = (((d0 * q + d1) * q + d2) * q + d3) * q + 1
        return numerator / denominator
    }

    /// Φ(x), the standard normal CDF (Φ(−∞) = 0, Φ(+∞) = 1).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }
}
