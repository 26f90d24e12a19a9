public import PolicyEngine

/// A scenario after validation, with its duration distribution fitted.
public struct ResolvedScenario: Sendable, Hashable {
    /// The scenario as given.
    public var scenario: Scenario
    /// D0.
    public var duration: LognormalDuration
    /// Backup interval (corruption).
    public var backupIntervalHours: Double
    /// Detection lag (corruption).
    public var detectionLagHours: Double
}

/// An application ready to simulate: inputs validated, defaults applied and listed, strategy options built.
public struct ApplicationModel: Sendable {
    /// The application id.
    public var id: String
    /// The tier.
    public var tier: ApplicationTier
    /// Where the register record came from.
    public var source: SourceReference?
    /// T_RTO.
    public var rtoTargetHours: Double
    /// T_RPO.
    public var rpoTargetHours: Double
    /// Loss terms that do not depend on the strategy.
    public var terms: LossTerms
    /// (H_rev/168)·ρ·(1 − κ)·m: revenue lost per hour of outage per unit of R (for break-even R*).
    public var revenueExposure: Double
    /// R.
    public var revenuePerHour: Double
    /// Scenarios in list order (stream k = index).
    public var scenarios: [ResolvedScenario]
    /// The strategy options; the current strategy first.
    public var options: [StrategyOption]
    /// [A] defaults relied on because the register did not give the value.
    public var placeholders: [Placeholder]
    /// Warnings about the inputs.
    public var inputWarnings: [ModelWarning]

    /// The current strategy's option (always first).
    public var current: StrategyOption { options[0] }

    /// Validates `input`, applies the §B.1 defaults and builds the options: the current strategy with
    /// its actual test evidence, then every strategy of §B.1.3 as a candidate tested on the planned
    /// cadence (`none` only when it is not already current).
    public init(resolving input: ApplicationInput, settings: ModelSettings) throws(ResilienceError) {
        var resolver = InputResolver(application: input.id, source: input.source)
        for assumed in input.assumedFields { resolver.assume(assumed.field, assumed.value) }
        guard !input.id.isEmpty else { throw resolver.error("name", "must be a non-empty application id") }
        id = input.id
        source = input.source
        tier = resolver.defaulted(input.tier, field: "tier", default: .tier2, text: { $0.rawValue })
        rtoTargetHours = try resolver.value(input.rtoTargetHours, "rto_target_hours", default: tier.defaultRTOTargetHours, .openClosed(0, 720))
        rpoTargetHours = try resolver.value(input.rpoTargetHours, "rpo_target_hours", default: tier.defaultRPOTargetHours, .closed(0, 720))

        let revenue = try resolver.value(input.revenuePerHour, "revenue_per_hour", default: 0, .closed(0, 1e9), sourced: true)
        let revenueHours = try resolver.value(input.revenueHoursPerWeek, "revenue_hours_per_week", default: 168, .closed(1, 168), sourced: true)
        let dependency = try resolver.value(input.revenueDependency, "revenue_dependency", default: 1, .closed(0, 1), sourced: true)
        let recapture = try resolver.value(input.revenueRecapture, "revenue_recapture", default: 0, .closedOpen(0, 1))
        let margin = try resolver.value(input.marginFactor, "margin_factor", default: 1, .openClosed(0, 1))
        let employees = try resolver.value(input.dependentEmployees, "dependent_employees", default: 0, .closed(0, 1e6), sourced: true, integer: true)
        let loaded = try resolver.value(input.loadedHourlyCost, "loaded_hourly_cost", default: 47.20, .closed(0, 1000), sourced: true)
        let impact = try resolver.value(input.productivityImpact, "productivity_impact", default: 0.5, .closed(0, 1))
        let workHours = try resolver.value(input.workHoursPerWeek, "work_hours_per_week", default: 40, .closed(1, 168))
        let responders = try resolver.value(input.responders, "responders", default: 4, .closed(0, 1000))
        let responderCost = try resolver.value(input.responderHourlyCost, "responder_hourly_cost", default: 2 * loaded, .closed(0, 2000))
        let rates = HourlyRates(
            revenuePerHour: revenue, revenueHoursPerWeek: revenueHours, revenueDependency: dependency, revenueRecapture: recapture,
            marginFactor: margin, dependentEmployees: employees, loadedHourlyCost: loaded, productivityImpact: impact,
            workHoursPerWeek: workHours, responders: responders, responderHourlyCost: responderCost)
        revenuePerHour = revenue
        revenueExposure = (revenueHours / 168) * dependency * (1 - recapture) * margin
        let tiers = try resolver.creditTiers(input.slaCreditTiers)
        terms = LossTerms(
            rates: rates,
            fixedCostPerIncident: try resolver.value(input.fixedCostPerIncident, "fixed_cost_per_incident", default: 0, .atLeast(0)),
            dataValuePerHour: try resolver.value(input.dataValuePerHour, "data_value_per_hour", default: 0, .atLeast(0)),
            reputationThresholdHours: try resolver.value(input.reputationThresholdHours, "reputation_threshold_hours", default: 4, .above(0)),
            reputationLossPerEvent: try resolver.value(input.reputationLossPerEvent, "reputation_loss_per_event", default: 0, .atLeast(0)),
            slaMonthlyRevenue: try resolver.value(input.slaMonthlyRevenue, "sla_monthly_revenue", default: 0, .atLeast(0)),
            slaCreditTiers: tiers)
        let productionSpend = try resolver.optionalMoney(input.productionAnnualSpend, "production_annual_spend")
        scenarios = try resolver.scenarios(input.scenarios)
        options = try resolver.options(input.recovery, productionSpend: productionSpend, settings: settings)
        if recapture > 0.8 {
            resolver.warn("recapture_high", "revenue_recapture \(recapture) > 0.8: most lost revenue is assumed to come back later")
        }
        let writesAtRisk = options.contains { $0.kind != .noDR && $0.parameters.rpoHours > 0 }
            || scenarios.contains { $0.scenario.kind == .corruption }
        if terms.dataValuePerHour == 0 && writesAtRisk {
            resolver.warn("data_value_zero", "data_value_per_hour is 0 although recovery points lose writes: data loss is valued at nothing")
        }
        placeholders = resolver.placeholders
        inputWarnings = resolver.warnings
    }
}
