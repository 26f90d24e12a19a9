/// An exact decimal number: a signed 128-bit integer scaled by 10^20.
///
/// Used for money. Twenty fractional digits cover every billing export we know (the longest seen
/// carry 20), and the integer range (±1.7 × 10^18) is far beyond any bill. Parsing never goes
/// through `Double`; sums are exact and therefore independent of order and thread count.
///
/// Stored as two 64-bit words so that `Value` keeps 8-byte alignment.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Number of fractional decimal digits kept.
    public static let fractionDigits = 20
    /// 10^20, the scale factor.
    public static let scale: Int128 = 100_000_000_000_000_000_000

    @usableFromInline let low: UInt64
    @usableFromInline let high: Int64

    /// The scaled integer (value × 10^20).
    @inlinable public var scaled: Int128 { Int128(high) << 64 | Int128(low) }

    /// Wraps a scaled integer (value × 10^20).
    @inlinable public init(scaled: Int128) {
        low = UInt64(truncatingIfNeeded: scaled)
        high = Int64(truncatingIfNeeded: scaled >> 64)
    }

    /// Zero.
    public static let zero = FixedDecimal(scaled: 0)

    /// An integer amount.
    public init(_ integer: Int) { self.init(scaled: Int128(integer) * Self.scale) }

    /// Outcome of parsing decimal text.
    public enum ParseError: Error, Sendable, Equatable {
        /// The text is not a decimal number.
        case notANumber
        /// The number is too large for the representation.
        case overflow
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` exactly. Digits beyond the 20th fractional
    /// place are rounded half to even; `roundedAway` reports whether that happened.
    public static func parse(_ text: String) -> Result<(value: FixedDecimal, roundedAway: Bool), ParseError> {
        var copy = text
        return copy.withByteView { parse(bytes: $0) }
    }

    /// Parses ASCII bytes; see `parse(_:)`.
    public static func parse(bytes: ByteView) -> Result<(value: FixedDecimal, roundedAway: Bool), ParseError> {
        var index = 0
        let count = bytes.count
        // Trim ASCII blanks.
        var end = count
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        while end > index && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard index < end else { return .failure(.notANumber) }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // Collect significant digits with the position of the decimal point.
        var mantissa: Int128 = 0
        var digitsAfterPoint = 0
        var sawPoint = false
        var sawDigit = false
        var droppedDigits: [UInt8] = []  // digits that did not fit, for rounding
        var mantissaFull = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                let digit = Int128(byte - 0x30)
                if !mantissaFull {
                    let (shifted, overflowA) = mantissa.multipliedReportingOverflow(by: 10)
                    let (added, overflowB) = shifted.addingReportingOverflow(digit)
                    if overflowA || overflowB {
                        mantissaFull = true
                    } else {
                        mantissa = added
                        if sawPoint { digitsAfterPoint += 1 }
                    }
                }
                if mantissaFull {
                    // Digits that no longer fit: fractional ones only affect rounding; integral ones overflow.
                    guard sawPoint else { return .failure(.overflow) }
                    droppedDigits.append(byte - 0x30)
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return .failure(.notANumber) }
        var exponent = 0
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var expNegative = false
            if index < end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawExpDigit = false
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                sawExpDigit = true
                exponent = min(exponent * 10 + Int(bytes[index] - 0x30), 100_000)
                index += 1
            }
            guard sawExpDigit else { return .failure(.notANumber) }
            if expNegative { exponent = -exponent }
        }
        guard index == end else { return .failure(.notANumber) }
        // value = mantissa × 10^(exponent − digitsAfterPoint), then scale by 10^20.
        var shift = exponent - digitsAfterPoint + fractionDigits
        var roundedAway = !droppedDigits.allSatisfy { $0 == 0 }
        var scaled = mantissa
        if shift >= 0 {
            while shift > 0 {
                let (product, overflow) = scaled.multipliedReportingOverflow(by: 10)
                if overflow { return .failure(.overflow) }
                scaled = product
                shift -= 1
            }
        } else {
            // Drop -shift digits with round-half-even, remembering the dropped tail.
            var remainderIsZero = droppedDigits.allSatisfy { $0 == 0 }
            var lastDropped: Int128 = 0
            while shift < 0 {
                if lastDropped != 0 { remainderIsZero = false }
                lastDropped = scaled % 10
                scaled /= 10
                shift += 1
                if scaled == 0 && shift < -40 { break }
            }
            if lastDropped != 0 || !remainderIsZero { roundedAway = true }
            if lastDropped > 5 || (lastDropped == 5 && (!remainderIsZero || scaled % 2 == 1)) {
                scaled += 1
            }
        }
        return .success((FixedDecimal(scaled: negative ? -scaled : scaled), roundedAway))
    }

    /// The nearest `Double` (for ratios and charts only, never for sums).
    public var doubleValue: Double {
        let value = scaled
        let integerPart = value / Self.scale
        let fraction = value % Self.scale
        return Double(integerPart) + Double(fraction) / 1e20
    }

    /// Converts a `Double` through its shortest decimal text, so `25000.0` becomes exactly 25000.
    public init?(exactly double: Double) {
        guard double.isFinite else { return nil }
        guard case .success(let parsed) = Self.parse("\(double)") else { return nil }
        self = parsed.value
    }

    /// Canonical text: no exponent, no trailing fractional zeros (`"12.5"`, `"-0.0001"`, `"0"`).
    public var description: String {
        let value = scaled
        let negative = value < 0
        let magnitude = negative ? UInt128(-(value + 1)) + 1 : UInt128(value)
        let scaleMagnitude = UInt128(Self.scale)
        let integerPart = magnitude / scaleMagnitude
        var fraction = magnitude % scaleMagnitude
        var text = negative ? "-" : ""
        text += String(integerPart)
        if fraction != 0 {
            var digits = Self.fractionDigits
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// Text rounded half to even to `digits` fractional places, zero-padded (`"1234.50"`).
    public func formatted(fractionDigits digits: Int) -> String {
        let dropped = max(0, Self.fractionDigits - min(digits, Self.fractionDigits))
        var divisor: Int128 = 1
        for _ in 0..<dropped { divisor *= 10 }
        let value = scaled
        var quotient = value / divisor
        let remainder = value % divisor
        let twice = (remainder < 0 ? -remainder : remainder) * 2
        if twice > divisor || (twice == divisor && quotient % 2 != 0) {
            quotient += value < 0 ? -1 : 1
        }
        let negative = quotient < 0
        let magnitude = quotient < 0 ? UInt128(-(quotient + 1)) + 1 : UInt128(quotient)
        var digitsText = String(magnitude)
        let kept = min(digits, Self.fractionDigits)
        if kept > 0 {
            if digitsText.count <= kept {
                digitsText = String(repeating: "0", count: kept - digitsText.count + 1) + digitsText
            }
            let split = digitsText.index(digitsText.endIndex, offsetBy: -kept)
            digitsText = digitsText[..<split] + "." + digitsText[split...]
        }
        return (negative ? "-" : "") + digitsText
    }

    // MARK: - Arithmetic (exact; overflow traps only beyond ±1.7 × 10^18)

    /// Exact sum.
    @inlinable public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(scaled: lhs.scaled + rhs.scaled)
    }

    /// Exact difference.
    @inlinable public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        FixedDecimal(scaled: lhs.scaled - rhs.scaled)
    }

    /// Exact in-place sum.
    @inlinable public static func += (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs = lhs + rhs }

    /// Negation.
    @inlinable public static prefix func - (operand: FixedDecimal) -> FixedDecimal {
        FixedDecimal(scaled: -operand.scaled)
    }

    /// Orders by numeric value.
    @inlinable public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.scaled < rhs.scaled }

    /// True when the value is below zero.
    @inlinable public var isNegative: Bool { high < 0 }

    /// True when the value is zero.
    @inlinable public var isZero: Bool { low == 0 && high == 0 }
}
