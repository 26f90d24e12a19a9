import PolicyEngine

/// Deterministic, locale-free number formatting for the human reports: the same value always
/// gives the same text on every machine (no `NumberFormatter`, no locale).
enum ReportText {
    // MARK: - Numbers

    /// `1234567` → `1,234,567`.
    static func count(_ value: Int) -> String {
        grouped(String(value.magnitude), negative: value < 0)
    }

    /// A ratio as a percentage with `digits` fractional digits: `0.5714` → `57.1%`.
    static func percent(_ ratio: Double, digits: Int = 1) -> String {
        fixed(ratio * 100, digits: digits) + "%"
    }

    /// A percentage change with its sign: `19.04` → `+19.0%`; nil → `new`.
    static func change(_ percent: Double?) -> String {
        guard let percent else { return "new" }
        return (percent > 0 ? "+" : "") + fixed(percent, digits: 1) + "%"
    }

    /// `value` rounded half away from zero to `digits` fractional digits, without grouping.
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        // Past 2^53 a Double has no fractional digits to show; past Int's range it prints in exponent form.
        guard scaled < 9e15, let units = Int(exactly: scaled) else {
            return Int(exactly: value.rounded()).map(String.init) ?? "\(value.rounded())"
        }
        let negative = value < 0 && units != 0
        var text = String(units)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (negative ? "-" : "") + text
    }

    /// A plain number with at most `digits` fractional digits, trailing zeros dropped: `0.25`, `4`.
    static func number(_ value: Double, digits: Int = 2) -> String {
        var text = fixed(value, digits: digits)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A duration in hours, in minutes below one hour: `0.25` → `15 min`, `4` → `4 h`.
    static func hours(_ value: Double) -> String {
        if value > 0 && value < 1 { return number(value * 60, digits: 1) + " min" }
        return number(value, digits: 2) + " h"
    }

    // MARK: - Money

    /// Money with two decimals and thousands separators: `24265.77` → `24,265.77`.
    static func money(_ amount: FixedDecimal) -> String {
        let text = amount.formatted(fractionDigits: 2)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let integer = grouped(String(parts.first ?? "0"), negative: negative)
        return parts.count > 1 ? integer + "." + parts[1] : integer
    }

    /// Money with its currency code: `USD 24,265.77`.
    static func money(_ amount: FixedDecimal, currency: String) -> String {
        currency.isEmpty ? money(amount) : currency + " " + money(amount)
    }

    /// Money rounded to whole units, for large model figures: `2,063,980`.
    static func wholeMoney(_ amount: FixedDecimal) -> String {
        let text = amount.formatted(fractionDigits: 0)
        let negative = text.hasPrefix("-")
        return grouped(negative ? String(text.dropFirst()) : text, negative: negative)
    }

    private static func grouped(_ digits: String, negative: Bool) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (negative ? "-" : "") + result
    }

    // MARK: - Evidence

    /// One piece of evidence on one line: `path is 'value' (expected …): note`.
    static func evidence(_ item: Evidence) -> String {
        let actual = item.actual.map { "'\($0.displayText)'" } ?? "missing"
        return "\(item.path) is \(actual) (expected \(item.expected))" + (item.note.map { ": " + $0 } ?? "")
    }

    // MARK: - Identifiers

    /// An HTML id fragment from an identifier: letters, digits, `.`, `_` and `-` kept, anything
    /// else replaced by `-`, so ids and `#fragment` links never need escaping beyond the template's.
    static func anchor(_ prefix: String, _ identifier: String) -> String {
        var text = prefix + "-"
        for scalar in identifier.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "." || scalar == "_" || scalar == "-"
            text.unicodeScalars.append(keep ? scalar : "-")
        }
        return text
    }
}
