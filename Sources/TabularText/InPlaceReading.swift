import CISAL
import CTextScan
import CZlib
import PolicyEngine

// MARK: - TabularText's part of the unsafe corner
//
// The inflate engines hand zlib and ISA-L pointers into the gzip reader's window and the
// caller's output (see the lifetime rules in Sources/PolicyEngine/InPlaceReading.swift): the
// engine's `input` is a view of `GzipByteSource`'s window, which outlives the engine's use of it
// (the window is refilled only once the engine has consumed it); `output` is written during the
// call only. Each engine's state is allocated here and freed in its `deinit`.

/// zlib inflate with the gzip wrapper (window bits 15 + 16: header parsed, CRC-32 verified).
final class ZlibInflateEngine: InflateEngine {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(InflateFailure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw .corrupt("zlib initialisation failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    var input: ByteView {
        get { ByteView(unsafeStart: stream.pointee.next_in, count: Int(stream.pointee.avail_in)) }
        set {
            stream.pointee.next_in = newValue.unsafeBaseAddress.map(UnsafeMutablePointer.init(mutating:))
            stream.pointee.avail_in = UInt32(newValue.count)
        }
    }

    func inflate(into output: MutableByteView) throws(InflateFailure) -> (produced: Int, memberEnded: Bool) {
        let capacity = min(output.count, Int(UInt32.max))
        stream.pointee.next_out = output.unsafeBaseAddress
        stream.pointee.avail_out = UInt32(capacity)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
            // Z_BUF_ERROR only means "no progress possible": more input is needed.
            return (capacity - Int(stream.pointee.avail_out), status == Z_STREAM_END)
        default:
            throw .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "inflate error \(status)")
        }
    }

    func startNextMember() {
        let pending = input
        inflateReset(stream)
        input = pending
    }
}

/// ISA-L igzip inflate with the gzip wrapper (header parsed, CRC-32 and length verified).
final class ISALInflateEngine: InflateEngine {
    private let state: UnsafeMutablePointer<inflate_state>

    init() {
        state = .allocate(capacity: 1)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
    }

    deinit { state.deallocate() }

    var input: ByteView {
        get { ByteView(unsafeStart: state.pointee.next_in, count: Int(state.pointee.avail_in)) }
        set {
            state.pointee.next_in = newValue.unsafeBaseAddress.map(UnsafeMutablePointer.init(mutating:))
            state.pointee.avail_in = UInt32(newValue.count)
        }
    }

    func inflate(into output: MutableByteView) throws(InflateFailure) -> (produced: Int, memberEnded: Bool) {
        let capacity = min(output.count, Int(UInt32.max))
        state.pointee.next_out = output.unsafeBaseAddress
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

// MARK: - SSE2 byte classification (CTextScan) over views

extension ByteView {
    /// Bit i set when byte `offset + i` is `,`, `"` or a line feed (64 bytes from `offset`, which
    /// the caller has checked are in the view).
    @inline(__always) func structuralMask64(at offset: Int) -> UInt64 {
        text_scan_structural64(unsafeBaseAddress.unsafelyUnwrapped + offset)
    }

    /// True when every byte of the view is ASCII (below 0x80), 64 bytes per SSE2 step.
    var isAllASCII: Bool {
        count == 0 || text_scan_ascii_prefix(unsafeBaseAddress.unsafelyUnwrapped, count) == count
    }

    /// The number of `"` bytes in `start..<end`.
    @inline(__always) func quoteCount(from start: Int, to end: Int) -> Int {
        end > start ? text_scan_count_quotes(unsafeBaseAddress.unsafelyUnwrapped + start, end - start) : 0
    }
}
