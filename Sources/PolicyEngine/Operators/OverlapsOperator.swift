/// `overlaps`: A number, or a range `{from, to}` (inclusive; a list of either: any of them), that shares at
/// least one number with the operand: a number, or a list of numbers and `[low, high]` ranges.
/// Port checks: a rule open on `0-65535` overlaps port 22.
enum OverlapsOperator: OperatorDefinition {
    static let summary = "A number or range {from, to} (or a list of them) sharing a number with the operand: numbers and [low, high] ranges."

    static let examples: [OperatorExample] = [
        .init(#"{"ports": {"from": 0, "to": 65535}}"#, "ports: { overlaps: [22, 3389] }", .pass),
        .init(#"{"ports": {"from": 443, "to": 443}}"#, "ports: { overlaps: [22, 3389] }", .fail),
        .init(#"{"ports": 8080}"#, "ports: { overlaps: [[8000, 8100]] }", .pass),
        .init(#"{"ports": {"from": 22}}"#, "ports: { overlaps: [22] }", .error),
    ]

    /// `overlaps`: the value's ranges (a number, `{from, to}`, or a list of them) against the
    /// operand's (a number, or a list of numbers and `[low, high]` pairs); every bound inclusive.
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        var found: [ClosedRange<Double>] = []
        for item in actual.arrayValue ?? [actual] {
            if case .unknown = item { return .unknown("value is not known yet (known after apply)") }
            let range: ClosedRange<Double>?
            switch item {
            case .object(let fields):
                if fields["from"]?.isUnknown == true || fields["to"]?.isUnknown == true {
                    return .unknown("port range is not known yet (known after apply)")
                }
                range = numericRange(fields["from"]?.doubleValue, fields["to"]?.doubleValue)
            default:
                range = item.doubleValue.map { $0...$0 }
            }
            guard let range else {
                return .error("overlaps needs a number or a range {from, to}, found '\(item.displayText)'")
            }
            found.append(range)
        }
        var wanted: [ClosedRange<Double>] = []
        for item in operand.arrayValue ?? [operand] {
            let range: ClosedRange<Double>?
            if let bounds = item.arrayValue {
                range = bounds.count == 2 ? numericRange(bounds[0].doubleValue, bounds[1].doubleValue) : nil
            } else {
                range = item.doubleValue.map { $0...$0 }
            }
            guard let range else {
                return .error("overlaps: operand '\(item.displayText)' is neither a number nor a [low, high] range")
            }
            wanted.append(range)
        }
        return .from(found.contains { range in wanted.contains { $0.overlaps(range) } })
    }

    private static func numericRange(_ low: Double?, _ high: Double?) -> ClosedRange<Double>? {
        guard let low, let high, low <= high else { return nil }
        return low...high
    }
}
