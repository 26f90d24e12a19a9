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

/// A report file's bytes written past the page cache (`O_DIRECT`): staged in an aligned 4 MiB
/// buffer and written a whole buffer at a time; the last, partial buffer is written normally
/// (`finish`). A report is flushed to disk before it replaces its target anyway, so going
/// through the page cache only cost a copy into freshly allocated cache pages (on this project's
/// virtual machines that copy took a core for most of the 1M-resource run's 2.8 GB of reports;
/// `dd` of 2 GB: 2.5 s of system time buffered, 0.1 s direct) and pushed other files' pages out.
///
/// Falls back to normal writes, for good, when the file system refuses `O_DIRECT` (tmpfs, some
/// FUSE and network file systems) when it is set or on a write, or a write returns less than
/// whole aligned blocks. Used on one thread at a time (the report's serial writer queue).
final class DirectFileWriter {
    static let alignment = 4096
    static let bufferSize = 4 << 20
    private let descriptor: Int32
    private let staging: UnsafeMutableRawPointer
    private var staged = 0
    private var isDirect = true

    /// A writer for `descriptor` (positioned at an aligned offset, the start of a new file), or
    /// nil when the file system refuses `O_DIRECT` or the buffer cannot be allocated.
    init?(descriptor: Int32) {
        #if os(Linux)
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, lseek(descriptor, 0, SEEK_CUR) == 0 else { return nil }
        // Mapped on its own (page-aligned): from the heap, the buffer of every report, however
        // small, grew the heap and the example's peak by 5 MiB. Small pages, so that a small
        // report's few staged bytes do not bring in a 2 MiB huge page.
        guard let memory = mmap(nil, Self.bufferSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return nil }
        _ = madvise(memory, Self.bufferSize, MADV_NOHUGEPAGE)
        guard fcntl(descriptor, F_SETFL, flags | Self.directFlag) == 0 else {
            munmap(memory, Self.bufferSize)
            return nil
        }
        self.descriptor = descriptor
        staging = memory
        #else
        return nil
        #endif
    }

    deinit { munmap(staging, Self.bufferSize) }

    /// `O_DIRECT`, which Swift's Glibc module does not export: its value per architecture
    /// (asm-generic 0o40000; arm and arm64 0o200000, also powerpc).
    private static var directFlag: Int32 {
        #if arch(arm64) || arch(arm) || arch(powerpc64) || arch(powerpc64le)
        return 0o200000
        #else
        return 0o40000
        #endif
    }

    /// Writes `bytes` after what was written before: whole staging buffers go to the file, the
    /// rest waits for more (or `finish`). The error text, or nil.
    func write(_ bytes: ByteView) -> String? {
        var offset = 0
        while offset < bytes.count {
            guard isDirect else { return Self.writeAll(bytes.extracting(offset...), to: descriptor) }
            let take = min(Self.bufferSize - staged, bytes.count - offset)
            if let source = bytes.unsafeBaseAddress { memcpy(staging + staged, source + offset, take) }
            staged += take
            offset += take
            if staged == Self.bufferSize, let failure = writeStaged() { return failure }
        }
        return nil
    }

    /// Writes what is staged and ends direct writing (what comes after is written normally):
    /// the error text, or nil.
    func finish() -> String? {
        let failure = writeStaged()
        endDirect()
        return failure
    }

    /// Writes the staged bytes: whole aligned blocks directly, a partial tail normally.
    private func writeStaged() -> String? {
        var written = 0
        while written < staged {
            let remaining = staged - written
            if isDirect && remaining % Self.alignment != 0 { endDirect() }
            let result = ByteView(unsafeStart: staging + written, count: remaining).write(to: descriptor)
            if result < 0 {
                if errno == EINTR { continue }
                // Refused after all (the flag was accepted, the write is not): write normally.
                if errno == EINVAL && isDirect { endDirect(); continue }
                return String(cString: strerror(errno))
            }
            written += result
            if isDirect && result % Self.alignment != 0 { endDirect() }
        }
        staged = 0
        return nil
    }

    private func endDirect() {
        guard isDirect else { return }
        isDirect = false
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~Self.directFlag) }
    }

    /// Writes all of `bytes` normally, retrying interrupted writes: the error text, or nil.
    static func writeAll(_ bytes: ByteView, to descriptor: Int32) -> String? {
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
}
