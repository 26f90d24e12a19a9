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
    static let downtimeKeys = ["enabled", "trials", "seed", "application_tag", "environment_tag", "dr_environment"]
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
        try DowntimeModelKeys.apply(downtime, to: &self.downtime.model, exchangeRates: &self.cost.exchangeRates, file: file)
        // The billed DR spend is converted to the model's currency (`downtime.currency`).
        if !self.downtime.model.currencyAssumed { self.cost.modelCurrency = self.downtime.model.currency }
        let identity = try fields("identity", allowed: Self.identityKeys)
        if let value = try text(identity, "precedence", in: "identity") {
            guard let precedence = StatePrecedence(rawValue: value) else {
                let known = StatePrecedence.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure.input("\(file): identity.precedence must be one of \(known), not '\(value)'")
            }
            statePrecedence = precedence
        }
    }

    /// Sets the currency of the model's money and of the DR spend conversion in one place
    /// (`downtime.currency`, `--currency`, or the application register's own `currency:`).
    mutating func setCurrency(_ code: String) {
        downtime.model.setCurrency(code)
        cost.modelCurrency = code
    }

    /// Adopts the currency the application register declares (its file-level `currency:`, copied
    /// onto every record, or a record's own `currency` field): without `downtime.currency` it
    /// becomes the model's currency; a record in another currency than the config, or two records
    /// in different currencies, is an input error naming the record's file and line.
    mutating func adoptRegisterCurrency(from resources: [Resource], configFile: String?) throws {
        var first: (code: String, source: String)?
        // By index: `for resource in resources` copies every resource (a million, in a large run).
        for index in resources.indices where resources[index].type == ApplicationRegister.resourceType {
            guard let value = resources[index].document["currency"] else { continue }
            let place = resources[index].source.displayText
            guard let code = value.stringValue, ModelSettings.isCurrencyCode(code) else {
                throw CommandFailure.input("\(place): currency must be a three-letter ISO 4217 code such as USD or EUR, got '\(value.displayText)'")
            }
            if !downtime.model.currencyAssumed, first == nil, code != downtime.model.currency {
                throw CommandFailure.input("\(place): the application register's currency \(code) differs from downtime.currency \(downtime.model.currency) "
                    + "in \(configFile ?? "the config") (convert the register's amounts, or set the same currency in both)")
            }
            if let earlier = first, earlier.code != code {
                throw CommandFailure.input("\(place): application in \(code), but \(earlier.source) is in \(earlier.code): "
                    + "one register, one currency (the downtime model compares the applications' money)")
            }
            if first == nil { first = (code, place) }
        }
        if let first, downtime.model.currencyAssumed { setCurrency(first.code) }
    }
}