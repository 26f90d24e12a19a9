/// `ends_with`: A string ending with the operand.
/// Evaluated with the string operators' family (`MatchesOperator.evaluate`).
enum EndsWithOperator: OperatorDefinition {
    static let summary = "A string ending with the operand."

    static let examples: [OperatorExample] = [
        .init(#"{"sku": "Standard_RAGRS"}"#, "sku: { ends_with: GRS }", .pass),
        .init(#"{"sku": "Standard_LRS"}"#, "sku: { ends_with: GRS }", .fail),
    ]
}
