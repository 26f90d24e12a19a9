import CISAL

/// ISA-L igzip inflate with the gzip wrapper (header parsed, CRC-32 and length verified).
final class ISALInflateEngine: InflateEngine {
    private let state: UnsafeMutablePointer<inflate_state>

    init() {
        state = .allocate(capacity: 1)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
    }

    deinit { state.deallocate() }

    var input: (next: UnsafeMutablePointer<UInt8>?, count: Int) {
        get { (state.pointee.next_in, Int(state.pointee.avail_in)) }
        set {
            state.pointee.next_in = newValue.next
            state.pointee.avail_in = UInt32(newValue.count)
        }
    }

    func inflate(into output: UnsafeMutableRawBufferPointer) throws(InflateFailure) -> (produced: Int, memberEnded: Bool) {
        let capacity = min(output.count, Int(UInt32.max))
        state.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_out = UInt32(capacity)
        let status = isal_inflate(state)
        if status < 0 { throw .corrupt(Self.describe(status)) }
        return (capacity - Int(state.pointee.avail_out), state.pointee.block_state == ISAL_BLOCK_FINISH)
    }

    func startNextMember() {
        let pending = input
        isal_inflate_reset(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        input = pending
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: return "invalid deflate block"
        case ISAL_INVALID_SYMBOL: return "invalid deflate symbol"
        case ISAL_INVALID_LOOKBACK: return "invalid back-reference distance"
        case ISAL_INVALID_WRAPPER: return "invalid gzip header"
        case ISAL_UNSUPPORTED_METHOD: return "unsupported compression method"
        case ISAL_INCORRECT_CHECKSUM: return "CRC mismatch"
        default: return "inflate error \(status)"
        }
    }
}
