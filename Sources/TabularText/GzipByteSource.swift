import PolicyEngine

/// One inflate implementation: consumes the input window it is given and writes plain bytes.
protocol InflateEngine: AnyObject {
    /// The unread part of the current input window.
    var input: ByteView { get set }
    /// Inflates into `output`; reports bytes written and whether the gzip member ended.
    func inflate(into output: MutableByteView) throws(InflateFailure) -> (produced: Int, memberEnded: Bool)
    /// Prepares for the next gzip member, keeping the pending input.
    func startNextMember()
}

/// A failure inside an inflate engine, before the path is known.
enum InflateFailure: Error {
    /// Invalid data, with the engine's explanation.
    case corrupt(String)

    /// The engine's explanation.
    var reason: String {
        switch self {
        case .corrupt(let reason): return reason
        }
    }
}

/// Streaming gzip decompression over a file: multi-member files, CRC checked by the engine,
/// trailing zero padding ignored as gzip(1) does.
final class GzipByteSource: ByteSource {
    private let file: FileByteSource
    private let engine: any InflateEngine
    private let window: ManualBuffer<UInt8>
    private static let windowSize = 1 << 20
    private var inputEnded = false
    private var memberEnded = false

    var path: String { file.path }
    var consumedFileBytes: Int { file.consumedFileBytes }
    var fileSize: Int? { file.fileSize }

    init(file: FileByteSource, engine: any InflateEngine) {
        self.file = file
        self.engine = engine
        window = ManualBuffer(capacity: Self.windowSize)
    }

    deinit { window.deallocate() }

    func read(into buffer: MutableByteView) throws(TabularTextError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            try refillIfEmpty()
            if memberEnded {
                guard try skipToNextMember() else { return 0 }
            }
            let step: (produced: Int, memberEnded: Bool)
            do {
                step = try engine.inflate(into: buffer)
            } catch {
                throw .corruptGzip(path: file.path, reason: error.reason)
            }
            memberEnded = step.memberEnded
            if step.produced > 0 { return step.produced }
            if !memberEnded && inputEnded && engine.input.count == 0 { throw .truncatedGzip(path: file.path) }
        }
    }

    private func refillIfEmpty() throws(TabularTextError) {
        guard engine.input.count == 0 && !inputEnded else { return }
        let count = try file.read(into: window.mutableBytes(from: 0, count: Self.windowSize))
        if count == 0 {
            inputEnded = true
        } else {
            engine.input = window.bytes(from: 0, count: count)
        }
    }

    /// Moves past a finished member; false at the end of the file.
    private func skipToNextMember() throws(TabularTextError) -> Bool {
        while true {
            try refillIfEmpty()
            let next = engine.input
            guard next.count > 0 else { return false }
            if next[0] == 0 {
                engine.input = next.extracting(1...)
                continue
            }
            // Another member starts with the gzip magic; anything else after a complete member is
            // trailing garbage, told apart from a truncated member (gzip(1) warns about it too).
            let magicSplit = next.count == 1 && next[0] == 0x1F
            guard magicSplit || (next[0] == 0x1F && next[1] == 0x8B) else {
                throw .trailingGarbage(path: file.path, offset: file.consumedFileBytes - engine.input.count)
            }
            engine.startNextMember()
            memberEnded = false
            return true
        }
    }
}
