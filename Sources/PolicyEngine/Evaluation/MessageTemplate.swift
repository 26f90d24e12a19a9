/// A failure-message template: literal text with `{{ path | filter: arg | … }}` placeholders.
///
/// Placeholders name a field of the resource (`{{ encryption.at_rest.key_id }}`), or one of the
/// reserved names `policy.id`, `policy.title`, `params.<name>` and `as_of`. Filters: `default: 'x'`
/// (when missing), `upper`, `lower`, `join: ', '` (arrays), `count` (array/string/object length),
/// `percent` (a share 0–1 as `13.2 %`), `percent_value` (a percentage rounded: `28.3 %`),
/// `missing_from: 'path'` (the elements of a list that the resource's field at `path` lacks — keys
/// of a mapping, elements of a list: `{{ params.required_tags | missing_from: 'tags' }}`) and
/// `entry_for: 'path'` (the entry of a mapping keyed by the resource's field at `path`, else its
/// `default` entry: `{{ params.cadence_days | entry_for: 'tier' }}`).
/// Parsed when the policy loads; rendering only walks the parts.
public struct MessageTemplate: Sendable {
    /// A filter applied to a placeholder's value.
    public enum Filter: String, Sendable, CaseIterable {
        case `default`, upper, lower, join, count
        /// A share 0–1 as a percentage with one decimal (`0.1323` → `13.2 %`).
        case percent
        /// A value already in percent, rounded to one decimal (`28.2949` → `28.3 %`).
        case percentValue = "percent_value"
        /// The elements of a list absent from the resource's field at the argument's path.
        case missingFrom = "missing_from"
        /// The entry of a mapping keyed by the resource's field at the argument's path.
        case entryFor = "entry_for"

        /// Whether the argument is a field path of the resource.
        var takesPath: Bool { self == .missingFrom || self == .entryFor }
    }

    /// A filter with its argument as written and, for path filters, the parsed path.
    struct AppliedFilter: Sendable {
        var filter: Filter
        var argument: String?
        var path: FieldPath?
    }

    enum Part: Sendable {
        case text(String)
        case placeholder(path: FieldPath, filters: [AppliedFilter])
    }

    let parts: [Part]
    /// The template text as written.
    public let source: String

    /// Why a template could not be parsed (offset in characters).
    public struct ParseError: Error, Sendable, Equatable {
        /// Character offset in the template.
        public var offset: Int
        /// What is wrong.
        public var reason: String
    }

    /// Parses a template.
    public init(parsing source: String) throws(ParseError) {
        self.source = source
        var parsed: [Part] = []
        var literal = ""
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                guard let close = Self.find("}}", in: characters, from: index + 2) else {
                    throw ParseError(offset: index, reason: "unterminated '{{' (expected '}}')")
                }
                if !literal.isEmpty {
                    parsed.append(.text(literal))
                    literal = ""
                }
                let body = String(characters[(index + 2)..<close])
                parsed.append(try Self.parsePlaceholder(body, offset: index + 2))
                index = close + 2
                continue
            }
            literal.append(characters[index])
            index += 1
        }
        if !literal.isEmpty { parsed.append(.text(literal)) }
        parts = parsed
    }

    private static func find(_ needle: String, in characters: [Character], from start: Int) -> Int? {
        let target = Array(needle)
        guard characters.count >= target.count else { return nil }
        var index = start
        while index + target.count <= characters.count {
            if Array(characters[index..<(index + target.count)]) == target { return index }
            index += 1
        }
        return nil
    }

    private static func parsePlaceholder(_ body: String, offset: Int) throws(ParseError) -> Part {
        let segments = splitOutsideQuotes(body, separator: "|")
        guard let head = segments.first?.trimmed, !head.isEmpty else {
            throw ParseError(offset: offset, reason: "empty placeholder")
        }
        let path: FieldPath
        do {
            path = try FieldPath(parsing: head)
        } catch {
            throw ParseError(offset: offset, reason: "invalid path '\(head)': \(error.reason)")
        }
        var filters: [AppliedFilter] = []
        for segment in segments.dropFirst() {
            let pieces = splitOutsideQuotes(segment, separator: ":")
            let name = pieces[0].trimmed
            guard let filter = Filter(rawValue: name) else {
                let known = Filter.allCases.map(\.rawValue)
                let hint = NameSuggester.suggestion(for: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw ParseError(offset: offset, reason: "unknown filter '\(name)'\(hint); known filters: \(known.joined(separator: ", "))")
            }
            var argument: String?
            if pieces.count > 1 {
                var text = pieces.dropFirst().joined(separator: ":").trimmed
                if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
                    text = String(text.dropFirst().dropLast())
                }
                argument = text
            }
            if (filter == .default || filter == .join || filter.takesPath) && argument == nil {
                throw ParseError(offset: offset, reason: "filter '\(name)' needs an argument, e.g. \(name): \(filter.takesPath ? "'tags'" : "'none'")")
            }
            var argumentPath: FieldPath?
            if filter.takesPath, let argument {
                do {
                    argumentPath = try FieldPath(parsing: argument)
                } catch {
                    throw ParseError(offset: offset, reason: "filter '\(name)' needs a field path, '\(argument)' is not one: \(error.reason)")
                }
            }
            filters.append(AppliedFilter(filter: filter, argument: argument, path: argumentPath))
        }
        return .placeholder(path: path, filters: filters)
    }

    private static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character == separator {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// Values the template can see besides the resource's own fields.
    public struct Context: Sendable {
        /// The policy id.
        public var policyID: String
        /// The policy title.
        public var policyTitle: String
        /// Resolved parameters.
        public var params: [String: Value]
        /// The as-of date.
        public var asOf: CivilDate

        /// Creates a context.
        public init(policyID: String, policyTitle: String, params: [String: Value], asOf: CivilDate) {
            self.policyID = policyID
            self.policyTitle = policyTitle
            self.params = params
            self.asOf = asOf
        }
    }

    /// Renders the template for one resource document.
    public func render(document: Value, context: Context) -> String {
        var output = ""
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .placeholder(let path, let filters):
                var value = lookup(path, document: document, context: context)
                var rendered: String?
                for applied in filters {
                    let argument = applied.argument
                    switch applied.filter {
                    case .default:
                        if value == nil || value == .string("") { value = .string(argument ?? "") }
                    case .upper:
                        if let text = value?.displayText { value = .string(text.uppercased()) }
                    case .lower:
                        if let text = value?.displayText { value = .string(text.lowercased()) }
                    case .join:
                        if case .array(let items)? = value {
                            value = .string(items.map(\.displayText).joined(separator: argument ?? ", "))
                        } else if case .object(let fields)? = value {
                            // A mapping (tags) joins its keys: names, not JSON.
                            value = .string(fields.keys.sorted().joined(separator: argument ?? ", "))
                        }
                    case .count:
                        switch value {
                        case .array(let items)?: value = .number(Double(items.count))
                        case .object(let fields)?: value = .number(Double(fields.count))
                        case .string(let text)?: value = .number(Double(text.count))
                        default: value = .number(0)
                        }
                    case .percent, .percentValue:
                        if let number = value?.doubleValue, number.isFinite {
                            value = .string(Self.percentText(applied.filter == .percent ? number * 100 : number))
                        }
                    case .missingFrom:
                        if case .array(let items)? = value {
                            let present: Set<String>
                            switch applied.path?.resolve(from: document) {
                            case .object(let fields)?: present = Set(fields.keys)
                            case .array(let elements)?: present = Set(elements.map(\.displayText))
                            default: present = []
                            }
                            value = .array(items.filter { !present.contains($0.displayText) })
                        }
                    case .entryFor:
                        if case .object(let table)? = value {
                            let key = applied.path?.resolve(from: document)?.displayText
                            value = key.flatMap { table[$0] } ?? table["default"]
                        }
                    }
                }
                // Exact decimals (money) as plain amounts with two decimals, never quoted.
                if case .decimal(let amount)? = value { rendered = amount.formatted(fractionDigits: 2) } else { rendered = value?.displayText }
                output += rendered ?? "(missing)"
            }
        }
        return output
    }

    /// A percentage rounded to one decimal, as messages and generated docs print it (`13.2 %`).
    public static func percentText(_ percent: Double) -> String {
        let tenths = Int((percent * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10) %"
    }

    /// The parameter names the template uses (`{{ params.<name> }}`), in order of use; the policy
    /// loader refuses a template that uses a parameter the policy does not declare.
    public var parameterNames: [String] {
        parts.compactMap { part in
            guard case .placeholder(let path, _) = part, path.anchor == .current, path.components.count >= 2,
                  case .key("params") = path.components[0], case .key(let name) = path.components[1] else { return nil }
            return name
        }
    }

    private func lookup(_ path: FieldPath, document: Value, context: Context) -> Value? {
        if path.anchor == .current, case .key(let first)? = path.components.first {
            let rest = FieldPath(components: Array(path.components.dropFirst()))
            switch first {
            case "policy" where path.components.count == 2:
                if case .key("id") = path.components[1] { return .string(context.policyID) }
                if case .key("title") = path.components[1] { return .string(context.policyTitle) }
            case "params" where path.components.count >= 2:
                if case .key(let name) = path.components[1], let value = context.params[name] {
                    return FieldPath(components: Array(rest.components.dropFirst())).resolve(from: value)
                }
                return nil
            case "as_of" where path.components.count == 1:
                return .string(context.asOf.description)
            default:
                break
            }
        }
        return path.resolve(from: document)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
