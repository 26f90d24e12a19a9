/// Text formats for people (messages, the CLI table); JSON uses exact decimals instead.
public enum DisplayFormat {
    /// Whole currency units with thousands separators (`1,234,567`, `-8,138`); `-` when not finite.
    public static func money(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 9.2e18 else { return "-" }
        let rounded = amount.rounded()
        let digits = String(Int64(rounded).magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// Whole units with the currency code in front (`USD 1,234,567`), as the reports write money.
    public static func money(_ amount: Double, currency: String) -> String {
        let text = money(amount)
        return text == "-" ? text : currency + " " + text
    }
}
