import PolicyEngine

/// Lenient reads of policy parameters (`params`: free-form values from the policy's YAML that a
/// report shows, such as `dr.test.cadence`'s `cadence_days` per tier). Sections are never read
/// this way: each has one type that decodes it strictly (`SectionReader`).
extension Value {
    /// A count or a number of days from a number, a decimal or a numeric string, rounded down; nil
    /// for anything else or beyond `Int`'s range.
    var wholeNumberValue: Int? {
        switch self {
        case .number(let number): return number.intRoundedDown
        case .decimal(let amount): return amount.doubleValue.intRoundedDown
        case .string(let text): return Double(text)?.intRoundedDown
        default: return nil
        }
    }
}
