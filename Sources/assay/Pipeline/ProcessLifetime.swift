import Synchronization

/// Keeps the large structures of a run (documents, findings) alive until the process exits.
///
/// Freeing a million documents one allocation at a time takes seconds at the end of a run whose
/// work is done; the operating system reclaims the memory at exit in one step instead. Only the
/// CLI does this — the library frees everything normally.
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    /// Holds `value` until the process exits.
    static func keepUntilExit(_ value: some Sendable) {
        kept.withLock { $0.append(value) }
    }
}
