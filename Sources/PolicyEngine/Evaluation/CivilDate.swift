/// A calendar date in UTC (proleptic Gregorian), the unit of every date rule.
///
/// The engine never reads the clock: the as-of date is a `CivilDate` handed in by the caller.
/// Conversions use Howard Hinnant's days-from-civil algorithm, so no `Calendar` or time zone
/// database is involved and results are identical on every machine.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of month, 1–31.
    public let day: Int

    /// Creates a date; nil when the components do not form a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), (1...9999).contains(year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The earliest representable date, 0001-01-01.
    public static let earliest = CivilDate(daysSinceEpoch: -719_162)
    /// The latest representable date, 9999-12-31.
    public static let latest = CivilDate(daysSinceEpoch: 2_932_896)

    /// The days since 1970-01-01 of the representable dates, 0001-01-01 through 9999-12-31.
    public static let epochDays = -719_162...2_932_896

    /// The largest date-window amount a rule may use: the span of the representable dates, in days
    /// (months are bounded by the same number). Past it a rule is an `error` verdict (docs/limits.md).
    public static let maximumWindow = 3_652_058

    /// A date-window amount (`within_days`, `older_than_days`, `within_months`) rounded down, nil when
    /// it is not finite or its magnitude exceeds `maximumWindow`.
    public static func windowAmount(_ amount: Double) -> Int? {
        guard amount.isFinite, abs(amount) <= Double(maximumWindow) else { return nil }
        return Int(amount.rounded(.down))
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + count) }

    /// The same day `count` months later (earlier when negative), clamped to the month's end and to
    /// the representable dates (0001-01-01 through 9999-12-31).
    public func adding(months count: Int) -> CivilDate {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(count)
        if overflow || total < 12 { return count < 0 ? Self.earliest : Self.latest }
        if total >= 120_000 { return Self.latest }
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CivilDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CivilDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    /// First day of this date's month.
    public var startOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1) ?? self }

    /// `YYYY-MM` of this date's month.
    public var monthText: String { pad(year, 4) + "-" + pad(month, 2) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// Orders chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// Number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Parsing

    /// Parses a date or timestamp: `2026-05-01`, `2026-05-01T10:20:30Z`, `2026-05-01 10:20:30`,
    /// `2026-05-01T23:30:00-04:00` (converted to the UTC date), `2026/05/01`. Returns nil otherwise.
    public init?(parsing text: some StringProtocol) {
        var copy = String(text)
        guard let parsed = copy.withByteView({ CivilDate(utf8: $0) }) else { return nil }
        self = parsed
    }

    /// Parses UTF-8 bytes without allocating (dates are parsed for every resource a date rule sees).
    public init?(utf8 bytes: ByteView) {
        var end = bytes.count
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        let utf8 = bytes.extracting(0..<end)
        guard utf8.count >= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = utf8[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let separator = utf8[4]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"), utf8[7] == separator,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            var date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        if utf8.count == 10 {
            self = date
            return
        }
        guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " ") || utf8[10] == UInt8(ascii: "t") else { return nil }
        // Time part: HH:MM[:SS[.fff]] then Z, ±HH:MM, ±HHMM or nothing (UTC assumed).
        guard utf8.count >= 16, let hour = number(11..<13), utf8[13] == UInt8(ascii: ":"), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return nil }
        var cursor = 16
        if cursor < utf8.count && utf8[cursor] == UInt8(ascii: ":") {
            guard cursor + 3 <= utf8.count, number(cursor + 1..<cursor + 3) != nil else { return nil }
            cursor += 3
            if cursor < utf8.count && (utf8[cursor] == UInt8(ascii: ".") || utf8[cursor] == UInt8(ascii: ",")) {
                cursor += 1
                while cursor < utf8.count && utf8[cursor] >= 0x30 && utf8[cursor] <= 0x39 { cursor += 1 }
            }
        }
        var offsetMinutes = 0
        if cursor < utf8.count {
            let sign = utf8[cursor]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                cursor += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard cursor + 3 <= utf8.count, let offsetHours = number(cursor + 1..<cursor + 3) else { return nil }
                var offsetMins = 0
                var next = cursor + 3
                if next < utf8.count && utf8[next] == UInt8(ascii: ":") { next += 1 }
                if next + 2 <= utf8.count, let parsed = number(next..<next + 2) {
                    offsetMins = parsed
                    next += 2
                }
                offsetMinutes = (offsetHours * 60 + offsetMins) * (sign == UInt8(ascii: "-") ? -1 : 1)
                cursor = next
            } else if sign == UInt8(ascii: " ") {
                cursor = utf8.count  // trailing zone names (" UTC") are accepted as UTC
            } else {
                return nil
            }
        }
        guard cursor == utf8.count else { return nil }
        // Local time − offset = UTC.
        let utcMinutes = hour * 60 + minute - offsetMinutes
        if utcMinutes < 0 {
            date = date.adding(days: -1)
        } else if utcMinutes >= 24 * 60 {
            date = date.adding(days: 1)
        }
        self = date
    }

    /// A date from a document value: a date/timestamp string, or epoch milliseconds / seconds.
    public init?(value: Value) {
        switch value {
        case .string(let text):
            // Straight from the string's UTF-8 (no copy of the string).
            if let parsed = text.withByteViewIfContiguous({ CivilDate(utf8: $0) }) {
                guard let parsed else { return nil }
                self = parsed
            } else {
                self.init(parsing: text)
            }
        case .number(let number):
            guard number.isFinite else { return nil }
            // Epoch milliseconds (AWS Config KMS creationDate) when large, else seconds.
            let seconds = abs(number) >= 100_000_000_000 ? number / 1000 : number
            guard let days = Int(exactly: (seconds / 86_400).rounded(.down)), Self.epochDays.contains(days) else { return nil }
            self.init(daysSinceEpoch: days)
        default:
            return nil
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
