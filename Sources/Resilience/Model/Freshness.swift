#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a strategy's test freshness rests on (§B.5).
public enum FreshnessBasis: Sendable, Hashable {
    /// `none` never fails over, so freshness does not apply.
    case notApplicable
    /// Never tested (or only tabletop exercises): φ = 0.
    case untested
    /// The last test failed: φ = 0 until a later pass.
    case failedTest(ageDays: Int)
    /// A passing full or partial test `ageDays` ago (point-in-time decay; partial halves φ).
    case passedTest(ageDays: Int, partial: Bool)
    /// A candidate tested every `cadenceDays` (cycle-average decay).
    case cadence(days: Double)
    /// Active/active with live traffic in every region: exercised continuously, φ = 1.
    case continuous
}

/// Test-freshness decay, failover success probability and RTO inflation (§B.5, all [A]).
public enum Freshness {
    /// φ = exp(−a/τ) for a test `ageDays` old.
    public static func pointInTime(ageDays: Double, tauDays: Double) -> Double {
        exp(-ageDays / tauDays)
    }

    /// φ = (τ/T)(1 − exp(−T/τ)): the average freshness over a test cycle of `cadenceDays`.
    public static func cycleAverage(cadenceDays: Double, tauDays: Double) -> Double {
        (tauDays / cadenceDays) * (1 - exp(-cadenceDays / tauDays))
    }

    /// φ for a basis under the strategy's decay constant.
    public static func freshness(_ basis: FreshnessBasis, tauDays: Double) -> Double {
        switch basis {
        case .notApplicable, .untested, .failedTest: return 0
        case .passedTest(let age, let partial):
            let phi = pointInTime(ageDays: Double(age), tauDays: tauDays)
            return partial ? 0.5 * phi : phi
        case .cadence(let days): return cycleAverage(cadenceDays: days, tauDays: tauDays)
        case .continuous: return 1
        }
    }

    /// p(φ) = pFloor + (pMax − pFloor)·φ.
    public static func successProbability(freshness phi: Double, parameters: StrategyParameters) -> Double {
        parameters.pFloor + (parameters.pMax - parameters.pFloor) * phi
    }

    /// k(φ) = 1 + (kUntested − 1)(1 − φ): RTO_eff = RTO·k.
    public static func rtoMultiplier(freshness phi: Double, parameters: StrategyParameters) -> Double {
        1 + (parameters.kUntested - 1) * (1 - phi)
    }
}
