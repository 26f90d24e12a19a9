import Mustache

// Mustache finds a `{{name}}` through `Mirror` unless the object answers `child(named:)` itself.
// Reflection dominates rendering time on large reports (one Mirror per lookup, per row), so the
// views repeated per finding answer directly. A test checks that every stored property of these
// types is answered under its own name, so the template sees exactly what Mirror would show.

extension Badge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "symbol": return symbol
        case "text": return text
        case "css": return css
        default: return nil
        }
    }
}

extension FindingsView.FindingRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "resourceID": return resourceID
        case "resourceType": return resourceType
        case "findingStatus": return findingStatus
        case "message": return message
        case "sourceText": return sourceText
        case "evidence": return evidence
        case "waiverNote": return waiverNote
        default: return nil
        }
    }
}

extension FindingsView.EvidenceItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "path": return path
        case "actual": return actual
        case "expected": return expected
        case "evidenceNote": return evidenceNote
        default: return nil
        }
    }
}

/// The model a template renders, with its view structs turned into dictionaries once.
///
/// Mustache finds `{{name}}` in a struct through `Mirror`, and inside a section it tries every
/// enclosing object from the innermost out: one `Mirror` (every stored property boxed) per
/// object tried, per lookup. A dictionary of each struct's stored properties, made once,
/// answers the same: a property Mirror shows under its label, an optional's value unwrapped, a
/// `nil` one absent (so the lookup goes on outwards, as it does when Mirror finds `nil`). Values
/// with a text of their own (`CustomStringConvertible`: strings, numbers, money), values that
/// answer Mustache themselves (`MustacheParent`, the types above) and enums are kept as they
/// are; arrays keep their order, their elements turned likewise. The HTML and Markdown of the
/// example and of a 100k estate are byte-identical with and without it (scripts/compare-outputs.sh).
enum TemplateModel {
    /// `value` with its view structs as dictionaries.
    static func tree(_ value: Any) -> Any {
        if value is any MustacheParent || value is any MustacheCustomRepresentation || value is MustacheLambda { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?:
            guard value is any MustacheSequence else { return value }
            return mirror.children.map { tree($0.value) }
        case .struct?:
            if value is any CustomStringConvertible { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let unwrapped = unwrapped(child.value) else { continue }
                fields[label] = tree(unwrapped)
            }
            return fields
        default:
            return value
        }
    }

    /// An optional's value (nil when it holds none), any other value as it is — as Mustache's
    /// own lookup unwraps a property.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
