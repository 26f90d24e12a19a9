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

/// Removes the temporary file of a report being written when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), then dies of the same signal, so no `.NAME.PID.tmp` is left behind. Reports are
/// written one at a time, so one path slot is enough; the handler only calls `unlink` and `raise`
/// (async-signal-safe).
enum TemporaryFileCleanup {
    nonisolated(unsafe) private static var slot: UnsafeMutablePointer<CChar>? = nil
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

    static func begin(_ path: String) {
        _ = installed
        slot = strdup(path)
    }

    static func end() {
        let old = slot
        slot = nil
        free(old)
    }

    fileprivate static func unlinkPending() {
        if let path = slot { unlink(path) }
    }
}

private func temporaryFileSignalHandler(_ signal: Int32) {
    TemporaryFileCleanup.unlinkPending()
    raise(signal)
}
