/// The bytes of one input file, read from the file once and shared by everything that reads that
/// input during a run: format detection, the reader (which may look at the head before it
/// parses), and the SHA-256 recorded for the input. Implemented by `TabularText.ReadOnceFile`;
/// the core only names the seam, it does no I/O.
public protocol InputBytes: AnyObject, Sendable {
    /// The path, as given.
    var path: String { get }
    /// Size in bytes when it is known (a regular file), for progress.
    var size: Int? { get }
    /// Copies the bytes at `offset` into `buffer`; returns how many (0 at the end). Callers read
    /// sequentially from offset 0 and may restart at 0 while the bytes are still held; a read
    /// that would need the file a second time is an error naming the file.
    func read(at offset: Int, into buffer: MutableByteView) throws -> Int
}

/// The input being read now, so that the readers' ordinary `open(path)` calls go through its
/// shared bytes instead of opening the file again (issue 19: inputs are read once, hashed while
/// they are parsed). The command line binds it around detection and reading of each input.
public enum SharedInput {
    /// The input whose reads are shared now.
    @TaskLocal public static var current: (any InputBytes)?

    /// The shared bytes of `path` when it is the input being read now.
    public static func bytes(of path: String) -> (any InputBytes)? {
        guard let current, current.path == path else { return nil }
        return current
    }

    /// Every byte of `bytes`, read from its start.
    public static func readAll(_ bytes: any InputBytes) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.size ?? 0)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = try block.withMutableByteView { try bytes.read(at: result.count, into: $0) }
            if got == 0 { return result }
            result.append(contentsOf: block[0..<got])
        }
    }
}
