import Testing
import TestSupport
@testable import Inventory

/// The identity step's table of first records groups exactly as a dictionary of the same keys.
@Suite("First record table")
struct FirstRecordTableTests {
    /// Generated keys with many repeats (and nil for records not grouped by key): every claim
    /// answers the first position a `[String: Int]` reference gives.
    @Test(arguments: [1, 7, 1_000, 50_000])
    func claimsTheFirstRecordOfEachKeyAsADictionaryWould(count: Int) {
        var generator = SeededRandom(seed: UInt64(count))
        let keys: [String?] = (0..<count).map { _ in
            let draw = generator.next()
            return draw % 10 == 0 ? nil : "arn:aws:s3:::bucket-\(draw % UInt64(max(1, count / 3)))"
        }
        var table = FirstRecordTable(count: count) { keys[$0] }
        var reference: [String: Int] = [:]
        var distinct = 0
        for position in 0..<count {
            guard let key = keys[position] else { continue }
            let expected = reference[key] ?? position
            if reference[key] == nil { reference[key] = position; distinct += 1 }
            #expect(table.claim(position) == expected)
        }
        for (key, first) in reference { #expect(table.first(withKey: key) == first) }
        #expect(table.first(withKey: "not-a-key") == nil)
        #expect(reference.count == distinct)
    }

    /// Keys equal as Swift strings (canonical equivalence) are one key, as in a dictionary; the
    /// register and inventory spaces of the identity step never meet.
    @Test func equalStringsAreOneKeyAndKeySpacesStayApart() {
        let keys: [IdentityResolution.IdentityGroups.GroupingKey] = [
            .inventory("caf\u{E9}"), .inventory("cafe\u{301}"), .register(input: 0, type: "application", id: "caf\u{E9}"),
            .register(input: 1, type: "application", id: "caf\u{E9}"), .register(input: 0, type: "application", id: "caf\u{E9}"),
        ]
        var table = FirstRecordTable(count: keys.count) { keys[$0] }
        #expect((0..<keys.count).map { table.claim($0) } == [0, 0, 2, 3, 2])
    }
}
