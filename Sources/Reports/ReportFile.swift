import Foundation

/// Report output that never destroys, and the one writer of every report, results and export
/// file Assay writes: a regular file is replaced atomically (the bytes go to a temporary file in
/// the target's folder, are flushed to disk, replace the target with one `rename`, and the
/// folder is flushed so the rename survives a power cut; a reader never sees a half-written
/// report and an interrupted run leaves the previous report intact); `-`, a character device (`/dev/null`, a terminal), a FIFO or a socket
/// is written in place as a stream, never replaced by a regular file. A symbolic link to a file
/// stays a link: its target is replaced. See docs/limits.md.
public enum ReportFile {
    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    public static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        try write(to: path) { output in output.append(bytes) }
    }

    /// The path meaning standard output.
    public static let standardOutput = "-"

    /// Writes what `produce` appends to its output to `path`: atomically for a regular file (see the
    /// type), streamed for `-` and for an existing non-regular file. On any failure a regular `path`
    /// is left as it was and the temporary removed.
    public static func write(to path: String, _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) {
        try render(to: path, produce)?.commit()
    }

    /// Writes what `produce` appends: streamed outputs completely (nil), a regular file into its
    /// temporary, whose replace of `path` is returned to be committed.
    static func render(to path: String, _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) -> PendingReplace? {
        if path == standardOutput {
            try stream(to: STDOUT_FILENO, path: path, closing: false, produce)
            return nil
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw .unwritable(file: path, reason: "is a folder") }
            if kind != S_IFREG {
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
                try stream(to: descriptor, path: path, closing: true, produce)
                return nil
            }
        }
        return try renderReplacement(of: resolvingLink(path), reportedAs: path, produce)
    }

    /// The target of a symbolic link (relative targets against the link's folder), else `path`.
    private static func resolvingLink(_ path: String) -> String {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
        if target.hasPrefix("/") { return target }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).path
    }

    private static func stream(to descriptor: Int32, path: String, closing: Bool,
                               _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) {
        defer { if closing { close(descriptor) } }
        let output = ReportOutput(descriptor: descriptor)
        defer { output.waitForBackgroundWork() }
        try produce(output)
        output.flush()
        if let failure = output.failure { throw .unwritable(file: path, reason: failure) }
    }

    /// Renders into a new temporary file beside `path` (created with its missing folders); on a
    /// failure the temporary is removed and `path` left as it was.
    private static func renderReplacement(of path: String, reportedAs shown: String,
                                          _ produce: (ReportOutput) throws(ReportError) -> Void) throws(ReportError) -> PendingReplace {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(file: shown, reason: "cannot create folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // O_EXCL: never write through something another process placed under the temporary name.
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(file: shown, reason: String(cString: strerror(errno))) }
        let cleanup = TemporaryFileCleanup.begin(temporary.path)
        let output = ReportOutput(descriptor: descriptor, writeback: true)
        do {
            try produce(output)
        } catch {
            output.waitForBackgroundWork()
            close(descriptor)
            unlink(temporary.path)
            TemporaryFileCleanup.end(cleanup)
            throw error
        }
        return PendingReplace(output: output, descriptor: descriptor, temporary: temporary.path, target: path, shown: shown,
                              folder: folder.path, cleanup: cleanup)
    }

    /// A report rendered into its temporary file, waiting to replace its target: its last bytes
    /// written and flushed to disk, the rename, the folder's flush.
    ///
    /// Sendable: every member is immutable; `output` (a class) is handed over by the renderer,
    /// which no longer uses it, to the one thread that commits.
    struct PendingReplace: @unchecked Sendable {
        let output: ReportOutput
        let descriptor: Int32
        let temporary: String
        let target: String
        let shown: String
        let folder: String
        let cleanup: Int?

        /// Puts the report in place, or removes the temporary and leaves the target as it was.
        func commit() throws(ReportError) {
            defer { TemporaryFileCleanup.end(cleanup) }
            output.flush()
            output.waitForBackgroundWork()
            let synced = fsync(descriptor) == 0
            close(descriptor)
            if let failure = output.failure {
                unlink(temporary)
                throw .unwritable(file: shown, reason: failure)
            }
            guard synced, rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .unwritable(file: shown, reason: reason)
            }
            // The rename is durable only once the folder's entry is on disk too.
            guard syncFolder(folder) else { throw .unwritable(file: shown, reason: "cannot sync folder \(folder): \(String(cString: strerror(errno)))") }
        }
    }

    /// Flushes a folder's entries to disk (after a rename into it), so that a power cut cannot
    /// bring back the previous report or lose the new one's name.
    fileprivate static func syncFolder(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // Some file systems do not sync folders (EINVAL): the file itself is already on disk.
        return fsync(descriptor) == 0 || errno == EINVAL
    }
}

/// The rule that an output never overwrites what the same run reads or another output of the run:
/// two paths name the same file when they resolve to the same device and inode (an existing file,
/// through any link or `..`) or to the same absolute path (a file still to be created).
public enum OutputTargets {
    /// Throws when an output is one of `inputs` (files, or any file inside a folder given there) or
    /// appears twice among `outputs`. `-` (standard output) may appear once.
    public static func check(outputs: [String], against inputs: [String]) throws(ReportError) {
        var seen: [FileIdentity: String] = [:]
        for output in outputs {
            let identity = FileIdentity(output)
            if let earlier = seen[identity] {
                throw .unwritable(file: output, reason: earlier == output ? "given twice as an output"
                                  : "is the same file as the output \(earlier)")
            }
            // Devices and FIFOs are streamed, never replaced: writing the same one twice is the user's call.
            if identity.isRegularOrNew { seen[identity] = output }
        }
        let targets = Set(seen.keys.filter(\.exists))
        guard !targets.isEmpty else { return }
        for input in inputs {
            for file in files(under: input) {
                let identity = FileIdentity(file)
                if targets.contains(identity), let output = seen[identity] {
                    throw .unwritable(file: output, reason: "is an input of this run (\(file)); refusing to overwrite it")
                }
            }
        }
    }

    /// `path`, or every file below it when it is a folder.
    private static func files(under path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        return walker.compactMap { ($0 as? String).map { (path as NSString).appendingPathComponent($0) } }
    }
}

/// One file's identity: device and inode when it exists, else its absolute, normalised path.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    let path: String
    let isRegularOrNew: Bool

    var exists: Bool { path.isEmpty }

    init(_ file: String) {
        if file == ReportFile.standardOutput {
            (device, inode, path, isRegularOrNew) = (0, 0, "-", true)
            return
        }
        var info = stat()
        if stat(file, &info) == 0 {
            device = UInt64(truncatingIfNeeded: info.st_dev)
            inode = UInt64(truncatingIfNeeded: info.st_ino)
            path = ""
            isRegularOrNew = info.st_mode & S_IFMT == S_IFREG
        } else {
            device = 0
            inode = 0
            path = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            isRegularOrNew = true
        }
    }
}
