import PolicyEngine

/// Typed access to one register record's fields. Numbers may be JSON numbers, exact decimals or
/// numeric strings (CSV registers); an empty string or null counts as absent. Anything else is a
/// `ResilienceError` naming the application, the field and the record's source.
struct RegisterFields {
    let application: String
    let source: SourceReference?
    let object: Fields
    /// Dotted prefix of `object` within the record (`dr.`), for messages.
    let prefix: String

    init(application: String, source: SourceReference?, object: Fields, prefix: String = "") {
        self.application = application
        self.source = source
        self.object = object
        self.prefix = prefix
    }

    func error(_ field: String, _ reason: String) -> ResilienceError {
        .invalidField(application: application, field: prefix + field, reason: reason, source: source)
    }

    /// The member, with null and empty strings treated as absent.
    func raw(_ field: String) -> Value? {
        guard let value = object[field] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text) where text.allSatisfy({ $0 == " " || $0 == "\t" }): return nil
        default: return value
        }
    }

    /// A number as `Double`.
    func number(_ field: String) throws(ResilienceError) -> Double? {
        guard let value = raw(field) else { return nil }
        guard let number = Self.number(value) else {
            throw error(field, "expected a number, got \(value.kindName) '\(value.displayText)'")
        }
        return number
    }

    /// A number as an exact decimal (money from billing-like fields).
    func money(_ field: String) throws(ResilienceError) -> FixedDecimal? {
        guard let value = raw(field) else { return nil }
        switch value {
        case .decimal(let decimal): return decimal
        case .number(let number):
            if let exact = FixedDecimal(exactly: number) { return exact }
        case .string(let text):
            if case .success(let parsed) = FixedDecimal.parse(text) { return parsed.value }
        default: break
        }
        throw error(field, "expected an amount of money, got \(value.kindName) '\(value.displayText)'")
    }

    /// A string (numbers and booleans are given as their text).
    func text(_ field: String) throws(ResilienceError) -> String? {
        guard let value = raw(field) else { return nil }
        guard let text = value.keyText else { throw error(field, "expected a string, got \(value.kindName)") }
        return text
    }

    /// A boolean, also from the strings `true`/`false`/`yes`/`no`/`1`/`0`.
    func flag(_ field: String) throws(ResilienceError) -> Bool? {
        guard let value = raw(field) else { return nil }
        if case .bool(let flag) = value { return flag }
        switch value.keyText?.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw error(field, "expected true or false, got \(value.kindName) '\(value.displayText)'")
        }
    }

    /// An array of values.
    func array(_ field: String) throws(ResilienceError) -> [Value]? {
        guard let value = raw(field) else { return nil }
        guard let items = value.arrayValue else { throw error(field, "expected a list, got \(value.kindName)") }
        return items
    }

    /// A nested object as fields of its own.
    func nested(_ field: String) throws(ResilienceError) -> RegisterFields? {
        guard let value = raw(field) else { return nil }
        guard let fields = value.objectValue else { throw error(field, "expected an object, got \(value.kindName)") }
        return RegisterFields(application: application, source: source, object: fields, prefix: prefix + field + ".")
    }

    /// A list of numbers of a fixed length (`[lo, hi]`, `[lo, mode, hi]`).
    func numbers(_ field: String, count: Int) throws(ResilienceError) -> [Double]? {
        guard let items = try array(field) else { return nil }
        var numbers: [Double] = []
        for item in items {
            guard let number = Self.number(item) else { throw error(field, "expected numbers, got \(item.kindName) '\(item.displayText)'") }
            numbers.append(number)
        }
        guard numbers.count == count else { throw error(field, "expected \(count) numbers, got \(numbers.count)") }
        return numbers
    }

    /// A number from a number, decimal or numeric string (`nan` and `inf` parse, and are rejected by validation).
    static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let number): return number
        case .decimal(let decimal): return decimal.doubleValue
        case .string(let text):
            let trimmed = text.trimmingBlanks()
            return trimmed.isEmpty ? nil : Double(trimmed)
        default: return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
