import PolicyEngine

/// Why a field could not be read; the scan turns it into a located `BillingError`.
public struct FieldFailure: Error, Sendable {
    /// The field's position in the record.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Creates a failure.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }
}

/// Parsing of the money and date fields every reader shares.
enum FieldValues {
    /// An exact amount from column `column`; empty and null literals are zero.
    @inline(__always) static func amount(_ bytes: FieldBytes, column: Int, header: BillingHeader) throws(FieldFailure) -> FixedDecimal {
        if bytes.isEmpty || ByteText.isNullLiteral(bytes) { return .zero }
        if let plain = PlainDecimal.parse(bytes) { return plain }
        switch FixedDecimal.parse(bytes: bytes) {
        case .success(let parsed): return parsed.value
        case .failure(let error):
            if let grouped = groupedAmount(bytes) { return grouped }
            let name = columnName(column, header: header)
            let shown = String(ByteText.string(bytes).prefix(40))
            let reason = error == .overflow ? "is too large" : "is not a number"
            throw FieldFailure(column: column, message: "'\(shown)' in \(name) \(reason)")
        }
    }

    /// `$50,000.00` and `1,234.5`: a leading dollar sign and comma thousands groups, which some
    /// FOCUS examples use; anything else (such as the decimal comma of `12,5`) stays an error.
    static func groupedAmount(_ bytes: FieldBytes) -> FixedDecimal? {
        var text = ByteText.string(ByteText.trimmed(bytes))
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        if text.hasPrefix("$") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        let plain = (negative ? "-" : "") + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        guard case .success(let parsed) = FixedDecimal.parse(plain) else { return nil }
        return parsed.value
    }

    /// An optional amount: nil when the column is absent or the field empty/null.
    @inline(__always) static func optionalAmount(_ bytes: FieldBytes, present: Bool, column: Int, header: BillingHeader) throws(FieldFailure) -> FixedDecimal? {
        guard present, !bytes.isEmpty, !ByteText.isNullLiteral(bytes) else { return nil }
        return try amount(bytes, column: column, header: header)
    }

    /// The header's name of a column, or `column N` for one the header does not name (a short
    /// header, or a column the reader did not find: index -1). Fuzzing found the trap it avoids.
    static func columnName(_ column: Int, header: BillingHeader) -> String {
        header.names.indices.contains(column) ? header.names[column] : "column \(column + 1)"
    }

    /// The billing month of a date or timestamp field, or a failure naming the column.
    @inline(__always) static func month(_ bytes: FieldBytes, column: Int, header: BillingHeader) throws(FieldFailure) -> BillingMonth {
        if let month = BillingDates.month(of: bytes) { return month }
        let name = columnName(column, header: header)
        let shown = String(ByteText.string(bytes).prefix(40))
        throw FieldFailure(column: column, message: "'\(shown)' in \(name) is not a date")
    }

    /// `month(_:column:header:)` through `memo`: a text equal to the last one parsed (consecutive
    /// rows mostly share their billing period) gives the same month without parsing it again.
    @inline(__always) static func month(_ bytes: FieldBytes, column: Int, header: BillingHeader, memo: inout MonthMemo) throws(FieldFailure) -> BillingMonth {
        guard let words = MonthMemo.words(of: bytes) else { return try month(bytes, column: column, header: header) }
        if let known = memo.month(for: words, count: bytes.count) { return known }
        let parsed = try month(bytes, column: column, header: header)
        memo.remember(words, count: bytes.count, month: parsed)
        return parsed
    }

    /// Sets a row's charge period start (its usage start) and its month: the billing period's
    /// (invoice month) when the row names one, else the usage start's. Every billing format's rule.
    @inline(__always) static func setPeriod(
        of line: inout RawCostLine, usageStart: FieldBytes, column usageColumn: Int, billingPeriod: FieldBytes, column periodColumn: Int,
        header: BillingHeader
    ) throws(FieldFailure) {
        line.chargePeriodStart = usageStart
        line.month = billingPeriod.isEmpty
            ? try month(usageStart, column: usageColumn, header: header, memo: &line.monthMemo)
            : try month(billingPeriod, column: periodColumn, header: header, memo: &line.monthMemo)
    }

    /// Exact product of two decimals (list cost = unit price × quantity), truncated at 20
    /// fractional digits; nil on overflow.
    static func product(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> FixedDecimal? {
        let wide = lhs.scaled.multipliedFullWidth(by: rhs.scaled)
        let magnitudeHigh = wide.high < 0 ? ~wide.high : wide.high
        guard magnitudeHigh < FixedDecimal.scale else { return nil }
        let (quotient, _) = FixedDecimal.scale.dividingFullWidth(wide)
        return FixedDecimal(scaled: quotient)
    }
}

/// The month of the last date text one worker parsed, with a copy of the text's bytes (8 to 32
/// bytes, held as four overlapping words, so a match compares every byte), not a view: a view
/// could point at a collapsed field's scratch bytes, which the next record overwrites.
struct MonthMemo {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// 0 while nothing is remembered.
    private var count = 0
    private var month = BillingMonth(index: 0)

    /// Words that, with the length, hold every byte of a text of 8 to 32 bytes; nil otherwise.
    @inline(__always) static func words(of bytes: FieldBytes) -> (UInt64, UInt64, UInt64, UInt64)? {
        let count = bytes.count
        guard count >= 8 && count <= 32 else { return nil }
        let head = bytes.loadUnaligned(as: UInt64.self), last = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        guard count >= 16 else { return (head, last, 0, 0) }
        return (head, bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self), last)
    }

    /// The remembered month when `words` and `count` are the remembered text's.
    @inline(__always) func month(for words: (UInt64, UInt64, UInt64, UInt64), count: Int) -> BillingMonth? {
        guard count == self.count else { return nil }
        let differ = (words.0 ^ self.words.0) | (words.1 ^ self.words.1) | (words.2 ^ self.words.2) | (words.3 ^ self.words.3)
        return differ == 0 ? month : nil
    }

    mutating func remember(_ words: (UInt64, UInt64, UInt64, UInt64), count: Int, month: BillingMonth) {
        self.words = words
        self.count = count
        self.month = month
    }
}

/// Date forms found in billing exports, parsed from bytes.
enum BillingDates {
    /// The month of `2024-09-01…`, `2024/09/01`, `09/01/2023` or `9/2/2023` (month first, as
    /// Azure EA writes), or `202409` (GCP `invoice.month`). Timestamps with a non-zero UTC offset
    /// are converted to UTC first. Nil when the text is none of these.
    static func month(of raw: FieldBytes) -> BillingMonth? {
        let bytes = ByteText.trimmed(raw)
        let count = bytes.count
        guard count >= 6 else { return nil }
        if count == 6, let year = number(bytes, 0, 4), let month = number(bytes, 4, 6) {
            return BillingMonth(year: year, month: month)
        }
        if let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/") {
            // `2024-1` (six bytes) has no two-digit month to read.
            guard count >= 7, let month = number(bytes, 5, 7) else { return nil }
            if count > 19 && hasNonZeroOffset(bytes) {
                return CivilDate(parsing: ByteText.string(bytes)).map(BillingMonth.init)
            }
            return BillingMonth(year: year, month: month)
        }
        guard let date = usDate(bytes) else { return nil }
        return BillingMonth(date)
    }

    /// The UTC date of a date or timestamp field, in any form `month(of:)` accepts but `YYYYMM`.
    static func date(of raw: FieldBytes) -> CivilDate? {
        let bytes = ByteText.trimmed(raw)
        guard bytes.count >= 6 else { return nil }
        if number(bytes, 0, 4) != nil && (bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/")) {
            return CivilDate(parsing: ByteText.string(bytes))
        }
        return usDate(bytes)
    }

    /// `M/D/YYYY` or `MM/DD/YYYY`, optionally followed by a time.
    private static func usDate(_ bytes: FieldBytes) -> CivilDate? {
        var parts: [Int] = []
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                guard digits <= 4 else { return nil }
            } else if byte == UInt8(ascii: "/") && parts.count < 2 && digits > 0 {
                parts.append(value)
                value = 0
                digits = 0
            } else {
                break
            }
        }
        // Four-digit years, or two-digit years of this century (`4/1/25` in FOCUS examples).
        guard parts.count == 2, digits == 4 || digits == 2 else { return nil }
        return CivilDate(year: digits == 2 ? 2000 + value : value, month: parts[0], day: parts[1])
    }

    private static func number(_ bytes: FieldBytes, _ start: Int, _ end: Int) -> Int? {
        var value = 0
        for index in start..<end {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// True when a timestamp carries a UTC offset such as `-04:00` or `+0530` that is not zero.
    private static func hasNonZeroOffset(_ bytes: FieldBytes) -> Bool {
        for index in 11..<bytes.count where bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            for offset in (index + 1)..<bytes.count where bytes[offset] >= 0x31 && bytes[offset] <= 0x39 { return true }
            return false
        }
        return false
    }
}
