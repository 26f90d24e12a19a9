#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif
import CSHA256
import CTextScan
import Synchronization

// MARK: - The one unsafe corner
//
// Every pointer in Assay is made in this file, or, where a C library needs one (zlib and ISA-L,
// CTextScan, libxml2, SQLite), in the one `InPlaceReading.swift` of the target that links that
// library, for those calls only. Everything else reads and writes memory in place through the
// types below, which hold no pointer a caller can see (`ArchitectureTests.unsafeCornerIsTheOnlyPlace`
// fails on a pointer type, `withUnsafe…`, `unsafeBitCast`, `Unmanaged`, `.baseAddress`, … anywhere
// else). Two parts:
//
// - Documents (`ValuePointer`, `ResourcePointer`, `InPlace`, `PlanPath`, `PinnedValue`,
//   `UnretainedList`, `SharedResources`, `SharedFindings`): how the evaluator reads `Value`s
//   without reference counting. Lifetime rules 1-5.
// - Bytes and storage (`ByteView`, `MutableByteView`, `ManualBuffer`, `ElementView`,
//   `MutableElementView`, `Array(placing:)`, `reinterpretBits`, the SHA-256 block function): how
//   scanners read and write bytes without copies, or bounds checks in their inner loops.
//   Lifetime rules 6-9, under "Bytes in place" below.

// MARK: - Documents in place
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

/// A resource of the corpus read in place (a copy of a `Resource` costs ten reference counts):
/// an element of `SharedResources`, valid under rule 5.
typealias ResourcePointer = UnsafePointer<Resource>

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

    /// A list of `count` findings placed on all cores: `body` gets the list's uninitialized
    /// storage, for workers that each initialize their own disjoint positions (rule 5), and
    /// must initialize every position.
    @inline(__always) static func placing(_ count: Int, _ body: (SharedFindings) -> Void) -> [Finding] {
        [Finding](placing: count) { output in body(SharedFindings(base: output.base)) }
    }
}

// MARK: - Objects

extension Fields {
    /// A pointer to the value under `key` inside this object's storage, without copying it,
    /// and the member's index. Valid while the object is alive and unmodified: evaluation reads
    /// immutable documents the corpus keeps alive, and a copy of a value costs reference
    /// counting per path step. `hint` is where the key was found in a previous object: documents
    /// of one source list their keys in the same order, so it usually saves the search.
    func pointerToValue(forKey key: ObjectKey, hint: Int) -> (value: UnsafePointer<Value>, index: Int)? {
        members.withUnsafeBufferPointer { buffer -> (value: UnsafePointer<Value>, index: Int)? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var found = -1
            if count <= Self.linearLimit {
                if hint < count && buffer[hint].objectKey == key {
                    found = hint
                } else {
                    var index = 0
                    while index < count {
                        if buffer[index].objectKey == key {
                            found = index
                            break
                        }
                        index += 1
                    }
                }
            } else {
                let text = key.text
                var low = 0
                var high = count
                while low < high {
                    let mid = (low + high) / 2
                    if buffer[mid].objectKey == key {
                        found = mid
                        break
                    }
                    if buffer[mid].key < text { low = mid + 1 } else { high = mid }
                }
            }
            guard found >= 0 else { return nil }
            return (UnsafeRawPointer(base + found).assumingMemoryBound(to: Value.self), found)
        }
    }
}

// MARK: - Interned object keys

/// The process's table of object keys behind `ObjectKey`: each distinct key text gets a number
/// the first time it is seen, and a document member stores that 4-byte number instead of a
/// 16-byte `String` (a member takes 24 bytes instead of 40).
///
/// Lookups take no lock. The index is an open-addressing table of atomic words, each the key's
/// index hash (`JSONKeyCache.contentHash`: eight bytes per multiply, where `KeyHash` takes one)
/// in the high half and its number + 1 in the low half (0: an empty slot). An entry's
/// text is written before the word that publishes its number (a release store; lookups load with
/// acquire), and never changed after. Insertions take `lock`. An index more than half full is
/// replaced by one twice its size, published the same way; the old one is kept, never freed, so
/// that a lookup still probing it stays sound (a key it misses there is found again under the
/// lock). Entries live in chunks of 4,096 that never move, reached through a fixed directory.
/// Their texts are immortal (`String.makeStorageImmortal`): the table never frees them, and a
/// text read on all cores at once (`InternedText`) counts nothing.
///
/// Sendable: entries and chunk pointers are written once, under `lock`, before the release store
/// that publishes the number, and only read after; the index words and the current index's
/// address are atomics; `count` and `retired` are touched only under `lock`.
final class KeyTable: @unchecked Sendable {
    /// The one table of the process.
    static let shared = KeyTable()

    /// A key's text, its index hash and its `KeyHash`.
    struct Entry {
        let text: String
        let indexHash: UInt32
        let textHash: UInt32
    }

    private static let chunkBits = 12
    private static let chunkSize = 1 << chunkBits
    /// Chunks in the directory: room for 2^28 distinct keys, far beyond what fits in memory.
    private static let chunkLimit = 1 << 16
    private static let initialSlots = 1 << 10

    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
    /// Address of the current index: word 0 holds its slot mask, words 1… its slots.
    private let currentIndex: Atomic<UInt>
    private let lock = Mutex<Void>(())
    private var count = 0
    /// Indexes replaced by larger ones (kept for lookups that may still probe them).
    private var retired: [UnsafeMutablePointer<Atomic<UInt64>>] = []

    private init() {
        chunks = .allocate(capacity: Self.chunkLimit)
        chunks.initialize(repeating: nil, count: Self.chunkLimit)
        currentIndex = Atomic(UInt(bitPattern: Self.makeIndex(slots: Self.initialSlots)))
    }

    /// A new index of `slots` empty slots (a power of two).
    private static func makeIndex(slots: Int) -> UnsafeMutablePointer<Atomic<UInt64>> {
        let index = UnsafeMutablePointer<Atomic<UInt64>>.allocate(capacity: slots + 1)
        index.initialize(to: Atomic(UInt64(slots - 1)))
        for slot in 1...slots { (index + slot).initialize(to: Atomic(0)) }
        return index
    }

    private var index: UnsafeMutablePointer<Atomic<UInt64>> {
        UnsafeMutablePointer(bitPattern: currentIndex.load(ordering: .acquiring)).unsafelyUnwrapped
    }

    /// The entry of `number` (a number this table handed out).
    @inline(__always) private func entry(_ number: UInt32) -> UnsafeMutablePointer<Entry> {
        chunks[Int(number) >> Self.chunkBits].unsafelyUnwrapped + (Int(number) & (Self.chunkSize - 1))
    }

    /// The text of `number`.
    @inline(__always) func text(_ number: UInt32) -> String { entry(number).pointee.text }

    /// The `KeyHash` of `number`'s text.
    @inline(__always) func textHash(_ number: UInt32) -> UInt32 { entry(number).pointee.textHash }

    /// The number of the key `bytes` (whose index hash is `hash`); nil when it was never interned.
    func number(of bytes: ByteView, hash: UInt32) -> UInt32? { find(bytes, hash: hash, in: index) }

    private func find(_ bytes: ByteView, hash: UInt32, in index: UnsafeMutablePointer<Atomic<UInt64>>) -> UInt32? {
        let mask = Int(index[0].load(ordering: .relaxed))
        var slot = Int(hash) & mask
        while true {
            let word = index[1 + slot].load(ordering: .acquiring)
            if word == 0 { return nil }
            if UInt32(truncatingIfNeeded: word >> 32) == hash {
                let number = UInt32(truncatingIfNeeded: word) &- 1
                if entry(number).pointee.text.withByteViewIfContiguous({ $0.sameBytes(as: bytes) }) == true { return number }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The number of the key `bytes` (whose index hash is `hash`), handing out the next one when
    /// the key is new (`text` makes its `String`, then only; it must be a native string).
    func intern(_ bytes: ByteView, hash: UInt32, text: () -> String) -> UInt32 {
        if let found = find(bytes, hash: hash, in: index) { return found }
        return lock.withLock { _ -> UInt32 in
            var current = index
            if let found = find(bytes, hash: hash, in: current) { return found }
            let number = count
            precondition(number < Self.chunkLimit << Self.chunkBits, "more than 2^28 distinct object keys")
            if chunks[number >> Self.chunkBits] == nil { chunks[number >> Self.chunkBits] = .allocate(capacity: Self.chunkSize) }
            // Kept for the process: immortal, so that reading a key's text counts nothing.
            var stored = text()
            stored.makeStorageImmortal()
            entry(UInt32(number)).initialize(to: Entry(text: stored, indexHash: hash, textHash: KeyHash.of(bytes)))
            count += 1
            let slots = Int(current[0].load(ordering: .relaxed)) + 1
            if count * 2 > slots {
                let grown = Self.makeIndex(slots: slots * 2)
                for earlier in 0..<number { Self.place(UInt32(earlier), hash: entry(UInt32(earlier)).pointee.indexHash, in: grown) }
                retired.append(current)
                currentIndex.store(UInt(bitPattern: grown), ordering: .releasing)
                current = grown
            }
            Self.place(UInt32(number), hash: hash, in: current)
            return UInt32(number)
        }
    }

    /// Publishes `number` in the first free slot from its hash's.
    private static func place(_ number: UInt32, hash: UInt32, in index: UnsafeMutablePointer<Atomic<UInt64>>) {
        let mask = Int(index[0].load(ordering: .relaxed))
        var slot = Int(hash) & mask
        while index[1 + slot].load(ordering: .relaxed) != 0 { slot = (slot + 1) & mask }
        index[1 + slot].store(UInt64(hash) << 32 | UInt64(number + 1), ordering: .releasing)
    }
}

// MARK: - Plan storage

/// A compiled path that resolves without copying (the same rules as `FieldPath.resolve`).
///
/// Sendable: `steps` is written only in `init` and read-only after; `hints` are atomics.
final class PlanPath: @unchecked Sendable {
    /// One step; a struct (not an enum) so that reading a step's key never copies it.
    struct Step {
        let key: ObjectKey
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
            case .key: steps.initializeElement(at: position, to: Step(key: path.objectKeys[position].unsafelyUnwrapped, index: 0, isKey: true))
            case .index(let index): steps.initializeElement(at: position, to: Step(key: FieldPath.noKey, index: index, isKey: false))
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
                guard let next = Self.member(of: value, key: steps[position].key, index: &index) else {
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
    private static func member(of value: ValuePointer, key: ObjectKey, index: inout Int) -> ValuePointer? {
        guard case .object(let fields) = value.pointee, let found = fields.pointerToValue(forKey: key, hint: index) else {
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

    /// The value, read in place.
    var value: ValuePointer { UnsafePointer(pointer) }
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

    /// Starts loading the id of the resource at `position` (`prefetchStorage`).
    @inline(__always) func prefetchID(at position: Int) {
        prefetchStorage(of: &UnsafeMutablePointer(mutating: base + position).pointee.id)
    }
}

/// Findings that parallel workers render in place, each worker its own disjoint range.
///
/// Sendable: each worker writes only the findings of its own index range (`ParallelMap.forEach`
/// hands out disjoint ranges), or its own positions of a list being placed, inside the scope of
/// the array's mutable buffer.
struct SharedFindings: @unchecked Sendable {
    let base: UnsafeMutablePointer<Finding>

    /// Initializes position `index` (not initialized before; no other worker writes it).
    @inline(__always) func initialize(at index: Int, to finding: consuming Finding) { (base + index).initialize(to: finding) }
}

// MARK: - Bytes in place
//
// Scanners (the JSON parser, the CSV chunk scanner, the billing readers, SHA-256, the writers)
// read bytes where they lie: in an array, in a chunk a reader filled, in a C library's buffer.
// They do it through these types, which are as fast as the raw pointers they wrap (every
// member is inlinable; subscripts are unchecked in release builds, checked in debug builds).
//
// Lifetime rules
//
// 6. A `ByteView` or `MutableByteView` is valid while the storage it was made from is alive and
//    not reallocated. Made by a `with…` function (`[UInt8].withByteView`,
//    `String.withByteView`, …), it is valid only inside that closure and must not be stored
//    in anything that outlives it. Made from a `ManualBuffer` (`bytes(from:count:)`), it is
//    valid until that buffer is deallocated or grown; the owner of the buffer documents how
//    long it keeps it (a chunk until the next chunk, an arena until the reader goes). A view of
//    a `StaticString` is valid for the whole run.
// 7. A `ByteView` never writes. While a `ByteView` of some storage is in use, nobody writes
//    those bytes; that is what makes a `ByteView` `Sendable` (workers read one shared view).
// 8. A `ManualBuffer` is a fixed allocation with explicit `deallocate()`: its owner (a class,
//    in `deinit`) deallocates it exactly once and never uses it after; elements are read and
//    written only at indices below the count the owner has initialized.
// 9. A `MutableElementView` (an array's storage, possibly handed to parallel workers) is used
//    only inside the closure that made it, and each worker writes only its own disjoint index
//    range; an `ElementView` is read-only and also valid only inside its closure.

/// Bytes read in place: a read-only view of contiguous bytes that another owner keeps alive
/// (lifetime rules 6 and 7 above). Indices are zero-based; `extracting(_:)` makes a view of a
/// sub-range, zero-based again (like `Span.extracting`).
///
/// Sendable: a view never writes, and nobody writes the bytes while a view of them is in use
/// (rule 7); the owner keeps them alive for as long as the view is used (rule 6).
@frozen public struct ByteView: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let buffer: UnsafeBufferPointer<UInt8>

    @inlinable @inline(__always) init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// An empty view.
    @inlinable @inline(__always) public init() { buffer = UnsafeBufferPointer(start: nil, count: 0) }

    /// The bytes of a static string (valid for the whole run).
    @inlinable @inline(__always) public init(_ text: StaticString) {
        buffer = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inlinable @inline(__always) public var startIndex: Int { 0 }
    @inlinable @inline(__always) public var endIndex: Int { buffer.count }
    @inlinable @inline(__always) public var count: Int { buffer.count }
    @inlinable @inline(__always) public var isEmpty: Bool { buffer.count == 0 }
    @inlinable @inline(__always) public func index(after index: Int) -> Int { index &+ 1 }
    @inlinable @inline(__always) public func index(before index: Int) -> Int { index &- 1 }

    /// The byte at `position` (checked in debug builds only).
    @inlinable @inline(__always) public subscript(position: Int) -> UInt8 { buffer[position] }

    /// The bytes of `range`, as a zero-based view.
    @inlinable @inline(__always) public func extracting(_ range: Range<Int>) -> ByteView {
        ByteView(UnsafeBufferPointer(rebasing: buffer[range]))
    }

    /// The `count` bytes at `start`, as a zero-based view (checked in debug builds only).
    @inlinable @inline(__always) public func extracting(from start: Int, count: Int) -> ByteView {
        assert(start >= 0 && count >= 0 && start + count <= buffer.count, "ByteView.extracting out of range")
        return ByteView(UnsafeBufferPointer(start: buffer.baseAddress.map { $0 + start }, count: count))
    }

    /// The bytes from `start` to the end, as a zero-based view.
    @inlinable @inline(__always) public func extracting(_ range: PartialRangeFrom<Int>) -> ByteView {
        extracting(range.lowerBound..<buffer.count)
    }

    /// The bytes before `end`, as a zero-based view.
    @inlinable @inline(__always) public func extracting(_ range: PartialRangeUpTo<Int>) -> ByteView {
        extracting(0..<range.upperBound)
    }

    /// The value stored at `offset`, read from any alignment (integers in the machine's byte order).
    @inlinable @inline(__always) public func loadUnaligned<T: BitwiseCopyable>(fromByteOffset offset: Int = 0, as type: T.Type) -> T {
        UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: type)
    }

    /// The first index of `byte` in `start..<end` (`memchr`); nil when absent.
    @inlinable @inline(__always) public func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// True when both views hold the same bytes. Up to 16 bytes (most keys and many values) by
    /// two or four loads, the first and last words overlapping: a `memcmp` call costs more than
    /// the compare itself there. Longer views by `memcmp`.
    @inlinable @inline(__always) public func sameBytes(as other: ByteView) -> Bool {
        let count = buffer.count
        guard count == other.buffer.count else { return false }
        guard let left = buffer.baseAddress, let right = other.buffer.baseAddress else { return true }
        let first = UnsafeRawPointer(left), second = UnsafeRawPointer(right)
        if count >= 8 {
            guard count <= 16 else { return memcmp(left, right, count) == 0 }
            return first.loadUnaligned(as: UInt64.self) == second.loadUnaligned(as: UInt64.self)
                && first.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == second.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return first.loadUnaligned(as: UInt32.self) == second.loadUnaligned(as: UInt32.self)
                && first.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == second.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var index = 0
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }

    /// Compares `count` bytes at `offset` with `count` bytes of `other` at `otherOffset` like
    /// `memcmp`: negative, zero or positive.
    @inlinable @inline(__always) public func compareBytes(at offset: Int, with other: ByteView, at otherOffset: Int, count: Int) -> Int32 {
        guard count > 0 else { return 0 }
        return memcmp(buffer.baseAddress.unsafelyUnwrapped + offset, other.buffer.baseAddress.unsafelyUnwrapped + otherOffset, count)
    }

    /// The bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    @inlinable public var string: String { String(decoding: buffer, as: UTF8.self) }

    @inlinable public func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        try body(buffer)
    }

    /// Bulk copy for `Array.append(contentsOf:)` and `Array.init` (a `memcpy`, not a byte loop).
    @inlinable public func _copyContents(initializing destination: UnsafeMutableBufferPointer<UInt8>) -> (IndexingIterator<ByteView>, Int) {
        let copied = Swift.min(buffer.count, destination.count)
        if copied > 0, let target = destination.baseAddress, let source = buffer.baseAddress { target.update(from: source, count: copied) }
        return (extracting(copied...).makeIterator(), copied)
    }
}

/// Bytes written in place: a writable view of contiguous bytes another owner keeps alive
/// (lifetime rule 6). Indices are zero-based.
@frozen public struct MutableByteView {
    @usableFromInline let buffer: UnsafeMutableBufferPointer<UInt8>

    @inlinable @inline(__always) init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// An empty view.
    @inlinable @inline(__always) public init() { buffer = UnsafeMutableBufferPointer(start: nil, count: 0) }

    @inlinable @inline(__always) public var count: Int { buffer.count }
    @inlinable @inline(__always) public var isEmpty: Bool { buffer.count == 0 }

    /// The byte at `position` (checked in debug builds only).
    @inlinable @inline(__always) public subscript(position: Int) -> UInt8 {
        get { buffer[position] }
        nonmutating set { buffer[position] = newValue }
    }

    /// The same bytes, read-only.
    @inlinable @inline(__always) public var view: ByteView { ByteView(UnsafeBufferPointer(buffer)) }

    /// The bytes of `range`, as a zero-based view.
    @inlinable @inline(__always) public func extracting(_ range: Range<Int>) -> MutableByteView {
        MutableByteView(UnsafeMutableBufferPointer(rebasing: buffer[range]))
    }

    /// The bytes from `start` to the end, as a zero-based view.
    @inlinable @inline(__always) public func extracting(_ range: PartialRangeFrom<Int>) -> MutableByteView {
        extracting(range.lowerBound..<buffer.count)
    }

    /// The value stored at `offset`, read from any alignment.
    @inlinable @inline(__always) public func loadUnaligned<T: BitwiseCopyable>(fromByteOffset offset: Int = 0, as type: T.Type) -> T {
        UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: type)
    }

    /// Copies `source` to `offset` (`memmove`: the ranges may overlap).
    @inlinable @inline(__always) public func copy(_ source: ByteView, to offset: Int) {
        guard source.count > 0 else { return }
        precondition(offset >= 0 && offset + source.count <= buffer.count, "copy past the end of a MutableByteView")
        memmove(buffer.baseAddress.unsafelyUnwrapped + offset, source.buffer.baseAddress.unsafelyUnwrapped, source.count)
    }

    /// Moves `count` bytes from `from` to `to` within the view (`memmove`).
    @inlinable @inline(__always) public func moveBytes(from: Int, to: Int, count: Int) {
        guard count > 0 else { return }
        precondition(from >= 0 && to >= 0 && from + count <= buffer.count && to + count <= buffer.count, "move past the end of a MutableByteView")
        let base = buffer.baseAddress.unsafelyUnwrapped
        memmove(base + to, base + from, count)
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with a view of the array's bytes (valid only inside `body`, rule 6).
    @inlinable @inline(__always) public func withByteView<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in try body(ByteView(buffer)) }
    }

    /// Calls `body` with a writable view of the array's bytes (valid only inside `body`, rule 6).
    @inlinable @inline(__always) public mutating func withMutableByteView<Result, Failure: Error>(
        _ body: (MutableByteView) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in try body(MutableByteView(buffer)) }
    }
}

extension ArraySlice where Element == UInt8 {
    /// Calls `body` with a zero-based view of the slice's bytes (valid only inside `body`, rule 6).
    @inlinable @inline(__always) public func withByteView<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in try body(ByteView(buffer)) }
    }
}

extension String {
    /// Calls `body` with a view of the string's UTF-8 when it is stored contiguously (a native
    /// string), without copying the string; nil otherwise (valid only inside `body`, rule 6).
    @inlinable @inline(__always) public func withByteViewIfContiguous<Result>(_ body: (ByteView) -> Result) -> Result? {
        utf8.withContiguousStorageIfAvailable { body(ByteView($0)) }
    }

    /// Calls `body` with a view of the string's UTF-8 (valid only inside `body`, rule 6), read in
    /// place when the string is native, as nearly every string is; a copy made native otherwise.
    /// For texts many findings share (a policy id, an input's path), read on all cores: a copy
    /// for the mutating `withByteView` was a retain and a release on a count both cores write.
    @inlinable @inline(__always) public func withByteViewInPlace<Result>(_ body: (ByteView) -> Result) -> Result {
        if let result = withByteViewIfContiguous(body) { return result }
        var copy = self
        return copy.withByteView(body)
    }

    /// Calls `body` with a view of the string's UTF-8 (valid only inside `body`, rule 6); makes
    /// the string native first when it is not.
    @inlinable @inline(__always) public mutating func withByteView<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        var result: Result?
        var failure: Failure?
        withUTF8 { buffer in
            do throws(Failure) { result = try body(ByteView(buffer)) } catch { failure = error }
        }
        if let failure { throw failure }
        return result.unsafelyUnwrapped
    }
}

// MARK: - The process image

/// Replacing the running program with itself (`HugePageTuning`): `execv` takes the C argument vector.
public enum ProcessImage {
    /// Runs `/proc/self/exe` on the process's own arguments and environment (as changed by
    /// `setenv`) in place of this process; returns only when that failed.
    public static func reexecuteSelf() {
        #if os(Linux)
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }
}

// MARK: - C interop (for the InPlaceReading.swift of a target that links a C library only)

extension ByteView {
    /// A view of memory a C library owns (valid as long as that library says; rule 6). For the
    /// `InPlaceReading.swift` of a target that links that library only.
    @inlinable @inline(__always) public init(unsafeStart start: UnsafeRawPointer?, count: Int) {
        buffer = UnsafeBufferPointer(start: start?.assumingMemoryBound(to: UInt8.self), count: start == nil ? 0 : count)
    }

    /// The first byte's address, for a C function that reads the bytes during the call. For the
    /// `InPlaceReading.swift` of a target that links that library only.
    @inlinable @inline(__always) public var unsafeBaseAddress: UnsafePointer<UInt8>? { buffer.baseAddress }

    /// Writes the bytes to a file descriptor with one `write(2)`: the count written, or -1 (`errno` set).
    @inlinable public func write(to descriptor: Int32) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        #if canImport(Glibc)
        return Glibc.write(descriptor, base, buffer.count)
        #else
        return Darwin.write(descriptor, base, buffer.count)
        #endif
    }
}

extension MutableByteView {
    /// A view of memory a C library owns. For the `InPlaceReading.swift` of a target that links
    /// that library only.
    @inlinable @inline(__always) public init(unsafeStart start: UnsafeMutableRawPointer?, count: Int) {
        buffer = UnsafeMutableBufferPointer(start: start?.assumingMemoryBound(to: UInt8.self), count: start == nil ? 0 : count)
    }

    /// The first byte's address, for a C function that writes the bytes during the call. For the
    /// `InPlaceReading.swift` of a target that links that library only.
    @inlinable @inline(__always) public var unsafeBaseAddress: UnsafeMutablePointer<UInt8>? { buffer.baseAddress }

    /// Fills the start of the view from a file descriptor with one `read(2)`: the count read, 0 at
    /// the end, or -1 (`errno` set).
    @inlinable public func read(from descriptor: Int32) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        #if canImport(Glibc)
        return Glibc.read(descriptor, base, buffer.count)
        #else
        return Darwin.read(descriptor, base, buffer.count)
        #endif
    }

    /// Fills the start of the view from `offset` of a file descriptor with one `pread(2)`.
    @inlinable public func read(from descriptor: Int32, at offset: Int) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return pread(descriptor, base, buffer.count, .init(offset))
    }
}

/// A fixed allocation of `Element`s that its owner deallocates explicitly (lifetime rule 8): the
/// storage of arenas, hash tables and scratch buffers that are reused row after row, where an
/// array's uniqueness checks and bounds checks were measurable. Reading or writing an element
/// the owner has not initialized is a bug the type does not catch.
@frozen public struct ManualBuffer<Element> {
    @usableFromInline let base: UnsafeMutablePointer<Element>

    /// Uninitialized storage for `capacity` elements (at least one is allocated).
    @inlinable @inline(__always) public init(capacity: Int) { base = .allocate(capacity: Swift.max(capacity, 1)) }

    /// Storage for `count` elements, each initialized to `value`.
    @inlinable @inline(__always) public init(repeating value: Element, count: Int) {
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    /// The element at `index` (initialized by the owner).
    @inlinable @inline(__always) public subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(base + index) }
        nonmutating unsafeMutableAddress { base + index }
    }

    /// Initializes the element at `index`, which holds none yet. The value is moved in: taken
    /// borrowed, it was copied (a retain per reference it holds) and the caller's released.
    @inlinable @inline(__always) public func initialize(at index: Int, to value: consuming Element) { (base + index).initialize(to: value) }

    /// Moves the element at `index` out, leaving that position uninitialized.
    @inlinable @inline(__always) public func move(at index: Int) -> Element { (base + index).move() }

    /// Deinitializes the first `count` elements (needed only for elements that hold references).
    @inlinable public func deinitialize(count: Int) { base.deinitialize(count: count) }

    /// Deinitializes `count` elements from `start`.
    @inlinable public func deinitialize(from start: Int, count: Int) { (base + start).deinitialize(count: count) }

    /// The same storage from element `offset` on (index 0 is element `offset`): for handing a
    /// worker its range. Only the original buffer is ever deallocated.
    @inlinable @inline(__always) public func advanced(by offset: Int) -> ManualBuffer<Element> { ManualBuffer(base: base + offset) }

    @inlinable @inline(__always) init(base: UnsafeMutablePointer<Element>) { self.base = base }

    /// Frees the storage; the buffer must not be used after.
    @inlinable public func deallocate() { base.deallocate() }

    /// New storage of `capacity` elements holding this buffer's first `count` elements (moved);
    /// this buffer is deallocated and must not be used after.
    @inlinable public func grown(to capacity: Int, moving count: Int) -> ManualBuffer<Element> {
        let grown = ManualBuffer(capacity: capacity)
        grown.base.moveInitialize(from: base, count: count)
        base.deallocate()
        return grown
    }
}

extension Array {
    /// Appends `count` elements that `place` initializes, in any order, each exactly once, at
    /// the end of the array's storage, through the buffer it gets (valid only inside `place`,
    /// nothing else read or written through it). `place` returns `count`, or 0 when it
    /// initialized nothing (then nothing is appended). Room for them is reserved here when the
    /// array lacks it or shares its storage; a caller that appends batch after batch reserves
    /// ahead by doubling, as `ArrayBuilder` does, so that this reservation finds room. The
    /// elements are made where they stay: no copy into the array after.
    @inlinable public mutating func appendPlacing(count: Int, _ place: (ManualBuffer<Element>) -> Int) {
        reserveCapacity(self.count + count)
        withoutActuallyEscaping(place) { place in append(contentsOf: PlacedElements(count: count, place: place)) }
    }

    /// Gives the whole memory pages of the array's capacity beyond its count back to the kernel
    /// (`madvise(MADV_DONTNEED)`), keeping the capacity: for a large array emptied from its end
    /// while its elements move elsewhere (`PolicyRunner.takeFindings`), so that the moved
    /// elements' memory is not held twice until the array is freed. The capacity beyond the
    /// count holds no initialized element and nothing reads it; a page given back reads as zeros
    /// if the array grows into it again. Call it only on an array nothing else shares (a shared
    /// one would be copied first). Does nothing off Linux.
    public mutating func releasePagesBeyondCount() {
        #if canImport(Glibc)
        let capacity = self.capacity
        let count = self.count
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard pageSize > 0, (capacity - count) * MemoryLayout<Element>.stride >= pageSize else { return }
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let first = UInt(bitPattern: UnsafeMutableRawPointer(base + count))
            let end = UInt(bitPattern: UnsafeMutableRawPointer(base + capacity))
            let mask = UInt(pageSize - 1)
            let start = (first + mask) & ~mask
            let stop = end & ~mask
            guard stop > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(address, Int(stop - start), MADV_DONTNEED)
        }
        #endif
    }

    /// An array of `count` elements that `body` initializes, in any order, each exactly once,
    /// with `initialize(at:to:)` of the buffer it gets (valid only inside `body`; nothing else
    /// is read or written through it).
    @inlinable public init(placing count: Int, _ body: (ManualBuffer<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            body(ManualBuffer(base: base))
            initialized = count
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes `write` writes through a cursor that has room for `maximumCount`
    /// (reserved here, grown by doubling): for a writer of many short pieces, each of which
    /// `append` would check the array's capacity and uniqueness for. The cursor traps when
    /// written past `maximumCount`, so a wrong bound is a crash, never a write out of bounds.
    @inlinable public mutating func appendWriting(maximumCount: Int, _ write: (inout ByteCursor) -> Void) {
        append(addingCapacity: maximumCount) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                var cursor = ByteCursor(base: base + initialized, limit: buffer.count - initialized)
                write(&cursor)
                initialized += cursor.count
            }
        }
    }
}

/// Bytes written in order into room an array reserved (`Array.appendWriting`), each write
/// checked against that room (valid only inside the `write` closure, rule 6).
@frozen public struct ByteCursor: ByteSink {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let limit: Int
    @usableFromInline var written = 0

    /// The number of bytes written so far.
    @inlinable public var count: Int { written }

    @inlinable init(base: UnsafeMutablePointer<UInt8>, limit: Int) {
        self.base = base
        self.limit = limit
    }

    /// Writes one byte.
    @inlinable @inline(__always) public mutating func append(_ byte: UInt8) {
        precondition(written < limit, "ByteCursor written past its room")
        base[written] = byte
        written &+= 1
    }

    /// Writes the eight bytes of `word`, the most significant first, in one store.
    @inlinable @inline(__always) public mutating func append(bigEndian word: UInt64) {
        precondition(8 <= limit &- written, "ByteCursor written past its room")
        UnsafeMutableRawPointer(base + written).storeBytes(of: word.bigEndian, as: UInt64.self)
        written &+= 8
    }

    /// Writes the bytes of a view.
    @inlinable @inline(__always) public mutating func append(contentsOf bytes: ByteView) {
        let length = bytes.count
        precondition(length <= limit &- written, "ByteCursor written past its room")
        guard let source = bytes.buffer.baseAddress else { return }
        if length <= 16 {
            for index in 0..<length { base[written &+ index] = source[index] }
        } else {
            (base + written).update(from: source, count: length)
        }
        written &+= length
    }
}

/// Elements initialized in place by `Array.appendPlacing`: `Array.append(contentsOf:)` hands its
/// free capacity to `_copyContents`, which lets `place` fill it. The count is not announced
/// (`underestimatedCount` 0), so that a `place` that fails may initialize nothing.
@usableFromInline struct PlacedElements<Element>: Sequence {
    @usableFromInline let count: Int
    @usableFromInline let place: (ManualBuffer<Element>) -> Int

    @inlinable init(count: Int, place: @escaping (ManualBuffer<Element>) -> Int) {
        self.count = count
        self.place = place
    }

    @inlinable func makeIterator() -> EmptyCollection<Element>.Iterator { EmptyCollection<Element>().makeIterator() }

    @inlinable var underestimatedCount: Int { 0 }

    @inlinable func _copyContents(initializing destination: UnsafeMutableBufferPointer<Element>) -> (EmptyCollection<Element>.Iterator, Int) {
        precondition(destination.count >= count, "appendPlacing needs room reserved for the elements")
        guard count > 0, let base = destination.baseAddress else { return (makeIterator(), 0) }
        let placed = place(ManualBuffer(base: base))
        precondition(placed == count || placed == 0, "appendPlacing: place initializes all its elements or none")
        return (makeIterator(), placed)
    }
}

extension ManualBuffer where Element == UInt8 {
    /// A view of `count` bytes at `start` (valid until the buffer is deallocated or grown, rule 6).
    @inlinable @inline(__always) public func bytes(from start: Int, count: Int) -> ByteView {
        ByteView(UnsafeBufferPointer(start: base + start, count: count))
    }

    /// A writable view of `count` bytes at `start` (valid until the buffer is deallocated or grown).
    @inlinable @inline(__always) public func mutableBytes(from start: Int, count: Int) -> MutableByteView {
        MutableByteView(UnsafeMutableBufferPointer(start: base + start, count: count))
    }

    /// Copies `source` to `offset`.
    @inlinable @inline(__always) public func copy(_ source: ByteView, to offset: Int) {
        guard source.count > 0 else { return }
        (base + offset).update(from: source.buffer.baseAddress.unsafelyUnwrapped, count: source.count)
    }
}

/// An array's elements written in place, without uniqueness or bounds checks in release builds:
/// by one thread, or by parallel workers that each write their own disjoint index range
/// (lifetime rule 9); made by `withMutableElementView`, valid only inside that closure.
///
/// Sendable: workers write disjoint ranges only, inside the closure that made the view, and the
/// array is not otherwise touched until they are done (rule 9).
@frozen public struct MutableElementView<Element>: @unchecked Sendable {
    @usableFromInline let buffer: UnsafeMutableBufferPointer<Element>

    @inlinable init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    @inlinable @inline(__always) public var count: Int { buffer.count }

    /// The element at `index`.
    @inlinable @inline(__always) public subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}

extension MutableElementView where Element == UInt8 {
    /// Copies the UTF-8 bytes of `text` to `offset` (one `memmove` when its storage is contiguous,
    /// as a native string's is); returns how many. The workers that share a view copy to
    /// disjoint ranges (rule 9).
    @inlinable public func copyUTF8(of text: String, to offset: Int) -> Int {
        let count = text.utf8.count
        precondition(offset >= 0 && offset + count <= buffer.count, "copy past the end of a MutableElementView")
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { source in
            if let from = source.baseAddress, count > 0 { memmove(buffer.baseAddress.unsafelyUnwrapped + offset, from, count) }
            return true
        }
        if copied == nil {
            for (position, byte) in text.utf8.enumerated() { buffer[offset + position] = byte }
        }
        return count
    }
}

extension MutableElementView {
    /// Exchanges the elements at `left` and `right`.
    @inlinable @inline(__always) public func swapAt(_ left: Int, _ right: Int) { buffer.swapAt(left, right) }

    /// Calls `body` with the element at `index` in place (`inout` is its address: a change made
    /// through it copies nothing, where a read through the subscript and a write back would
    /// copy the element and then every storage it shares).
    @inlinable @inline(__always) public func update<Result>(at index: Int, _ body: (inout Element) throws -> Result) rethrows -> Result {
        try body(&buffer[index])
    }
}

extension MutableElementView where Element: Comparable {
    /// Sorts the elements of `range` in place (the rest is untouched).
    @inlinable public func sort(_ range: Range<Int>) {
        var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
        slice.sort()
    }
}

/// An array's elements read in place, without copying an element (a copy of a struct holding
/// references costs reference counting) and without bounds checks in release builds; made by
/// `withElementView`, valid only inside that closure (rule 6).
@frozen public struct ElementView<Element> {
    @usableFromInline let buffer: UnsafeBufferPointer<Element>

    @inlinable init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }

    @inlinable @inline(__always) public var count: Int { buffer.count }
    @inlinable @inline(__always) public var indices: Range<Int> { 0..<buffer.count }

    /// The element at `index`, borrowed (checked in debug builds only).
    @inlinable @inline(__always) public subscript(index: Int) -> Element {
        unsafeAddress { buffer.baseAddress.unsafelyUnwrapped + index }
    }

    /// Calls `body` with the element at `index` by its address. Handing `view[index]` to a
    /// `borrowing` parameter still copies the element (the compiler copies what an addressor
    /// yields before the call: a finding's dozen reference counts, on counts other cores share);
    /// an `inout` argument is passed as the address itself. `body` must not change the element
    /// (the array may be shared).
    @inlinable @inline(__always) public func withElement<Result>(at index: Int, _ body: (inout Element) -> Result) -> Result {
        body(&UnsafeMutablePointer(mutating: buffer.baseAddress.unsafelyUnwrapped + index).pointee)
    }
}

extension Array {
    /// Calls `body` with the array's elements in place (valid only inside `body`, rule 6).
    @inlinable @inline(__always) public func withElementView<Result, Failure: Error>(_ body: (ElementView<Element>) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in try body(ElementView(buffer)) }
    }

    /// Calls `body` with the array's storage for parallel workers that write disjoint ranges
    /// (valid only inside `body`, rule 9).
    @inlinable public mutating func withMutableElementView<Result>(_ body: (MutableElementView<Element>) throws -> Result) rethrows -> Result {
        try withUnsafeMutableBufferPointer { buffer in try body(MutableElementView(buffer)) }
    }
}

extension Array where Element: BitwiseCopyable {
    /// An array of `count` elements that `fill` writes, every one of them, through a view of
    /// the new storage before anything reads it: the storage is not zeroed first (rule 9 when
    /// workers fill it range by range). For large scratch arrays: zeroing 75 MB of id bytes on
    /// the calling thread, the kernel's page zeroing and then a `memset` on one core, took
    /// longer than the workers' copy into it.
    @inlinable public init(count: Int, writingEvery fill: (MutableElementView<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(MutableElementView(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
            initialized = count
        }
    }
}

/// How many items ahead a pass prefetches what it will read (`prefetchStorage`): an item's
/// work (a finding's JSON or JUnit case) takes longer than a cache miss, so a few suffice.
@inlinable public var prefetchDistance: Int { 8 }

/// Asks the CPU to start loading the UTF-8 of the string stored at `text` (its heap storage,
/// the first 128 bytes), without touching the string's reference count. A pass over a
/// million findings in resource-id order reads each finding's id where the reader allocated
/// it, scattered among its resource's other values: every id is a cache miss, and a retain
/// waits for it. Prefetched a few findings ahead, the misses overlap the work. Reads the
/// string's two words in place (`String.nativeStorage`): nothing to load for a string without
/// native storage (a small one's bytes are inline, a literal's are static). The layout is the
/// standard library's on 64-bit platforms; a string of another layout makes this a useless
/// hint, never a wrong result.
public func prefetchStorage(of text: inout String) {
    #if arch(x86_64) || arch(arm64)
    withUnsafeBytes(of: &text) { words in
        guard let storage = String.nativeStorage(words) else { return }
        text_prefetch(storage)
        text_prefetch(storage + 64)
    }
    #endif
}

extension String {
    /// Makes this string's heap storage immortal (`text_make_immortal`): from then on a copy
    /// or a release of the string reads the storage's reference-count word and never writes
    /// it, and the storage is never freed. For texts the process keeps anyway and that many
    /// values on all cores hold: a count they all write moves its cache line from core to core
    /// on every copy (a finding holds its policy's id and its input's path, each copied as the
    /// finding is made, on all cores at once). A mutation still copies first: the storage is
    /// never uniquely referenced. Only a native string's storage is touched (the four top bits
    /// of the string's second word clear; its low 60 bits are the storage's address, the
    /// standard library's layout on 64-bit platforms): a small string has no storage, a
    /// literal's is immortal already, and a bridged or shared string's storage is not the
    /// standard library's object; those are left as they are.
    mutating func makeStorageImmortal() {
        #if arch(x86_64) || arch(arm64)
        withUnsafeBytes(of: &self) { words in
            guard let storage = Self.nativeStorage(words) else { return }
            _ = text_make_immortal(UnsafeMutableRawPointer(mutating: storage))
        }
        #endif
    }

    /// The reference-count word of this string's native storage; nil for a string without one
    /// (for tests of `makeStorageImmortal`).
    mutating func storageReferenceCountWord() -> UInt64? {
        #if arch(x86_64) || arch(arm64)
        withUnsafeBytes(of: &self) { words in Self.nativeStorage(words).map { UInt64(text_refcount_word($0)) } }
        #else
        nil
        #endif
    }

    /// The address of a native string's storage object, from the string's two words (the one
    /// place that reads the standard library's string layout: `prefetchStorage` and the two
    /// above).
    fileprivate static func nativeStorage(_ words: UnsafeRawBufferPointer) -> UnsafeRawPointer? {
        let object = words.load(fromByteOffset: 8, as: UInt64.self)
        guard object >> 60 == 0 else { return nil }
        return UnsafeRawPointer(bitPattern: UInt(object & 0x0FFF_FFFF_FFFF_FFFF))
    }
}

/// Reinterprets the bits of `value` as a `Target` of the same size (checked).
@inlinable @inline(__always) public func reinterpretBits<Source: BitwiseCopyable, Target: BitwiseCopyable>(_ value: Source, as target: Target.Type) -> Target {
    precondition(MemoryLayout<Source>.size == MemoryLayout<Target>.size, "reinterpretBits between types of different sizes")
    return unsafeBitCast(value, to: target)
}

/// The SHA-256 block function (C: the CPU's SHA extensions when present) over whole 64-byte blocks.
enum SHA256Blocks {
    /// Runs the block function over the whole blocks of `blocks` (a tail shorter than a block is ignored).
    static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ blocks: ByteView) {
        guard let base = blocks.buffer.baseAddress, blocks.count >= 64 else { return }
        withUnsafeMutableBytes(of: &state) { words in
            guard let words = words.baseAddress?.assumingMemoryBound(to: UInt32.self) else { return }
            csha256_compress(words, base, blocks.count / 64)
        }
    }
}

extension ByteView {
    /// Where the plain run of a JSON string's body that starts at `start` ends: the offset of the
    /// first `"`, backslash or control byte (`count` when none), and whether a byte before it is
    /// not ASCII. CTextScan's SSE2 scan, 16 bytes per step.
    @inline(__always) func jsonStringRun(from start: Int) -> (end: Int, nonASCII: Bool) {
        guard start < buffer.count, let base = buffer.baseAddress else { return (buffer.count, false) }
        let run = text_scan_json_string(base + start, buffer.count - start)
        return (start + run.end, run.non_ascii != 0)
    }
}
