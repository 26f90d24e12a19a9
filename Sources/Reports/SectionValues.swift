import PolicyEngine

/// Lenient reads of the informational sections (`frameworks`, `merge`, `run`) and of policy
/// parameters. The sections with a schema (`cost`, `downtime`, `history`) are decoded strictly
/// instead (`SectionReader`: a mistyped member is an error naming its path). A section read back
/// from a results file carries money as strings and numbers as doubles, one built in the same
/// process carries `.decimal`s; both read the same.
extension Value {
    /// Money: an exact decimal, a decimal string, or a number (through its shortest text).
    var moneyValue: FixedDecimal? { SectionReader.money(self) }

    /// A number: a double, a decimal, or a numeric string.
    var numberValue: Double? {
        switch self {
        case .number(let number): return number
        case .decimal(let amount): return amount.doubleValue
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    /// A count or a number of days: the number rounded down, nil when it is beyond `Int`'s range.
    var wholeNumberValue: Int? { numberValue?.intRoundedDown }

    /// A scalar's text (strings as they are, numbers and booleans in their JSON form).
    var textValue: String? { keyText }

    /// The elements of an array (empty for anything else).
    var elements: [Value] { arrayValue ?? [] }

    /// The members of an object (empty for anything else).
    var memberFields: Fields { objectValue ?? Fields() }
}
