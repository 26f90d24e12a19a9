/// The `downtime` section of a run result: the downtime financial-impact model's output (schema in
/// docs/downtime-model.md, "JSON output"). `Resilience` fills it from its assessments and encodes
/// it, `Reports` and `History` decode it; this type is the one encoder and the one (strict) decoder.
///
/// The model writes every member of an object it writes, `null` for a figure that is not finite
/// (the ∞ RTO of `none`, a money amount beyond range); an optional property here is such a figure,
/// or a member the schema lets a section leave out (a hand-written or older section), and encodes
/// as `null` — except the members the model itself writes only sometimes (`dr_region`,
/// `cost_basis`, `dependencies`, `availability`, a recommendation's figures, a test's age), which
/// are left out when nil. Decoding is strict: a member of the wrong type, or one the schema does
/// not name, is a `SectionError` naming its path (`sections.downtime.applications[0].strategies[1].p95`).
/// Money is an exact decimal rounded to cents (a string in JSON), in the section's `currency`.
public struct DowntimeModelSection: Sendable, Equatable {
    /// The key in `RunResult.sections`.
    public static let key = SectionKey.downtime
    /// Version of the section schema.
    public static let currentSchemaVersion = 1

    /// The model's settings in force.
    public struct Settings: Sendable, Equatable {
        public var trials: Int?
        /// The random seed, as text (a `UInt64` beyond a double's exact range).
        public var seed: String?
        public var discountRate: Double?
        public var horizonYears: Int?
        /// The largest acceptable P95 loss; nil (null) without one.
        public var riskAppetiteP95: FixedDecimal?
        /// The probabilities of the loss-exceedance curve's points.
        public var lecProbabilities: [Double]
        public var defaultCandidateCadenceDays: Double?
        /// True when the run named no currency and the model assumed the spec's default.
        public var currencyAssumed: Bool?
        /// Steps of the analytic SLA's integration grid.
        public var analyticSLAGridSteps: Int?

        /// Creates the settings.
        public init(trials: Int?, seed: String?, discountRate: Double?, horizonYears: Int?, riskAppetiteP95: FixedDecimal?,
                    lecProbabilities: [Double], defaultCandidateCadenceDays: Double?, currencyAssumed: Bool?, analyticSLAGridSteps: Int?) {
            self.trials = trials
            self.seed = seed
            self.discountRate = discountRate
            self.horizonYears = horizonYears
            self.riskAppetiteP95 = riskAppetiteP95
            self.lecProbabilities = lecProbabilities
            self.defaultCandidateCadenceDays = defaultCandidateCadenceDays
            self.currencyAssumed = currencyAssumed
            self.analyticSLAGridSteps = analyticSLAGridSteps
        }

        static let members: Set<String> = ["trials", "seed", "discount_rate", "horizon_years", "risk_appetite_p95", "lec_probabilities",
                                           "default_candidate_cadence_days", "currency_assumed", "analytic_sla_grid_steps"]

        var value: Value {
            var fields = Fields()
            fields["trials"] = .count(trials)
            fields["seed"] = .text(seed)
            fields["discount_rate"] = .figure(discountRate)
            fields["horizon_years"] = .count(horizonYears)
            fields["risk_appetite_p95"] = .money(riskAppetiteP95)
            fields["lec_probabilities"] = .array(lecProbabilities.map(Value.number))
            fields["default_candidate_cadence_days"] = .figure(defaultCandidateCadenceDays)
            fields["currency_assumed"] = .flag(currencyAssumed)
            fields["analytic_sla_grid_steps"] = .count(analyticSLAGridSteps)
            return .object(fields)
        }

        init(decoding settings: SectionReader) throws(SectionError) {
            try settings.requireKnownMembers(Self.members)
            self.init(trials: try settings.wholeNumber("trials"), seed: try settings.text("seed"), discountRate: try settings.number("discount_rate"),
                      horizonYears: try settings.wholeNumber("horizon_years"), riskAppetiteP95: try settings.money("risk_appetite_p95"),
                      lecProbabilities: try settings.numbers("lec_probabilities"),
                      defaultCandidateCadenceDays: try settings.number("default_candidate_cadence_days"),
                      currencyAssumed: try settings.bool("currency_assumed"), analyticSLAGridSteps: try settings.wholeNumber("analytic_sla_grid_steps"))
        }
    }

    /// A strategy's parameters (the [A] assumptions of the model's §B.1.3).
    public struct Parameters: Sendable, Equatable {
        /// nil (null) when not finite (`none` has no recovery).
        public var rtoHours: Double?
        public var rpoHours: Double?
        /// `continuous`, `interval`, … (the RPO model).
        public var rpoModel: String?
        public var pMax: Double?
        public var pFloor: Double?
        public var costRatio: Double?
        public var declarationDelayHours: Double?
        public var kUntested: Double?
        public var tauDays: Double?

        /// Creates the parameters.
        public init(rtoHours: Double?, rpoHours: Double?, rpoModel: String?, pMax: Double?, pFloor: Double?, costRatio: Double?,
                    declarationDelayHours: Double?, kUntested: Double?, tauDays: Double?) {
            self.rtoHours = rtoHours
            self.rpoHours = rpoHours
            self.rpoModel = rpoModel
            self.pMax = pMax
            self.pFloor = pFloor
            self.costRatio = costRatio
            self.declarationDelayHours = declarationDelayHours
            self.kUntested = kUntested
            self.tauDays = tauDays
        }

        static let members: Set<String> = ["rto_hours", "rpo_hours", "rpo_model", "p_max", "p_floor", "cost_ratio", "declaration_delay_hours",
                                           "k_untested", "tau_days"]

        var value: Value {
            var fields = Fields()
            fields["rto_hours"] = .figure(rtoHours)
            fields["rpo_hours"] = .figure(rpoHours)
            fields["rpo_model"] = .text(rpoModel)
            fields["p_max"] = .figure(pMax)
            fields["p_floor"] = .figure(pFloor)
            fields["cost_ratio"] = .figure(costRatio)
            fields["declaration_delay_hours"] = .figure(declarationDelayHours)
            fields["k_untested"] = .figure(kUntested)
            fields["tau_days"] = .figure(tauDays)
            return .object(fields)
        }

        init(decoding parameters: SectionReader) throws(SectionError) {
            try parameters.requireKnownMembers(Self.members)
            self.init(rtoHours: try parameters.number("rto_hours"), rpoHours: try parameters.number("rpo_hours"),
                      rpoModel: try parameters.text("rpo_model"), pMax: try parameters.number("p_max"), pFloor: try parameters.number("p_floor"),
                      costRatio: try parameters.number("cost_ratio"), declarationDelayHours: try parameters.number("declaration_delay_hours"),
                      kUntested: try parameters.number("k_untested"), tauDays: try parameters.number("tau_days"))
        }
    }

    /// The portfolio's totals over every application.
    public struct Portfolio: Sendable, Equatable {
        /// Applications assessed.
        public var applications: Int?
        /// Sum of the current strategies' expected annual losses.
        public var expectedAnnualLossCurrent: FixedDecimal?
        /// Sum of the recommended strategies' expected annual losses.
        public var expectedAnnualLossRecommended: FixedDecimal?
        /// Expected loss + DR cost (run, tests, annualised one-time) today: what the decision minimises.
        public var totalCostOfRiskCurrent: FixedDecimal?
        /// The same with the recommended strategies.
        public var totalCostOfRiskRecommended: FixedDecimal?

        /// Creates the totals.
        public init(applications: Int?, expectedAnnualLossCurrent: FixedDecimal?, expectedAnnualLossRecommended: FixedDecimal?,
                    totalCostOfRiskCurrent: FixedDecimal?, totalCostOfRiskRecommended: FixedDecimal?) {
            self.applications = applications
            self.expectedAnnualLossCurrent = expectedAnnualLossCurrent
            self.expectedAnnualLossRecommended = expectedAnnualLossRecommended
            self.totalCostOfRiskCurrent = totalCostOfRiskCurrent
            self.totalCostOfRiskRecommended = totalCostOfRiskRecommended
        }

        var value: Value {
            var fields = Fields()
            fields["applications"] = .count(applications)
            fields["expected_annual_loss_current"] = .money(expectedAnnualLossCurrent)
            fields["expected_annual_loss_recommended"] = .money(expectedAnnualLossRecommended)
            fields["total_cost_of_risk_current"] = .money(totalCostOfRiskCurrent)
            fields["total_cost_of_risk_recommended"] = .money(totalCostOfRiskRecommended)
            return .object(fields)
        }

        init(decoding portfolio: SectionReader) throws(SectionError) {
            try portfolio.requireKnownMembers(["applications", "expected_annual_loss_current", "expected_annual_loss_recommended",
                                               "total_cost_of_risk_current", "total_cost_of_risk_recommended"])
            self.init(applications: try portfolio.wholeNumber("applications"),
                      expectedAnnualLossCurrent: try portfolio.money("expected_annual_loss_current"),
                      expectedAnnualLossRecommended: try portfolio.money("expected_annual_loss_recommended"),
                      totalCostOfRiskCurrent: try portfolio.money("total_cost_of_risk_current"),
                      totalCostOfRiskRecommended: try portfolio.money("total_cost_of_risk_recommended"))
        }
    }

    /// The section's schema version (`currentSchemaVersion`; another is an error).
    public var schemaVersion: Int
    /// ISO 4217 code of every amount; nil (null) when the run named none and the model assumed the
    /// spec's default (`settings.currency_assumed`).
    public var currency: String?
    /// The run's as-of date (`YYYY-MM-DD`; test ages are relative to it).
    public var asOf: String
    /// The settings in force; nil in a section that does not state them.
    public var settings: Settings?
    /// The parameters of each strategy kind but `none`, by kind.
    public var strategyAssumptions: [String: Parameters]
    /// The totals; nil in a section that does not state them.
    public var portfolio: Portfolio?
    /// The applications, in register order.
    public var applications: [Application]

    /// Creates the section.
    public init(schemaVersion: Int = Self.currentSchemaVersion, currency: String?, asOf: String, settings: Settings?,
                strategyAssumptions: [String: Parameters], portfolio: Portfolio?, applications: [Application]) {
        self.schemaVersion = schemaVersion
        self.currency = currency
        self.asOf = asOf
        self.settings = settings
        self.strategyAssumptions = strategyAssumptions
        self.portfolio = portfolio
        self.applications = applications
    }

    // MARK: - Encoding

    /// The section's JSON value.
    public var value: Value {
        var fields = Fields()
        fields["schema_version"] = .number(Double(schemaVersion))
        fields["currency"] = .text(currency)
        fields["as_of"] = .string(asOf)
        fields["settings"] = settings?.value ?? .null
        fields["strategy_assumptions"] = .object(Fields(strategyAssumptions.map { ($0.key, $0.value.value) }))
        fields["portfolio"] = portfolio?.value ?? .null
        fields["applications"] = .array(applications.map(\.value))
        return .object(fields)
    }

    // MARK: - Decoding

    /// Decodes the section strictly: a member of the wrong type, a missing required one (an
    /// application's `id`, a strategy's `key`) or one the schema does not name is an error naming
    /// its path (`sections.downtime.applications[0].strategies[1].compliance.meets_rto`).
    public init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(Self.key.rawValue)")
        try section.requireKnownMembers(["schema_version", "currency", "as_of", "settings", "strategy_assumptions", "portfolio", "applications"])
        schemaVersion = try section.requiredWholeNumber("schema_version")
        guard schemaVersion == Self.currentSchemaVersion else {
            throw SectionError(path: section.path + ".schema_version", expected: "\(Self.currentSchemaVersion) (the schema this build reads)",
                               found: String(schemaVersion))
        }
        currency = try section.text("currency")
        asOf = try section.requiredText("as_of")
        settings = try section.object("settings").map { settings throws(SectionError) in try Settings(decoding: settings) }
        var assumptions: [String: Parameters] = [:]
        if let members = try section.object("strategy_assumptions") {
            for kind in members.keys {
                guard let parameters = try members.object(kind) else { continue }
                assumptions[kind] = try Parameters(decoding: parameters)
            }
        }
        strategyAssumptions = assumptions
        portfolio = try section.object("portfolio").map { portfolio throws(SectionError) in try Portfolio(decoding: portfolio) }
        applications = try section.array("applications").map { application throws(SectionError) in try Application(decoding: application) }
    }
}

// MARK: - Applications

extension DowntimeModelSection {
    /// One application's assessment.
    public struct Application: Sendable, Equatable {
        /// The register's application id.
        public var id: String
        /// Its tier (`tier0` …).
        public var tier: String?
        /// Where the register defines it (`file:line`); nil (null) when unknown.
        public var source: String?
        public var rtoTargetHours: Double?
        public var rpoTargetHours: Double?
        /// Cost of an hour of outage.
        public var hourlyCost: HourlyCost?
        /// The current strategy's kind (`warm_standby`, `none`, …).
        public var currentStrategy: String?
        /// How its run cost was obtained (`billing`, `register`, `default`).
        public var costSource: String?
        /// The current strategy's expected annual loss and quantiles.
        public var expectedAnnualLoss: FixedDecimal?
        public var p50: FixedDecimal?
        public var p90: FixedDecimal?
        public var p95: FixedDecimal?
        public var p99: FixedDecimal?
        /// The current strategy's loss at each of the settings' probabilities.
        public var lossExceedance: [ExceedancePoint]
        /// The current strategy's probability of exceeding fixed losses.
        public var exceedanceProbabilities: [ExceedancePoint]
        /// Every strategy option assessed, the current one first.
        public var strategies: [Strategy]
        public var recommendation: Recommendation?
        public var warnings: [Warning]
        public var placeholdersUsed: Bool?
        /// The spec defaults the model used for inputs the register lacks.
        public var placeholders: [Placeholder]
        /// The Monte Carlo seed (as text) and trials.
        public var seed: String?
        public var trials: Int?
        /// The register's DR region (left out when it names none).
        public var drRegion: String?
        /// How the current strategy's run cost was obtained, in words (left out without billing).
        public var costBasis: String?
        /// Its declared dependencies and what composes through them (left out when it has none
        /// to show: an application the register does not list as active).
        public var dependencies: Dependencies?
        /// Its availability figures (with `dependencies`).
        public var availability: Availability?

        /// The current strategy's option.
        public var current: Strategy? { strategies.first { $0.current ?? ($0.key == "current") } }

        /// Creates an application's entry.
        public init(id: String, tier: String?, source: String?, rtoTargetHours: Double?, rpoTargetHours: Double?, hourlyCost: HourlyCost?,
                    currentStrategy: String?, costSource: String?, expectedAnnualLoss: FixedDecimal?, p50: FixedDecimal?, p90: FixedDecimal?,
                    p95: FixedDecimal?, p99: FixedDecimal?, lossExceedance: [ExceedancePoint], exceedanceProbabilities: [ExceedancePoint],
                    strategies: [Strategy], recommendation: Recommendation?, warnings: [Warning], placeholdersUsed: Bool?,
                    placeholders: [Placeholder], seed: String?, trials: Int?, drRegion: String? = nil, costBasis: String? = nil,
                    dependencies: Dependencies? = nil, availability: Availability? = nil) {
            self.id = id
            self.tier = tier
            self.source = source
            self.rtoTargetHours = rtoTargetHours
            self.rpoTargetHours = rpoTargetHours
            self.hourlyCost = hourlyCost
            self.currentStrategy = currentStrategy
            self.costSource = costSource
            self.expectedAnnualLoss = expectedAnnualLoss
            self.p50 = p50
            self.p90 = p90
            self.p95 = p95
            self.p99 = p99
            self.lossExceedance = lossExceedance
            self.exceedanceProbabilities = exceedanceProbabilities
            self.strategies = strategies
            self.recommendation = recommendation
            self.warnings = warnings
            self.placeholdersUsed = placeholdersUsed
            self.placeholders = placeholders
            self.seed = seed
            self.trials = trials
            self.drRegion = drRegion
            self.costBasis = costBasis
            self.dependencies = dependencies
            self.availability = availability
        }

        static let members: Set<String> = [
            "id", "tier", "source", "rto_target_hours", "rpo_target_hours", "hourly_cost", "current_strategy", "cost_source",
            "expected_annual_loss", "p50", "p90", "p95", "p99", "loss_exceedance", "exceedance_probabilities", "strategies",
            "recommendation", "warnings", "placeholders_used", "placeholders", "seed", "trials", "dr_region", "cost_basis",
            "dependencies", "availability",
        ]

        /// The entry's JSON value.
        public var value: Value {
            var fields = Fields()
            fields["id"] = .string(id)
            fields["tier"] = .text(tier)
            fields["source"] = .text(source)
            fields["rto_target_hours"] = .figure(rtoTargetHours)
            fields["rpo_target_hours"] = .figure(rpoTargetHours)
            fields["hourly_cost"] = hourlyCost?.value ?? .null
            fields["current_strategy"] = .text(currentStrategy)
            fields["cost_source"] = .text(costSource)
            fields["expected_annual_loss"] = .money(expectedAnnualLoss)
            fields["p50"] = .money(p50)
            fields["p90"] = .money(p90)
            fields["p95"] = .money(p95)
            fields["p99"] = .money(p99)
            fields["loss_exceedance"] = .array(lossExceedance.map(\.value))
            fields["exceedance_probabilities"] = .array(exceedanceProbabilities.map(\.value))
            fields["strategies"] = .array(strategies.map(\.value))
            fields["recommendation"] = recommendation?.value ?? .null
            fields["warnings"] = .array(warnings.map(\.value))
            fields["placeholders_used"] = .flag(placeholdersUsed)
            fields["placeholders"] = .array(placeholders.map(\.json))
            fields["seed"] = .text(seed)
            fields["trials"] = .count(trials)
            // Written only when known.
            fields["dr_region"] = drRegion.map(Value.string)
            fields["cost_basis"] = costBasis.map(Value.string)
            fields["dependencies"] = dependencies.map { $0.value(unknown: .null, edges: true) }
            fields["availability"] = availability.map { $0.value(unknown: .null) }
            return .object(fields)
        }

        init(decoding entry: SectionReader) throws(SectionError) {
            try entry.requireKnownMembers(Self.members)
            self.init(
                id: try entry.requiredText("id"), tier: try entry.text("tier"), source: try entry.text("source"),
                rtoTargetHours: try entry.number("rto_target_hours"), rpoTargetHours: try entry.number("rpo_target_hours"),
                hourlyCost: try entry.object("hourly_cost").map { cost throws(SectionError) in try HourlyCost(decoding: cost) },
                currentStrategy: try entry.text("current_strategy"), costSource: try entry.text("cost_source"),
                expectedAnnualLoss: try entry.money("expected_annual_loss"), p50: try entry.money("p50"), p90: try entry.money("p90"),
                p95: try entry.money("p95"), p99: try entry.money("p99"),
                lossExceedance: try ExceedancePoint.list(entry, "loss_exceedance"),
                exceedanceProbabilities: try ExceedancePoint.list(entry, "exceedance_probabilities"),
                strategies: try entry.array("strategies").map { strategy throws(SectionError) in try Strategy(decoding: strategy) },
                recommendation: try entry.object("recommendation").map { recommendation throws(SectionError) in
                    try Recommendation(decoding: recommendation)
                },
                warnings: try entry.array("warnings").map { warning throws(SectionError) in try Warning(decoding: warning) },
                placeholdersUsed: try entry.bool("placeholders_used"),
                placeholders: try entry.array("placeholders").map { placeholder throws(SectionError) in try Placeholder(decoding: placeholder) },
                seed: try entry.text("seed"), trials: try entry.wholeNumber("trials"), drRegion: try entry.text("dr_region"),
                costBasis: try entry.text("cost_basis"),
                dependencies: try entry.object("dependencies").map { dependencies throws(SectionError) in try Dependencies(decoding: dependencies) },
                availability: try entry.object("availability").map { availability throws(SectionError) in try Availability(decoding: availability) })
        }
    }

    /// Cost of an hour of outage, by component.
    public struct HourlyCost: Sendable, Equatable {
        public var revenue: FixedDecimal?
        public var productivity: FixedDecimal?
        public var response: FixedDecimal?
        public var total: FixedDecimal?

        /// Creates the rates.
        public init(revenue: FixedDecimal?, productivity: FixedDecimal?, response: FixedDecimal?, total: FixedDecimal?) {
            self.revenue = revenue
            self.productivity = productivity
            self.response = response
            self.total = total
        }

        var value: Value {
            ["revenue": .money(revenue), "productivity": .money(productivity), "response": .money(response), "total": .money(total)]
        }

        init(decoding cost: SectionReader) throws(SectionError) {
            try cost.requireKnownMembers(["revenue", "productivity", "response", "total"])
            self.init(revenue: try cost.money("revenue"), productivity: try cost.money("productivity"), response: try cost.money("response"),
                      total: try cost.money("total"))
        }
    }

    /// A point of a loss-exceedance curve: the loss and the probability of exceeding it in a year.
    public struct ExceedancePoint: Sendable, Equatable {
        /// nil (null) when not finite.
        public var loss: FixedDecimal?
        public var probability: Double

        /// Creates a point.
        public init(loss: FixedDecimal?, probability: Double) {
            self.loss = loss
            self.probability = probability
        }

        var value: Value { ["loss": .money(loss), "probability": .number(probability)] }

        static func list(_ object: SectionReader, _ key: String) throws(SectionError) -> [ExceedancePoint] {
            try object.array(key).map { point throws(SectionError) in
                try point.requireKnownMembers(["loss", "probability"])
                return ExceedancePoint(loss: try point.money("loss"), probability: try point.requiredNumber("probability"))
            }
        }
    }

    /// A model warning: its code and message.
    public struct Warning: Sendable, Hashable {
        /// Stable identifier (`data_value_zero`, `cross_check`, `gordon_loeb`, …).
        public var code: String
        /// What it means for the reader (the model always writes one; a results file may hold null).
        public var message: String?

        /// Creates a warning.
        public init(code: String, message: String?) {
            self.code = code
            self.message = message
        }

        var value: Value { ["code": .string(code), "message": .text(message)] }

        init(decoding warning: SectionReader) throws(SectionError) {
            try warning.requireKnownMembers(["code", "message"])
            self.init(code: try warning.requiredText("code"), message: try warning.text("message"))
        }
    }

    /// A spec default the model used for an input the register lacks.
    public struct Placeholder: Sendable, Hashable {
        /// The register field (snake_case, dotted for nested fields: `margin_factor`,
        /// `dr.planned_test_cadence_days`).
        public var field: String
        /// The default used, as text.
        public var value: String

        /// Creates a placeholder.
        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }

        var json: Value { ["field": .string(field), "value": .string(value)] }

        init(decoding placeholder: SectionReader) throws(SectionError) {
            try placeholder.requireKnownMembers(["field", "value"])
            self.init(field: try placeholder.requiredText("field"), value: try placeholder.requiredText("value"))
        }
    }

    /// The recommended strategy and why.
    public struct Recommendation: Sendable, Equatable {
        /// The recommended strategy's kind and option key; nil (null) when no strategy meets the targets.
        public var strategy: String?
        public var key: String?
        public var reason: String?
        /// `justified`, `not_justified`, `inconclusive`, or `current` when the current strategy is
        /// recommended; with the figures below, written only with a recommended strategy.
        public var verdict: String?
        public var netAnnualBenefit: FixedDecimal?
        public var npv: FixedDecimal?
        /// Added run cost plus annualised one-time cost of the move.
        public var annualCostChange: FixedDecimal?

        /// Creates a recommendation.
        public init(strategy: String?, key: String?, reason: String?, verdict: String?, netAnnualBenefit: FixedDecimal?, npv: FixedDecimal?,
                    annualCostChange: FixedDecimal?) {
            self.strategy = strategy
            self.key = key
            self.reason = reason
            self.verdict = verdict
            self.netAnnualBenefit = netAnnualBenefit
            self.npv = npv
            self.annualCostChange = annualCostChange
        }

        var value: Value {
            var fields = Fields()
            fields["strategy"] = .text(strategy)
            fields["key"] = .text(key)
            fields["reason"] = .text(reason)
            if strategy != nil {
                fields["verdict"] = .text(verdict)
                fields["net_annual_benefit"] = .money(netAnnualBenefit)
                fields["npv"] = .money(npv)
                fields["annual_cost_change"] = .money(annualCostChange)
            }
            return .object(fields)
        }

        init(decoding recommendation: SectionReader) throws(SectionError) {
            try recommendation.requireKnownMembers(["strategy", "key", "reason", "verdict", "net_annual_benefit", "npv", "annual_cost_change"])
            self.init(strategy: try recommendation.text("strategy"), key: try recommendation.text("key"), reason: try recommendation.text("reason"),
                      verdict: try recommendation.text("verdict"), netAnnualBenefit: try recommendation.money("net_annual_benefit"),
                      npv: try recommendation.money("npv"), annualCostChange: try recommendation.money("annual_cost_change"))
        }
    }
}

// MARK: - Strategies

extension DowntimeModelSection {
    /// One strategy option of an application and its assessment.
    public struct Strategy: Sendable, Equatable {
        /// The option's key (`current`, or the candidate's kind).
        public var key: String
        /// Its kind (`warm_standby`, …).
        public var strategy: String?
        /// Whether it is the application's current strategy.
        public var current: Bool?
        public var parameters: Parameters?
        public var freshness: Freshness?
        public var annualRunCost: FixedDecimal?
        /// How the run cost was obtained.
        public var costSource: String?
        public var testCostPerYear: FixedDecimal?
        public var oneTimeCost: FixedDecimal?
        /// Run cost + test cost per year.
        public var annualCost: FixedDecimal?
        /// Mean, standard deviation, standard error and quantiles of the simulated annual loss.
        public var expectedAnnualLoss: FixedDecimal?
        public var sd: FixedDecimal?
        public var se: FixedDecimal?
        public var p50: FixedDecimal?
        public var p90: FixedDecimal?
        public var p95: FixedDecimal?
        public var p99: FixedDecimal?
        public var max: FixedDecimal?
        public var probabilityOfLoss: Double?
        public var components: Components?
        /// The closed forms (§B.7).
        public var analytic: Analytic?
        public var simulatedDowntimeHours: Double?
        public var impliedAvailability: Double?
        public var simulatedImpliedAvailability: Double?
        /// How closely simulation and closed form agree, and which closed form was compared.
        public var crossCheckScore: Double?
        public var crossCheckBasis: String?
        /// nil (null) when not finite.
        public var suggestedDeclarationDelayHours: Double?
        public var compliance: Compliance?
        public var withinRiskAppetite: Bool?
        public var totalCostOfRisk: FixedDecimal?
        /// Expected loss + annual cost + annualised one-time cost.
        public var annualisedTotalCostOfRisk: FixedDecimal?
        public var gordonLoebFlag: Bool?
        public var lossExceedance: [ExceedancePoint]
        public var exceedanceProbabilities: [ExceedancePoint]
        /// Against the current strategy; nil (null) for the current strategy itself.
        public var comparison: Comparison?

        /// Creates an option's assessment.
        public init(key: String, strategy: String?, current: Bool?, parameters: Parameters?, freshness: Freshness?, annualRunCost: FixedDecimal?,
                    costSource: String?, testCostPerYear: FixedDecimal?, oneTimeCost: FixedDecimal?, annualCost: FixedDecimal?,
                    expectedAnnualLoss: FixedDecimal?, sd: FixedDecimal?, se: FixedDecimal?, p50: FixedDecimal?, p90: FixedDecimal?,
                    p95: FixedDecimal?, p99: FixedDecimal?, max: FixedDecimal?, probabilityOfLoss: Double?, components: Components?,
                    analytic: Analytic?, simulatedDowntimeHours: Double?, impliedAvailability: Double?, simulatedImpliedAvailability: Double?,
                    crossCheckScore: Double?, crossCheckBasis: String?, suggestedDeclarationDelayHours: Double?, compliance: Compliance?,
                    withinRiskAppetite: Bool?, totalCostOfRisk: FixedDecimal?, annualisedTotalCostOfRisk: FixedDecimal?, gordonLoebFlag: Bool?,
                    lossExceedance: [ExceedancePoint], exceedanceProbabilities: [ExceedancePoint], comparison: Comparison?) {
            self.key = key
            self.strategy = strategy
            self.current = current
            self.parameters = parameters
            self.freshness = freshness
            self.annualRunCost = annualRunCost
            self.costSource = costSource
            self.testCostPerYear = testCostPerYear
            self.oneTimeCost = oneTimeCost
            self.annualCost = annualCost
            self.expectedAnnualLoss = expectedAnnualLoss
            self.sd = sd
            self.se = se
            self.p50 = p50
            self.p90 = p90
            self.p95 = p95
            self.p99 = p99
            self.max = max
            self.probabilityOfLoss = probabilityOfLoss
            self.components = components
            self.analytic = analytic
            self.simulatedDowntimeHours = simulatedDowntimeHours
            self.impliedAvailability = impliedAvailability
            self.simulatedImpliedAvailability = simulatedImpliedAvailability
            self.crossCheckScore = crossCheckScore
            self.crossCheckBasis = crossCheckBasis
            self.suggestedDeclarationDelayHours = suggestedDeclarationDelayHours
            self.compliance = compliance
            self.withinRiskAppetite = withinRiskAppetite
            self.totalCostOfRisk = totalCostOfRisk
            self.annualisedTotalCostOfRisk = annualisedTotalCostOfRisk
            self.gordonLoebFlag = gordonLoebFlag
            self.lossExceedance = lossExceedance
            self.exceedanceProbabilities = exceedanceProbabilities
            self.comparison = comparison
        }

        static let members: Set<String> = [
            "key", "strategy", "current", "parameters", "freshness", "annual_run_cost", "cost_source", "test_cost_per_year", "one_time_cost",
            "annual_cost", "expected_annual_loss", "sd", "se", "p50", "p90", "p95", "p99", "max", "probability_of_loss", "components",
            "analytic", "simulated_downtime_hours", "implied_availability", "simulated_implied_availability", "cross_check_score",
            "cross_check_basis", "suggested_declaration_delay_hours", "compliance", "within_risk_appetite", "total_cost_of_risk",
            "annualised_total_cost_of_risk", "gordon_loeb_flag", "loss_exceedance", "exceedance_probabilities", "comparison",
        ]

        /// The option's JSON value.
        public var value: Value {
            var fields = Fields()
            fields["key"] = .string(key)
            fields["strategy"] = .text(strategy)
            fields["current"] = .flag(current)
            fields["parameters"] = parameters?.value ?? .null
            fields["freshness"] = freshness?.value ?? .null
            fields["annual_run_cost"] = .money(annualRunCost)
            fields["cost_source"] = .text(costSource)
            fields["test_cost_per_year"] = .money(testCostPerYear)
            fields["one_time_cost"] = .money(oneTimeCost)
            fields["annual_cost"] = .money(annualCost)
            fields["expected_annual_loss"] = .money(expectedAnnualLoss)
            fields["sd"] = .money(sd)
            fields["se"] = .money(se)
            fields["p50"] = .money(p50)
            fields["p90"] = .money(p90)
            fields["p95"] = .money(p95)
            fields["p99"] = .money(p99)
            fields["max"] = .money(max)
            fields["probability_of_loss"] = .figure(probabilityOfLoss)
            fields["components"] = components?.value ?? .null
            fields["analytic"] = analytic?.value ?? .null
            fields["simulated_downtime_hours"] = .figure(simulatedDowntimeHours)
            fields["implied_availability"] = .figure(impliedAvailability)
            fields["simulated_implied_availability"] = .figure(simulatedImpliedAvailability)
            fields["cross_check_score"] = .figure(crossCheckScore)
            fields["cross_check_basis"] = .text(crossCheckBasis)
            fields["suggested_declaration_delay_hours"] = .figure(suggestedDeclarationDelayHours)
            fields["compliance"] = compliance?.value ?? .null
            fields["within_risk_appetite"] = .flag(withinRiskAppetite)
            fields["total_cost_of_risk"] = .money(totalCostOfRisk)
            fields["annualised_total_cost_of_risk"] = .money(annualisedTotalCostOfRisk)
            fields["gordon_loeb_flag"] = .flag(gordonLoebFlag)
            fields["loss_exceedance"] = .array(lossExceedance.map(\.value))
            fields["exceedance_probabilities"] = .array(exceedanceProbabilities.map(\.value))
            fields["comparison"] = comparison?.value ?? .null
            return .object(fields)
        }

        init(decoding option: SectionReader) throws(SectionError) {
            try option.requireKnownMembers(Self.members)
            self.init(
                key: try option.requiredText("key"), strategy: try option.text("strategy"), current: try option.bool("current"),
                parameters: try option.object("parameters").map { parameters throws(SectionError) in try Parameters(decoding: parameters) },
                freshness: try option.object("freshness").map { freshness throws(SectionError) in try Freshness(decoding: freshness) },
                annualRunCost: try option.money("annual_run_cost"), costSource: try option.text("cost_source"),
                testCostPerYear: try option.money("test_cost_per_year"), oneTimeCost: try option.money("one_time_cost"),
                annualCost: try option.money("annual_cost"), expectedAnnualLoss: try option.money("expected_annual_loss"),
                sd: try option.money("sd"), se: try option.money("se"), p50: try option.money("p50"), p90: try option.money("p90"),
                p95: try option.money("p95"), p99: try option.money("p99"), max: try option.money("max"),
                probabilityOfLoss: try option.number("probability_of_loss"),
                components: try option.object("components").map { components throws(SectionError) in try Components(decoding: components) },
                analytic: try option.object("analytic").map { analytic throws(SectionError) in try Analytic(decoding: analytic) },
                simulatedDowntimeHours: try option.number("simulated_downtime_hours"), impliedAvailability: try option.number("implied_availability"),
                simulatedImpliedAvailability: try option.number("simulated_implied_availability"),
                crossCheckScore: try option.number("cross_check_score"), crossCheckBasis: try option.text("cross_check_basis"),
                suggestedDeclarationDelayHours: try option.number("suggested_declaration_delay_hours"),
                compliance: try option.object("compliance").map { compliance throws(SectionError) in try Compliance(decoding: compliance) },
                withinRiskAppetite: try option.bool("within_risk_appetite"), totalCostOfRisk: try option.money("total_cost_of_risk"),
                annualisedTotalCostOfRisk: try option.money("annualised_total_cost_of_risk"), gordonLoebFlag: try option.bool("gordon_loeb_flag"),
                lossExceedance: try ExceedancePoint.list(option, "loss_exceedance"),
                exceedanceProbabilities: try ExceedancePoint.list(option, "exceedance_probabilities"),
                comparison: try option.object("comparison").map { comparison throws(SectionError) in try Comparison(decoding: comparison) })
        }
    }

    /// How fresh the option's last test is, and what that does to its success and recovery time.
    public struct Freshness: Sendable, Equatable {
        public var basis: FreshnessBasis?
        /// The freshness factor φ (0…1).
        public var phi: Double?
        public var successProbability: Double?
        public var rtoMultiplier: Double?
        /// The RTO after the test-age decay; nil (null) when not finite.
        public var effectiveRTOHours: Double?

        /// Creates the freshness.
        public init(basis: FreshnessBasis?, phi: Double?, successProbability: Double?, rtoMultiplier: Double?, effectiveRTOHours: Double?) {
            self.basis = basis
            self.phi = phi
            self.successProbability = successProbability
            self.rtoMultiplier = rtoMultiplier
            self.effectiveRTOHours = effectiveRTOHours
        }

        var value: Value {
            ["basis": basis?.value ?? .null, "phi": .figure(phi), "success_probability": .figure(successProbability),
             "rto_multiplier": .figure(rtoMultiplier), "effective_rto_hours": .figure(effectiveRTOHours)]
        }

        init(decoding freshness: SectionReader) throws(SectionError) {
            try freshness.requireKnownMembers(["basis", "phi", "success_probability", "rto_multiplier", "effective_rto_hours"])
            self.init(basis: try freshness.object("basis").map { basis throws(SectionError) in try FreshnessBasis(decoding: basis) },
                      phi: try freshness.number("phi"), successProbability: try freshness.number("success_probability"),
                      rtoMultiplier: try freshness.number("rto_multiplier"), effectiveRTOHours: try freshness.number("effective_rto_hours"))
        }
    }

    /// What an option's freshness rests on.
    public struct FreshnessBasis: Sendable, Equatable {
        /// `not_applicable`, `untested`, `failed_test`, `partial_test`, `full_test`, `planned_cadence`, `continuous`.
        public var kind: String
        /// Age of the test it rests on (the test kinds).
        public var ageDays: Int?
        /// The planned test cadence (`planned_cadence`).
        public var cadenceDays: Double?

        /// Creates a basis.
        public init(kind: String, ageDays: Int? = nil, cadenceDays: Double? = nil) {
            self.kind = kind
            self.ageDays = ageDays
            self.cadenceDays = cadenceDays
        }

        var value: Value {
            var fields = Fields()
            fields["kind"] = .string(kind)
            fields["age_days"] = ageDays.map { .number(Double($0)) }
            fields["cadence_days"] = cadenceDays.map(Value.number)
            return .object(fields)
        }

        init(decoding basis: SectionReader) throws(SectionError) {
            try basis.requireKnownMembers(["kind", "age_days", "cadence_days"])
            self.init(kind: try basis.requiredText("kind"), ageDays: try basis.wholeNumber("age_days"), cadenceDays: try basis.number("cadence_days"))
        }
    }

    /// The expected annual loss by component.
    public struct Components: Sendable, Equatable {
        public var revenue: FixedDecimal?
        public var productivity: FixedDecimal?
        public var response: FixedDecimal?
        public var fixed: FixedDecimal?
        public var data: FixedDecimal?
        public var reputation: FixedDecimal?
        public var sla: FixedDecimal?

        /// Creates the components.
        public init(revenue: FixedDecimal?, productivity: FixedDecimal?, response: FixedDecimal?, fixed: FixedDecimal?, data: FixedDecimal?,
                    reputation: FixedDecimal?, sla: FixedDecimal?) {
            self.revenue = revenue
            self.productivity = productivity
            self.response = response
            self.fixed = fixed
            self.data = data
            self.reputation = reputation
            self.sla = sla
        }

        var value: Value {
            ["revenue": .money(revenue), "productivity": .money(productivity), "response": .money(response), "fixed": .money(fixed),
             "data": .money(data), "reputation": .money(reputation), "sla": .money(sla)]
        }

        init(decoding components: SectionReader) throws(SectionError) {
            try components.requireKnownMembers(["revenue", "productivity", "response", "fixed", "data", "reputation", "sla"])
            self.init(revenue: try components.money("revenue"), productivity: try components.money("productivity"),
                      response: try components.money("response"), fixed: try components.money("fixed"), data: try components.money("data"),
                      reputation: try components.money("reputation"), sla: try components.money("sla"))
        }
    }

    /// The closed forms of §B.7: the expected loss without SLA, E[SLA] with its bracket, and their sum.
    public struct Analytic: Sendable, Equatable {
        public var expectedAnnualLossExcludingSLA: FixedDecimal?
        public var expectedSLA: FixedDecimal?
        public var expectedSLABracket: Bracket?
        public var expectedSLAExact: Bool?
        public var expectedAnnualLoss: FixedDecimal?
        /// The discretisation bracket of `expectedAnnualLoss`.
        public var expectedAnnualLossBracket: Bracket?
        public var downtimeHours: Double?
        /// nil (null) when not finite.
        public var pWithinRTO: Double?
        public var pWithinRPO: Double?

        /// Creates the closed forms.
        public init(expectedAnnualLossExcludingSLA: FixedDecimal?, expectedSLA: FixedDecimal?, expectedSLABracket: Bracket?, expectedSLAExact: Bool?,
                    expectedAnnualLoss: FixedDecimal?, expectedAnnualLossBracket: Bracket?, downtimeHours: Double?, pWithinRTO: Double?,
                    pWithinRPO: Double?) {
            self.expectedAnnualLossExcludingSLA = expectedAnnualLossExcludingSLA
            self.expectedSLA = expectedSLA
            self.expectedSLABracket = expectedSLABracket
            self.expectedSLAExact = expectedSLAExact
            self.expectedAnnualLoss = expectedAnnualLoss
            self.expectedAnnualLossBracket = expectedAnnualLossBracket
            self.downtimeHours = downtimeHours
            self.pWithinRTO = pWithinRTO
            self.pWithinRPO = pWithinRPO
        }

        var value: Value {
            ["expected_annual_loss_ex_sla": .money(expectedAnnualLossExcludingSLA), "expected_sla": .money(expectedSLA),
             "expected_sla_bracket": expectedSLABracket?.value ?? .null, "expected_sla_exact": .flag(expectedSLAExact),
             "expected_annual_loss": .money(expectedAnnualLoss), "expected_annual_loss_bracket": expectedAnnualLossBracket?.value ?? .null,
             "downtime_hours": .figure(downtimeHours), "p_within_rto": .figure(pWithinRTO), "p_within_rpo": .figure(pWithinRPO)]
        }

        init(decoding analytic: SectionReader) throws(SectionError) {
            try analytic.requireKnownMembers(["expected_annual_loss_ex_sla", "expected_sla", "expected_sla_bracket", "expected_sla_exact",
                                              "expected_annual_loss", "expected_annual_loss_bracket", "downtime_hours", "p_within_rto",
                                              "p_within_rpo"])
            self.init(expectedAnnualLossExcludingSLA: try analytic.money("expected_annual_loss_ex_sla"), expectedSLA: try analytic.money("expected_sla"),
                      expectedSLABracket: try Bracket(analytic, "expected_sla_bracket"), expectedSLAExact: try analytic.bool("expected_sla_exact"),
                      expectedAnnualLoss: try analytic.money("expected_annual_loss"),
                      expectedAnnualLossBracket: try Bracket(analytic, "expected_annual_loss_bracket"),
                      downtimeHours: try analytic.number("downtime_hours"), pWithinRTO: try analytic.number("p_within_rto"),
                      pWithinRPO: try analytic.number("p_within_rpo"))
        }
    }

    /// Lower and upper bounds of a closed form (`[lower, upper]`); a bound is nil (null) when not finite.
    public struct Bracket: Sendable, Equatable {
        public var lower: FixedDecimal?
        public var upper: FixedDecimal?

        /// Creates a bracket.
        public init(lower: FixedDecimal?, upper: FixedDecimal?) {
            self.lower = lower
            self.upper = upper
        }

        var value: Value { .array([.money(lower), .money(upper)]) }

        /// The bracket under `key` of `object`: two amounts (or nulls); nil when absent or null.
        init?(_ object: SectionReader, _ key: String) throws(SectionError) {
            guard object.member(key) != nil else { return nil }
            let items = try object.items(key)
            let bounds = items.map { $0 == .null ? FixedDecimal?.none : SectionReader.money($0) }
            guard items.count == 2, zip(items, bounds).allSatisfy({ $0 == .null || $1 != nil }) else {
                throw SectionError(path: "\(object.path).\(key)", expected: "two amounts of money", found: SectionReader.shown(.array(items)))
            }
            self.init(lower: bounds[0], upper: bounds[1])
        }
    }

    /// Whether an option meets the application's targets and test rule.
    public struct Compliance: Sendable, Equatable {
        public var meetsRTO: Bool?
        public var meetsRPO: Bool?
        public var meetsTestRule: Bool?
        /// All three.
        public var compliant: Bool?

        /// Creates the verdicts.
        public init(meetsRTO: Bool?, meetsRPO: Bool?, meetsTestRule: Bool?, compliant: Bool?) {
            self.meetsRTO = meetsRTO
            self.meetsRPO = meetsRPO
            self.meetsTestRule = meetsTestRule
            self.compliant = compliant
        }

        var value: Value {
            ["meets_rto": .flag(meetsRTO), "meets_rpo": .flag(meetsRPO), "meets_test_rule": .flag(meetsTestRule), "compliant": .flag(compliant)]
        }

        init(decoding compliance: SectionReader) throws(SectionError) {
            try compliance.requireKnownMembers(["meets_rto", "meets_rpo", "meets_test_rule", "compliant"])
            self.init(meetsRTO: try compliance.bool("meets_rto"), meetsRPO: try compliance.bool("meets_rpo"),
                      meetsTestRule: try compliance.bool("meets_test_rule"), compliant: try compliance.bool("compliant"))
        }
    }
}

// MARK: - Comparisons

extension DowntimeModelSection {
    /// An option against the application's current strategy.
    public struct Comparison: Sendable, Equatable {
        /// Expected loss removed, and its standard error.
        public var riskReduction: FixedDecimal?
        public var riskReductionSE: FixedDecimal?
        public var addedAnnualCost: FixedDecimal?
        public var netAnnualBenefit: FixedDecimal?
        /// Return on the added cost; nil (null) when not finite.
        public var roi: Double?
        public var payback: Payback?
        public var npv: FixedDecimal?
        public var annualisedOneTimeCost: FixedDecimal?
        public var breakEven: BreakEven?
        /// `justified`, `not_justified`, `inconclusive`.
        public var verdict: String?
        /// What keeping the current DR is worth against none (on the comparison with `none`).
        public var currentDRValue: CurrentDRValue?

        /// Creates a comparison.
        public init(riskReduction: FixedDecimal?, riskReductionSE: FixedDecimal?, addedAnnualCost: FixedDecimal?, netAnnualBenefit: FixedDecimal?,
                    roi: Double?, payback: Payback?, npv: FixedDecimal?, annualisedOneTimeCost: FixedDecimal?, breakEven: BreakEven?,
                    verdict: String?, currentDRValue: CurrentDRValue?) {
            self.riskReduction = riskReduction
            self.riskReductionSE = riskReductionSE
            self.addedAnnualCost = addedAnnualCost
            self.netAnnualBenefit = netAnnualBenefit
            self.roi = roi
            self.payback = payback
            self.npv = npv
            self.annualisedOneTimeCost = annualisedOneTimeCost
            self.breakEven = breakEven
            self.verdict = verdict
            self.currentDRValue = currentDRValue
        }

        var value: Value {
            var fields = Fields()
            fields["risk_reduction"] = .money(riskReduction)
            fields["risk_reduction_se"] = .money(riskReductionSE)
            fields["added_annual_cost"] = .money(addedAnnualCost)
            fields["net_annual_benefit"] = .money(netAnnualBenefit)
            fields["roi"] = .figure(roi)
            fields["payback_years"] = payback?.value ?? .null
            fields["npv"] = .money(npv)
            fields["annualised_one_time_cost"] = .money(annualisedOneTimeCost)
            BreakEven.write(breakEven, into: &fields)
            fields["verdict"] = .text(verdict)
            fields["current_dr_value"] = currentDRValue?.value ?? .null
            return .object(fields)
        }

        init(decoding comparison: SectionReader) throws(SectionError) {
            try comparison.requireKnownMembers(["risk_reduction", "risk_reduction_se", "added_annual_cost", "net_annual_benefit", "roi",
                                                "payback_years", "npv", "annualised_one_time_cost", "break_even_revenue_per_hour",
                                                "break_even_reading", "verdict", "current_dr_value"])
            self.init(riskReduction: try comparison.money("risk_reduction"), riskReductionSE: try comparison.money("risk_reduction_se"),
                      addedAnnualCost: try comparison.money("added_annual_cost"), netAnnualBenefit: try comparison.money("net_annual_benefit"),
                      roi: try comparison.number("roi"), payback: try Payback(comparison), npv: try comparison.money("npv"),
                      annualisedOneTimeCost: try comparison.money("annualised_one_time_cost"), breakEven: try BreakEven(comparison),
                      verdict: try comparison.text("verdict"),
                      currentDRValue: try comparison.object("current_dr_value").map { worth throws(SectionError) in try CurrentDRValue(decoding: worth) })
        }
    }

    /// What keeping the current DR is worth against none (positive favours keeping it).
    public struct CurrentDRValue: Sendable, Equatable {
        public var riskReduction: FixedDecimal?
        public var annualCost: FixedDecimal?
        public var netAnnualBenefit: FixedDecimal?
        /// nil (null) when not finite.
        public var roi: Double?
        public var npv: FixedDecimal?
        public var breakEven: BreakEven?

        /// Creates the value.
        public init(riskReduction: FixedDecimal?, annualCost: FixedDecimal?, netAnnualBenefit: FixedDecimal?, roi: Double?, npv: FixedDecimal?,
                    breakEven: BreakEven?) {
            self.riskReduction = riskReduction
            self.annualCost = annualCost
            self.netAnnualBenefit = netAnnualBenefit
            self.roi = roi
            self.npv = npv
            self.breakEven = breakEven
        }

        var value: Value {
            var fields = Fields()
            fields["risk_reduction"] = .money(riskReduction)
            fields["annual_cost"] = .money(annualCost)
            fields["net_annual_benefit"] = .money(netAnnualBenefit)
            fields["roi"] = .figure(roi)
            fields["npv"] = .money(npv)
            BreakEven.write(breakEven, into: &fields)
            return .object(fields)
        }

        init(decoding worth: SectionReader) throws(SectionError) {
            try worth.requireKnownMembers(["risk_reduction", "annual_cost", "net_annual_benefit", "roi", "npv", "break_even_revenue_per_hour",
                                           "break_even_reading"])
            self.init(riskReduction: try worth.money("risk_reduction"), annualCost: try worth.money("annual_cost"),
                      netAnnualBenefit: try worth.money("net_annual_benefit"), roi: try worth.number("roi"), npv: try worth.money("npv"),
                      breakEven: try BreakEven(worth))
        }
    }

    /// When a move pays back: `payback_years` is a number of years or `"never"`; a number of
    /// years that is not finite is no payback figure (nil, written `null`).
    public enum Payback: Sendable, Equatable {
        case years(Double)
        case never

        var value: Value {
            switch self {
            case .years(let years): return .number(years)
            case .never: return "never"
            }
        }

        /// `payback_years` of `comparison`; nil when absent or null.
        init?(_ comparison: SectionReader) throws(SectionError) {
            if comparison.member("payback_years") == .string("never") {
                self = .never
                return
            }
            guard let years = try comparison.number("payback_years") else { return nil }
            self = .years(years)
        }
    }

    /// The revenue per hour at which a move breaks even, written as two members:
    /// `break_even_revenue_per_hour` (money, null when not finite, `"any"` or `"never"`) and
    /// `break_even_reading` (`above`: the move pays above that revenue; `below`: only below it;
    /// `any`; `never`).
    public enum BreakEven: Sendable, Equatable {
        case above(FixedDecimal?)
        case below(FixedDecimal?)
        case any
        case never

        /// The break-even revenue, when it is an amount.
        public var revenue: FixedDecimal? {
            switch self {
            case .above(let revenue), .below(let revenue): return revenue
            case .any, .never: return nil
            }
        }

        static func write(_ breakEven: BreakEven?, into fields: inout Fields) {
            let revenue: Value
            let reading: Value
            switch breakEven {
            case .above(let amount): (revenue, reading) = (.money(amount), "above")
            case .below(let amount): (revenue, reading) = (.money(amount), "below")
            case .any: (revenue, reading) = ("any", "any")
            case .never: (revenue, reading) = ("never", "never")
            case nil: (revenue, reading) = (.null, .null)
            }
            fields["break_even_revenue_per_hour"] = revenue
            fields["break_even_reading"] = reading
        }

        /// The two members of `object`; nil when both are absent or null.
        init?(_ object: SectionReader) throws(SectionError) {
            let reading = try object.text("break_even_reading")
            let revenue = object.member("break_even_revenue_per_hour")
            switch reading {
            case nil:
                guard let revenue else { return nil }
                throw SectionError(path: object.path + ".break_even_reading", expected: "above, below, any or never beside a break-even revenue",
                                   found: "nothing, beside \(SectionReader.shown(revenue))")
            case "above", "below":
                var amount: FixedDecimal?
                if let revenue {
                    guard let money = SectionReader.money(revenue) else {
                        throw SectionError(path: object.path + ".break_even_revenue_per_hour", expected: "money, \"any\" or \"never\"",
                                           found: SectionReader.shown(revenue))
                    }
                    amount = money
                }
                self = reading == "above" ? .above(amount) : .below(amount)
            case let word? where word == "any" || word == "never":
                guard revenue == .string(word) else {
                    throw SectionError(path: object.path + ".break_even_revenue_per_hour", expected: "\"\(word)\" (as break_even_reading says)",
                                       found: revenue.map(SectionReader.shown) ?? "nothing")
                }
                self = word == "any" ? .any : .never
            case let word?:
                throw SectionError(path: object.path + ".break_even_reading", expected: "above, below, any or never", found: "\"\(word)\"")
            }
        }
    }
}

// MARK: - Dependencies and availability

extension DowntimeModelSection {
    /// An application's declared dependencies and the figures composed through them
    /// (docs/downtime-model.md, "Dependencies and availability"). An unknown figure is nil with its
    /// reason beside it; the section writes it as `null`, the application record (for policies)
    /// as `unknown`.
    public struct Dependencies: Sendable, Equatable {
        /// How strongly an application needs another one.
        public enum Kind: String, CaseIterable, Sendable, Hashable {
            /// The application is down while the dependency is down: it counts in the composite
            /// availability and the effective RTO (serial composition, DOWNTIME-MODEL §B.6).
            case hard
            /// The application degrades without it but keeps serving; drawn, never composed.
            case soft
        }

        /// One declared edge, as the dependency graph finds it and the report draws it.
        public struct Edge: Sendable, Hashable {
            /// The application depended on.
            public var target: String
            public var kind: Kind
            /// The target is an active application of the register.
            public var resolved: Bool
            /// A hard dependency on a lower tier (a larger tier number): a more critical application
            /// depends on a less critical one.
            public var inversion: Bool
            /// The edge lies on a cycle of hard dependencies.
            public var onCycle: Bool

            /// Creates an edge.
            public init(target: String, kind: Kind, resolved: Bool, inversion: Bool, onCycle: Bool) {
                self.target = target
                self.kind = kind
                self.resolved = resolved
                self.inversion = inversion
                self.onCycle = onCycle
            }

            var value: Value {
                ["target": .string(target), "kind": .string(kind.rawValue), "resolved": .bool(resolved), "inversion": .bool(inversion),
                 "cycle": .bool(onCycle)]
            }

            init(decoding edge: SectionReader) throws(SectionError) {
                try edge.requireKnownMembers(["target", "kind", "resolved", "inversion", "cycle"])
                let text = try edge.text("kind") ?? "hard"
                guard let kind = Kind(rawValue: text) else {
                    throw SectionError(path: edge.path + ".kind", expected: "hard or soft", found: "\"\(text)\"")
                }
                self.init(target: try edge.requiredText("target"), kind: kind, resolved: try edge.bool("resolved") ?? false,
                          inversion: try edge.bool("inversion") ?? false, onCycle: try edge.bool("cycle") ?? false)
            }
        }

        /// Direct hard and soft dependencies, the transitive closure of the hard ones, and the ids
        /// the register does not list.
        public var hard: [String]
        public var soft: [String]
        public var closure: [String]
        public var unresolved: [String]
        /// Hard dependencies of a lower tier; nil when unknown, with `tierUnknownReason`.
        public var tierInversions: [String]?
        public var tierUnknownReason: String?
        /// The cycle through the application (`a → b → a`), when there is one; nil, with
        /// `cycleUnknownReason` when it cannot be known.
        public var cycle: String?
        public var cycleUnknownReason: String?
        /// Recovery time through the hard dependencies, to the hundredth of an hour, and the
        /// application that bounds it; nil when unknown, with `effectiveRTOUnknownReason`.
        public var effectiveRTOHours: Double?
        public var rtoBottleneck: String?
        public var effectiveRTOUnknownReason: String?
        /// The model's RTO target (the register's, else the tier's default); nil when unknown.
        public var rtoTargetHours: Double?
        /// The edges to draw (in the section only).
        public var edges: [Edge]

        /// Creates the figures.
        public init(hard: [String], soft: [String], closure: [String], unresolved: [String], tierInversions: [String]?, tierUnknownReason: String?,
                    cycle: String?, cycleUnknownReason: String?, effectiveRTOHours: Double?, rtoBottleneck: String?,
                    effectiveRTOUnknownReason: String?, rtoTargetHours: Double?, edges: [Edge]) {
            self.hard = hard
            self.soft = soft
            self.closure = closure
            self.unresolved = unresolved
            self.tierInversions = tierInversions
            self.tierUnknownReason = tierUnknownReason
            self.cycle = cycle
            self.cycleUnknownReason = cycleUnknownReason
            self.effectiveRTOHours = effectiveRTOHours
            self.rtoBottleneck = rtoBottleneck
            self.effectiveRTOUnknownReason = effectiveRTOUnknownReason
            self.rtoTargetHours = rtoTargetHours
            self.edges = edges
        }

        /// The JSON object: an unknown figure is `unknown` (`.unknown` on records, `.null` in the
        /// section); `edges` only with `edges`.
        public func value(unknown: Value, edges withEdges: Bool) -> Value {
            var fields = Fields()
            fields["hard"] = .array(hard.map(Value.string))
            fields["soft"] = .array(soft.map(Value.string))
            fields["closure"] = .array(closure.map(Value.string))
            fields["unresolved"] = .array(unresolved.map(Value.string))
            if let tierInversions {
                fields["tier_inversions"] = .array(tierInversions.map(Value.string))
            } else {
                fields["tier_inversions"] = unknown
                fields["tier_unknown_reason"] = tierUnknownReason.map(Value.string)
            }
            if let cycle {
                fields["cycle"] = .string(cycle)
            } else if let cycleUnknownReason {
                fields["cycle"] = unknown
                fields["cycle_unknown_reason"] = .string(cycleUnknownReason)
            }
            if let effectiveRTOHours {
                fields["effective_rto_hours"] = .number(effectiveRTOHours)
                fields["rto_bottleneck"] = rtoBottleneck.map(Value.string)
            } else {
                fields["effective_rto_hours"] = unknown
                fields["effective_rto_unknown_reason"] = effectiveRTOUnknownReason.map(Value.string)
            }
            fields["rto_target_hours"] = rtoTargetHours.map(Value.number) ?? unknown
            if withEdges { fields["edges"] = .array(edges.map(\.value)) }
            return .object(fields)
        }

        init(decoding dependencies: SectionReader) throws(SectionError) {
            try dependencies.requireKnownMembers(["hard", "soft", "closure", "unresolved", "tier_inversions", "tier_unknown_reason", "cycle",
                                                  "cycle_unknown_reason", "effective_rto_hours", "rto_bottleneck", "effective_rto_unknown_reason",
                                                  "rto_target_hours", "edges"])
            // `tier_inversions` null (unknown) differs from an empty list.
            var tierInversions: [String]?
            if dependencies.member("tier_inversions") != nil { tierInversions = try dependencies.texts("tier_inversions") }
            self.init(hard: try dependencies.texts("hard"), soft: try dependencies.texts("soft"), closure: try dependencies.texts("closure"),
                      unresolved: try dependencies.texts("unresolved"), tierInversions: tierInversions,
                      tierUnknownReason: try dependencies.text("tier_unknown_reason"), cycle: try dependencies.text("cycle"),
                      cycleUnknownReason: try dependencies.text("cycle_unknown_reason"),
                      effectiveRTOHours: try dependencies.number("effective_rto_hours"), rtoBottleneck: try dependencies.text("rto_bottleneck"),
                      effectiveRTOUnknownReason: try dependencies.text("effective_rto_unknown_reason"),
                      rtoTargetHours: try dependencies.number("rto_target_hours"),
                      edges: try dependencies.array("edges").map { edge throws(SectionError) in try Edge(decoding: edge) })
        }
    }

    /// An availability figure that composes through dependencies: known, with its text for people
    /// (`99.98 %`), or unknown with the reason.
    public enum ComposedFigure: Sendable, Equatable {
        case known(Double, text: String)
        case unknown(reason: String)
    }

    /// An application's availability: implied by its own strategy, composed through its hard
    /// dependencies, and its SLO.
    public struct Availability: Sendable, Equatable {
        public var implied: ComposedFigure?
        public var composite: ComposedFigure?
        /// The SLO as a fraction, and as people read it.
        public var slo: Double?
        public var sloText: String?

        /// Creates the figures.
        public init(implied: ComposedFigure?, composite: ComposedFigure?, slo: Double?, sloText: String?) {
            self.implied = implied
            self.composite = composite
            self.slo = slo
            self.sloText = sloText
        }

        /// The JSON object; an unknown figure is `unknown` (see `Dependencies.value`).
        public func value(unknown: Value) -> Value {
            var fields = Fields()
            for (key, figure) in [("implied", implied), ("composite", composite)] {
                switch figure {
                case .known(let value, let text)?:
                    fields[key] = .number(value)
                    fields[key + "_text"] = .string(text)
                case .unknown(let reason)?:
                    fields[key] = unknown
                    fields[key + "_unknown_reason"] = .string(reason)
                case nil:
                    break
                }
            }
            if let slo {
                fields["slo"] = .number(slo)
                fields["slo_text"] = sloText.map(Value.string)
            }
            return .object(fields)
        }

        init(decoding availability: SectionReader) throws(SectionError) {
            try availability.requireKnownMembers(["implied", "implied_text", "implied_unknown_reason", "composite", "composite_text",
                                                  "composite_unknown_reason", "slo", "slo_text"])
            func figure(_ key: String) throws(SectionError) -> ComposedFigure? {
                if let value = try availability.number(key) { return .known(value, text: try availability.requiredText(key + "_text")) }
                return try availability.text(key + "_unknown_reason").map { .unknown(reason: $0) }
            }
            self.init(implied: try figure("implied"), composite: try figure("composite"), slo: try availability.number("slo"),
                      sloText: try availability.text("slo_text"))
        }
    }
}

// MARK: - Member values

extension Value {
    /// Money, or `null` for an amount that is not known (not finite).
    static func money(_ amount: FixedDecimal?) -> Value { amount.map(Value.decimal) ?? .null }
    /// A number, or `null`.
    static func figure(_ number: Double?) -> Value { number.map(Value.number) ?? .null }
    /// A count, or `null`.
    static func count(_ count: Int?) -> Value { count.map { .number(Double($0)) } ?? .null }
    /// A string, or `null`.
    static func text(_ text: String?) -> Value { text.map(Value.string) ?? .null }
    /// A boolean, or `null`.
    static func flag(_ flag: Bool?) -> Value { flag.map(Value.bool) ?? .null }
}
