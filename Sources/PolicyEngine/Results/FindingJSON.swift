/// The pretty JSON of one finding written straight from the `Finding`, byte for byte what
/// `JSONWriter.write(RunResultCodec.encode(finding), indent: "  ", level:)` writes: members in
/// sorted key order, the same escapes, numbers and indentation. A large run writes a million
/// findings; building a `Value` tree for each and walking it again cost most of the JSON
/// report's time. `FindingJSONTests` holds the two paths equal.
///
/// Written without closures: a closure that reads the borrowed finding would copy it.
enum FindingJSON {
    /// Appends the finding object standing at nesting `level` (its members one deeper).
    static func write(_ finding: borrowing Finding, into output: inout [UInt8], level: Int) {
        var object = PrettyObject(level: level)
        object.member("enforcement", finding.enforcement.rawValue, &output)
        let evidence = finding.evidence
        if !evidence.isEmpty {
            object.key("evidence", &output)
            var array = PrettyArray(level: level + 1)
            for item in evidence {
                array.element(&output)
                write(item, into: &output, level: level + 2)
            }
            array.close(&output)
        }
        object.key("fingerprint", &output)
        finding.appendFingerprintJSON(to: &output)
        object.member("message", finding.message, &output)
        object.member("policy", finding.policy, &output)
        object.member("resource", finding.resource, &output)
        object.member("resource_type", finding.resourceType, &output)
        object.member("severity", finding.severity.rawValue, &output)
        object.key("source", &output)
        if let source = finding.source { write(source, into: &output, level: level + 1) } else { append("null", to: &output) }
        if !finding.mergedSources.isEmpty {
            object.key("sources", &output)
            var array = PrettyArray(level: level + 1)
            for source in finding.sources {
                array.element(&output)
                write(source, into: &output, level: level + 2)
            }
            array.close(&output)
        }
        object.member("status", finding.status.rawValue, &output)
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

    /// An evidence item (as in `RunResultCodec.encode(_: Finding)`).
    private static func write(_ item: Evidence, into output: inout [UInt8], level: Int) {
        var fields = PrettyObject(level: level)
        fields.key("actual", &output)
        JSONWriter.write(item.actual ?? .null, into: &output, indentBytes: indentBytes, level: level + 1)
        fields.member("expected", item.expected, &output)
        fields.key("missing", &output)
        append(item.actual == nil ? "true" : "false", to: &output)
        fields.member("note", ifPresent: item.note, &output)
        fields.member("path", item.path, &output)
        fields.member("status", item.status.rawValue, &output)
        fields.close(&output)
    }

    /// A source reference object (as `RunResultCodec.encode(_: SourceReference)`).
    private static func write(_ source: SourceReference, into output: inout [UInt8], level: Int) {
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

        mutating func key(_ key: StaticString, _ output: inout [UInt8]) {
            output.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            FindingJSON.newline(&output, level: level + 1)
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: ByteView(key))
            FindingJSON.append("\": ", to: &output)
        }

        /// A string member.
        @inline(__always) mutating func member(_ key: StaticString, _ text: String, _ output: inout [UInt8]) {
            self.key(key, &output)
            JSONWriter.writeString(text, into: &output)
        }

        /// A string member when there is a value; an absent one is left out.
        @inline(__always) mutating func member(_ key: StaticString, ifPresent text: String?, _ output: inout [UInt8]) {
            guard let text else { return }
            member(key, text, &output)
        }

        /// A line-number member when the line is known; an unknown one is left out.
        @inline(__always) mutating func member(_ key: StaticString, ifPresent line: Int?, _ output: inout [UInt8]) {
            guard let line else { return }
            self.key(key, &output)
            output.append(contentsOf: JSONWriter.format(Double(line)).utf8)
        }

        func close(_ output: inout [UInt8]) {
            FindingJSON.newline(&output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A non-empty array being written: `element` opens each element, `close` ends the array.
    private struct PrettyArray {
        let level: Int
        private var first = true

        init(level: Int) { self.level = level }

        mutating func element(_ output: inout [UInt8]) {
            output.append(first ? UInt8(ascii: "[") : UInt8(ascii: ","))
            first = false
            FindingJSON.newline(&output, level: level + 1)
        }

        func close(_ output: inout [UInt8]) {
            FindingJSON.newline(&output, level: level)
            output.append(UInt8(ascii: "]"))
        }
    }

    /// A newline and two spaces per level: one copy of a constant's prefix (appending a
    /// `repeatElement` went byte by byte, a tenth of the JSON report's time).
    private static func newline(_ output: inout [UInt8], level: Int) {
        let indentation = ByteView("\n                                ")
        let count = 1 + 2 * level
        if count <= indentation.count {
            output.append(contentsOf: indentation.extracting(0..<count))
        } else {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
    }

    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: ByteView(literal))
    }
}
