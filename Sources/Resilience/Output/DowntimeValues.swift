import PolicyEngine

/// Conversions from model numbers to JSON values, shared by the section and the annotations.
enum DowntimeValues {
    /// Money rounded half-even to cents as an exact decimal; null when not finite.
    static func money(_ amount: Double) -> Value {
        guard amount.isFinite, let exact = FixedDecimal(exactly: amount) else { return .null }
        guard case .success(let rounded) = FixedDecimal.parse(exact.formatted(fractionDigits: 2)) else { return .null }
        return .decimal(rounded.value)
    }

    /// A plain number; null when not finite (∞ RTO of `none`).
    static func number(_ value: Double) -> Value { value.isFinite ? .number(value) : .null }

    /// An optional number.
    static func number(_ value: Double?) -> Value { value.map(number) ?? .null }

    static func exceedance(_ points: [ExceedancePoint]) -> Value {
        .array(points.map { ["loss": money($0.loss), "probability": .number($0.probability)] })
    }

    static func placeholders(_ placeholders: [Placeholder]) -> Value {
        .array(placeholders.map { ["field": .string($0.field), "value": .string($0.value)] })
    }

    static func warnings(_ warnings: [ModelWarning]) -> Value {
        .array(warnings.map { ["code": .string($0.code), "message": .string($0.message)] })
    }

    static func basis(_ basis: FreshnessBasis) -> Value {
        switch basis {
        case .notApplicable: return ["kind": "not_applicable"]
        case .untested: return ["kind": "untested"]
        case .failedTest(let age): return ["kind": "failed_test", "age_days": .number(Double(age))]
        case .passedTest(let age, let partial):
            return ["kind": partial ? "partial_test" : "full_test", "age_days": .number(Double(age))]
        case .cadence(let days): return ["kind": "planned_cadence", "cadence_days": .number(days)]
        case .continuous: return ["kind": "continuous"]
        }
    }

    static func payback(_ payback: Payback) -> Value {
        switch payback {
        case .years(let years): return number(years)
        case .never: return "never"
        }
    }

    static func breakEven(_ breakEven: BreakEvenRevenue) -> Value {
        switch breakEven {
        case .revenuePerHour(let revenue), .onlyBelowRevenuePerHour(let revenue): return money(revenue)
        case .anyRevenue: return "any"
        case .neverByRevenue: return "never"
        }
    }

    /// How to read `break_even_revenue_per_hour`: the move pays `above` or only `below` it.
    static func breakEvenReading(_ breakEven: BreakEvenRevenue) -> Value {
        switch breakEven {
        case .revenuePerHour: return "above"
        case .onlyBelowRevenuePerHour: return "below"
        case .anyRevenue: return "any"
        case .neverByRevenue: return "never"
        }
    }

    /// The strategy parameters in force (the [A] assumptions of §B.1.3).
    static func parameters(_ parameters: StrategyParameters) -> Value {
        [
            "rto_hours": number(parameters.rtoHours), "rpo_hours": number(parameters.rpoHours),
            "rpo_model": .string(parameters.rpoModel.rawValue), "p_max": .number(parameters.pMax), "p_floor": .number(parameters.pFloor),
            "cost_ratio": .number(parameters.costRatio), "declaration_delay_hours": .number(parameters.declarationDelayHours),
            "k_untested": .number(parameters.kUntested), "tau_days": .number(parameters.tauDays),
        ]
    }
}
