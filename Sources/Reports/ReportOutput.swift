import Foundation
public import PolicyEngine

/// Where a renderer's bytes go, in order: an open file (see `ReportFile.write(to:_:)`), written
/// in large blocks as they come, or memory. Reports that grow with the findings (JUnit of a
/// million resources is half a gigabyte) stream through it instead of being built whole.
public final class ReportOutput {
    private let descriptor: Int32?
    private var pending: [UInt8] = []
    /// The first write error (`strerror` text); later bytes are dropped.
    private(set) var failure: String?

    /// Bytes are written to the file once this many are pending.
    private static let blockSize = 1 << 20

    /// An output kept in memory (read it with `bytes`).
    public init() { descriptor = nil }

    /// An output into an open file descriptor, which the caller closes.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(Self.blockSize)
    }

    /// Appends bytes; false once writing has failed.
    @discardableResult
    public func append(_ bytes: ByteView) -> Bool {
        guard failure == nil else { return false }
        pending.append(contentsOf: bytes)
        if descriptor != nil && pending.count >= Self.blockSize { flush() }
        return failure == nil
    }

    /// Appends bytes; false once writing has failed.
    @discardableResult
    public func append(_ bytes: [UInt8]) -> Bool { bytes.withByteView { append($0) } }

    /// The bytes written so far (memory outputs hold all of them).
    public var bytes: [UInt8] { pending }

    /// Writes what is pending to the file (memory outputs keep it).
    func flush() {
        guard let descriptor, failure == nil, !pending.isEmpty else { return }
        let error: String? = pending.withByteView { bytes -> String? in
            var written = 0
            while written < bytes.count {
                let result = bytes.extracting(written...).write(to: descriptor)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
        failure = error
        pending.removeAll(keepingCapacity: true)
    }
}
