/// Availability arithmetic (§B.6). Independence of failures is assumed throughout, so parallel and
/// multi-region figures are upper bounds when failures are correlated.
public enum Availability {
    /// Downtime minutes per 365-day year at availability `a`.
    public static func downtimeMinutesPerYear(_ a: Double) -> Double { (1 - a) * DowntimeCalendar.minutesPerYear }

    /// Downtime minutes in a 730-hour month at availability `a`.
    public static func downtimeMinutesPer730HourMonth(_ a: Double) -> Double { (1 - a) * DowntimeCalendar.hoursPerMonth * 60 }

    /// Downtime minutes in a 30-day month at availability `a`.
    public static func downtimeMinutesPer30DayMonth(_ a: Double) -> Double { (1 - a) * 30 * 24 * 60 }

    /// Components in series: Π Aᵢ.
    public static func serial(_ components: [Double]) -> Double {
        components.reduce(1, *)
    }

    /// Redundant components (any one suffices): 1 − Π(1 − Aᵢ).
    public static func parallel(_ components: [Double]) -> Double {
        1 - components.reduce(1) { $0 * (1 - $1) }
    }

    /// `regions` copies of a deployment with availability `n` behind a router: A_router·(1 − (1 − N)^R).
    public static func multiRegion(_ n: Double, regions: Int, router: Double) -> Double {
        var unavailable = 1.0
        for _ in 0..<max(regions, 0) { unavailable *= 1 - n }
        return router * (1 - unavailable)
    }

    /// A = MTBF/(MTBF + MTTR).
    public static func fromMTBF(_ mtbfHours: Double, mttrHours: Double) -> Double {
        mtbfHours / (mtbfHours + mttrHours)
    }

    /// Failures per year: 8,760/(MTBF + MTTR).
    public static func failuresPerYear(mtbfHours: Double, mttrHours: Double) -> Double {
        DowntimeCalendar.hoursPerYear / (mtbfHours + mttrHours)
    }

    /// Active/passive expected downtime per year: λ·(p·T_failover + (1 − p)·MTTR).
    public static func activePassiveDowntimeHours(rate: Double, failoverHours: Double, successProbability p: Double, mttrHours: Double) -> Double {
        rate * (p * failoverHours + (1 - p) * mttrHours)
    }

    /// 1 − E[DT_year]/8,760.
    public static func implied(byDowntimeHoursPerYear downtime: Double) -> Double {
        1 - downtime / DowntimeCalendar.hoursPerYear
    }
}
