public import PolicyEngine
import Foundation
public import TabularText

/// Receives the cost lines of one worker. A scan makes one sink per worker thread, so a sink
/// is never used by two threads at once.
public protocol CostLineSink: AnyObject, SendableMetatype {
    /// One decoded line; its byte views are valid only during the call.
    func consume(_ line: RawCostLine)
}

/// How a billing file is scanned.
public struct BillingScanOptions: Sendable {
    /// Worker threads (nil in `init`: one per core).
    public var workers: Int
    /// Count and report malformed rows instead of stopping at the first.
    public var skipBadRows: Bool
    /// How many bad-row locations to keep for the report.
    public var reportedBadRows: Int
    /// Bytes per chunk.
    public var chunkSize: Int
    /// Inflate implementation for gzip inputs.
    public var gzipDecoder: GzipDecoder
    /// Reader options.
    public var read: BillingReadOptions
    /// Forced format; detected from the header when nil.
    public var format: InputFormat?
    /// Called on the reading thread after each chunk with the file bytes consumed and the size.
    public var progress: (@Sendable (_ path: String, _ done: Int, _ total: Int?) -> Void)?

    /// Options with the defaults.
    public init(
        workers: Int? = nil, skipBadRows: Bool = false, reportedBadRows: Int = 5,
        chunkSize: Int = 4 << 20, gzipDecoder: GzipDecoder = .isal, read: BillingReadOptions = BillingReadOptions(),
        format: InputFormat? = nil, progress: (@Sendable (_ path: String, _ done: Int, _ total: Int?) -> Void)? = nil
    ) {
        self.workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        self.skipBadRows = skipBadRows
        self.reportedBadRows = reportedBadRows
        self.chunkSize = chunkSize
        self.gzipDecoder = gzipDecoder
        self.read = read
        self.format = format
        self.progress = progress
    }
}

/// What reading one input produced: counts, the format, and the first bad rows when skipped.
public struct BillingInputReport: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// The detected or forced format.
    public var format: InputFormat
    /// Data rows read (bad rows included).
    public var rows: Int
    /// Cost lines produced (a GCP row with credits gives two).
    public var lines: Int
    /// Malformed rows skipped.
    public var badRows: Int
    /// The first skipped rows, in file order.
    public var firstBadRows: [Diagnostic]
    /// For groups computed by a query engine: the engine (SQL dialect) and the query's SHA-256.
    public var provenance: CostGroupsProvenance? = nil
}

/// Scans one billing file: header detection, then parallel chunk decoding into sinks.
public enum BillingScan {
    /// Reads `path` and feeds every cost line to the sinks `makeSink` creates (one per worker).
    /// Returns the report, the sinks, the reader that decoded the file, and the file line at
    /// which each chunk starts (to turn `RawCostLine.line` into a file line).
    public static func scan<Sink: CostLineSink>(
        _ path: String, options: BillingScanOptions = BillingScanOptions(), tags: TagRequest,
        makeSink: (any BillingFormatReader) -> Sink
    ) throws(BillingError) -> (report: BillingInputReport, sinks: [Sink], reader: any BillingFormatReader, chunkLines: [Int]) {
        let source: any ByteSource
        let chunkReader: CSVChunkReader
        let headerRecord: (fields: [String], lines: Int)
        do {
            source = try ByteSources.open(path, decoder: options.gzipDecoder)
            chunkReader = CSVChunkReader(source: source, chunkSize: options.chunkSize)
            guard let header = try chunkReader.readHeader() else { throw BillingError.emptyFile(path: path) }
            headerRecord = header
        } catch let error as BillingError {
            throw error
        } catch let error as TabularTextError {
            throw BillingError.wrapping(error, path: path, line: 1)
        } catch {
            throw BillingError.unreadable(path: path, line: nil, reason: "\(error)")
        }
        // Column names become tag keys: a byte that is not UTF-8 is an error, never a U+FFFD.
        if let column = headerRecord.fields.firstIndex(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
            throw .badRow(path: path, line: 1, column: column + 1,
                          message: "column \(column + 1) of the header is not valid UTF-8; save the file as UTF-8 text", sourceLine: nil)
        }
        let header = BillingHeader(headerRecord.fields)
        let readerType: any BillingFormatReader.Type
        if let forced = options.format {
            guard let found = BillingFormats.reader(for: forced) else {
                throw .missingColumns(path: path, format: forced, missing: ["(not a billing format)"])
            }
            let missing = BillingFormats.missingColumns(found, in: header)
            guard missing.isEmpty else { throw .missingColumns(path: path, format: forced, missing: missing) }
            readerType = found
        } else {
            readerType = try BillingFormats.detect(header, path: path)
        }
        let reader = readerType.init(header: header, tags: tags, options: options.read, path: path)
        let workerCount = max(1, options.workers)
        // Short rows (trailing fields left out, as some exporters do) are accepted when they still
        // reach every required column.
        let minimumFields = readerType.requiredColumns.compactMap { header.index(of: $0.aliases) }.max().map { $0 + 1 } ?? header.names.count
        let workers = (0..<workerCount).map { _ in
            ScanWorker(
                reader: reader, sink: makeSink(reader), fieldCount: header.names.count, minimumFields: minimumFields,
                tagCount: tags.keys.count, options: options)
        }
        let shared = UncheckedBox(workers)
        let progress = options.progress
        var readFailure: TabularTextError?
        do {
            try ParallelChunkRunner.run(
                reader: chunkReader, workers: workerCount,
                progress: progress.map { callback in { done, total in callback(path, done, total) } }
            ) { worker, chunk in
                shared.value[worker].process(chunk)
            }
        } catch {
            readFailure = error
        }
        // Merge per-chunk line counts into the file line each chunk starts at.
        var linesPerChunk: [Int: Int] = [:]
        for worker in workers { linesPerChunk.merge(worker.linesPerChunk) { first, _ in first } }
        let chunkCount = (linesPerChunk.keys.max() ?? -1) + 1
        var chunkLines: [Int] = []
        var nextLine = headerRecord.lines + 1
        for index in 0..<chunkCount {
            chunkLines.append(nextLine)
            nextLine += linesPerChunk[index] ?? 0
        }
        if let readFailure { throw BillingError.wrapping(readFailure, path: path, line: nextLine) }
        let problems = workers.flatMap(\.problems).sorted { ($0.chunk, $0.line) < ($1.chunk, $1.line) }
        func diagnostic(_ problem: ScanWorker<Sink>.Problem) -> Diagnostic {
            let line = problem.chunk < chunkLines.count ? chunkLines[problem.chunk] + problem.line - 1 : problem.line
            return Diagnostic(file: path, line: line, column: problem.column, message: problem.message, sourceLine: problem.sourceLine)
        }
        if !options.skipBadRows, let first = problems.first {
            let located = diagnostic(first)
            throw .badRow(path: path, line: located.location?.line ?? 0, column: located.location?.column ?? 1, message: first.message, sourceLine: first.sourceLine)
        }
        let report = BillingInputReport(
            path: path, format: readerType.format, rows: workers.reduce(0) { $0 + $1.rows }, lines: workers.reduce(0) { $0 + $1.lines },
            badRows: workers.reduce(0) { $0 + $1.badRows }, firstBadRows: problems.prefix(options.reportedBadRows).map(diagnostic))
        return (report, workers.map(\.sink), reader, chunkLines)
    }
}

/// A value shared with worker threads that each touch only their own element.
///
/// Sendable: the box itself is immutable; what it holds (the scan workers) is shared only so that
/// worker thread `i` can reach element `i`, and no element is touched by two threads.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One worker thread's state: its record buffer, decoder scratch, sink and counts.
final class ScanWorker<Sink: CostLineSink> {
    /// A bad row, located within its chunk.
    struct Problem {
        var chunk: Int
        var line: Int
        var column: Int
        var message: String
        var sourceLine: String?
    }

    let reader: any BillingFormatReader
    let sink: Sink
    private let record: CSVRecord
    private let scratch = TagScratch()
    private let tagCount: Int
    private let fieldCount: Int
    private let minimumFields: Int
    private let skipBadRows: Bool
    private let keptProblems: Int
    private(set) var rows = 0
    private(set) var lines = 0
    private(set) var badRows = 0
    private(set) var problems: [Problem] = []
    private(set) var linesPerChunk: [Int: Int] = [:]

    init(reader: any BillingFormatReader, sink: Sink, fieldCount: Int, minimumFields: Int, tagCount: Int, options: BillingScanOptions) {
        self.reader = reader
        self.sink = sink
        self.fieldCount = fieldCount
        self.minimumFields = minimumFields
        record = CSVRecord(expectedFields: fieldCount + 1)
        self.tagCount = tagCount
        skipBadRows = options.skipBadRows
        keptProblems = options.skipBadRows ? options.reportedBadRows : 1
    }

    /// Decodes every record of `chunk`; false (stop reading) after a bad row unless skipping.
    func process(_ chunk: CSVChunk) -> Bool {
        var scanner = CSVChunkScanner(chunk: chunk.bytes)
        // A local, not a stored property: handing a class's property to `decode` and `consume`
        // costs a copy of the line and two dynamic exclusivity checks per row.
        var line = RawCostLine(tagCount: tagCount)
        defer { linesPerChunk[chunk.index] = scanner.linesScanned }
        while true {
            let more: Bool
            do {
                more = try scanner.next(into: record)
            } catch {
                rows += 1
                note(Problem(chunk: chunk.index, line: error.line, column: error.column, message: error.message, sourceLine: nil))
                if !skipBadRows { return false }
                continue
            }
            guard more else { return true }
            rows += 1
            // Ids, account and service names and tag keys come from these bytes: one that is not
            // UTF-8 is a bad row at its line and column, never a U+FFFD (an ASCII record, the
            // usual case, is recognised 64 bytes at a time).
            if !record.isASCII, let failure = UTF8Validation.check(chunk.bytes.extracting(record.recordStart..<record.recordEnd)) {
                note(Problem(chunk: chunk.index, line: record.line + failure.line - 1, column: failure.column, message: failure.message,
                             sourceLine: record.firstLineText))
                if !skipBadRows { return false }
                continue
            }
            if (record.count > fieldCount && !hasOnlyEmptyExtraFields()) || record.count < minimumFields {
                let location = record.location(ofField: min(record.count, fieldCount))
                note(Problem(
                    chunk: chunk.index, line: location.line, column: location.column,
                    message: "expected \(fieldCount) fields, found \(record.count)", sourceLine: record.firstLineText))
                if !skipBadRows { return false }
                continue
            }
            line.reset()
            line.line = record.line
            line.chunk = chunk.index
            do {
                try reader.decode(record, into: &line, scratch: scratch)
            } catch {
                let location = record.location(ofField: error.column)
                note(Problem(chunk: chunk.index, line: location.line, column: location.column, message: error.message, sourceLine: record.firstLineText))
                if !skipBadRows { return false }
                continue
            }
            sink.consume(line)
            lines += 1
            if !line.attachedCredit.isZero {
                line.chargeCategory = .credit
                line.billedCost = line.attachedCredit
                line.effectiveCost = line.attachedCredit
                line.listCost = line.attachedCredit
                line.isEgress = false
                sink.consume(line)
                lines += 1
            }
        }
    }

    /// Trailing delimiters after the last column (`a,b,c,`) are tolerated.
    private func hasOnlyEmptyExtraFields() -> Bool {
        guard record.count > fieldCount else { return false }
        return (fieldCount..<record.count).allSatisfy { record.field($0).isEmpty }
    }

    private func note(_ problem: Problem) {
        badRows += 1
        if problems.count < keptProblems { problems.append(problem) }
    }
}
