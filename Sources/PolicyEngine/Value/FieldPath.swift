/// A compiled path into a document: `encryption.at_rest.enabled`, `tags["cost-center"]`,
/// `rules[0].status`, `$.region` (the resource being evaluated), `@` (the current array element).
///
/// Parsed once when a policy is loaded; evaluation only walks the components.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// Where a path starts.
    public enum Anchor: Sendable, Hashable {
        /// The current scope: the resource at top level, the element inside a quantifier, the
        /// related resource inside `related.require`.
        case current
        /// `$`: the resource being evaluated, wherever the path stands.
        case root
    }

    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element (0-based; negative counts from the end).
        case index(Int)
    }

    /// Where the path starts.
    public let anchor: Anchor
    /// The steps from the anchor.
    public let components: [Component]
    /// Each key step's key, interned once here so lookups compare numbers (nil for index steps).
    @usableFromInline let objectKeys: [ObjectKey?]
    /// The key an index step's plan slot holds (never looked up).
    static let noKey = ObjectKey("")

    /// The canonical text, computed once (evidence quotes it for every failing resource).
    public let description: String

    /// Creates a path from parts.
    public init(anchor: Anchor = .current, components: [Component]) {
        self.anchor = anchor
        self.components = components
        objectKeys = components.map { component in
            if case .key(let key) = component { return ObjectKey(key) }
            return nil
        }
        description = Self.text(anchor: anchor, components: components)
    }

    /// Why a path text could not be parsed, with the 0-based character offset.
    public struct ParseError: Error, Sendable, Equatable {
        /// Character offset of the problem.
        public var offset: Int
        /// What was expected.
        public var reason: String
    }

    /// Parses path text (see the type's documentation for the forms).
    public init(parsing text: String) throws(ParseError) {
        let characters = Array(text)
        var position = 0
        var parsedAnchor = Anchor.current
        var parsed: [Component] = []
        if characters.first == "$" {
            parsedAnchor = .root
            position = 1
        } else if characters.first == "@" {
            position = 1
        }
        var expectSeparator = position > 0
        if position == 0 && characters.isEmpty { throw ParseError(offset: 0, reason: "empty path") }
        while position < characters.count {
            let character = characters[position]
            if character == "." {
                guard position + 1 < characters.count else { throw ParseError(offset: position, reason: "path ends with '.'") }
                guard characters[position + 1] != ".", characters[position + 1] != "[" else {
                    throw ParseError(offset: position + 1, reason: "expected a key after '.'")
                }
                position += 1
                expectSeparator = false
                continue
            }
            if character == "[" {
                position += 1
                guard position < characters.count else { throw ParseError(offset: position, reason: "unterminated '['") }
                let quote = characters[position]
                if quote == "\"" || quote == "'" {
                    position += 1
                    var key = ""
                    while position < characters.count && characters[position] != quote {
                        if characters[position] == "\\" && position + 1 < characters.count { position += 1 }
                        key.append(characters[position])
                        position += 1
                    }
                    guard position + 1 < characters.count, characters[position + 1] == "]" else {
                        throw ParseError(offset: position, reason: "expected \(quote)] to close a quoted key")
                    }
                    position += 2
                    parsed.append(.key(key))
                } else {
                    var digits = ""
                    while position < characters.count && characters[position] != "]" {
                        digits.append(characters[position])
                        position += 1
                    }
                    guard position < characters.count, let index = Int(digits) else {
                        throw ParseError(offset: position, reason: "expected an integer index or a quoted key inside [...]")
                    }
                    position += 1
                    parsed.append(.index(index))
                }
                expectSeparator = true
                continue
            }
            if expectSeparator {
                throw ParseError(offset: position, reason: "expected '.' or '[' between path steps")
            }
            var key = ""
            while position < characters.count && characters[position] != "." && characters[position] != "[" {
                key.append(characters[position])
                position += 1
            }
            parsed.append(.key(key))
            expectSeparator = true
        }
        self.init(anchor: parsedAnchor, components: parsed)
    }

    /// True for the bare `@` / `$` paths.
    public var isAnchorOnly: Bool { components.isEmpty }

    /// The canonical text form (quoted keys where a key contains `.`, `[`, `]` or is empty).
    static func text(anchor: Anchor, components: [Component]) -> String {
        var text: String
        switch anchor {
        case .root: text = "$"
        case .current: text = components.isEmpty ? "@" : ""
        }
        for component in components {
            switch component {
            case .key(let key):
                let plain = !key.isEmpty && !key.contains(where: { $0 == "." || $0 == "[" || $0 == "]" || $0 == "\"" })
                    && key != "@" && key != "$"
                if plain {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"" + key.replacingAll("\"", with: "\\\"") + "\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Follows the path from `base`. Returns nil when a step is missing or a JSON `null` is met
    /// (null counts as missing), `.unknown` when an unknown value is met on the way.
    @inlinable public func resolve(from base: Value) -> Value? {
        var current = base
        for (step, component) in components.enumerated() {
            switch (component, current) {
            case (.key, .object(let fields)):
                guard let next = fields.value(for: objectKeys[step].unsafelyUnwrapped) else { return nil }
                current = next
            case (.index(let index), .array(let items)):
                let resolved = index < 0 ? items.count + index : index
                guard resolved >= 0 && resolved < items.count else { return nil }
                current = items[resolved]
            case (_, .unknown):
                return .unknown
            default:
                return nil
            }
        }
        if case .null = current { return nil }
        return current
    }
}

extension FieldPath {
    /// Follows the keys `keys` from `base` with `resolve(from:)`'s rules.
    static func resolve(_ keys: some Sequence<ObjectKey>, from base: Value) -> Value? {
        var current = base
        for key in keys {
            switch current {
            case .object(let fields):
                guard let next = fields.value(for: key) else { return nil }
                current = next
            case .unknown:
                return .unknown
            default:
                return nil
            }
        }
        if case .null = current { return nil }
        return current
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed in the core).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = self[...]
        while let range = remainder.firstRange(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        result += remainder
        return result
    }
}
