import PolicyEngine

// MARK: - Dotted-path access to resource documents

extension Value {
    /// The value at a key path (nil when a step is missing or null; `.unknown` stops the walk and
    /// is returned, so an unknown parent makes every child unknown).
    func value(at path: some Collection<String>) -> Value? {
        var current = self
        for key in path {
            guard let next = current.step(key) else { return nil }
            current = next
        }
        return current
    }

    /// One step of `value(at:)`: unknown stays unknown; a missing or null member is nil.
    @inline(__always) func step(_ key: String) -> Value? {
        if case .unknown = self { return .unknown }
        guard case .object(let fields) = self, let next = fields[key], !next.isNull else { return nil }
        return next
    }

    /// The value of a facet.
    func facet(_ facet: Facet) -> Value? { value(at: facet.components) }

    /// Sets (or with nil removes) the value at a key path, creating objects on the way. A
    /// non-object in the way is replaced by an object.
    mutating func set(_ newValue: Value?, at path: ArraySlice<String>) {
        guard let key = path.first else {
            if let newValue { self = newValue }
            return
        }
        // Taken out of `self` (and the child out of its member) before they change, so that
        // each level is changed in place instead of copied: a facet is set on every resource.
        var fields = Fields()
        if case .object(let existing) = self {
            fields = existing
            self = .null
        }
        if path.count == 1 {
            fields[key] = newValue
        } else {
            var child = Value.object(Fields())
            if let existing = fields[key] {
                child = existing
                if case .object = existing { fields[key] = .null }
            }
            child.set(newValue, at: path.dropFirst())
            if case .object(let childFields) = child, childFields.isEmpty {
                fields[key] = nil
            } else {
                fields[key] = child
            }
        }
        self = .object(fields)
    }

    /// Sets (or with nil removes) a facet.
    mutating func setFacet(_ facet: Facet, _ newValue: Value?) {
        set(newValue, at: facet.components[...])
    }
}
