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

    /// The value at a path of keys interned once (see `value(at:)`).
    func value(at path: [DocumentKey]) -> Value? {
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

    /// `step(_:)` with the key interned once.
    @inline(__always) func step(_ key: DocumentKey) -> Value? {
        if case .unknown = self { return .unknown }
        guard case .object(let fields) = self, let next = fields[key], !next.isNull else { return nil }
        return next
    }

    /// The value of a facet.
    func facet(_ facet: Facet) -> Value? { value(at: facet.keys) }

    /// Sets (or with nil removes) the value at a key path, creating objects on the way. A
    /// non-object in the way is replaced by an object.
    mutating func set(_ newValue: Value?, at path: ArraySlice<String>) {
        set(newValue, at: path.map(DocumentKey.init)[...])
    }

    /// `set(_:at:)` over keys interned once (facet paths: a facet is set on every resource).
    mutating func set(_ newValue: Value?, at path: ArraySlice<DocumentKey>) {
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
        set(newValue, at: facet.keys[...])
    }
}

/// A document key interned once where it is declared (facet paths, the normalized document's
/// member names, the native fields a reader reads of every record), so that a lookup compares
/// numbers without looking the key's text up again.
struct DocumentKey: Sendable {
    /// The interned key.
    let objectKey: ObjectKey

    /// Interns `text` once.
    init(_ text: String) { objectKey = ObjectKey(text) }

    /// The key.
    var text: String { objectKey.text }

    /// A member under this key, not interned again (documents built from their members).
    @inline(__always) func member(_ value: Value) -> Fields.Member { Fields.Member(objectKey, value: value) }
}

extension Array where Element == Fields.Member {
    /// Appends the member `key: value`; nothing when `value` is nil (a document built from its
    /// members leaves an absent one out, as a write of nil does).
    @inline(__always) mutating func append(_ key: DocumentKey, _ value: Value?) {
        if let value { append(key.member(value)) }
    }
}

extension Fields {
    /// The member under a key interned once; setting `nil` removes it.
    @inline(__always) subscript(key: DocumentKey) -> Value? {
        get { value(for: key.objectKey) }
        set { self[key.objectKey] = newValue }
    }
}

// The same reads of a resource's document, without unpacking it (`Resource.resolve`): passes
// that read a member or two of every resource of the estate.
extension Resource {
    /// `document.at(key)`.
    func at(_ key: DocumentKey) -> Value? { resolve(key.objectKey) }

    /// `document.at(first, second)`.
    func at(_ first: DocumentKey, _ second: DocumentKey) -> Value? { resolve(first.objectKey, second.objectKey) }

    /// `document.facet(facet)`.
    func facet(_ facet: Facet) -> Value? { resolve(facet.objectKeys) }

    /// Changes the document with `change` and packs it again (a pass that changes some
    /// documents through their trees: they would stay unpacked).
    mutating func changeDocument(_ change: (inout Value) -> Void) {
        change(&document)
        pack()
    }

    /// `document.set(newValue, at: path)`, with only the document's member on the path unpacked.
    mutating func set(_ newValue: Value, at path: ArraySlice<DocumentKey>) {
        guard let first = path.first else {
            document = newValue
            return
        }
        let key = first.objectKey
        guard path.count > 1 else { return setMember(key, to: newValue) }
        changeMember(key) { $0.set(newValue, at: path) }
    }

    /// Applies `change`, a change of the whole document that touches only its member `key`,
    /// to that member alone in an object, and sets the member so changed: only it is unpacked.
    mutating func changeMember(_ key: ObjectKey, _ change: (inout Value) -> Void) {
        var holder = Value.object(member(key).map { Fields(unsorted: [Fields.Member(key, value: $0)]) } ?? Fields())
        change(&holder)
        guard let changed = holder.objectValue?.value(for: key) else { return }
        setMember(key, to: changed)
    }
}
