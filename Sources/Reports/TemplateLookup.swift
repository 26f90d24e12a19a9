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
