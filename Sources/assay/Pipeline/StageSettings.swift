import Inventory
import PolicyEngine
import PolicyLoader
import Resilience

/// The typed settings of the cost and downtime stages, read from the config's `cost:` and
/// `downtime:` sections (unknown keys are errors, like everywhere else in the config).
struct StageSettings {
    var cost = CostStage.Settings()
    var downtime = DowntimeStage.Settings()
    /// Whose values win when live state and Terraform describe one resource (`identity.precedence`).
    var statePrecedence = StatePrecedence.live

    static let costKeys = ["required_tags", "review_months", "skip_bad_rows", "engine", "duckdb"]
    static let downtimeKeys = ["enabled", "trials", "seed", "application_tag", "environment_tag", "dr_environment", "exchange_rates"]
        + DowntimeModelKeys.keys
    static let identityKeys = ["precedence"]

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
        if let engine = try text(cost, "engine", in: "cost") {
            guard let known = CostEngine(rawValue: engine) else {
                throw CommandFailure.input("\(file): cost.engine must be one of \(CostEngine.allCases.map(\.rawValue).joined(separator: ", ")), not '\(engine)'")
            }
            self.cost.engine = known
        }
        if let path = try text(cost, "duckdb", in: "cost") { self.cost.duckdbPath = path }
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
        try DowntimeModelKeys.apply(downtime, to: &self.downtime.model, file: file)
        let identity = try fields("identity", allowed: Self.identityKeys)
        if let value = try text(identity, "precedence", in: "identity") {
            guard let precedence = StatePrecedence(rawValue: value) else {
                let known = StatePrecedence.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure.input("\(file): identity.precedence must be one of \(known), not '\(value)'")
            }
            statePrecedence = precedence
        }
        // The billed DR spend is converted to the model's currency (`downtime.currency`).
        if !self.downtime.model.currencyAssumed { self.cost.modelCurrency = self.downtime.model.currency }
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
