import CZlib

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

    var input: (next: UnsafeMutablePointer<UInt8>?, count: Int) {
        get { (stream.pointee.next_in, Int(stream.pointee.avail_in)) }
        set {
            stream.pointee.next_in = newValue.next
            stream.pointee.avail_in = UInt32(newValue.count)
        }
    }

    func inflate(into output: UnsafeMutableRawBufferPointer) throws(InflateFailure) -> (produced: Int, memberEnded: Bool) {
        let capacity = min(output.count, Int(UInt32.max))
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
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
