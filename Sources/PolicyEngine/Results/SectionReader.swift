/// A section member that does not have the type its schema gives it, with its path in the
/// results document (`sections.cost.totals[2].amount`).
public struct SectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the results document (a JSON path from the root).
    public var path: String
    /// What the schema expects there.
    public var expected: String
    /// What was found instead (`absent`, or the value's JSON, shortened).
    public var found: String

    /// Creates an error.
    public init(path: String, expected: String, found: String) {
        self.path = path
        self.expected = expected
        self.found = found
    }

    /// `sections.cost.totals[2].amount: expected money (a decimal string such as "12.50"), found true`.
    public var description: String { "\(path): expected \(expected), found \(found)" }
}

/// Strict reads of one object of a section: a member that is absent or `null` reads as nil where
/// the schema allows it (`optional…` readers), and a member that is present with another type
/// is a `SectionError` naming its path, never a silent default. Money reads from an exact
/// decimal (a section built in this process), a decimal string (one read back from JSON) or a
/// JSON number; numbers from a number, a decimal or a numeric string.
public struct SectionReader: Sendable {
    /// The object read.
    public let fields: Fields
    /// Its path in the results document.
    public let path: String

    /// Reads `value`, which must be an object.
    public init(_ value: Value, path: String) throws(SectionError) {
        guard let fields = value.objectValue else { throw SectionError(path: path, expected: "an object", found: Self.shown(value)) }
        self.fields = fields
        self.path = path
    }

    /// The member names, sorted.
    public var keys: [String] { fields.keys }

    /// The member, nil when absent or `null`.
    public func member(_ key: String) -> Value? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    private func mismatch(_ key: String, _ expected: String) -> SectionError {
        SectionError(path: path + "." + key, expected: expected, found: fields[key].map(Self.shown) ?? "nothing (the member is absent)")
    }

    /// Fails on the first member (in key order) that `known` does not name: a section whose schema
    /// is closed has no member a reader would silently skip (a misspelt `untaged_share`).
    public func requireKnownMembers(_ known: Set<String>) throws(SectionError) {
        for key in fields.keys where !known.contains(key) {
            throw SectionError(path: path + "." + key, expected: "no such member (known: \(known.sorted().joined(separator: ", ")))",
                               found: Self.shown(fields[key] ?? .null))
        }
    }

    // MARK: - Structure

    /// A nested object; nil when absent or `null`.
    public func object(_ key: String) throws(SectionError) -> SectionReader? {
        guard let value = member(key) else { return nil }
        return try SectionReader(value, path: path + "." + key)
    }

    /// The objects of an array member (empty when absent or `null`).
    public func array(_ key: String) throws(SectionError) -> [SectionReader] {
        try items(key).enumerated().map { index, item throws(SectionError) -> SectionReader in
            try SectionReader(item, path: "\(path).\(key)[\(index)]")
        }
    }

    /// The elements of an array member (empty when absent or `null`).
    public func items(_ key: String) throws(SectionError) -> [Value] {
        guard let value = member(key) else { return [] }
        guard let items = value.arrayValue else { throw mismatch(key, "an array") }
        return items
    }

    /// The texts of an array of strings (empty when absent or `null`).
    public func texts(_ key: String) throws(SectionError) -> [String] {
        try items(key).enumerated().map { index, item throws(SectionError) -> String in
            guard let text = item.stringValue else {
                throw SectionError(path: "\(path).\(key)[\(index)]", expected: "a string", found: Self.shown(item))
            }
            return text
        }
    }

    /// The numbers of an array of numbers (empty when absent or `null`).
    public func numbers(_ key: String) throws(SectionError) -> [Double] {
        try items(key).enumerated().map { index, item throws(SectionError) -> Double in
            guard case .number(let number) = item else {
                throw SectionError(path: "\(path).\(key)[\(index)]", expected: "a number", found: Self.shown(item))
            }
            return number
        }
    }

    // MARK: - Scalars

    /// A string; nil when absent or `null`.
    public func text(_ key: String) throws(SectionError) -> String? {
        guard let value = member(key) else { return nil }
        guard let text = value.stringValue else { throw mismatch(key, "a string") }
        return text
    }

    /// A string that must be there.
    public func requiredText(_ key: String) throws(SectionError) -> String {
        guard let text = try text(key) else { throw mismatch(key, "a string") }
        return text
    }

    /// A boolean; nil when absent or `null`.
    public func bool(_ key: String) throws(SectionError) -> Bool? {
        guard let value = member(key) else { return nil }
        guard let flag = value.boolValue else { throw mismatch(key, "true or false") }
        return flag
    }

    /// A number; nil when absent or `null`.
    public func number(_ key: String) throws(SectionError) -> Double? {
        guard let value = member(key) else { return nil }
        switch value {
        case .number(let number): return number
        case .decimal(let amount): return amount.doubleValue
        case .string(let text):
            // A number written as a string (`"0.021"`) is still unambiguous.
            guard let number = Double(text), number.isFinite else { throw mismatch(key, "a number") }
            return number
        default: throw mismatch(key, "a number")
        }
    }

    /// A number that must be there.
    public func requiredNumber(_ key: String) throws(SectionError) -> Double {
        guard let number = try number(key) else { throw mismatch(key, "a number") }
        return number
    }

    /// A count or a number of days; nil when absent or `null`.
    public func wholeNumber(_ key: String) throws(SectionError) -> Int? {
        guard let number = try number(key) else { return nil }
        guard number == number.rounded(.down), let whole = number.intRoundedDown else { throw mismatch(key, "a whole number") }
        return whole
    }

    /// A count that must be there.
    public func requiredWholeNumber(_ key: String) throws(SectionError) -> Int {
        guard let whole = try wholeNumber(key) else { throw mismatch(key, "a whole number") }
        return whole
    }

    /// An amount of money; nil when absent or `null`.
    public func money(_ key: String) throws(SectionError) -> FixedDecimal? {
        guard let value = member(key) else { return nil }
        guard let amount = Self.money(value) else { throw mismatch(key, Self.moneyExpected) }
        return amount
    }

    /// An amount of money that must be there.
    public func requiredMoney(_ key: String) throws(SectionError) -> FixedDecimal {
        guard let amount = try money(key) else { throw mismatch(key, Self.moneyExpected) }
        return amount
    }

    /// What a money member must hold, for messages.
    public static let moneyExpected = "money (a decimal string such as \"12.50\")"

    /// `value` as money: an exact decimal, a decimal string or a JSON number; nil for anything else.
    public static func money(_ value: Value) -> FixedDecimal? {
        switch value {
        case .decimal(let amount): return amount
        case .number(let number): return FixedDecimal(exactly: number)
        case .string(let text):
            guard case .success(let parsed) = FixedDecimal.parse(text) else { return nil }
            return parsed.value
        default: return nil
        }
    }

    /// A value as a message shows it: its JSON, cut after 60 characters.
    static func shown(_ value: Value) -> String {
        let text = JSONWriter.compact(value)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
