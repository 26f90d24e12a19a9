import Synchronization

// MARK: - The engine's unsafe corner
//
// Every pointer the evaluator reads documents through is made here, and only here (the test
// `InPlaceTests.fence` fails if `Unmanaged`, `UnsafePointer<Value>`, `withUnsafePointer(to:)` or
// a value reinterpreted as `Value` appears in another file of `PolicyEngine`, or `withUnsafe…`
// in the plan's and the runner's files). Reading a
// document in place saves a reference-count increment and decrement per path step, which is
// most of the cost of a verdict on a million resources; the price is the rules below.
//
// Lifetime rules
//
// 1. A `ValuePointer` points into a document (`Resource.document`) or into a value a plan node
//    owns (`PinnedValue`), or at a temporary made by `InPlace.with(_:_:)`.
// 2. A pointer into a document is valid while that document is alive and unmodified. The runner
//    guarantees both: the corpus is a `let` for the whole of `PolicyRunner.run`, and every
//    verdict is computed inside the scope that borrows it (`withUnsafeBufferPointer` over the
//    resources, `InPlace.with` over the document). No `ValuePointer` is stored in a plan node,
//    a finding or any other value that outlives one verdict.
// 3. Pointers into a document's arrays and objects (`InPlace.element(of:at:)`,
//    `Fields.pointerToValue`) leave the `withUnsafeBufferPointer` closure that produced them.
//    That is sound under rule 2 because a native Swift array's buffer pointer is its heap
//    storage itself, not a temporary copy, and that storage is owned by the document: the local
//    `items`/`members` the closure ran on is a second reference to the same storage, so the
//    storage lives exactly as long as the document does. (Swift on Linux has no bridged arrays;
//    on Darwin, `Value` arrays are never bridged from Objective-C.) `InPlaceTests` checks that
//    the address is stable.
// 4. A temporary (`InPlace.with`) is valid only inside its closure; nothing reads it after.
// 5. Values shared across workers (`SharedResources`, `SharedFindings`) are used only inside the
//    scope of the buffer they were made from, and writers touch disjoint index ranges.

/// A value read in place: a document the corpus keeps alive (immutable during evaluation), an
/// element of it, or a value a plan node owns. See the lifetime rules above.
typealias ValuePointer = UnsafePointer<Value>

/// Where in-place pointers are made: the only functions that turn a value into a `ValuePointer`.
enum InPlace {
    /// Element `index` of `items` in place (a negative index counts from the end); nil when out
    /// of range. The pointer leaves the buffer closure: valid while the document holding `items`
    /// is (rule 3).
    @inline(__always) static func element(of items: [Value], at index: Int) -> ValuePointer? {
        items.withUnsafeBufferPointer { buffer -> ValuePointer? in
            let resolved = index < 0 ? buffer.count + index : index
            guard resolved >= 0 && resolved < buffer.count, let base = buffer.baseAddress else { return nil }
            return UnsafePointer(base + resolved)
        }
    }

    /// Calls `body` with a pointer to `value` (a temporary: valid only inside `body`, rule 4).
    @inline(__always) static func with<Result>(_ value: Value, _ body: (ValuePointer) -> Result) -> Result {
        withUnsafePointer(to: value, body)
    }

    /// Calls `body` with the elements of `items` in place (`base`, `count`); for an empty array
    /// `base` points at a temporary `null` that is never read.
    @inline(__always) static func withElements<Result>(of items: [Value], _ body: (ValuePointer, Int) -> Result) -> Result {
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return with(.null) { body($0, 0) } }
            return body(base, buffer.count)
        }
    }

    /// Calls `body` with the resources' storage, for workers that read them in place (rule 5);
    /// nil when there are none.
    @inline(__always) static func sharing<Result>(_ resources: [Resource], _ body: (SharedResources?) -> Result) -> Result {
        resources.withUnsafeBufferPointer { buffer in body(buffer.baseAddress.map(SharedResources.init(base:))) }
    }

    /// Calls `body` with the findings' storage and count, for workers that each update their own
    /// disjoint range in place (rule 5); nil when there are none.
    @inline(__always) static func sharing<Result>(_ findings: inout [Finding], _ body: (SharedFindings?, Int) -> Result) -> Result {
        findings.withUnsafeMutableBufferPointer { buffer in body(buffer.baseAddress.map(SharedFindings.init(base:)), buffer.count) }
    }
}

// MARK: - Objects

extension Fields {
    /// A pointer to the value under `key` inside this object's storage, without copying it,
    /// and the member's index. Valid while the object is alive and unmodified: evaluation reads
    /// immutable documents the corpus keeps alive, and a copy of a value costs reference
    /// counting per path step. `hint` is where the key was found in a previous object: documents
    /// of one source list their keys in the same order, so it usually saves the search.
    func pointerToValue(forKey key: String, hash: UInt32, hint: Int) -> (value: UnsafePointer<Value>, index: Int)? {
        members.withUnsafeBufferPointer { buffer -> (value: UnsafePointer<Value>, index: Int)? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var found = -1
            if count <= Self.linearLimit {
                if hint < count && buffer[hint].keyHash == hash && Self.sameKey(buffer[hint].key, key) {
                    found = hint
                } else {
                    var index = 0
                    while index < count {
                        if buffer[index].keyHash == hash && Self.sameKey(buffer[index].key, key) {
                            found = index
                            break
                        }
                        index += 1
                    }
                }
            } else {
                var low = 0
                var high = count
                while low < high {
                    let mid = (low + high) / 2
                    if buffer[mid].key == key {
                        found = mid
                        break
                    }
                    if buffer[mid].key < key { low = mid + 1 } else { high = mid }
                }
            }
            guard found >= 0 else { return nil }
            return (UnsafeRawPointer(base + found).assumingMemoryBound(to: Value.self), found)
        }
    }
}

// MARK: - Plan storage

/// A compiled path that resolves without copying (the same rules as `FieldPath.resolve`).
///
/// Sendable: `steps` is written only in `init` and read-only after; `hints` are atomics.
final class PlanPath: @unchecked Sendable {
    /// One step; a struct (not an enum) so that reading a step's key never copies it.
    struct Step {
        let key: String
        let hash: UInt32
        let index: Int
        let isKey: Bool
    }

    let anchor: FieldPath.Anchor
    private let steps: UnsafeMutableBufferPointer<Step>
    /// Per step, the member index where the key was last found (shared by all threads; a
    /// stale hint only costs the search it would have saved).
    private let hints: UnsafeMutablePointer<Atomic<Int>>

    init(_ path: FieldPath) {
        anchor = path.anchor
        hints = .allocate(capacity: path.components.count)
        for position in path.components.indices { (hints + position).initialize(to: Atomic(0)) }
        steps = .allocate(capacity: path.components.count)
        for (position, component) in path.components.enumerated() {
            switch component {
            case .key(let key): steps.initializeElement(at: position, to: Step(key: key, hash: path.keyHashes[position], index: 0, isKey: true))
            case .index(let index): steps.initializeElement(at: position, to: Step(key: "", hash: 0, index: index, isKey: false))
            }
        }
    }

    deinit {
        steps.baseAddress?.deinitialize(count: steps.count)
        steps.deallocate()
        hints.deinitialize(count: steps.count)
        hints.deallocate()
    }

    func resolve(root: ValuePointer, current: ValuePointer) -> Resolution {
        var value = anchor == .root ? root : current
        for position in steps.indices {
            if steps[position].isKey {
                let hint = hints[position].load(ordering: .relaxed)
                var index = hint
                guard let next = Self.member(of: value, key: steps[position].key, hash: steps[position].hash, index: &index) else {
                    return Self.stop(at: value)
                }
                if index != hint { hints[position].store(index, ordering: .relaxed) }
                value = next
            } else {
                guard case .array(let items) = value.pointee else { return Self.stop(at: value) }
                guard let next = InPlace.element(of: items, at: steps[position].index) else { return .missing }
                value = next
            }
        }
        if case .null = value.pointee { return .missing }
        return .found(value)
    }

    /// The member `key` of the object at `value` (nil when it is not an object or lacks the
    /// key); `index` brings the hint and returns where the key was found.
    private static func member(of value: ValuePointer, key: String, hash: UInt32, index: inout Int) -> ValuePointer? {
        guard case .object(let fields) = value.pointee, let found = fields.pointerToValue(forKey: key, hash: hash, hint: index) else {
            return nil
        }
        index = found.index
        return found.value
    }

    /// A step that cannot continue: through an unknown value the result is unknown;
    /// through a missing key, or a value that is no object, missing.
    private static func stop(at value: ValuePointer) -> Resolution {
        if case .unknown = value.pointee { return .unknown }
        return .missing
    }
}

/// A value a plan node owns at a fixed address (defaults), so checks read it like a document value.
///
/// Sendable: the value is written once in `init` and only read (through `pointer`) until `deinit`.
final class PinnedValue: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    deinit {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}

/// Child nodes or checks read without reference counting: each is retained once here and
/// released when the list goes, and a call through `withElement` borrows it (iterating a
/// `ContiguousArray` of class references costs two reference-count pairs per element).
///
/// Sendable: the list is filled in `init` and never changed; its elements are immutable plan
/// nodes and checks (themselves Sendable), so concurrent borrows only read.
final class UnretainedList<Element: AnyObject>: @unchecked Sendable {
    private let items: UnsafeMutableBufferPointer<Unmanaged<Element>>

    init(_ elements: [Element]) {
        items = .allocate(capacity: elements.count)
        for (index, element) in elements.enumerated() { items.initializeElement(at: index, to: .passRetained(element)) }
    }

    deinit {
        for item in items { item.release() }
        items.deallocate()
    }

    /// The number of elements.
    var count: Int { items.count }

    /// Calls `body` with element `index`, borrowed.
    @inline(__always) func withElement<Result>(at index: Int, _ body: (Element) -> Result) -> Result {
        items[index]._withUnsafeGuaranteedRef(body)
    }
}

// MARK: - Sharing with parallel workers

/// Lets parallel workers read the corpus's resources in place.
///
/// Sendable: the resources are a `let` array the runner keeps alive and never mutates while the
/// workers run (`PolicyRunner.run` waits for them inside the buffer's scope); workers only read.
struct SharedResources: @unchecked Sendable {
    let base: UnsafePointer<Resource>
}

/// Findings that parallel workers render in place, each worker its own disjoint range.
///
/// Sendable: each worker writes only the findings of its own index range (`ParallelMap.forEach`
/// hands out disjoint ranges), inside the scope of the array's mutable buffer.
struct SharedFindings: @unchecked Sendable {
    let base: UnsafeMutablePointer<Finding>
}
