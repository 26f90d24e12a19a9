import PolicyEngine
import Resilience

/// The config's `downtime:` keys that set the model's decision inputs (docs/downtime-model.md,
/// "Settings"): `risk_appetite_p95`, `cost_ratios`, `currency`, `exchange_rates` (the value of one
/// unit of another currency in `currency`, for DR spend billed in it), `discount_rate`,
/// `horizon_years`. Kept apart from `StageSettings` so the stage's own keys and these evolve
/// independently; every money key of the model is read here, in one place.
enum DowntimeModelKeys {
    static let keys = ["risk_appetite_p95", "cost_ratios", "currency", "exchange_rates", "discount_rate", "horizon_years"]

    /// Applies the keys present in `downtime` to `settings` and the conversion rates to
    /// `exchangeRates`; errors name the config file and key.
    static func apply(_ downtime: Fields, to settings: inout ModelSettings, exchangeRates: inout [String: FixedDecimal], file: String) throws {
        func failure(_ key: String, _ expected: String, _ value: Value) -> CommandFailure {
            .input("\(file): downtime.\(key) must be \(expected), got '\(value.displayText)'")
        }
        if let value = downtime["risk_appetite_p95"] {
            guard let amount = value.doubleValue, amount.isFinite, amount > 0 else {
                throw failure("risk_appetite_p95", "a positive amount (the largest acceptable P95 annual loss)", value)
            }
            settings.riskAppetiteP95 = amount
        }
        if let value = downtime["currency"] {
            guard let code = value.stringValue, ModelSettings.isCurrencyCode(code) else {
                throw failure("currency", "a three-letter ISO 4217 code such as USD or EUR", value)
            }
            settings.setCurrency(code)
        }
        if let rates = downtime["exchange_rates"] {
            guard let entries = rates.objectValue else {
                throw CommandFailure.input("\(file): downtime.exchange_rates must map a currency to its value in downtime.currency (EUR: 1.08)")
            }
            guard !settings.currencyAssumed else {
                throw CommandFailure.input("\(file): downtime.exchange_rates needs downtime.currency (the currency the rates convert to)")
            }
            for member in entries {
                let rate: FixedDecimal?
                switch member.value {
                case .decimal(let decimal): rate = decimal
                case .number(let number): rate = FixedDecimal(exactly: number) ?? (try? FixedDecimal.parse(String(number)).get().value)
                default: rate = nil
                }
                guard let rate, !rate.isNegative, !rate.isZero else {
                    throw CommandFailure.input("\(file): downtime.exchange_rates.\(member.key) must be a positive number")
                }
                exchangeRates[member.key] = rate
            }
        }
        if let value = downtime["discount_rate"] {
            guard let rate = value.doubleValue, rate.isFinite, (0...0.5).contains(rate) else {
                throw failure("discount_rate", "a rate between 0 and 0.5 (0.08 = 8 %)", value)
            }
            settings.discountRate = rate
        }
        if let value = downtime["horizon_years"] {
            guard let years = value.doubleValue, years == years.rounded(), (1...20).contains(years) else {
                throw failure("horizon_years", "a whole number of years in 1…20", value)
            }
            settings.horizonYears = Int(years)
        }
        if let value = downtime["cost_ratios"] {
            guard let ratios = value.objectValue else {
                throw failure("cost_ratios", "a mapping of strategy to share of production spend, e.g. {warm_standby: 0.3}", value)
            }
            for member in ratios {
                let key = member.key
                let ratioValue = member.value
                guard let kind = StrategyKind(registerText: key), kind != .noDR else {
                    throw CommandFailure.input(
                        "\(file): downtime.cost_ratios.\(key) is not a DR strategy (backup_restore, pilot_light, warm_standby, active_active)")
                }
                guard let ratio = ratioValue.doubleValue, ratio.isFinite, (0...10).contains(ratio) else {
                    throw failure("cost_ratios.\(key)", "a share of production spend between 0 and 10", ratioValue)
                }
                settings.setCostRatio(ratio, for: kind)
            }
        }
    }
}
