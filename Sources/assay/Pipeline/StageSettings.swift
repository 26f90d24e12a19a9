import PolicyEngine
import PolicyLoader
import Resilience

/// The typed settings of the cost and downtime stages, read from the config's `cost:` and
/// `downtime:` sections (unknown keys are errors, like everywhere else in the config).
struct StageSettings {
    var cost = CostStage.Settings()
    var downtime = DowntimeStage.Settings()

    static let costKeys = ["required_tags", "review_months", "skip_bad_rows"]
    static let downtimeKeys = ["enabled", "trials", "seed", "application_tag", "environment_tag", "dr_environment", "currency", "exchange_rates"]

    init(config: AssayConfig) throws {
        let file = config.file ?? "config"
        func fields(_ name: String, allowed: [String]) throws -> Fields {
            guard let value = config.extensions[name] else { return Fields() }
            guard let fields = value.objectValue else { throw CommandFailure.input("\(file): '\(name)' must be a mapping") }
            for key in fields.keys where !allowed.contains(key) {
                let hint = NameSuggester.suggestion(for: key, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandFailure.input("\(file): unknown key '\(key)' in \(name)\(hint); known keys: \(allowed.joined(separator: ", "))")
            }
            return fields
        }
        func text(_ fields: Fields, _ key: String, in section: String) throws -> String? {
            guard let value = fields[key] else { return nil }
            guard let text = value.stringValue, !text.isEmpty else { throw CommandFailure.input("\(file): \(section).\(key) must be text") }
            return text
        }
        func number(_ fields: Fields, _ key: String, in section: String, range: ClosedRange<Double>) throws -> Double? {
            guard let value = fields[key] else { return nil }
            guard let number = value.doubleValue, range.contains(number), number == number.rounded() else {
                throw CommandFailure.input("\(file): \(section).\(key) must be a whole number in \(Int(range.lowerBound))…\(Int(range.upperBound))")
            }
            return number
        }
        let cost = try fields("cost", allowed: Self.costKeys)
        if let tags = cost["required_tags"] {
            guard let list = tags.arrayValue?.compactMap(\.stringValue), list.count == tags.arrayValue?.count else {
                throw CommandFailure.input("\(file): cost.required_tags must be a list of tag keys")
            }
            self.cost.requiredTags = list
        }
        if let months = try number(cost, "review_months", in: "cost", range: 1...36) { self.cost.reviewMonths = Int(months) }
        if let skip = cost["skip_bad_rows"] {
            guard let flag = skip.boolValue else { throw CommandFailure.input("\(file): cost.skip_bad_rows must be true or false") }
            self.cost.skipBadRows = flag
        }
        let downtime = try fields("downtime", allowed: Self.downtimeKeys)
        if let enabled = downtime["enabled"] {
            guard let flag = enabled.boolValue else { throw CommandFailure.input("\(file): downtime.enabled must be true or false") }
            self.downtime.enabled = flag
        }
        if let trials = try number(downtime, "trials", in: "downtime", range: 1_000...10_000_000) { self.downtime.model.trials = Int(trials) }
        if let seed = try number(downtime, "seed", in: "downtime", range: 0...9_007_199_254_740_991) { self.downtime.model.seed = UInt64(seed) }
        if let tag = try text(downtime, "application_tag", in: "downtime") { self.cost.applicationTag = tag }
        if let tag = try text(downtime, "environment_tag", in: "downtime") { self.cost.environmentTag = tag }
        if let value = try text(downtime, "dr_environment", in: "downtime") { self.cost.drEnvironment = value }
        if let currency = try text(downtime, "currency", in: "downtime") {
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw CommandFailure.input("\(file): downtime.currency must be an ISO 4217 code such as USD or EUR, got '\(currency)'")
            }
            self.cost.modelCurrency = currency
        }
        if let rates = downtime["exchange_rates"] {
            guard let entries = rates.objectValue else {
                throw CommandFailure.input("\(file): downtime.exchange_rates must map a currency to its value in downtime.currency (EUR: 1.08)")
            }
            guard self.cost.modelCurrency != nil else {
                throw CommandFailure.input("\(file): downtime.exchange_rates needs downtime.currency (the currency the rates convert to)")
            }
            for member in entries {
                let currency = member.key
                let value = member.value
                let rate: FixedDecimal?
                switch value {
                case .decimal(let decimal): rate = decimal
                case .number(let number): rate = FixedDecimal(exactly: number) ?? (try? FixedDecimal.parse(String(number)).get().value)
                default: rate = nil
                }
                guard let rate, !rate.isNegative, !rate.isZero else {
                    throw CommandFailure.input("\(file): downtime.exchange_rates.\(currency) must be a positive number")
                }
                self.cost.exchangeRates[currency] = rate
            }
        }
    }
}
