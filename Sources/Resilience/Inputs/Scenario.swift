/// The class of a disruptive event (DOWNTIME-MODEL §B.1.2).
public enum ScenarioKind: String, CaseIterable, Codable, Sendable {
    /// The primary site or region is impaired and recovers by itself after D0; failover can race it.
    case regional
    /// Logical corruption, deletion or ransomware: every strategy restores from backups.
    case corruption
    /// Application or deploy outages that DR does not change.
    case independent
}

/// How often a scenario happens per year.
public enum EventFrequency: Sendable, Hashable {
    /// A fixed Poisson rate λ (events per year).
    case poisson(rate: Double)
    /// A PERT-distributed rate, drawn once per trial before the Poisson count.
    case pert(low: Double, mode: Double, high: Double, gamma: Double)

    /// λ̄: the rate, or the PERT mean (lo + γ·mode + hi)/(γ + 2) — not the mode (Appendix).
    public var meanRate: Double {
        switch self {
        case .poisson(let rate): return rate
        case .pert(let low, let mode, let high, let gamma): return (low + gamma * mode + high) / (gamma + 2)
        }
    }
}

/// How the outage duration without DR action (D0) is given.
public enum DurationModel: Sendable, Hashable {
    /// The 5th and 95th percentiles in hours.
    case ci90(low: Double, high: Double)
    /// Lognormal parameters fitted from incident history (μ = mean ln d, σ = SD of ln d).
    case logParameters(mu: Double, sigma: Double)

    /// The lognormal this describes.
    public var lognormal: LognormalDuration {
        switch self {
        case .ci90(let low, let high): return LognormalDuration(ci90Low: low, high: high)
        case .logParameters(let mu, let sigma): return LognormalDuration(mu: mu, sigma: sigma)
        }
    }
}

/// One scenario of an application (DOWNTIME-MODEL §B.1.2).
public struct Scenario: Sendable, Hashable {
    /// Unique within the application.
    public var id: String
    /// Regional, corruption or independent.
    public var kind: ScenarioKind
    /// Events per year.
    public var frequency: EventFrequency
    /// Outage duration without DR action.
    public var duration: DurationModel
    /// Backup interval in hours (corruption only; default 24 [A]).
    public var backupIntervalHours: Double?
    /// Detection lag in hours (corruption only; default 0 [A]).
    public var detectionLagHours: Double?

    /// Creates a scenario.
    public init(
        id: String, kind: ScenarioKind, frequency: EventFrequency, duration: DurationModel,
        backupIntervalHours: Double? = nil, detectionLagHours: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.frequency = frequency
        self.duration = duration
        self.backupIntervalHours = backupIntervalHours
        self.detectionLagHours = detectionLagHours
    }

    /// Default backup interval for corruption scenarios [A].
    public static let defaultBackupIntervalHours = 24.0
    /// Default detection lag for corruption scenarios [A].
    public static let defaultDetectionLagHours = 0.0

    /// The placeholder library used when an application lists no scenarios (§B.1.2, all [A]).
    public static let defaultLibrary: [Scenario] = [
        Scenario(id: "regional", kind: .regional, frequency: .poisson(rate: 0.2), duration: .ci90(low: 1, high: 12)),
        Scenario(
            id: "corruption", kind: .corruption, frequency: .poisson(rate: 0.1), duration: .ci90(low: 2, high: 12),
            backupIntervalHours: 24, detectionLagHours: 1),
        Scenario(id: "independent", kind: .independent, frequency: .poisson(rate: 4), duration: .ci90(low: 0.1, high: 2)),
    ]
}
