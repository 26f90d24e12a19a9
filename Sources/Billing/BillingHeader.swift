/// A billing export's header row with case-insensitive lookup.
///
/// Localised Azure headers carry the canonical name in parentheses
/// (`Abonnement-GUID (SubscriptionGuid)`); those are found under the canonical name too. A
/// byte-order mark has already been removed by the chunk reader.
public struct BillingHeader: Sendable {
    /// The column names as exported.
    public let names: [String]
    private let positions: [String: Int]

    /// Indexes `names`.
    public init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, raw) in names.enumerated() {
            let name = raw.trimmingBlanks
            positions[name.lowercased()] = positions[name.lowercased()] ?? index
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
                let canonical = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingBlanks.lowercased()
                if !canonical.isEmpty && positions[canonical] == nil { positions[canonical] = index }
            }
        }
        self.positions = positions
    }

    /// The position of the first of `aliases` present (case-insensitive).
    public func index(_ aliases: String...) -> Int? { index(of: aliases) }

    /// The position of the first of `aliases` present (case-insensitive).
    public func index(of aliases: [String]) -> Int? {
        for alias in aliases {
            if let found = positions[alias.lowercased()] { return found }
        }
        return nil
    }

    /// True when any of `aliases` is present.
    public func has(_ aliases: [String]) -> Bool { index(of: aliases) != nil }

    /// Columns whose lowercased name starts with `prefix` (lowercase), with the rest of the name
    /// as exported.
    public func columns(withPrefix prefix: String) -> [(index: Int, suffix: String)] {
        names.enumerated().compactMap { index, name in
            let trimmed = name.trimmingBlanks
            guard trimmed.lowercased().hasPrefix(prefix) else { return nil }
            return (index, String(trimmed.dropFirst(prefix.count)))
        }
    }
}

/// A column a format needs: alternative spellings of one logical column.
public struct RequiredColumn: Sendable {
    /// The spelling shown in error messages.
    public let displayName: String
    /// Every accepted spelling (case-insensitive).
    public let aliases: [String]

    /// A column known under `aliases`; the first is shown in messages.
    public init(_ aliases: String...) {
        self.aliases = aliases
        displayName = aliases.joined(separator: " or ")
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
