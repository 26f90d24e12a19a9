public import PolicyEngine

/// Maps application-register records (`type: application`, snake_case fields) to model inputs.
/// The field list is in docs/downtime-model.md ("Register mapping").
public enum ApplicationRegister {
    /// The resource type of application records.
    public static let resourceType = "application"

    /// The active applications among `resources`, as model inputs.
    /// - Parameters:
    ///   - drCosts: DR-tagged billing spend over the last 12 months, by application id.
    ///   - asOf: used to age `dr.last_test_date` when the record has no `dr.test_age_days`.
    ///   - drCostRefusals: why billed DR spend cannot be used (several currencies without rates), by application id.
    public static func inputs(from resources: [Resource], drCosts: [String: FixedDecimal] = [:], drCostRefusals: [String: String] = [:],
                              asOf: CivilDate? = nil) throws(ResilienceError)
        -> [ApplicationInput]
    {
        var inputs: [ApplicationInput] = []
        for resource in resources where resource.type == resourceType {
            guard var input = try input(from: resource, drCost: drCosts[applicationID(of: resource)], asOf: asOf) else { continue }
            input.recovery.billingCostRefusal = drCostRefusals[input.id]
            inputs.append(input)
        }
        return inputs
    }

    /// The application id of a record: `name`, else the resource id.
    public static func applicationID(of resource: Resource) -> String {
        resource.document["name"]?.keyText.flatMap { $0.isEmpty ? nil : $0 } ?? resource.id
    }

    /// One record as a model input; nil for retired applications.
    public static func input(from resource: Resource, drCost: FixedDecimal?, asOf: CivilDate?) throws(ResilienceError) -> ApplicationInput? {
        let id = applicationID(of: resource)
        let fields = RegisterFields(application: id, source: resource.source, object: resource.document.objectValue ?? Fields())
        switch try fields.text("status")?.lowercased() {
        case nil, "active": break
        case "retired": return nil
        case let other?: throw fields.error("status", "expected 'active' or 'retired', got '\(other)'")
        }
        var input = ApplicationInput(id: id, source: resource.source)
        input.tier = try tier(fields)
        input.rtoTargetHours = try fields.number("rto_target_hours")
        input.rpoTargetHours = try fields.number("rpo_target_hours")
        input.revenuePerHour = try fields.number("revenue_per_hour")
        input.revenueHoursPerWeek = try fields.number("revenue_hours_per_week")
        input.revenueDependency = try fields.number("revenue_dependency")
        input.revenueRecapture = try fields.number("revenue_recapture")
        input.marginFactor = try fields.number("margin_factor")
        input.dependentEmployees = try fields.number("dependent_employees")
        input.loadedHourlyCost = try fields.number("loaded_hourly_cost")
        input.productivityImpact = try fields.number("productivity_impact")
        input.workHoursPerWeek = try fields.number("work_hours_per_week")
        input.responders = try fields.number("responders")
        input.responderHourlyCost = try fields.number("responder_hourly_cost")
        input.fixedCostPerIncident = try fields.number("fixed_cost_per_incident")
        input.dataValuePerHour = try fields.number("data_value_per_hour")
        input.slaMonthlyRevenue = try fields.number("sla_monthly_revenue")
        input.slaCreditTiers = try creditTiers(fields)
        input.reputationThresholdHours = try fields.number("reputation_threshold_hours")
        input.reputationLossPerEvent = try fields.number("reputation_loss_per_event")
        input.productionAnnualSpend = try fields.money("production_annual_spend")
        let dr = try fields.nested("dr") ?? RegisterFields(application: id, source: resource.source, object: Fields(), prefix: "dr.")
        input.scenarios = try scenarios(fields, dr: dr)
        let posture = try RecoveryPostureReader(dr: dr, asOf: asOf)
        input.recovery = posture.posture
        input.recovery.annualCostFromBilling = drCost
        input.assumedFields = posture.assumed
        return input
    }

    // MARK: - Fields

    static func tier(_ fields: RegisterFields) throws(ResilienceError) -> ApplicationTier? {
        guard let text = try fields.text("tier") else { return nil }
        let key = text.lowercased()
        if let tier = ApplicationTier(rawValue: key) { return tier }
        if let number = Double(key), number == number.rounded(), (0...3).contains(number) {
            return ApplicationTier.allCases[Int(number)]
        }
        throw fields.error("tier", "expected tier0…tier3 or 0…3, got '\(text)'")
    }

    static func creditTiers(_ fields: RegisterFields) throws(ResilienceError) -> [SLACreditTier]? {
        guard let items = try fields.array("sla_credit_tiers") else { return nil }
        var tiers: [SLACreditTier] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else {
                throw fields.error("sla_credit_tiers[\(index)]", "expected an object {threshold, credit}, got \(item.kindName)")
            }
            let tier = RegisterFields(
                application: fields.application, source: fields.source, object: object, prefix: fields.prefix + "sla_credit_tiers[\(index)].")
            guard let threshold = try tier.number("threshold") else { throw tier.error("threshold", "is required") }
            guard let credit = try tier.number("credit") else { throw tier.error("credit", "is required") }
            tiers.append(SLACreditTier(threshold: threshold, credit: credit))
        }
        return tiers
    }

    /// `scenarios:` at the top level of the record or under `dr:`; nil for the placeholder library.
    static func scenarios(_ fields: RegisterFields, dr: RegisterFields) throws(ResilienceError) -> [Scenario]? {
        let owner = fields.raw("scenarios") != nil ? fields : dr
        guard let items = try owner.array("scenarios") else { return nil }
        var scenarios: [Scenario] = []
        for (index, item) in items.enumerated() {
            let field = "scenarios[\(index)]"
            guard let object = item.objectValue else { throw owner.error(field, "expected an object, got \(item.kindName)") }
            let scenario = RegisterFields(application: owner.application, source: owner.source, object: object, prefix: owner.prefix + field + ".")
            scenarios.append(try ScenarioReader.scenario(scenario))
        }
        return scenarios
    }
}
