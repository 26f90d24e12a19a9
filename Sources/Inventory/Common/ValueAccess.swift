import PolicyEngine

// MARK: - Reading native records

/// Accessors the readers use on native records. Every accessor treats JSON `null` as missing
/// and passes `.unknown` through, so a Terraform "known after apply" value reaches the facet as
/// unknown instead of vanishing.
extension Value {
    /// The value at a key path (see `value(at:)`).
    func at(_ keys: String...) -> Value? { value(at: keys) }

    // The same for paths of one to three keys, without the variadic array: the linker and the
    // readers call these a few times per record, a million records in a large run.

    /// The value at `key` (see `value(at:)`).
    @inline(__always) func at(_ key: String) -> Value? { step(key) }

    /// The value at a key interned once (see `value(at:)`): the members a reader reads of every record.
    @inline(__always) func at(_ key: DocumentKey) -> Value? { step(key) }

    /// The value at `first.second`, keys interned once (see `value(at:)`).
    @inline(__always) func at(_ first: DocumentKey, _ second: DocumentKey) -> Value? { step(first)?.step(second) }

    /// The value at `first.second` (see `value(at:)`).
    @inline(__always) func at(_ first: String, _ second: String) -> Value? { step(first)?.step(second) }

    /// The value at `first.second.third` (see `value(at:)`).
    @inline(__always) func at(_ first: String, _ second: String, _ third: String) -> Value? {
        step(first)?.step(second)?.step(third)
    }

    /// The value at a key path, matching each key case-insensitively (Azure PowerShell exports
    /// spell `Properties`, ARG `properties`).
    func ci(_ keys: String...) -> Value? {
        var current = self
        for key in keys {
            if case .unknown = current { return .unknown }
            guard case .object(let fields) = current else { return nil }
            var found: Value?
            if let exact = fields[key] {
                found = exact
            } else {
                // The first match in key order, found without sorting the members (absent keys
                // are looked up on every item: `BucketObjectLockConfiguration` of every bucket).
                var matchedKey: String?
                for member in fields.unorderedMembers where Self.equalIgnoringCase(member.key, key) {
                    if let matched = matchedKey, matched <= member.key { continue }
                    matchedKey = member.key
                    found = member.value
                }
            }
            guard let next = found, !next.isNull else { return nil }
            current = next
        }
        return current
    }

    /// `left.lowercased() == right.lowercased()`, compared byte by byte with ASCII letters folded
    /// while both are ASCII, so that a miss allocates nothing (lowercasing every member's key was
    /// most of the cost of `ci` on an absent key). Exact: at the first non-ASCII byte it compares
    /// the lowercased strings; before that, an ASCII character lowercases to one ASCII byte, so a
    /// differing byte or an early end means differing lowercased strings.
    static func equalIgnoringCase(_ left: String, _ right: String) -> Bool {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var leftBytes = left.utf8.makeIterator()
        var rightBytes = right.utf8.makeIterator()
        while true {
            switch (leftBytes.next(), rightBytes.next()) {
            case (nil, nil):
                return true
            case (let leftByte?, let rightByte?):
                if leftByte >= 0x80 || rightByte >= 0x80 { return left.lowercased() == right.lowercased() }
                if folded(leftByte) != folded(rightByte) { return false }
            default:
                return false
            }
        }
    }

    /// The first element of an array (Terraform nested blocks are one-element arrays); an object
    /// stays itself; `.unknown` stays unknown; an empty array is nil.
    var firstBlock: Value? {
        switch self {
        case .array(let items): return items.first.flatMap { $0.isNull ? nil : $0 }
        case .object, .unknown: return self
        default: return nil
        }
    }

    /// The elements of an array (an object counts as one element; anything else as none).
    var elements: [Value] {
        switch self {
        case .array(let items): return items.filter { !$0.isNull }
        case .object: return [self]
        default: return []
        }
    }

    /// A non-empty string, or the text of a number.
    var text: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .number, .decimal: return keyText
        default: return nil
        }
    }

    /// A boolean facet value: booleans, `"true"`/`"false"` in any case, and unknown.
    var boolFacet: Value? {
        switch self {
        case .bool: return self
        case .unknown: return .unknown
        case .string(let text):
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        default: return nil
        }
    }

    /// A string facet value: non-empty strings, numbers as text, and unknown.
    var stringFacet: Value? {
        if case .unknown = self { return .unknown }
        return text.map(Value.string)
    }

    /// A number facet value: numbers, numeric strings (`"60"`, `"60.0"`), and unknown.
    var numberFacet: Value? {
        switch self {
        case .number: return self
        case .decimal(let decimal): return .number(decimal.doubleValue)
        case .unknown: return .unknown
        case .string(let text): return Double(text).map(Value.number)
        default: return nil
        }
    }

    /// A list of non-empty strings (a single string counts as a one-element list); unknown stays unknown.
    var stringListFacet: Value? {
        switch self {
        case .unknown: return .unknown
        case .array(let items): return .array(items.compactMap { $0.text.map(Value.string) })
        case .string(let text): return text.isEmpty ? nil : .array([.string(text)])
        default: return nil
        }
    }
}

/// Builds a string→string tag map from the shapes clouds use: a plain object, or a list of
/// `{key, value}` / `{Key, Value}` / `{tagKey, tagValue}` pairs. Non-string values use their text;
/// null, object and array values are left out. The map is an object of strings, the form the
/// document holds: an object whose values are all strings (nearly every one) is the map as it is.
func tagMap(_ value: Value?) -> Fields {
    guard let value else { return Fields() }
    switch value {
    case .object(let fields):
        if fields.unorderedMembers.allSatisfy({ if case .string = $0.value { true } else { false } }) { return fields }
        var tags = Fields()
        tags.reserveCapacity(fields.count)
        for member in fields.unorderedMembers {
            if let text = member.value.text ?? (member.value.boolValue.map { $0 ? "true" : "false" }) {
                tags[member.objectKey] = .string(text)
            } else if case .string = member.value {
                tags[member.objectKey] = .string("")
            }
        }
        return tags
    case .array(let items):
        var tags = Fields()
        for item in items {
            guard let key = (item.ci("key") ?? item.ci("tagKey"))?.text else { continue }
            tags[key] = .string((item.ci("value") ?? item.ci("tagValue"))?.text ?? "")
        }
        return tags
    default:
        return Fields()
    }
}

/// The ISO 8601 text of a timestamp that may be a string, epoch seconds or epoch milliseconds.
func timestampText(_ value: Value?) -> String? {
    guard let value else { return nil }
    switch value {
    case .string(let text):
        return text.isEmpty ? nil : text
    case .number(let number):
        let seconds = abs(number) >= 100_000_000_000 ? number / 1000 : number
        // Outside the representable dates (years 1–9999) the number is not a timestamp.
        guard let whole = seconds.intRoundedDown else { return nil }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        guard CivilDate.epochDays.contains(days) else { return nil }
        let secondOfDay = whole - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    default:
        return nil
    }
}
