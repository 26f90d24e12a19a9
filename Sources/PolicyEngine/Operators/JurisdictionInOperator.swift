/// `jurisdiction_in`: A region (or multi-region code such as GCS `EU`, KMS `europe`) whose every member region lies
/// in one of the listed jurisdictions (`EU`, `UK`, `US`, `CH`, … from the region catalog).
enum JurisdictionInOperator: OperatorDefinition {
    static let summary = "A region or multi-region code whose every member region lies in one of the listed jurisdictions."

    static let examples: [OperatorExample] = [
        .init(#"{"region": "eu-west-1"}"#, "region: { jurisdiction_in: [EU] }", .pass),
        .init(#"{"location": "EU"}"#, "location: { jurisdiction_in: [EU] }", .pass),
        .init(#"{"region": "us-east-1"}"#, "region: { jurisdiction_in: [EU, UK] }", .fail),
        .init(#"{"region": "atlantis-1"}"#, "region: { jurisdiction_in: [EU] }", .error),
    ]

    /// The evaluation: every member region of every code in an allowed jurisdiction, by the
    /// region catalog.
    static func evaluate(actual: Value, operand: Value, regions: RegionCatalog) -> Outcome {
        guard case .array(let allowedValues) = operand else {
            return .error("jurisdiction_in needs a list of jurisdictions, found a \(operand.kindName)")
        }
        let allowed = Set(allowedValues.compactMap { $0.stringValue?.uppercased() })
        let codes: [Value] = actual.arrayValue ?? [actual]
        for code in codes {
            guard case .string(let text) = code else {
                return .error("jurisdiction_in needs region codes, found a \(code.kindName)")
            }
            guard let jurisdictions = regions.jurisdictions(of: text) else {
                return .error("region '\(text)' is not in the region catalog")
            }
            if !jurisdictions.allSatisfy({ allowed.contains($0.uppercased()) }) { return .fail }
        }
        return .pass
    }
}
