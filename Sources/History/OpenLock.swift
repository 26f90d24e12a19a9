#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a file beside the database, held while a process
/// opens and migrates it. The kernel releases it when the process ends, even when killed.
struct OpenLock {
    private let descriptor: Int32

    /// Waits until the lock is free, then takes it. When the lock file cannot be created and
    /// `required` is false (an existing database on a read-only medium, where nobody writes),
    /// it goes on without one.
    init(path: String, required: Bool) throws(HistoryError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            guard !required else {
                throw .database(database: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))")
            }
            return
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .database(database: path, reason: "cannot lock: \(reason)")
            }
        }
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
