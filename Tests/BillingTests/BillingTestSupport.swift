import Foundation
import TestSupport
import PolicyEngine

/// Paths the billing tests read: the package root, the hand-written fixtures, the shared samples.
enum BillingPaths {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/BillingTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/BillingTests/Fixtures/" + name).path }
    /// `<root>/../shared/external-data/billing`.
    static let samples = root.deletingLastPathComponent().appendingPathComponent("shared/external-data/billing").path
    /// True when the shared samples are present.
    static var samplesPresent: Bool { FileManager.default.fileExists(atPath: samples) }

    /// A fresh temporary directory (removed when the test process exits).
    static func temporaryDirectory() throws -> URL { Fixtures.temporaryFolder("billing-tests") }
}

/// An exact decimal from text, for expectations.
func decimal(_ text: String) -> FixedDecimal {
    guard case .success(let parsed) = FixedDecimal.parse(text) else { return FixedDecimal(-999_999) }
    return parsed.value
}
