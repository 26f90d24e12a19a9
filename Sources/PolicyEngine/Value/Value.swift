/// A JSON-like document value: what every resource, record and cost group is made of.
///
/// Numbers come in two kinds: `.number` (binary floating point, for ordinary attributes such as
/// ports, TTLs and counts) and `.decimal` (exact fixed-point, for money). `.unknown` marks a value
/// an input says is not known yet (Terraform's `after_unknown`); operators on it yield *unknown*,
/// never a pass or a fail.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case decimal(FixedDecimal)
    case string(String)
    case array([Value])
    case object(Fields)
    case unknown

    // MARK: - Accessors

    /// The string payload, if this is a string.
    @inlinable public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean payload, if this is a boolean.
    @inlinable public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The numeric payload as a `Double`, for numbers and decimals.
    public var doubleValue: Double? {
        switch self {
        case .number(let number): return number
        case .decimal(let decimal): return decimal.doubleValue
        default: return nil
        }
    }

    /// The array payload, if this is an array.
    @inlinable public var arrayValue: [Value]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The object payload, if this is an object.
    @inlinable public var objectValue: Fields? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    /// True for `.null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// True for `.unknown`.
    @inlinable public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// The member `key` of an object (nil for non-objects and absent keys).
    @inlinable public subscript(key: String) -> Value? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// A short name of the value's kind, used in type-error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number, .decimal: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .unknown: return "unknown"
        }
    }

    /// A compact, human-readable rendering used in messages and evidence (strings unquoted).
    public var displayText: String {
        switch self {
        case .string(let text): return text
        default: return JSONWriter.compact(self)
        }
    }

    /// The value as evidence shows an operand: whole when short; a long list as its first items and
    /// its size, a long text cut with its length. An operand of a megabyte is not copied into every
    /// finding's evidence (docs/limits.md); the policy file holds it whole.
    public var evidenceText: String {
        if case .array(let items) = self, items.count > Self.evidenceItems {
            let shown = items.prefix(Self.evidenceItems).map { Value.string(String($0.evidenceText.prefix(Self.evidenceCharacters))) }
            return JSONWriter.compact(.array(Array(shown))).dropLast() + ", … \(items.count) items in all]"
        }
        let text = displayText
        guard text.count > Self.evidenceCharacters else { return text }
        return text.prefix(Self.evidenceCharacters) + "… (\(text.count) characters)"
    }

    /// Items of a long list shown in evidence.
    static let evidenceItems = 10
    /// Characters of a long text shown in evidence.
    static let evidenceCharacters = 200

    /// A scalar's text for keyed lookups and grouping (`tier: 1` and `tier: "1"` both give `"1"`).
    public var keyText: String? {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return JSONWriter.format(number)
        case .decimal(let decimal): return decimal.description
        default: return nil
        }
    }
}

// MARK: - Literals

extension Value: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(Fields(elements)) }
}
