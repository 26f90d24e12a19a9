import Foundation

/// Atomic report output: the bytes go to a temporary file in the target's folder, are flushed
/// to disk, and replace the target with one `rename`, so a reader never sees a half-written
/// report and an interrupted run leaves the previous report intact.
public enum ReportFile {
    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    public static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        try write(to: path) { output in output.append(bytes) }
    }

    /// Writes what `produce` appends to its output to `path` atomically: the bytes go to a
    /// temporary file beside it as they come, which replaces `path` (after `fsync`) only when
    /// everything was written. On any failure `path` is left as it was and the temporary removed.
    public static func write(to path: String, _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(file: path, reason: "cannot create folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
        let output = ReportOutput(descriptor: descriptor)
        do {
            try produce(output)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        output.flush()
        let synced = fsync(descriptor) == 0
        close(descriptor)
        if let failure = output.failure {
            unlink(temporary.path)
            throw .unwritable(file: path, reason: failure)
        }
        guard synced, rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .unwritable(file: path, reason: reason)
        }
    }
}
