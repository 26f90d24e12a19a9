import CLibXML2
import Foundation
import PolicyEngine

// MARK: - Reports' part of the unsafe corner
//
// Where Reports hands C code a pointer (see the lifetime rules in
// Sources/PolicyEngine/InPlaceReading.swift): libxml2's output callback, and the path a signal
// handler unlinks.

/// libxml2 output buffers that append what libxml2 writes to a `ReportOutput`.
enum XMLOutputBuffer {
    /// A buffer whose callback appends each block to `output`, passed as an unretained context:
    /// the caller (`XMLWriter`) holds `output` for as long as the buffer (its text writer) lives.
    /// Each block is a view of libxml2's memory, valid during the callback only; `append` copies it.
    static func make(appendingTo output: ReportOutput) -> xmlOutputBufferPtr? {
        let context = Unmanaged.passUnretained(output).toOpaque()
        return xmlOutputBufferCreateIO({ context, bytes, length in
            guard let context, let bytes, length >= 0 else { return -1 }
            let output = Unmanaged<ReportOutput>.fromOpaque(context).takeUnretainedValue()
            return output.append(ByteView(unsafeStart: bytes, count: Int(length))) ? length : -1
        }, nil, context, nil)
    }
}

/// Removes the temporary files of reports being written when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), then dies of the same signal, so no `.NAME.PID.tmp` is left behind. At most
/// `slotCount` temporaries exist at once (a report rendering while the one before it is flushed to
/// disk); the handler only reads the slots and calls `unlink` and `raise` (async-signal-safe).
/// Slots are claimed and freed under `lock`; a slot is one pointer-sized word, written whole.
enum TemporaryFileCleanup {
    static let slotCount = 4
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
        slots.initialize(repeating: nil, count: slotCount)
        return slots
    }()
    private static let lock = NSLock()
    private static let installed: Void = {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = temporaryFileSignalHandler
            #else
            action.__sigaction_u.__sa_handler = temporaryFileSignalHandler
            #endif
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }()

    /// Registers `path` for removal on a signal; the slot to pass to `end` (nil when every slot
    /// is taken: the file is then left behind on a signal, as nothing else is lost).
    static func begin(_ path: String) -> Int? {
        _ = installed
        lock.lock()
        defer { lock.unlock() }
        guard let free = (0..<slotCount).first(where: { slots[$0] == nil }) else { return nil }
        slots[free] = strdup(path)
        return free
    }

    /// Forgets the path registered in `slot` (the file was renamed or removed).
    static func end(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        let old = slots[slot]
        slots[slot] = nil
        lock.unlock()
        free(old)
    }

    fileprivate static func unlinkPending() {
        for slot in 0..<slotCount {
            if let path = slots[slot] { unlink(path) }
        }
    }
}

private func temporaryFileSignalHandler(_ signal: Int32) {
    TemporaryFileCleanup.unlinkPending()
    raise(signal)
}
