/// Reads one inventory or record format into resources. Implementations live outside the
/// engine (`Inventory`, `PolicyLoader`); the CLI asks each registered reader to detect a file.
public protocol ExportReader: Sendable {
    /// The format this reader handles.
    var format: InputFormat { get }

    /// How sure the reader is that a file with this beginning (decompressed, up to 64 KiB) and
    /// path is its format: 0 = not at all, 100 = certain.
    func detectionScore(sample: [UInt8], path: String) -> Int

    /// Reads the file into resources, reporting progress in bytes.
    func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource]
}
