/// A DR posture (DOWNTIME-MODEL §B.1.3). Raw values are the register spellings.
public enum StrategyKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// No DR: wait for the primary to recover.
    case noDR = "none"
    /// Backup & restore ("hours").
    case backupRestore = "backup_restore"
    /// Pilot light ("10s of minutes").
    case pilotLight = "pilot_light"
    /// Warm standby ("minutes").
    case warmStandby = "warm_standby"
    /// Multi-site active/active ("real-time").
    case activeActive = "active_active"

    /// Cost order (A1, A12): none < backup & restore < pilot light < warm standby < active/active.
    public static func < (lhs: StrategyKind, rhs: StrategyKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Parses a register spelling; also accepts the spec's camelCase and AWS Resilience Hub names.
    public init?(registerText text: String) {
        let key = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        switch key {
        case "none", "no_dr": self = .noDR
        case "backup_restore", "backuprestore", "backup_and_restore": self = .backupRestore
        case "pilot_light", "pilotlight": self = .pilotLight
        case "warm_standby", "warmstandby", "hot_standby", "hotstandby": self = .warmStandby
        case "active_active", "activeactive", "multi_site", "multi_site_active_active": self = .activeActive
        default: return nil
        }
    }
}

/// How the lost-write window of a completed failover is drawn.
public enum RPOModel: String, Codable, Sendable {
    /// Point-in-time copies every RPO hours: the window is U·RPO.
    case periodic
    /// Continuous replication lagging by RPO: the window is RPO.
    case continuous
}

/// The numeric behaviour of a strategy. Every default is an [A] assumption of §B.1.3.
public struct StrategyParameters: Sendable, Hashable {
    /// Failover execution time in hours (∞ for `none`).
    public var rtoHours: Double
    /// Recovery point in hours (0 for `none`, which never fails over).
    public var rpoHours: Double
    /// Periodic or continuous recovery points.
    public var rpoModel: RPOModel
    /// Failover success probability just after a passing full test.
    public var pMax: Double
    /// Failover success probability when never tested or the last test failed.
    public var pFloor: Double
    /// DR run cost as a share of production spend, used only without billing data.
    public var costRatio: Double
    /// Hours from disruption until DR is invoked (δ).
    public var declarationDelayHours: Double
    /// RTO inflation factor when untested.
    public var kUntested: Double
    /// Test-freshness decay constant in days (τ).
    public var tauDays: Double

    /// Creates parameters.
    public init(
        rtoHours: Double, rpoHours: Double, rpoModel: RPOModel, pMax: Double, pFloor: Double, costRatio: Double,
        declarationDelayHours: Double = 0, kUntested: Double = 1.5, tauDays: Double = 180
    ) {
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

    /// The §B.1.3 defaults for a strategy.
    public static func defaults(for kind: StrategyKind) -> StrategyParameters {
        switch kind {
        case .noDR:
            return StrategyParameters(rtoHours: .infinity, rpoHours: 0, rpoModel: .continuous, pMax: 0, pFloor: 0, costRatio: 0)
        case .backupRestore:
            return StrategyParameters(rtoHours: 6, rpoHours: 24, rpoModel: .periodic, pMax: 0.90, pFloor: 0.50, costRatio: 0.05)
        case .pilotLight:
            return StrategyParameters(rtoHours: 0.5, rpoHours: 1.0 / 6.0, rpoModel: .continuous, pMax: 0.95, pFloor: 0.50, costRatio: 0.15)
        case .warmStandby:
            return StrategyParameters(rtoHours: 1.0 / 6.0, rpoHours: 1.0 / 60.0, rpoModel: .continuous, pMax: 0.97, pFloor: 0.50, costRatio: 0.40)
        case .activeActive:
            return StrategyParameters(rtoHours: 1.0 / 60.0, rpoHours: 1.0 / 720.0, rpoModel: .continuous, pMax: 0.99, pFloor: 0.90, costRatio: 1.00)
        }
    }
}
