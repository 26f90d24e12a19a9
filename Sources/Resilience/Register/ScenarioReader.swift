/// Reads one `scenarios[i]` entry of an application record.
enum ScenarioReader {
    /// `{id, kind, frequency: {poisson: λ} | {pert: [lo, mode, hi], gamma?}, duration_ci90_hours: [lo, hi]
    /// | duration_log_params: {mu, sigma}, backup_interval_hours, detection_lag_hours}`.
    static func scenario(_ fields: RegisterFields) throws(ResilienceError) -> Scenario {
        guard let kindText = try fields.text("kind") else { throw fields.error("kind", "is required (regional, corruption or independent)") }
        guard let kind = ScenarioKind(rawValue: kindText.lowercased()) else {
            throw fields.error("kind", "expected regional, corruption or independent, got '\(kindText)'")
        }
        let id = try fields.text("id") ?? kind.rawValue
        guard let frequencyFields = try fields.nested("frequency") else {
            throw fields.error("frequency", "is required: {poisson: λ} or {pert: [lo, mode, hi]}")
        }
        return Scenario(
            id: id, kind: kind, frequency: try frequency(frequencyFields), duration: try duration(fields),
            backupIntervalHours: try fields.number("backup_interval_hours"), detectionLagHours: try fields.number("detection_lag_hours"))
    }

    static func frequency(_ fields: RegisterFields) throws(ResilienceError) -> EventFrequency {
        if let rate = try fields.number("poisson") { return .poisson(rate: rate) }
        if let values = try fields.numbers("pert", count: 3) {
            let gamma = try fields.number("gamma") ?? 4
            return .pert(low: values[0], mode: values[1], high: values[2], gamma: gamma)
        }
        throw fields.error("poisson", "a frequency needs poisson: λ or pert: [lo, mode, hi]")
    }

    static func duration(_ fields: RegisterFields) throws(ResilienceError) -> DurationModel {
        if let bounds = try fields.numbers("duration_ci90_hours", count: 2) { return .ci90(low: bounds[0], high: bounds[1]) }
        if let parameters = try fields.nested("duration_log_params") {
            guard let mu = try parameters.number("mu"), let sigma = try parameters.number("sigma") else {
                throw fields.error("duration_log_params", "needs mu and sigma")
            }
            return .logParameters(mu: mu, sigma: sigma)
        }
        throw fields.error("duration_ci90_hours", "is required: [lo, hi] hours (5th and 95th percentiles)")
    }
}
