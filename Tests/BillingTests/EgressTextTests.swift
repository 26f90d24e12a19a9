import Testing
@testable import Billing

/// `EgressRules.text` scans the text once; the reference is the rule as six phrase searches.
@Suite("Egress from free text")
struct EgressTextTests {
    static func reference(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("ingress") || lower.contains("-in-bytes") { return false }
        return lower.contains("data transfer out") || lower.contains("egress") || lower.contains("datatransfer-out") || lower.contains("-out-bytes")
    }

    static func scanned(_ text: String) -> Bool {
        var copy = text
        return copy.withByteView { EgressRules.text($0) }
    }

    @Test("known meters and usage types", arguments: [
        ("USE1-DataTransfer-Out-Bytes", true), ("EUC1-DataTransfer-In-Bytes", false), ("Data Transfer Out - Internet", true),
        ("Internet Egress from Americas to EMEA", true), ("Network Ingress", false), ("Egress and ingress", false),
        ("APS2-EUC1-AWS-Out-Bytes", true), ("BoxUsage:m5.large", false), ("", false), ("EGRESS", true), ("data transfer", false),
        ("dataTransfer-Out", true), ("-out-byte", false),
    ])
    func known(text: String, egress: Bool) {
        #expect(Self.scanned(text) == egress)
        #expect(Self.reference(text) == egress)
    }

    @Test("equals the six searches on generated texts")
    func equalsReference() {
        let pieces = ["data transfer out", "Egress", "ingress", "-In-Bytes", "-Out-Bytes", "DataTransfer-Out", "dat", "e", "-", "in", "x ", "é"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var bits = state
            for _ in 0..<Int(bits % 5) {
                bits >>= 4
                text += pieces[Int(bits % UInt64(pieces.count))]
            }
            #expect(Self.scanned(text) == Self.reference(text), "\(text)")
        }
    }
}
