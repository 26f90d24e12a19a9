public import PolicyEngine

/// Growth of the hand-managed byte buffers of the hot paths (chunks, record scratch, interner
/// arenas): they double, so a run reallocates a buffer only a few times whatever the input size.
public enum ByteBufferGrowth {
    /// Makes `buffer` hold at least `needed` bytes, keeping its first `used` bytes; `capacity` is
    /// updated. Nothing happens when it is already large enough.
    @inline(__always) public static func reserve(_ buffer: inout ManualBuffer<UInt8>, capacity: inout Int, used: Int, needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = max(capacity, 16)
        while newCapacity < needed { newCapacity *= 2 }
        buffer = buffer.grown(to: newCapacity, moving: used)
        capacity = newCapacity
    }
}
