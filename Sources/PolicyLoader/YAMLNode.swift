import Foundation
import PolicyEngine
import Yams

/// A YAML file's text, kept for source lines in diagnostics.
final class YAMLSource: Sendable {
    let file: String
    let lines: [String]

    init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }

    func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    func error(_ kind: LoadError.Kind, at location: SourceLocation) -> LoadError {
        LoadError(kind, at: location, sourceLine: location.line.flatMap(line))
    }
}

/// A YAML node with its location: the unit every loader works on. Scalars are resolved with the
/// YAML 1.2 core schema (so `NO`, `yes` and `on` stay strings, unlike YAML 1.1).
struct YAMLNode {
    let node: Node
    let source: YAMLSource

    /// Where the node starts.
    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: source.file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    func error(_ kind: LoadError.Kind) -> LoadError { source.error(kind, at: location) }

    /// Reads and composes every YAML document of a file.
    static func documents(file: String) throws(LoadError) -> [YAMLNode] {
        let nowhere = SourceLocation(file: file)
        // An input being read by a run: its shared bytes (read once, hashed as they are read).
        if let shared = SharedInput.bytes(of: file) {
            let data: [UInt8]
            do {
                data = try SharedInput.readAll(shared)
            } catch {
                throw LoadError(.unreadable(reason: "\(error)"), at: nowhere)
            }
            return try documents(text: try utf8Text(data, file: file), file: file)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            // The policy library embedded in the binary (`builtin/…`) when no file has that path.
            if let embedded = BuiltinPolicyLibrary.text(of: file) { return try documents(text: embedded, file: file) }
            throw LoadError(.unreadable(reason: "no such file"), at: nowhere)
        }
        guard !isFolder.boolValue else { throw LoadError(.unreadable(reason: "a folder, not a file"), at: nowhere) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LoadError(.unreadable(reason: "permission denied or not readable"), at: nowhere)
        }
        return try documents(text: try utf8Text(Array(data), file: file), file: file)
    }

    /// The bytes as text; a byte that is not UTF-8 is an error at its line and column (it would
    /// otherwise become U+FFFD in an id, a name or a tag key).
    private static func utf8Text(_ bytes: [UInt8], file: String) throws(LoadError) -> String {
        guard let failure = UTF8Validation.check(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        throw LoadError(.unreadable(reason: failure.message), at: SourceLocation(file: file, line: failure.line, column: failure.column))
    }

    /// Composes every YAML document of a text.
    static func documents(text: String, file: String) throws(LoadError) -> [YAMLNode] {
        let source = YAMLSource(file: file, text: text)
        do {
            // The basic resolver: plain scalars are typed by `resolvePlain` (the YAML 1.2 core schema),
            // never by Yams' tags, and the default resolver ran its regular expressions on every
            // scalar whenever a mapping's keys were checked for duplicates (a fifth of the example
            // run's CPU). Keys are compared as the strings the policies read: `1` and `"1"` in one
            // mapping are one key twice, a duplicate.
            let parser = try Parser(yaml: text, resolver: .basic)
            var nodes: [YAMLNode] = []
            var budget = AliasBudget()
            while let root = try parser.nextRoot() {
                try budget.check(document: root, source: source)
                nodes.append(YAMLNode(node: root, source: source))
            }
            return nodes
        } catch let error as LoadError {
            throw error
        } catch let error as YamlError {
            throw Self.translate(error, source: source)
        } catch {
            throw LoadError(.yamlSyntax(problem: "\(error)"), at: SourceLocation(file: file))
        }
    }

    private static func translate(_ error: YamlError, source: YAMLSource) -> LoadError {
        func located(_ problem: String, _ mark: Mark, context: YamlError.Context?) -> LoadError {
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return source.error(.yamlSyntax(problem: detail), at: SourceLocation(file: source.file, line: mark.line, column: mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(problem, mark, context: context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return source.error(.invalidValue(message: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping"),
                                at: SourceLocation(file: source.file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            return source.error(.yamlSyntax(problem: problem + (offset.map { " at byte \($0)" } ?? "")),
                                at: SourceLocation(file: source.file))
        default:
            return source.error(.yamlSyntax(problem: "\(error)"), at: SourceLocation(file: source.file))
        }
    }

    // MARK: - Kinds

    /// A short name of the node's kind for messages.
    var kindName: String {
        switch node {
        case .scalar(let scalar): return scalar.style == .plain && scalar.string.isEmpty ? "nothing" : "a scalar ('\(scalar.string)')"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        default: return "an alias"
        }
    }

    /// Mapping entries in file order.
    func mapping(_ what: String) throws(LoadError) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error(.wrongType(expected: what, found: kindName)) }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, source: source)
            guard case .scalar(let scalar) = key else { throw keyNode.error(.wrongType(expected: "a text key", found: keyNode.kindName)) }
            entries.append((scalar.string, keyNode, YAMLNode(node: value, source: source)))
        }
        return entries
    }

    /// True for a mapping node.
    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// True for a sequence node.
    var isSequence: Bool {
        if case .sequence = node { return true }
        return false
    }

    /// Sequence items.
    func sequence(_ what: String) throws(LoadError) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else { throw error(.wrongType(expected: what, found: kindName)) }
        return sequence.map { YAMLNode(node: $0, source: source) }
    }

    /// A non-empty text scalar.
    func string(_ what: String = "text") throws(LoadError) -> String {
        guard case .scalar(let scalar) = node, !(scalar.style == .plain && scalar.string.isEmpty) else {
            throw error(.wrongType(expected: what, found: kindName))
        }
        return scalar.string
    }

    /// A text scalar with something besides white space in it (`""` and `"  "` are errors).
    func nonBlankString(_ what: String) throws(LoadError) -> String {
        let text = try string(what)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw error(.invalidValue(message: "expected \(what), found an empty text"))
        }
        return text
    }

    /// A text scalar or a list of them.
    func stringList(_ what: String = "a list of text") throws(LoadError) -> [String] {
        if case .scalar = node { return [try string(what)] }
        var items: [String] = []
        for item in try sequence(what) { items.append(try item.string(what)) }
        return items
    }

    /// An integer scalar.
    func integer(_ what: String = "a whole number") throws(LoadError) -> Int {
        guard case .number(let number) = try value(), number == number.rounded(), abs(number) < 1e15 else {
            throw error(.wrongType(expected: what, found: kindName))
        }
        return Int(number)
    }

    /// A boolean scalar.
    func boolean() throws(LoadError) -> Bool {
        guard case .bool(let flag) = try value() else { throw error(.wrongType(expected: "true or false", found: kindName)) }
        return flag
    }

    /// A date scalar `YYYY-MM-DD`.
    func date() throws(LoadError) -> CivilDate {
        let text = try string("a date (YYYY-MM-DD)")
        guard let date = CivilDate(parsing: text), text.count == 10 else {
            throw error(.invalidValue(message: "'\(text)' is not a date in the form YYYY-MM-DD"))
        }
        return date
    }

    /// The mapping's entries with key lookup helpers, after rejecting keys outside `allowed`.
    func section(_ what: String, allowed: [String], name: String) throws(LoadError) -> YAMLSection {
        let entries = try mapping(what)
        try checkKeys(entries, allowed: allowed, section: name)
        return YAMLSection(node: self, name: name, entries: entries)
    }

    /// Rejects keys outside `allowed`, suggesting the closest one.
    func checkKeys(_ entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)], allowed: [String], section: String) throws(LoadError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw entry.keyNode.error(.unknownKey(key: entry.key, section: section,
                                                  suggestion: NameSuggester.suggestion(for: entry.key, among: allowed), known: allowed))
        }
    }

    // MARK: - Values

    /// The node as a document value (YAML 1.2 core schema for plain scalars).
    func value() throws(LoadError) -> Value {
        switch node {
        case .scalar(let scalar):
            // `!unknown` (policy tests): a value the input does not know yet, as Terraform's
            // "known after apply" reaches the engine.
            if scalar.tag.rawValue == Self.unknownTag { return .unknown }
            guard scalar.style == .plain else { return .string(scalar.string) }
            let resolved = Self.resolvePlain(scalar.string)
            // As in JSON inputs (`1e400`): a number must be finite, or a threshold of `.inf` or of
            // 400 digits would compare as infinity (docs/limits.md).
            if case .number(let number) = resolved, !number.isFinite {
                throw error(.invalidValue(message: "'\(scalar.string)' is not a finite number (numbers are IEEE 754 doubles, "
                    + "up to about 1.8e308); quote it to use it as text"))
            }
            return resolved
        case .sequence(let sequence):
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try YAMLNode(node: item, source: source).value()) }
            return .array(items)
        case .mapping:
            var fields: [(String, Value)] = []
            for entry in try mapping("a mapping") { fields.append((entry.key, try entry.value.value())) }
            return .object(Fields(fields))
        default:
            throw error(.invalidValue(message: "YAML aliases are not supported here"))
        }
    }

    /// The tag that writes an unknown value.
    static let unknownTag = "!unknown"

    /// YAML 1.2 core schema resolution of a plain scalar.
    static func resolvePlain(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        default: break
        }
        if let number = number(text) { return .number(number) }
        return .string(text)
    }

    private static func number(_ text: String) -> Double? {
        let utf8 = Array(text.utf8)
        guard let first = utf8.first else { return nil }
        var index = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? 1 : 0
        guard index < utf8.count else { return nil }
        if utf8.count > index + 2, utf8[index] == UInt8(ascii: "0"), utf8[index + 1] == UInt8(ascii: "x") || utf8[index + 1] == UInt8(ascii: "o") {
            let radix = utf8[index + 1] == UInt8(ascii: "x") ? 16 : 8
            guard let value = Int64(String(decoding: utf8[(index + 2)...], as: UTF8.self), radix: radix) else { return nil }
            return Double(first == UInt8(ascii: "-") ? -value : value)
        }
        var digits = 0
        var sawPoint = false
        var sawExponent = false
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: ".") && !sawPoint && !sawExponent {
                sawPoint = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && digits > 0 && !sawExponent {
                sawExponent = true
                if index + 1 < utf8.count && (utf8[index + 1] == UInt8(ascii: "+") || utf8[index + 1] == UInt8(ascii: "-")) { index += 1 }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        return Double(text)
    }
}

/// A checked mapping: its entries and lookups of optional and required keys.
struct YAMLSection {
    let node: YAMLNode
    let name: String
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// The value of `key`, if present.
    func optional(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }

    /// The value of `key`; a `missingKey` error naming the section otherwise.
    func required(_ key: String) throws(LoadError) -> YAMLNode {
        guard let found = optional(key) else { throw node.error(.missingKey(key: key, section: name)) }
        return found
    }
}

/// The alias-expansion budget of one YAML text (docs/limits.md). Composing shares an anchored node
/// between its aliases, but every reader walks the expanded tree, so a few hundred bytes of nested
/// aliases ("billion laughs") would otherwise cost gigabytes. Each document is walked once, before
/// any reader sees it, counting alias expansions and the nodes they add; past either limit the file
/// is a load error. An alias may only refer to an anchor of its own document.
struct AliasBudget {
    /// Alias expansions a file may hold.
    static let maximumAliases = 10_000
    /// Nodes all alias expansions of a file may add together.
    static let maximumExpandedNodes = 1_000_000

    private var aliases = 0
    private var expandedNodes = 0
    /// Anchors defined by earlier documents, by name and position.
    private var earlierAnchors: Set<String> = []

    mutating func check(document root: Node, source: YAMLSource) throws(LoadError) {
        var defined: Set<String> = []
        var positions: Set<String> = []
        try walk(root, alias: nil, defined: &defined, positions: &positions, source: source)
        earlierAnchors.formUnion(positions)
    }

    private mutating func walk(_ node: Node, alias insideAlias: String?, defined: inout Set<String>, positions: inout Set<String>,
                               source: YAMLSource) throws(LoadError) {
        var expanding = insideAlias
        let location = SourceLocation(file: source.file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        if let anchor = node.anchor?.rawValue {
            let position = "\(anchor)@\(location.line ?? 0):\(location.column ?? 0)"
            if earlierAnchors.contains(position) {
                throw source.error(.invalidValue(message: "alias *\(anchor) refers to an anchor of an earlier YAML document; "
                    + "anchors do not cross documents"), at: location)
            }
            if insideAlias == nil {
                if defined.contains(position) {
                    aliases += 1
                    expanding = anchor
                } else {
                    defined.insert(position)
                    positions.insert(position)
                }
            }
            if aliases > Self.maximumAliases {
                throw source.error(.invalidValue(message: "more than \(Self.maximumAliases) alias expansions (limit, see docs/limits.md)"),
                                   at: location)
            }
        }
        if let expanding {
            expandedNodes += 1
            if expandedNodes > Self.maximumExpandedNodes {
                throw source.error(.invalidValue(message: "aliases expand to more than \(Self.maximumExpandedNodes) nodes "
                    + "(limit, see docs/limits.md), expanding alias *\(expanding)"), at: location)
            }
        }
        switch node {
        case .scalar, .alias: break
        case .mapping(let mapping):
            for (key, value) in mapping {
                try walk(key, alias: expanding, defined: &defined, positions: &positions, source: source)
                try walk(value, alias: expanding, defined: &defined, positions: &positions, source: source)
            }
        case .sequence(let sequence):
            for item in sequence { try walk(item, alias: expanding, defined: &defined, positions: &positions, source: source) }
        }
    }
}
