import PolicyEngine

/// Conversions from model numbers to the section's and the annotations' figures.
enum DowntimeValues {
    /// Money rounded half-even to cents as an exact decimal; nil when not finite.
    static func amount(_ amount: Double) -> FixedDecimal? {
        guard amount.isFinite, let exact = FixedDecimal(exactly: amount) else { return nil }
        guard case .success(let rounded) = FixedDecimal.parse(exact.formatted(fractionDigits: 2)) else { return nil }
        return rounded.value
    }

    /// `amount` as a JSON value (`null` when not finite).
    static func money(_ value: Double) -> Value { amount(value).map(Value.decimal) ?? .null }

    /// A number; nil when not finite (the ∞ RTO of `none`).
    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    static func exceedance(_ points: [ExceedancePoint]) -> [DowntimeModelSection.ExceedancePoint] {
        points.map { DowntimeModelSection.ExceedancePoint(loss: amount($0.loss), probability: $0.probability) }
    }

    /// The break-even revenue per hour as the application records carry it: money, `any` or `never`.
    static func breakEven(_ breakEven: BreakEvenRevenue) -> Value {
        switch breakEven {
        case .revenuePerHour(let revenue), .onlyBelowRevenuePerHour(let revenue): return money(revenue)
        case .anyRevenue: return "any"
        case .neverByRevenue: return "never"
        }
    }
}
