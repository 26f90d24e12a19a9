/// The pretty JSON of one finding written straight from the `Finding`, byte for byte what
/// `JSONWriter.write(RunResultCodec.encode(finding), indent: "  ", level:)` writes: members in
/// sorted key order, the same escapes, numbers and indentation. A large run writes a million
/// findings; building a `Value` tree for each and walking it again cost most of the JSON
/// report's time. `FindingJSONTests` holds the two paths equal.
///
/// The finding's own members are written through a `ByteCursor` into room reserved for them
/// (`room`): a finding is a dozen short pieces, and appending each to the array checked its
/// capacity and uniqueness (a run listing its passes writes three million findings). Evidence,
/// merged sources and waivers, which hold values of any size, are appended as before.
///
/// The finding is taken `inout` (it is not changed): a closure that reads a borrowed finding
/// would copy it, a dozen reference counts on counts other cores share.
enum FindingJSON {
    /// Appends the finding object standing at nesting `level` (its members one deeper).
    static func write(_ finding: inout Finding, into output: inout [UInt8], level: Int) {
        let digest = finding.fingerprintDigest(hashingAtEndOf: &output)
        let source = finding.source
        let room = room(of: finding, source: source, level: level)
        var object = PrettyObject(level: level)
        output.appendWriting(maximumCount: room) { cursor in
            object.member("enforcement", finding.enforcement.rawValue, &cursor)
        }
        if !finding.evidence.isEmpty {
            object.key("evidence", &output)
            var array = PrettyArray(level: level + 1)
            for item in finding.evidence {
                array.element(&output)
                write(item, into: &output, level: level + 2)
            }
            array.close(&output)
        }
        output.appendWriting(maximumCount: room) { cursor in
            object.key("fingerprint", &cursor)
            cursor.append(UInt8(ascii: "\""))
            digest.appendHex(to: &cursor)
            cursor.append(UInt8(ascii: "\""))
            object.member("message", finding.message, &cursor)
            object.member("policy", finding.policy, &cursor)
            object.member("resource", finding.resource, &cursor)
            object.member("resource_type", finding.resourceType, &cursor)
            object.member("severity", finding.severity.rawValue, &cursor)
            object.key("source", &cursor)
            if let source { write(source, into: &cursor, level: level + 1) } else { cursor.append("null") }
        }
        if !finding.mergedSources.isEmpty {
            object.key("sources", &output)
            var array = PrettyArray(level: level + 1)
            for source in finding.sources {
                array.element(&output)
                write(source, into: &output, level: level + 2)
            }
            array.close(&output)
        }
        output.appendWriting(maximumCount: room) { cursor in
            object.member("status", finding.status.rawValue, &cursor)
        }
        if let waiver = finding.waiver {
            object.key("waiver", &output)
            var fields = PrettyObject(level: level + 1)
            fields.member("expires", waiver.expires.description, &output)
            fields.member("id", waiver.id, &output)
            fields.member("owner", waiver.owner, &output)
            fields.member("reason", waiver.reason, &output)
            fields.member("ticket", ifPresent: waiver.ticket, &output)
            fields.close(&output)
        }
        object.close(&output)
    }

    /// Room enough for any one of `write`'s cursor segments: at most sixteen members (the
    /// finding's and its source's, with a declaration), each a key of at most 13 bytes,
    /// punctuation, indentation and a short value (a line number, a status, half the
    /// fingerprint); and every text, each of whose bytes is written as at most six (`\u001f`).
    /// A string's byte count is stored in the string itself: nothing is read to count.
    private static func room(of finding: borrowing Finding, source: SourceReference?, level: Int) -> Int {
        var text = finding.message.utf8.count + finding.policy.utf8.count + finding.resource.utf8.count + finding.resourceType.utf8.count
        if let source {
            text += source.location.file.utf8.count + (source.location.pointer?.utf8.count ?? 0) + (source.format?.utf8.count ?? 0)
            if let declaration = source.declaration {
                text += declaration.address.utf8.count + (declaration.location?.file.utf8.count ?? 0)
            }
        }
        return 16 * (2 * level + 64) + 6 * text
    }

    /// An evidence item (as in `RunResultCodec.encode(_: Finding)`).
    private static func write(_ item: Evidence, into output: inout [UInt8], level: Int) {
        var fields = PrettyObject(level: level)
        fields.key("actual", &output)
        JSONWriter.write(item.actual ?? .null, into: &output, indentBytes: indentBytes, level: level + 1)
        fields.member("expected", item.expected, &output)
        fields.key("missing", &output)
        output.append(item.actual == nil ? "true" : "false")
        fields.member("note", ifPresent: item.note, &output)
        fields.member("path", item.path, &output)
        fields.member("status", item.status.rawValue, &output)
        fields.close(&output)
    }

    /// A source reference object (as `RunResultCodec.encode(_: SourceReference)`).
    private static func write(_ source: SourceReference, into output: inout some ByteSink, level: Int) {
        var fields = PrettyObject(level: level)
        if let declaration = source.declaration {
            fields.key("declaration", &output)
            var declared = PrettyObject(level: level + 1)
            declared.member("address", declaration.address, &output)
            declared.member("file", ifPresent: declaration.file, &output)
            declared.member("line", ifPresent: declaration.line, &output)
            declared.close(&output)
        }
        fields.member("file", source.file, &output)
        fields.member("format", ifPresent: source.format, &output)
        fields.member("line", ifPresent: source.line, &output)
        fields.member("pointer", ifPresent: source.pointer, &output)
        fields.close(&output)
    }

    /// The indentation unit of the pretty document (passed to `JSONWriter` for nested values).
    private static let indentBytes: [UInt8] = Array("  ".utf8)

    /// A non-empty object being written: `key` opens each member (the caller writes its value,
    /// keys given in sorted order), `close` ends the object.
    private struct PrettyObject {
        let level: Int
        private var first = true

        init(level: Int) { self.level = level }

        mutating func key(_ key: StaticString, _ output: inout some ByteSink) {
            output.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            FindingJSON.newline(&output, level: level + 1)
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: ByteView(key))
            output.append("\": ")
        }

        /// A string member.
        @inline(__always) mutating func member(_ key: StaticString, _ text: String, _ output: inout some ByteSink) {
            self.key(key, &output)
            JSONWriter.writeString(text, into: &output)
        }

        /// A string member when there is a value; an absent one is left out.
        @inline(__always) mutating func member(_ key: StaticString, ifPresent text: String?, _ output: inout some ByteSink) {
            guard let text else { return }
            member(key, text, &output)
        }

        /// A line-number member when the line is known; an unknown one is left out.
        @inline(__always) mutating func member(_ key: StaticString, ifPresent line: Int?, _ output: inout some ByteSink) {
            guard let line else { return }
            self.key(key, &output)
            var digits = JSONWriter.format(Double(line))
            digits.withByteView { output.append(contentsOf: $0) }
        }

        func close(_ output: inout some ByteSink) {
            FindingJSON.newline(&output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A non-empty array being written: `element` opens each element, `close` ends the array.
    private struct PrettyArray {
        let level: Int
        private var first = true

        init(level: Int) { self.level = level }

        mutating func element(_ output: inout some ByteSink) {
            output.append(first ? UInt8(ascii: "[") : UInt8(ascii: ","))
            first = false
            FindingJSON.newline(&output, level: level + 1)
        }

        func close(_ output: inout some ByteSink) {
            FindingJSON.newline(&output, level: level)
            output.append(UInt8(ascii: "]"))
        }
    }

    /// A newline and two spaces per level: one copy of a constant's prefix (appending a
    /// `repeatElement` went byte by byte, a tenth of the JSON report's time).
    private static func newline(_ output: inout some ByteSink, level: Int) {
        let indentation = ByteView("\n                                ")
        let count = 1 + 2 * level
        if count <= indentation.count {
            output.append(contentsOf: indentation.extracting(0..<count))
        } else {
            output.append(UInt8(ascii: "\n"))
            for _ in 0..<level { output.append("  ") }
        }
    }
}
