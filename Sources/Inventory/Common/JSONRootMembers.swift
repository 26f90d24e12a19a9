import PolicyEngine
import TabularText

/// Reads selected members of a large JSON file's root object without parsing the rest: the
/// file is scanned in blocks (strings, escapes and nesting only) and just the wanted members'
/// bytes are kept and parsed. A Terraform plan's `configuration` (for provider regions) sits
/// after gigabytes of `resource_changes`; this finds it in one pass of bounded memory.
enum JSONRootMembers {
    /// The parsed values of the wanted root keys that the file has.
    static func read(path: String, keys: Set<String>, open: (String) throws -> any ByteSource) throws -> [String: Value] {
        let tee = Tee(try open(path), keys: keys, path: path)
        let blockSize = 8 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        while !tee.finished {
            let got = try block.withMutableByteView { (view) throws(InventoryError) -> Int in try tee.readInput(into: view) }
            if got == 0 { break }
        }
        return try tee.values()
    }

    /// A byte stream that picks the wanted root members out of the bytes another reader pulls
    /// through it, so that one pass over a file serves both (a Terraform plan's `configuration`
    /// is found while its `resource_changes` stream).
    final class Tee: ByteSource {
        private let source: any ByteSource
        let path: String
        private var scanner: RootScanner
        private var first = true

        init(_ source: any ByteSource, keys: Set<String>, path: String) {
            self.source = source
            self.path = path
            scanner = RootScanner(wanted: keys)
        }

        /// True once every wanted member was seen or the root object ended.
        var finished: Bool { scanner.finished }
        var fileSize: Int? { source.fileSize }
        var consumedFileBytes: Int { source.consumedFileBytes }

        func read(into buffer: MutableByteView) throws(TabularTextError) -> Int {
            let got = try source.read(into: buffer)
            guard got > 0, !scanner.finished else { return got }
            let bytes = buffer.view.extracting(0..<got)
            var start = 0
            if first {
                first = false
                if got >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            }
            scanner.scan(bytes, from: start, to: got)
            return got
        }

        /// The parsed values of the wanted members seen so far.
        func values() throws -> [String: Value] {
            var values: [String: Value] = [:]
            for (key, bytes) in scanner.captured {
                do throws(JSONSyntaxError) {
                    values[key] = try JSONParser.parse(bytes)
                } catch {
                    throw JSONArrayStream.diagnose(error, in: bytes, file: path)
                }
            }
            return values
        }
    }
}

/// The byte-level state machine behind `JSONRootMembers`.
private struct RootScanner {
    let wanted: Set<String>
    var captured: [String: [UInt8]] = [:]
    var depth = 0
    var strings = JSONStringTracker()
    var expectingKey = false
    var keyBytes: [UInt8]?
    var lastKey: String?
    var capturingKey: String?
    var capture: [UInt8] = []
    var finished = false
    /// Passing over the value of a root member (wanted or not: a wanted one's bytes are kept
    /// from where it starts to where it ends, whatever is inside).
    var skipper: JSONValueSkipper?

    init(wanted: Set<String>) { self.wanted = wanted }

    mutating func scan(_ whole: ByteView, from start: Int, to end: Int) {
        let bytes = end == whole.count ? whole : whole.extracting(..<end)
        var captureStart = capturingKey == nil ? nil : Optional(start)
        var index = start
        while index < end {
            guard skipper.pass(bytes, at: &index, depth: &depth) else { break }
            if index >= end { break }
            let byte = bytes[index]
            index += 1
            switch strings.step(byte) {
            case .inside:
                // String content other than a root key's is skipped eight bytes at a time: this
                // scan runs over every byte of a plan on the reading thread.
                if keyBytes != nil { keyBytes?.append(byte) } else { index = strings.skipInside(bytes, from: index) }
                continue
            case .closed:
                if let key = keyBytes {
                    lastKey = String(decoding: key, as: UTF8.self)
                    keyBytes = nil
                }
                continue
            case .opened:
                if depth == 1 && expectingKey && capturingKey == nil {
                    keyBytes = []
                    expectingKey = false
                } else if keyBytes == nil {
                    index = strings.skipInside(bytes, from: index)
                }
                continue
            case .outside:
                break
            }
            switch byte {
            case UInt8(ascii: ":"):
                if depth == 1, capturingKey == nil, let key = lastKey, wanted.contains(key), captured[key] == nil {
                    capturingKey = key
                    capture = []
                    captureStart = index
                }
                lastKey = nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 { expectingKey = true }
                if depth == 2 { skipper = JSONValueSkipper() }
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","):
                if depth == 1, let key = capturingKey, let from = captureStart {
                    finishCapture(key, bytes, from: from, to: index - 1)
                    captureStart = nil
                    if finished { return }
                }
                if byte == UInt8(ascii: ",") {
                    if depth == 1 { expectingKey = true }
                } else {
                    depth -= 1
                    if depth <= 0 {
                        finished = true
                        return
                    }
                }
            default:
                break
            }
        }
        if capturingKey != nil, let from = captureStart, from < end {
            capture.append(contentsOf: bytes.extracting(from..<end))
        }
    }

    private mutating func finishCapture(_ key: String, _ bytes: ByteView, from: Int, to: Int) {
        if from < to { capture.append(contentsOf: bytes.extracting(from..<to)) }
        captured[key] = capture
        capture = []
        capturingKey = nil
        if captured.count == wanted.count { finished = true }
    }
}
