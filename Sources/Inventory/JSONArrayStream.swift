import CTextScan
import Foundation
public import PolicyEngine
public import TabularText

/// One element of a streamed JSON array, with its RFC 6901 pointer.
public struct StreamedElement: Sendable {
    /// 0-based index in the array.
    public var index: Int
    /// JSON pointer of the element (`/configurationItems/3`).
    public var pointer: String
    /// The parsed element.
    public var value: Value
}

/// Streams the elements of one large JSON array — the root array, or the array under a key of
/// the root object (`configurationItems`) — without holding the file or its full tree in memory.
///
/// The file is read in blocks; a structural scan (strings, escapes and nesting only) finds
/// element boundaries; each batch of complete elements is parsed in parallel on all cores and
/// handed over in document order. Memory is bounded by the block size plus the batch being
/// parsed, whatever the file size. Files that are UTF-16 are transcoded whole first (they are
/// rare and small: Windows Terraform plans).
public struct JSONArrayStream {
    /// The file.
    public let path: String
    /// Key of the array in the root object; nil when the root itself is the array.
    public let arrayKey: String?
    /// Bytes read per block.
    public var blockSize = 8 << 20
    /// Opens the file's bytes: plainly by default; a decompressing source for compressed input.
    public var open: (String) throws -> any ByteSource = { try InventoryInput.plain($0) }
    /// Members of the root object whose values are picked out of the same pass over the file
    /// and handed back parsed by `forEachBatch` (a plan's `configuration` sits after gigabytes
    /// of `resource_changes`): the scan that finds the array goes on through the root object
    /// after it until it has them all or the object ends.
    public var rootMembers: Set<String> = []

    /// The largest element the stream holds while it is incomplete: 256 MiB, or
    /// `ASSAY_MAX_JSON_VALUE_MB` mebibytes (docs/limits.md).
    static let maximumElementBytes: Int = {
        if let text = ProcessInfo.processInfo.environment["ASSAY_MAX_JSON_VALUE_MB"], let megabytes = Int(text), megabytes > 0,
           megabytes < 1 << 20 {
            return megabytes << 20
        }
        return 256 << 20
    }()

    /// Creates a stream.
    public init(path: String, arrayKey: String?) {
        self.path = path
        self.arrayKey = arrayKey
    }

    /// Calls `body` with consecutive batches of elements, in order. `progress` gets bytes done/total.
    /// Returns the values of the `rootMembers` the file has.
    @discardableResult
    public func forEachBatch(
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        _ body: ([StreamedElement]) throws -> Void
    ) throws -> [String: Value] {
        // The parsed trees are still in the batch when `body` returns: freed on all cores.
        try forEachParsedBatch(.tree({ StreamedElement(index: $0, pointer: $1, value: $2) }), releasingOnAllCores: true, progress: progress) { try body($0) }
    }

    /// As `forEachBatch`, with each element handed to `transform` (with its index and pointer)
    /// on the worker that parsed it: a reader that maps every element to what it keeps does
    /// it while the parsed tree is fresh in that core's cache, and the tree is freed there, in
    /// one pass over the batch instead of a parse, a map and a release one after another.
    /// The batch is handed over `inout`, its only reference, so that `body` can move what it
    /// keeps out of it (`Optional.take()` on an optional element) instead of copying it (a copy
    /// retains every member on the reading thread, and the batch's release then releases them).
    /// Returns the values of the `rootMembers` the file has.
    @discardableResult
    public func forEachBatch<Element: Sendable>(
        transforming transform: @escaping @Sendable (_ index: Int, _ pointer: String, _ value: consuming Value) -> Element,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        _ body: (inout [Element]) throws -> Void
    ) throws -> [String: Value] {
        // The trees were freed by `transform`; what is left is what the reader keeps.
        try forEachParsedBatch(.tree(transform), releasingOnAllCores: false, progress: progress, body)
    }

    /// As `forEachBatch(transforming:)`, each element packed as it is parsed
    /// (`JSONParser.parsePacked`: no tree is built and freed) and handed to `transform` on the
    /// worker that parsed it: for readers that keep the elements as they are (records).
    @discardableResult
    public func forEachBatch<Element: Sendable>(
        packing transform: @escaping @Sendable (_ index: Int, _ pointer: String, _ document: PackedDocument) -> Element,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        _ body: (inout [Element]) throws -> Void
    ) throws -> [String: Value] {
        try forEachParsedBatch(.packed(transform), releasingOnAllCores: false, progress: progress, body)
    }

    /// How the elements are parsed and handed over.
    private enum ElementParsing<Element: Sendable> {
        /// Parsed into a tree.
        case tree(@Sendable (Int, String, consuming Value) -> Element)
        /// Packed as parsed.
        case packed(@Sendable (Int, String, PackedDocument) -> Element)

        /// The element of a value parsed whole (a transcoded file's).
        func element(_ index: Int, _ pointer: String, _ value: Value) -> Element {
            switch self {
            case .tree(let transform): return transform(index, pointer, value)
            case .packed(let transform): return transform(index, pointer, PackedDocument(packing: value))
            }
        }
    }

    /// The reading loop. Reading and scanning the next block (the reading thread's serial work:
    /// the read itself and the one scan that finds the elements and the root members) run on another thread
    /// while the current block's elements are parsed on all cores, so that the cores do not
    /// wait for it between batches (at 1M plan resources one core idled a fifth of the read).
    /// Batches still reach `body` in order, on the calling thread, and an error is thrown after
    /// the batches before it, as when the blocks were read one after another.
    private func forEachParsedBatch<Element: Sendable>(
        _ parsing: ElementParsing<Element>, releasingOnAllCores: Bool,
        progress: (_ done: Int, _ total: Int) -> Void, _ body: (inout [Element]) throws -> Void
    ) throws -> [String: Value] {
        let scanner = Scanner(arrayKey: arrayKey, rootMembers: rootMembers, file: path)
        let reader = BlockReader(file: try open(path), scanner: scanner, blockSize: blockSize)
        // The first block is read here: it tells whether the file is UTF-16.
        var current = try located(reader.next())
        if reader.isUTF16 {
            return try streamTranscoded(parsing, body)
        }
        var nextIndex = 0
        while true {
            var following: Result<ScannedBlock, BlockFailure>?
            if let batch = current.batch {
                let last = current.last
                following = try ParallelMap.overlapping({ last ? nil : reader.next() }, while: { () throws -> Void in
                    var elements = try parse(batch.ranges, in: batch.buffer, firstIndex: nextIndex, bufferOffset: batch.bufferOffset, parsing)
                    nextIndex += elements.count
                    try body(&elements)
                    if releasingOnAllCores { ParallelRelease.release(consume elements) }
                }).background
                reader.recycle(batch.buffer)
            }
            progress(current.position, current.size)
            if current.last { break }
            current = try located(following ?? reader.next())
        }
        if !reader.sawArray {
            let expected = arrayKey.map { "an object with an array under \"\($0)\"" } ?? "a JSON array"
            throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: expected)
        }
        var values: [String: Value] = [:]
        for (key, bytes) in reader.capturedRootMembers {
            do throws(JSONSyntaxError) {
                values[key] = try JSONParser.parse(bytes)
            } catch {
                throw Self.diagnose(error, in: bytes, file: path)
            }
        }
        return values
    }

    /// The block a `BlockReader` step gave, or its failure as a located input error.
    private func located(_ step: Result<ScannedBlock, BlockFailure>) throws -> ScannedBlock {
        switch step {
        case .success(let block): return block
        case .failure(.unreadable(let error)): throw error
        case .failure(.scan(let reason, let offset)): throw try located(reason, at: offset)
        case .failure(.elementTooLarge(let offset)):
            throw try locatedByCounting("one element is larger than \(Self.maximumElementBytes >> 20) MiB (the limit; "
                                        + "ASSAY_MAX_JSON_VALUE_MB sets another)", at: offset)
        }
    }

    /// All elements at once (for small files and tests).
    public func readAll() throws -> [StreamedElement] {
        var all: [StreamedElement] = []
        try forEachBatch { all.append(contentsOf: $0) }
        return all
    }

    private func pointer(for index: Int) -> String { Self.pointer(for: index, arrayKey: arrayKey) }

    /// The JSON pointer of element `index` of the array under `arrayKey` (the root when nil).
    private static func pointer(for index: Int, arrayKey: String?) -> String {
        pointerPrefix(arrayKey: arrayKey) + String(index)
    }

    /// The JSON pointer of the array under `arrayKey` with its trailing `/`: made once per batch,
    /// not escaped again for every element (that was 3 % of a Config snapshot's read).
    private static func pointerPrefix(arrayKey: String?) -> String {
        guard let arrayKey else { return "/" }
        return "/\(arrayKey.replacingOccurrencesOfTildeAndSlash())/"
    }

    private func parse<Element: Sendable>(
        _ ranges: [Range<Int>], in buffer: [UInt8], firstIndex: Int, bufferOffset: Int,
        _ parsing: ElementParsing<Element>
    ) throws -> [Element] {
        let prefix = Self.pointerPrefix(arrayKey: arrayKey)
        do {
            switch parsing {
            case .tree(let transform):
                return try ParallelJSONParsing.parse(ranges, in: buffer) { position, value in
                    transform(firstIndex + position, prefix + String(firstIndex + position), value)
                }
            case .packed(let transform):
                return try ParallelJSONParsing.parsePacked(ranges, in: buffer) { position, document in
                    transform(firstIndex + position, prefix + String(firstIndex + position), document)
                }
            }
        } catch {
            throw try located(error.error.reason, at: bufferOffset + ranges[error.position].lowerBound + error.error.offset)
        }
    }

    private func streamTranscoded<Element: Sendable>(
        _ parsing: ElementParsing<Element>, _ body: (inout [Element]) throws -> Void
    ) throws -> [String: Value] {
        let text = InventoryInput.normalizeEncoding(try open(path).readAll())
        let document: Value
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw Self.diagnose(error, in: text, file: path)
        }
        let items: [Value]
        if let arrayKey {
            guard let found = document[arrayKey]?.arrayValue else {
                throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "an object with an array under \"\(arrayKey)\"")
            }
            items = found
        } else {
            guard let found = document.arrayValue else {
                throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "a JSON array")
            }
            items = found
        }
        var elements = items.enumerated().map { parsing.element($0, pointer(for: $0), $1) }
        try body(&elements)
        var members: [String: Value] = [:]
        for key in rootMembers { members[key] = document[key] }
        return members
    }

    /// An `InventoryError.malformedJSON` for an absolute file offset (line and column found by
    /// re-reading the file up to that offset; errors are rare, so this costs nothing normally).
    /// Like `located`, but reads only the bytes before `offset`, one block at a time (for errors
    /// about elements too large to read whole again).
    private func locatedByCounting(_ reason: String, at offset: Int) throws -> InventoryError {
        let file = try open(path)
        var line = 1
        var lineStart = 0
        var position = 0
        var block = [UInt8](repeating: 0, count: blockSize)
        while position < offset {
            let wanted = min(blockSize, offset - position)
            let got = try block.withMutableByteView { (view) throws(InventoryError) in try file.readInput(into: view.extracting(0..<wanted)) }
            if got == 0 { break }
            for index in 0..<got where block[index] == 0x0A {
                line += 1
                lineStart = position + index + 1
            }
            position += got
        }
        return .malformedJSON(file: path, line: line, column: offset - lineStart + 1, reason: reason, sourceLine: nil)
    }

    private func located(_ reason: String, at offset: Int) throws -> InventoryError {
        let bytes = try open(path).readAll()
        return bytes.withByteView { buffer in
            let (line, column) = JSONParser.lineAndColumn(of: offset, in: buffer)
            return .malformedJSON(file: path, line: line, column: column, reason: reason, sourceLine: InventoryInput.line(line, in: buffer))
        }
    }

    /// Turns a parser error on a whole in-memory document into a located inventory error.
    public static func diagnose(_ error: JSONSyntaxError, in bytes: [UInt8], file: String) -> InventoryError {
        bytes.withByteView { buffer in
            .malformedJSON(file: file, line: error.line, column: error.column, reason: error.reason,
                           sourceLine: InventoryInput.line(error.line, in: buffer))
        }
    }
}

/// A structural error found by the scanner, at a buffer offset.
private struct ScanFailure: Error {
    let offset: Int
    let reason: String
}

extension String {
    /// RFC 6901 escaping of a pointer segment (`~` → `~0`, `/` → `~1`).
    func replacingOccurrencesOfTildeAndSlash() -> String {
        var result = ""
        for character in self {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}

// MARK: - Block reading

/// Complete elements of one block, for the parse: the buffer they are in (its first byte at
/// `bufferOffset` in the file) and their ranges in it.
private struct ParsableBatch: Sendable {
    var buffer: [UInt8]
    var bufferOffset: Int
    var ranges: [Range<Int>]
}

/// One step of `BlockReader`: the elements it completed, if any, and how far the file is read.
private struct ScannedBlock: Sendable {
    /// The elements the step completed; nil when it completed none (a block inside one element,
    /// or before or after the array).
    var batch: ParsableBatch?
    /// Bytes of the file read so far (for progress).
    var position: Int
    /// The file's size (for progress; 0 when unknown).
    var size: Int
    /// The file has ended: no step follows.
    var last: Bool
}

/// Why a `BlockReader` step failed, with file offsets (located on the calling thread).
private enum BlockFailure: Error, Sendable {
    case unreadable(InventoryError)
    case scan(reason: String, offset: Int)
    case elementTooLarge(offset: Int)
}

/// Reads the file block by block and finds the array elements each block completes: the
/// serial half of `JSONArrayStream`'s loop, which runs one block ahead of the parse.
///
/// Sendable: one thread at a time uses it. The loop starts a step on another thread only after
/// the previous step returned, and waits for it (`ParallelMap.overlapping`) before it touches
/// the reader again (`recycle`, `sawArray`, the next step).
private final class BlockReader: @unchecked Sendable {
    private let file: any ByteSource
    private var scanner: Scanner
    /// The bytes from the first one still needed (an element or key not yet complete) on.
    private var buffer: [UInt8] = []
    /// File offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Bytes of `buffer` already scanned.
    private var consumed = 0
    private var chunk: [UInt8]
    /// A batch's buffer, back from the parse: the next one is built in its storage, not in
    /// fresh memory (8 MiB of new pages a block).
    private var spare: [UInt8] = []
    private var first = true
    private var atEnd = false
    /// The file is UTF-16 (known after the first step, which then reads nothing more).
    private(set) var isUTF16 = false
    var sawArray: Bool { scanner.sawArray }
    /// The bytes of the wanted root members' values the scan found.
    var capturedRootMembers: [String: [UInt8]] { scanner.captured }

    init(file: any ByteSource, scanner: Scanner, blockSize: Int) {
        self.file = file
        self.scanner = scanner
        chunk = [UInt8](repeating: 0, count: blockSize)
    }

    /// Hands a parsed batch's buffer back for reuse.
    func recycle(_ used: [UInt8]) {
        spare = used
    }

    /// Reads the next block and scans it.
    func next() -> Result<ScannedBlock, BlockFailure> {
        // What is left is one element still incomplete: bounded, so one huge value cannot take
        // all memory (docs/limits.md).
        if buffer.count > JSONArrayStream.maximumElementBytes { return .failure(.elementTooLarge(offset: bufferOffset)) }
        let got: Int
        do throws(InventoryError) {
            got = try chunk.withMutableByteView { (view) throws(InventoryError) in try file.readInput(into: view) }
        } catch {
            return .failure(.unreadable(error))
        }
        if got == 0 {
            atEnd = true
        } else {
            var from = 0
            if first {
                first = false
                if got >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
                    isUTF16 = true
                    return .success(ScannedBlock(batch: nil, position: 0, size: file.size, last: true))
                }
                if got >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                    from = 3
                    bufferOffset = 3
                }
            }
            // Room for a block and a quarter more than what is held (a larger element's bytes
            // double it): growing by the array's own doubling left both buffers at twice a block.
            let needed = buffer.count + got - from
            if buffer.capacity < needed { buffer.reserveCapacity(needed + max(chunk.count >> 2, buffer.count)) }
            buffer.append(contentsOf: chunk[from..<got])
        }
        let ranges: [Range<Int>]
        do throws(ScanFailure) {
            ranges = try buffer.withByteView { (bytes) throws(ScanFailure) in try scanner.scan(bytes, from: consumed, final: atEnd) }
        } catch {
            return .failure(.scan(reason: error.reason, offset: bufferOffset + error.offset))
        }
        consumed = scanner.resumeOffset
        // Drop everything before the first byte still needed. A batch keeps its buffer for the
        // parse; the bytes still needed move to the spare one.
        let keep = scanner.keepFrom
        var batch: ParsableBatch?
        if !ranges.isEmpty {
            var rest = spare
            spare = []
            rest.removeAll(keepingCapacity: true)
            rest.append(contentsOf: buffer[keep...])
            batch = ParsableBatch(buffer: buffer, bufferOffset: bufferOffset, ranges: ranges)
            buffer = rest
        } else if keep > 0 {
            buffer.removeFirst(keep)
        }
        if keep > 0 {
            bufferOffset += keep
            consumed -= keep
            scanner.shift(by: keep)
        }
        return .success(ScannedBlock(batch: batch, position: min(file.position, file.size), size: file.size, last: atEnd))
    }
}

// MARK: - Structural scanner

/// Finds the byte ranges of the target array's elements. Resumable across buffer refills.
private struct Scanner {
    enum Phase {
        /// Before the root value.
        case start
        /// Inside the root object, looking for the key.
        case rootObject
        /// Inside the target array.
        case array
        /// After the target array.
        case done
    }

    let arrayKey: String?
    /// The root members whose values are kept (`JSONArrayStream.rootMembers`), as key bytes.
    let wanted: [[UInt8]]
    let file: String
    var phase = Phase.start
    var sawArray = false
    /// Where scanning resumes.
    var resumeOffset = 0
    /// First byte that must be kept in the buffer.
    var keepFrom = 0
    // Element tracking inside the array.
    var elementStart: Int?
    var depth = 0
    var strings = JSONStringTracker()
    /// Inside the array: in a string, and after a backslash there (`json_array_scan_state`).
    var arrayStrings: (inString: UInt8, escaped: UInt8) = (0, 0)
    // Root-object key tracking.
    var keyStart: Int?
    var currentKey: [UInt8]?
    var expectValueForTarget = false
    /// Passing over the value of a root member other than the array (a plan's `planned_values`).
    var skipper: JSONValueSkipper?
    /// The wanted members' values found, as their bytes.
    var captured: [String: [UInt8]] = [:]
    /// The wanted member whose value is being passed: its key, and where its bytes not yet
    /// copied into `capture` start (they are copied block by block, so the buffer need not
    /// hold a large value whole).
    var capturing: (key: String, from: Int)?
    var capture: [UInt8] = []

    init(arrayKey: String?, rootMembers: Set<String>, file: String) {
        self.arrayKey = arrayKey
        wanted = arrayKey == nil ? [] : rootMembers.sorted().map { Array($0.utf8) }
        self.file = file
    }

    /// True while a wanted member may still come (the root object is scanned on after the array).
    private var capturesPending: Bool { captured.count < wanted.count }

    mutating func shift(by count: Int) {
        resumeOffset -= count
        keepFrom = max(0, keepFrom - count)
        if let start = elementStart { elementStart = start - count }
        if let start = keyStart { keyStart = start - count }
        if let member = capturing { capturing = (member.key, member.from - count) }
    }

    /// Ends the value being kept, if any, just before `end` (the comma or brace after it).
    private mutating func finishCapture(_ bytes: ByteView, at end: Int) {
        guard let member = capturing else { return }
        if member.from < end { capture.append(contentsOf: bytes.extracting(member.from..<end)) }
        captured[member.key] = capture
        capture = []
        capturing = nil
    }

    /// The target array's elements from `start`: until the array closes or the bytes end
    /// (`json_array_scan`, 64 bytes per step; the strings of the array's elements are tracked
    /// there, apart from `strings`, which serves the root object around it).
    private mutating func scanArray(_ bytes: ByteView, from start: Int, into ranges: inout [Range<Int>]) throws(ScanFailure) -> Int {
        var state = json_array_scan_state(depth: Int64(depth), element_start: Int64(elementStart ?? -1),
                                          in_string: arrayStrings.inString, escaped: arrayStrings.escaped)
        defer {
            depth = Int(state.depth)
            elementStart = state.element_start < 0 ? nil : Int(state.element_start)
            arrayStrings = (state.in_string, state.escaped)
        }
        var index = start
        while true {
            let found = bytes.jsonArrayScan(from: index, state: &state, into: &rangeBuffer)
            rangeBuffer.withElementView { pairs in
                for pair in 0..<Int(found.ranges) { ranges.append(Int(pairs[2 * pair])..<Int(pairs[2 * pair + 1])) }
            }
            index = Int(found.position)
            switch json_array_scan_status(rawValue: UInt32(found.status)) {
            case JSON_ARRAY_SCAN_FULL: continue
            case JSON_ARRAY_SCAN_END: phase = .done
            case JSON_ARRAY_SCAN_UNEXPECTED_BRACE: throw ScanFailure(offset: index, reason: "unexpected '}' in an array")
            case JSON_ARRAY_SCAN_MISSING_VALUE: throw ScanFailure(offset: index, reason: "expected a value before ','")
            default: break
            }
            return index
        }
    }

    /// Where `json_array_scan` writes ranges before they are appended (pairs of offsets).
    private var rangeBuffer = [Int64](repeating: 0, count: 2 * 4_096)

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func scan(_ bytes: ByteView, from offset: Int, final: Bool) throws(ScanFailure) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = offset
        let count = bytes.count
        let targetKey = arrayKey.map { Array($0.utf8) }
        while index < count {
            let byte = bytes[index]
            switch phase {
            case .done:
                index = count
                continue
            case .start:
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    index += 1
                    continue
                }
                if targetKey == nil {
                    guard byte == UInt8(ascii: "[") else { throw ScanFailure(offset: index, reason: "expected a JSON array at the top level") }
                    phase = .array
                    sawArray = true
                    depth = 0
                } else {
                    guard byte == UInt8(ascii: "{") else { throw ScanFailure(offset: index, reason: "expected a JSON object at the top level") }
                    phase = .rootObject
                    depth = 1
                }
                index += 1
            case .rootObject:
                // Tracks strings and depth; records keys at depth 1; enters the array value of the
                // target key. Other members' nested values are passed over by the C scan.
                if skipper != nil {
                    _ = skipper.pass(bytes, at: &index, depth: &depth)
                    continue
                }
                // String content is skipped eight bytes at a time (keys are cut out by position).
                switch strings.step(byte) {
                case .inside:
                    index = strings.skipInside(bytes, from: index + 1)
                    continue
                case .closed:
                    if let start = keyStart {
                        currentKey = Array(bytes[(start + 1)..<index])
                        keyStart = nil
                    }
                    index += 1
                    continue
                case .opened:
                    if depth == 1 && !expectValueForTarget { keyStart = index }
                    index = strings.skipInside(bytes, from: index + 1)
                    continue
                case .outside:
                    break
                }
                switch byte {
                case UInt8(ascii: ":"):
                    if depth == 1, let key = currentKey {
                        if let targetKey, key == targetKey {
                            expectValueForTarget = true
                        } else if capturing == nil, wanted.contains(key) {
                            let text = String(decoding: key, as: UTF8.self)
                            if captured[text] == nil { capturing = (text, index + 1) }
                        }
                    }
                    currentKey = nil
                case UInt8(ascii: "["):
                    if depth == 1 && expectValueForTarget {
                        phase = .array
                        sawArray = true
                        expectValueForTarget = false
                        depth = 0
                        index += 1
                        continue
                    }
                    depth += 1
                    if depth == 2 { skipper = JSONValueSkipper() }
                case UInt8(ascii: "{"):
                    depth += 1
                    if depth == 2 { skipper = JSONValueSkipper() }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if depth == 1 { finishCapture(bytes, at: index) }
                    depth -= 1
                    if depth == 0 { phase = .done }
                case UInt8(ascii: ","):
                    if depth == 1 {
                        expectValueForTarget = false
                        finishCapture(bytes, at: index)
                        if sawArray && !capturesPending { phase = .done }
                    }
                case 0x20, 0x0A, 0x0D, 0x09:
                    break
                default:
                    if depth == 1 && expectValueForTarget {
                        throw ScanFailure(offset: index, reason: "expected an array under \"\(arrayKey ?? "")\"")
                    }
                }
                index += 1
            case .array:
                index = try scanArray(bytes, from: index, into: &ranges)
                if phase == .done && capturesPending {
                    // The root object goes on after the array: its wanted members may follow.
                    phase = .rootObject
                    depth = 1
                }
            }
        }
        if let member = capturing, member.from < index {
            capture.append(contentsOf: bytes.extracting(member.from..<index))
            capturing = (member.key, index)
        }
        resumeOffset = index
        switch phase {
        case .array, .rootObject:
            keepFrom = elementStart ?? keyStart ?? index
            if final {
                throw ScanFailure(offset: count, reason: sawArray && phase == .rootObject
                                  ? "unexpected end of file inside the root object, after the array"
                                  : "unexpected end of file inside the array")
            }
        case .start:
            keepFrom = index
            if final { throw ScanFailure(offset: count, reason: "the file is empty") }
        case .done:
            keepFrom = index
        }
        return ranges
    }
}
