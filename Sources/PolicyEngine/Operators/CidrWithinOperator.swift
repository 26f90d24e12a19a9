/// `cidr_within`: An IP address or CIDR block inside the operand block (or any block of a list).
enum CidrWithinOperator: OperatorDefinition {
    static let summary = "An IP address or CIDR block inside the operand block (or any block of a list)."

    static let examples: [OperatorExample] = [
        .init(#"{"cidr": "10.1.2.0/24"}"#, "cidr: { cidr_within: 10.0.0.0/8 }", .pass),
        .init(#"{"cidr": "192.168.0.0/16"}"#, "cidr: { cidr_within: [10.0.0.0/8, 172.16.0.0/12] }", .fail),
    ]

    /// The evaluation: the address or block inside any of the operand's blocks.
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        guard case .string(let text) = actual, let block = IPBlock(parsing: text) else {
            return .error("cidr_within: '\(actual.displayText)' is not an IP address or CIDR block")
        }
        let containers: [Value] = operand.arrayValue ?? [operand]
        var parents: [IPBlock] = []
        for container in containers {
            guard case .string(let text) = container, let parsed = IPBlock(parsing: text) else {
                return .error("cidr_within: operand '\(container.displayText)' is not a CIDR block")
            }
            parents.append(parsed)
        }
        return .from(parents.contains { block.isWithin($0) })
    }
}
