/// The hourly cost of an outage (§B.1.1 derived rates).
public struct HourlyRates: Sendable, Hashable {
    /// h_rev = R·(H_rev/168)·ρ·(1 − κ)·m.
    public var revenue: Double
    /// h_prod = E·w·f·(H_work/168).
    public var productivity: Double
    /// h_resp = n_r·w_r.
    public var response: Double

    /// Creates rates.
    public init(revenue: Double, productivity: Double, response: Double) {
        self.revenue = revenue
        self.productivity = productivity
        self.response = response
    }

    /// Computes the rates from the inputs, in the reference's evaluation order.
    public init(
        revenuePerHour: Double, revenueHoursPerWeek: Double, revenueDependency: Double, revenueRecapture: Double,
        marginFactor: Double, dependentEmployees: Double, loadedHourlyCost: Double, productivityImpact: Double,
        workHoursPerWeek: Double, responders: Double, responderHourlyCost: Double
    ) {
        revenue = revenuePerHour * (revenueHoursPerWeek / 168) * revenueDependency * (1 - revenueRecapture) * marginFactor
        productivity = dependentEmployees * loadedHourlyCost * productivityImpact * (workHoursPerWeek / 168)
        response = responders * responderHourlyCost
    }

    /// h = h_rev + h_prod + h_resp.
    public var total: Double { revenue + productivity + response }
}

/// The loss terms of one application that do not depend on the strategy (§B.2, §B.3).
public struct LossTerms: Sendable, Hashable {
    /// Hourly outage cost.
    public var rates: HourlyRates
    /// C_fix per incident.
    public var fixedCostPerIncident: Double
    /// V_d per hour of lost writes.
    public var dataValuePerHour: Double
    /// τ in hours (strict: an outage longer than τ incurs S_rep).
    public var reputationThresholdHours: Double
    /// S_rep per event.
    public var reputationLossPerEvent: Double
    /// M per month.
    public var slaMonthlyRevenue: Double
    /// Credit tiers.
    public var slaCreditTiers: [SLACreditTier]

    /// Creates loss terms.
    public init(
        rates: HourlyRates, fixedCostPerIncident: Double = 0, dataValuePerHour: Double = 0, reputationThresholdHours: Double = 4,
        reputationLossPerEvent: Double = 0, slaMonthlyRevenue: Double = 0,
        slaCreditTiers: [SLACreditTier] = SLACreditTier.awsRegionTemplate
    ) {
        self.rates = rates
        self.fixedCostPerIncident = fixedCostPerIncident
        self.dataValuePerHour = dataValuePerHour
        self.reputationThresholdHours = reputationThresholdHours
        self.reputationLossPerEvent = reputationLossPerEvent
        self.slaMonthlyRevenue = slaMonthlyRevenue
        self.slaCreditTiers = slaCreditTiers
    }

    /// L_event = d·h + C_fix + W·V_d + S_rep·[d > τ], summed left to right as the reference does.
    @inline(__always)
    public func eventLoss(durationHours d: Double, lostWriteHours w: Double, hourly h: Double) -> Double {
        d * h + fixedCostPerIncident + w * dataValuePerHour + (d > reputationThresholdHours ? reputationLossPerEvent : 0)
    }

    /// The credit share owed for one month with `downtimeHours` of outage: A = 1 − min(DT, 730)/730,
    /// c(A) = max{pct : A < thr} (strict), 0 if none.
    public func creditShare(monthDowntimeHours downtimeHours: Double) -> Double {
        let availability = 1 - min(downtimeHours, DowntimeCalendar.hoursPerMonth) / DowntimeCalendar.hoursPerMonth
        var share = 0.0
        for tier in slaCreditTiers where availability < tier.threshold { share = max(share, tier.credit) }
        return share
    }

    /// SLA credits for one month: M·c(A).
    public func monthlyCredit(monthDowntimeHours downtimeHours: Double) -> Double {
        slaMonthlyRevenue * creditShare(monthDowntimeHours: downtimeHours)
    }
}

/// The calendar conventions of §B.0.
public enum DowntimeCalendar {
    /// A year is 8,760 h.
    public static let hoursPerYear = 8_760.0
    /// A month is 730 h (8,760/12).
    public static let hoursPerMonth = 730.0
    /// Minutes in a 365-day year.
    public static let minutesPerYear = 525_600.0
}
