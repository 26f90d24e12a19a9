/// A register file's own `currency:` beside its list of records (`{currency: USD, applications:
/// [...]}`): the currency of every record's money fields, declared once instead of per record.
/// Readers copy it onto each record's `currency` field; a record that names another currency is
/// an error at the record (docs/registers.md).
public enum RegisterCurrency {
    /// The member of the file that declares it.
    public static let key = "currency"

    /// True for a three-letter upper-case ISO 4217 code such as `USD` or `EUR`.
    public static func isCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// The declared code, or why the declaration is not one.
    public static func code(of value: Value) -> Result<String, RegisterCurrencyProblem> {
        guard let text = value.stringValue, isCode(text) else {
            return .failure(RegisterCurrencyProblem(message: "the register's currency must be a three-letter ISO 4217 code such as USD or EUR, got '\(value.displayText)'"))
        }
        return .success(text)
    }

    /// The record with the file's currency; a failure when the record names another one.
    public static func apply(_ code: String, to record: Fields) -> Result<Fields, RegisterCurrencyProblem> {
        var fields = record
        if let own = record[key] {
            guard own.stringValue == code else {
                return .failure(RegisterCurrencyProblem(message: "the record's currency '\(own.displayText)' conflicts with the register's currency \(code)"))
            }
            return .success(fields)
        }
        fields[key] = .string(code)
        return .success(fields)
    }
}

/// Why a register's currency cannot be applied (the reader adds the file and line).
public struct RegisterCurrencyProblem: Error, Sendable, Equatable {
    /// What is wrong, for people.
    public var message: String
}
