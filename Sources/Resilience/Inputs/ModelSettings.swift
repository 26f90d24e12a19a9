public import PolicyEngine

/// Simulation and decision settings (§B.1.4).
public struct ModelSettings: Sendable, Hashable {
    /// Simulated years per strategy (1,000 … 10,000,000).
    public var trials: Int
    /// Seed of every per-trial stream.
    public var seed: UInt64
    /// Discount rate r for NPV and the capital recovery factor [A].
    public var discountRate: Double
    /// Horizon H in years [A].
    public var horizonYears: Int
    /// Strategies whose P95 exceeds this are not recommended.
    public var riskAppetiteP95: Double?
    /// Exceedance probabilities at which the loss-exceedance curve is read.
    public var lecProbabilities: [Double]
    /// Test cadence assumed for candidate strategies when the register gives none [A].
    public var defaultCandidateCadenceDays: Double
    /// Strategy behaviour; defaults to §B.1.3 and may be overridden per strategy.
    public var strategyParameters: [StrategyKind: StrategyParameters]
    /// ISO 4217 code of every amount in the register and the outputs (the model does not convert).
    public var currency: String
    /// True when `currency` is the §B.0 default (USD) rather than configured [A].
    public var currencyAssumed: Bool

    /// The spec's default trial count.
    public static let defaultTrials = 100_000
    /// The spec's default LEC probabilities.
    public static let defaultLECProbabilities = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]

    /// Settings with the §B.1.4 defaults.
    public init(
        trials: Int = ModelSettings.defaultTrials, seed: UInt64 = 42, discountRate: Double = 0.08, horizonYears: Int = 3,
        riskAppetiteP95: Double? = nil, lecProbabilities: [Double] = ModelSettings.defaultLECProbabilities,
        defaultCandidateCadenceDays: Double = 365, currency: String? = nil
    ) {
        self.trials = trials
        self.seed = seed
        self.discountRate = discountRate
        self.horizonYears = horizonYears
        self.riskAppetiteP95 = riskAppetiteP95
        self.lecProbabilities = lecProbabilities
        self.defaultCandidateCadenceDays = defaultCandidateCadenceDays
        var parameters: [StrategyKind: StrategyParameters] = [:]
        for kind in StrategyKind.allCases { parameters[kind] = .defaults(for: kind) }
        strategyParameters = parameters
        self.currency = currency ?? Self.defaultCurrency
        currencyAssumed = currency == nil
    }

    /// The §B.0 currency when none is configured [A].
    public static let defaultCurrency = "USD"

    /// Overrides the share of production spend a strategy's run cost is estimated at.
    public mutating func setCostRatio(_ ratio: Double, for kind: StrategyKind) {
        var parameters = parameters(for: kind)
        parameters.costRatio = ratio
        strategyParameters[kind] = parameters
    }

    /// Sets the configured currency (no longer an assumption).
    public mutating func setCurrency(_ code: String) {
        currency = code
        currencyAssumed = false
    }

    /// True for a three-letter upper-case code such as `USD` or `EUR`.
    public static func isCurrencyCode(_ code: String) -> Bool { RegisterCurrency.isCode(code) }

    /// The parameters for a strategy (the §B.1.3 defaults unless overridden).
    public func parameters(for kind: StrategyKind) -> StrategyParameters {
        strategyParameters[kind] ?? .defaults(for: kind)
    }

    /// Checks the §B.1.4 ranges.
    public func validate() throws(ResilienceError) {
        guard (1_000...10_000_000).contains(trials) else {
            throw .invalidSetting(field: "trials", reason: "must be between 1,000 and 10,000,000, got \(trials)")
        }
        guard discountRate.isFinite, (0...0.5).contains(discountRate) else {
            throw .invalidSetting(field: "discount_rate", reason: "must be between 0 and 0.5, got \(discountRate)")
        }
        guard (1...20).contains(horizonYears) else {
            throw .invalidSetting(field: "horizon_years", reason: "must be between 1 and 20, got \(horizonYears)")
        }
        if let appetite = riskAppetiteP95, !(appetite.isFinite && appetite > 0) {
            throw .invalidSetting(field: "risk_appetite_p95", reason: "must be a positive number, got \(appetite)")
        }
        for probability in lecProbabilities where !(probability > 0 && probability < 1) {
            throw .invalidSetting(field: "lec_probabilities", reason: "every probability must lie in (0, 1), got \(probability)")
        }
        guard Self.isCurrencyCode(currency) else {
            throw .invalidSetting(field: "currency", reason: "expected a three-letter ISO 4217 code such as USD or EUR, got '\(currency)'")
        }
        guard defaultCandidateCadenceDays.isFinite, defaultCandidateCadenceDays > 0 else {
            throw .invalidSetting(field: "default_candidate_cadence_days", reason: "must be a positive number of days")
        }
        for kind in StrategyKind.allCases where kind != .noDR {
            let parameters = parameters(for: kind)
            let valid = parameters.rtoHours.isFinite && parameters.rtoHours > 0 && parameters.rpoHours.isFinite
                && parameters.rpoHours >= 0 && (0...1).contains(parameters.pFloor) && (0...1).contains(parameters.pMax)
                && parameters.pFloor <= parameters.pMax && parameters.costRatio.isFinite && parameters.costRatio >= 0 && parameters.declarationDelayHours >= 0
                && parameters.kUntested >= 1 && parameters.tauDays > 0
            guard valid else {
                throw .invalidSetting(field: "strategy_parameters.\(kind.rawValue)", reason: "out of range (see DOWNTIME-MODEL §B.1.3)")
            }
        }
    }
}

/// An [A] default that an output relied on because the input did not give the value: the
/// downtime section's own type, so what the model records is what the section writes.
public typealias Placeholder = DowntimeModelSection.Placeholder

/// A warning attached to an application's results: the downtime section's own type, so what the
/// model warns is what the section writes.
public typealias ModelWarning = DowntimeModelSection.Warning
