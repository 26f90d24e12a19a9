import Foundation
import Testing
import TestSupport
@testable import PolicyEngine

/// The rules of the engine's unsafe corner (Sources/PolicyEngine/InPlaceReading.swift).
@Suite("In-place reading")
struct InPlaceTests {
    @Test("a pointer into a document's array is its storage, stable while the document lives")
    func arrayElementIsStorage() throws {
        let document = try JSONParser.parse(Array(#"{"regions": ["eu-west-1", "eu-central-1", "us-east-1"]}"#.utf8))
        guard case .object(let fields) = document, case .array(let items)? = fields["regions"] else {
            Issue.record("not an object with an array")
            return
        }
        let first = try #require(InPlace.element(of: items, at: 1))
        let second = try #require(InPlace.element(of: items, at: 1))
        // Rule 3: the same address every time (the storage, not a temporary copy).
        #expect(first == second)
        #expect(first.pointee == .string("eu-central-1"))
        #expect(InPlace.element(of: items, at: -1)?.pointee == .string("us-east-1"))
        #expect(InPlace.element(of: items, at: 3) == nil)
        #expect(InPlace.element(of: items, at: -4) == nil)
        #expect(InPlace.element(of: [], at: 0) == nil)
    }

    @Test("a pointer to an object member reads the member's value")
    func memberPointer() throws {
        let document = try JSONParser.parse(Array(#"{"a": 1, "b": {"c": true}, "d": "x"}"#.utf8))
        guard case .object(let fields) = document else {
            Issue.record("not an object")
            return
        }
        let found = try #require(fields.pointerToValue(forKey: ObjectKey("d"), hint: 0))
        #expect(found.value.pointee == .string("x"))
        #expect(fields.pointerToValue(forKey: ObjectKey("missing"), hint: 0) == nil)
        let again = try #require(fields.pointerToValue(forKey: ObjectKey("d"), hint: found.index))
        #expect(again.value == found.value)
    }

    /// Tokens that make or reinterpret in-place pointers. They may appear only in the fenced
    /// file; the listed exceptions read arrays that are not documents, inside their closures.
    static let fencedTokens = ["Unmanaged", "assumingMemoryBound(to: Value", "UnsafePointer<Value>", "UnsafeMutablePointer<Value>",
                               "SharedResources(", "SharedFindings(", "withUnsafePointer(to:"]

    @Test("in-place pointers are made only in InPlaceReading.swift")
    func fence() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Sources/PolicyEngine")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.contains("InPlaceReading.swift"))
        for file in files where file != "InPlaceReading.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for token in Self.fencedTokens {
                #expect(!text.contains(token), "\(file) uses \(token): in-place pointers belong in InPlaceReading.swift")
            }
            // The evaluator's files read documents through `InPlace` only.
            if ["Evaluation/EvaluationPlan.swift", "Evaluation/PlanChecks.swift", "Evaluation/PolicyRunner.swift"].contains(file) {
                #expect(!text.contains("withUnsafe"), "\(file) makes its own pointers: use InPlace")
            }
        }
    }

    /// The pages given back lie wholly beyond the count: every element kept reads as before,
    /// at every count (page-aligned or not), and the array grows into the released capacity.
    @Test("giving back the pages beyond the count keeps every element")
    func releasePagesBeyondCount() {
        for kept in [0, 1, 511, 512, 513, 4_095, 20_000, 99_999] {
            var numbers = Array(1...100_000)
            let capacity = numbers.capacity
            numbers.removeLast(numbers.count - kept)
            numbers.releasePagesBeyondCount()
            #expect(numbers.count == kept)
            #expect(numbers.capacity == capacity)
            #expect(numbers == Array(1...max(1, kept)).prefix(kept).map { $0 })
            numbers.append(contentsOf: (kept + 1)...100_000)
            #expect(numbers == Array(1...100_000))
        }
    }

    @Test("a cursor appends after what the array holds, long and short pieces alike, and grows it by doubling")
    func cursorAppends() {
        var bytes: [UInt8] = Array("head:".utf8)
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 40)
        var capacities: Set<Int> = []
        for round in 0..<2000 {
            bytes.appendWriting(maximumCount: 64) { cursor in
                cursor.append(UInt8(ascii: "<"))
                cursor.append("ab")
                if round % 2 == 0 { long.withByteView { cursor.append(contentsOf: $0) } }
                #expect(cursor.count == (round % 2 == 0 ? 43 : 3))
            }
            capacities.insert(bytes.capacity)
        }
        bytes.appendWriting(maximumCount: 8) { _ in }
        var expected: [UInt8] = Array("head:".utf8)
        for round in 0..<2000 { expected += Array("<ab".utf8) + (round % 2 == 0 ? long : []) }
        #expect(bytes == expected)
        // Reserving exactly the room asked for each time would grow the array 1,000 times.
        #expect(capacities.count < 20)
    }

    @Test("prefetching a string's storage leaves small, large, shared and empty strings as they were")
    func prefetchIsOnlyAHint() {
        var strings = ["", "small", String(repeating: "long id ", count: 40), "é" + String(repeating: "ü", count: 30)]
        let before = strings
        for index in strings.indices { prefetchStorage(of: &strings[index]) }
        #expect(strings == before)
    }

    @Test("a string read in place gives its UTF-8, small, large, shared and bridged-like alike")
    func stringReadInPlace() {
        let large = String(repeating: "arn:aws:s3:::bucket/", count: 9)
        let shared = large
        let sliced = String(large.dropFirst(4).prefix(50))
        for text in ["", "small", large, shared, sliced, "é" + String(repeating: "ü", count: 30), "line\nwith \"quotes\""] {
            #expect(text.withByteViewInPlace { Array($0) } == Array(text.utf8), "\(text)")
        }
        // Escaping writers read through it: a shared policy id is written unchanged.
        var bytes: [UInt8] = []
        JSONWriter.writeString("a \"quoted\" id/\u{1}", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""a \"quoted\" id/\u0001""#)
    }

    /// The Swift runtime's immortal reference-count word (`TEXT_IMMORTAL_REFCOUNT`).
    static let immortalWord: UInt64 = 0x8000_0004_FFFF_FFFF

    @Test("an interned text is immortal: copies and releases write nothing, a mutation copies, equal texts share it")
    func internedTextIsImmortal() {
        // Made at run time, so its storage is on the heap (a literal's is static).
        let text = String(repeating: "bench.r3.encryption_at_rest/", count: 2) + String(Int.random(in: 1000...9999))
        var interned = InternedText.of(text)
        #expect(interned == text)
        #expect(interned.storageReferenceCountWord() == Self.immortalWord)
        var copies = Array(repeating: interned, count: 1000)
        #expect(interned.storageReferenceCountWord() == Self.immortalWord)
        copies.removeAll()
        #expect(interned.storageReferenceCountWord() == Self.immortalWord)
        #expect(copies.isEmpty)
        // The same text again is the same copy (one key number), and a mutation leaves it alone.
        #expect(ObjectKey(InternedText.of(text + "")) == ObjectKey(interned))
        var changed = interned
        changed.append("!")
        #expect(interned == text)
        #expect(changed == text + "!")
        #expect(changed.storageReferenceCountWord() != Self.immortalWord)
        // What this checks can fail: an ordinary string's word moves with its copies.
        var plain = String(repeating: "q", count: 40) + String(Int.random(in: 1000...9999))
        let before = plain.storageReferenceCountWord()
        let held = Array(repeating: plain, count: 3)
        #expect(before != nil)
        #expect(plain.storageReferenceCountWord() != before)
        #expect(held.count == 3)
        // Strings without a native heap storage are left as they are.
        var small = "eu-west-1"
        small.makeStorageImmortal()
        #expect(small.storageReferenceCountWord() == nil)
        #expect(small == "eu-west-1")
        var literal = "a literal longer than fifteen bytes"
        literal.makeStorageImmortal()
        #expect(literal.storageReferenceCountWord() == nil)
    }

    @Test("an input's path and a policy's id are interned: every resource and finding holds them")
    func pathsAndPolicyIDsAreInterned() throws {
        var spec = InputSpec(path: "/data/exports/" + String(Int.random(in: 1000...9999)) + "/inventory.json")
        #expect(spec.path.storageReferenceCountWord() == Self.immortalWord)
        spec.path = "/data/exports/" + String(Int.random(in: 1000...9999)) + "/other.json"
        #expect(spec.path.storageReferenceCountWord() == Self.immortalWord)
        let id = "org.example.storage-encrypted-" + String(Int.random(in: 1000...9999))
        let policy = try PolicyCompiler.compile(Build.policy(id, types: [], require: Build.field("encrypted", .equals, true)))
        let resources = (0..<3).map { Build.resource("r\($0)", "storage.bucket", .object(Fields([("encrypted", .bool($0 == 1))]))) }
        let evaluations = PolicyRunner.run([policy], corpus: ResourceCorpus(resources: resources),
                                           context: EvaluationContext(asOf: CivilDate(year: 2026, month: 6, day: 30)!), keepPasses: true)
        #expect(evaluations[0].findings.count == 3)
        for finding in evaluations[0].findings {
            var policyID = finding.policy
            #expect(policyID == id)
            #expect(policyID.storageReferenceCountWord() == Self.immortalWord)
        }
    }

    @Test("an array written by parallel workers range by range holds what each wrote, with no zeroing first")
    func arrayWrittenEverywhere() {
        for count in [0, 1, 5, 70_001] {
            let plan = ChunkPlan(count: count, minimumChunk: 1_000)
            let filled = [UInt64](count: count) { view in
                ParallelMap.forEach(count: plan.chunks) { chunk in
                    for index in plan.range(of: chunk) { view[index] = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 }
                }
            }
            #expect(filled.count == count)
            #expect(filled.indices.allSatisfy { filled[$0] == UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }, "\(count)")
        }
    }
}
