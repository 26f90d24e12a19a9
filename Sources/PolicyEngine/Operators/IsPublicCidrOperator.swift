/// `is_public_cidr`: `true`: the address or block reaches public address space (`0.0.0.0/0` does); `false`: it is private.
enum IsPublicCidrOperator: OperatorDefinition {
    static let summary = "`true`: the address or block reaches public address space; `false`: it stays private."

    static let examples: [OperatorExample] = [
        .init(#"{"source": "0.0.0.0/0"}"#, "source: { is_public_cidr: false }", .fail),
        .init(#"{"source": "10.0.0.0/16"}"#, "source: { is_public_cidr: false }", .pass),
        .init(#"{"source": "2600:1f18::/32"}"#, "source: { is_public_cidr: true }", .pass),
    ]

    /// The evaluation: any of the addresses or blocks reaching public space, against the flag.
    static func evaluate(actual: Value, operand: Value) -> Outcome {
        guard let wanted = operand.boolValue else { return .error("is_public_cidr needs true or false") }
        let addresses: [Value] = actual.arrayValue ?? [actual]
        var anyPublic = false
        for address in addresses {
            guard case .string(let text) = address, let block = IPBlock(parsing: text) else {
                return .error("is_public_cidr: '\(address.displayText)' is not an IP address or CIDR block")
            }
            if block.reachesPublicSpace { anyPublic = true }
        }
        return .from(anyPublic == wanted)
    }
}
