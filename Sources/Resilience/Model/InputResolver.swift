import PolicyEngine

/// Validates one application's inputs, applies defaults and records the [A] defaults it used.
/// Field names in errors and placeholders are the register's snake_case names.
struct InputResolver {
    /// An allowed interval.
    enum Range {
        case closed(Double, Double)
        case openClosed(Double, Double)
        case closedOpen(Double, Double)
        case atLeast(Double)
        case above(Double)

        func contains(_ x: Double) -> Bool {
            switch self {
            case .closed(let low, let high): return x >= low && x <= high
            case .openClosed(let low, let high): return x > low && x <= high
            case .closedOpen(let low, let high): return x >= low && x < high
            case .atLeast(let low): return x >= low
            case .above(let low): return x > low
            }
        }

        var text: String {
            switch self {
            case .closed(let low, let high): return "between \(format(low)) and \(format(high))"
            case .openClosed(let low, let high): return "greater than \(format(low)) and at most \(format(high))"
            case .closedOpen(let low, let high): return "at least \(format(low)) and less than \(format(high))"
            case .atLeast(let low): return "at least \(format(low))"
            case .above(let low): return "greater than \(format(low))"
            }
        }

        private func format(_ x: Double) -> String { JSONWriter.format(x) }
    }

    let application: String
    let source: SourceReference?
    private(set) var placeholders: [Placeholder] = []
    private(set) var warnings: [ModelWarning] = []

    init(application: String, source: SourceReference?) {
        self.application = application
        self.source = source
    }

    func error(_ field: String, _ reason: String) -> ResilienceError {
        .invalidField(application: application, field: field, reason: reason, source: source)
    }

    mutating func warn(_ code: String, _ message: String) {
        warnings.append(ModelWarning(code: code, message: message))
    }

    mutating func assume(_ field: String, _ value: String) {
        placeholders.append(Placeholder(field: field, value: value))
    }

    // MARK: - Scalars

    /// The given value or the default; [A] defaults (`sourced: false`) are recorded as placeholders.
    mutating func defaulted<T>(_ given: T?, field: String, default fallback: T, text: (T) -> String) -> T {
        if let given { return given }
        assume(field, text(fallback))
        return fallback
    }

    /// A finite number in `range`, or the default when absent.
    mutating func value(
        _ given: Double?, _ field: String, default fallback: Double, _ range: Range, sourced: Bool = false, integer: Bool = false
    ) throws(ResilienceError) -> Double {
        guard let given else {
            if !sourced { assume(field, JSONWriter.format(fallback)) }
            return fallback
        }
        try check(given, field, range, integer: integer)
        return given
    }

    /// A finite number in `range`, or nil when absent.
    func optional(_ given: Double?, _ field: String, _ range: Range) throws(ResilienceError) -> Double? {
        guard let given else { return nil }
        try check(given, field, range, integer: false)
        return given
    }

    /// A non-negative amount of money, converted to `Double` for the model.
    func optionalMoney(_ given: FixedDecimal?, _ field: String) throws(ResilienceError) -> Double? {
        guard let given else { return nil }
        guard !given.isNegative else { throw error(field, "must not be negative, got \(given)") }
        return given.doubleValue
    }

    func check(_ x: Double, _ field: String, _ range: Range, integer: Bool) throws(ResilienceError) {
        guard x.isFinite else { throw error(field, "must be a finite number, got \(x)") }
        guard range.contains(x) else { throw error(field, "must be \(range.text), got \(JSONWriter.format(x))") }
        if integer && x != x.rounded() { throw error(field, "must be a whole number, got \(JSONWriter.format(x))") }
    }

    // MARK: - SLA tiers

    /// Tiers sorted by decreasing threshold; credits must not decrease as the threshold decreases.
    mutating func creditTiers(_ given: [SLACreditTier]?) throws(ResilienceError) -> [SLACreditTier] {
        guard let given else {
            assume("sla_credit_tiers", "[{threshold: 0.9999, credit: 0.10}, {threshold: 0.99, credit: 0.30}, {threshold: 0.95, credit: 1.00}]")
            return SLACreditTier.awsRegionTemplate
        }
        for (index, tier) in given.enumerated() {
            try check(tier.threshold, "sla_credit_tiers[\(index)].threshold", .closedOpen(0, 1), integer: false)
            guard tier.threshold > 0 else { throw error("sla_credit_tiers[\(index)].threshold", "must be greater than 0") }
            try check(tier.credit, "sla_credit_tiers[\(index)].credit", .closed(0, 1), integer: false)
        }
        let sorted = given.sorted { $0.threshold > $1.threshold }
        for index in sorted.indices.dropFirst() {
            let higher = sorted[index - 1]
            let lower = sorted[index]
            guard lower.threshold < higher.threshold else {
                throw error("sla_credit_tiers", "threshold \(JSONWriter.format(lower.threshold)) appears twice")
            }
            guard lower.credit >= higher.credit else {
                throw error(
                    "sla_credit_tiers",
                    "not monotone: credit \(JSONWriter.format(lower.credit)) below threshold \(JSONWriter.format(lower.threshold)) is smaller than credit \(JSONWriter.format(higher.credit)) below the higher threshold \(JSONWriter.format(higher.threshold))"
                )
            }
        }
        return sorted
    }

    // MARK: - Scenarios

    mutating func scenarios(_ given: [Scenario]?) throws(ResilienceError) -> [ResolvedScenario] {
        guard let given else {
            assume("scenarios", "default library: regional λ=0.2/yr D0 90% CI [1, 12] h; corruption λ=0.1/yr [2, 12] h, backup interval 24 h, lag 1 h; independent λ=4/yr [0.1, 2] h")
            return Scenario.defaultLibrary.map {
                ResolvedScenario(
                    scenario: $0, duration: $0.duration.lognormal,
                    backupIntervalHours: $0.backupIntervalHours ?? Scenario.defaultBackupIntervalHours,
                    detectionLagHours: $0.detectionLagHours ?? Scenario.defaultDetectionLagHours)
            }
        }
        var seen = Set<String>()
        var resolved: [ResolvedScenario] = []
        for (index, scenario) in given.enumerated() {
            let prefix = "scenarios[\(index)]"
            guard !scenario.id.isEmpty else { throw error(prefix + ".id", "must be non-empty") }
            guard seen.insert(scenario.id).inserted else { throw error(prefix + ".id", "duplicate scenario id '\(scenario.id)'") }
            try checkFrequency(scenario.frequency, prefix + ".frequency")
            try checkDuration(scenario.duration, prefix)
            var interval = Scenario.defaultBackupIntervalHours
            var lag = Scenario.defaultDetectionLagHours
            if scenario.kind == .corruption {
                interval = try value(scenario.backupIntervalHours, prefix + ".backup_interval_hours", default: interval, .above(0))
                lag = try value(scenario.detectionLagHours, prefix + ".detection_lag_hours", default: lag, .atLeast(0))
            }
            resolved.append(
                ResolvedScenario(scenario: scenario, duration: scenario.duration.lognormal, backupIntervalHours: interval, detectionLagHours: lag))
        }
        return resolved
    }

    private func checkFrequency(_ frequency: EventFrequency, _ field: String) throws(ResilienceError) {
        switch frequency {
        case .poisson(let rate):
            guard rate.isFinite else { throw error(field + ".poisson", "must be a finite number, got \(rate)") }
            guard rate <= 365 else { throw error(field + ".poisson", "λ = \(JSONWriter.format(rate)) events per year exceeds 365") }
            guard rate >= 0 else { throw error(field + ".poisson", "λ must not be negative, got \(JSONWriter.format(rate))") }
        case .pert(let low, let mode, let high, let gamma):
            for (name, x) in [("low", low), ("mode", mode), ("high", high), ("gamma", gamma)] where !x.isFinite {
                throw error(field + ".pert", "\(name) must be a finite number, got \(x)")
            }
            guard low >= 0 else { throw error(field + ".pert", "lo must not be negative") }
            guard high <= 365 else { throw error(field + ".pert", "hi = \(JSONWriter.format(high)) events per year exceeds 365") }
            guard low < high else { throw error(field + ".pert", "lo (\(JSONWriter.format(low))) must be less than hi (\(JSONWriter.format(high)))") }
            guard low <= mode && mode <= high else { throw error(field + ".pert", "mode must lie between lo and hi") }
            guard gamma > 0 else { throw error(field + ".pert", "gamma must be positive") }
        }
    }

    private func checkDuration(_ duration: DurationModel, _ prefix: String) throws(ResilienceError) {
        switch duration {
        case .ci90(let low, let high):
            let field = prefix + ".duration_ci90_hours"
            guard low.isFinite && high.isFinite else { throw error(field, "bounds must be finite numbers, got [\(low), \(high)]") }
            guard low > 0 else { throw error(field, "lo must be greater than 0, got \(JSONWriter.format(low))") }
            guard low < high else { throw error(field, "lo (\(JSONWriter.format(low))) must be less than hi (\(JSONWriter.format(high)))") }
            guard high <= 8760 else { throw error(field, "hi must be at most 8760 hours, got \(JSONWriter.format(high))") }
        case .logParameters(let mu, let sigma):
            let field = prefix + ".duration_log_params"
            guard mu.isFinite && sigma.isFinite else { throw error(field, "mu and sigma must be finite numbers") }
            guard sigma > 0 else { throw error(field, "sigma must be greater than 0, got \(JSONWriter.format(sigma))") }
        }
    }
}
