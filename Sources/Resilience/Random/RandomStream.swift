/// SplitMix64 (Blackman & Vigna), used only to expand a 64-bit key into the xoshiro state.
public struct SplitMix64: Sendable {
    /// The running state.
    public private(set) var state: UInt64

    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64-bit output (DOWNTIME-MODEL §B.8).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The xoshiro256** stream for one (seed, trial, stream) triple (DOWNTIME-MODEL §B.8).
///
/// Every trial and every scenario stream has its own generator, keyed by position rather than by
/// the order in which threads reach it: that is what makes results independent of the thread count
/// and gives common random numbers across strategies.
public struct RandomStream: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The generator for trial `trial` and stream `stream` under `seed`.
    public init(seed: UInt64, trial: Int, stream: Int) {
        let key = seed &+ UInt64(truncatingIfNeeded: trial) &* 0xD1B5_4A32_D192_ED03
            &+ UInt64(truncatingIfNeeded: stream) &* 0x8CB9_2BA7_2F3D_8DD7
        var expander = SplitMix64(state: key)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// The next raw 64-bit output.
    @inline(__always)
    public mutating func nextBits() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform on the open interval (0, 1): the top 53 bits plus one half, scaled by 2^-53.
    @inline(__always)
    public mutating func nextUniform() -> Double {
        (Double(nextBits() >> 11) + 0.5) * 0x1p-53
    }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
