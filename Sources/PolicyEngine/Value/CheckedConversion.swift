extension Double {
    /// The value rounded down as an `Int`; nil when it is not finite or lies beyond `Int`'s range.
    /// Every conversion of a number that came from data goes through this (or `Int(exactly:)`), so
    /// a huge number is an input error or "not shown", never a trap (docs/limits.md).
    @inlinable public var intRoundedDown: Int? { Int(exactly: rounded(.down)) }
}
