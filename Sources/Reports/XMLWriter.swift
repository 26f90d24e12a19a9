import CLibXML2
import PolicyEngine

/// A thin wrapper over libxml2's `xmlTextWriter` writing into a `ReportOutput` (a file as it
/// goes, or memory). All escaping is libxml2's; text is first stripped of the characters XML 1.0
/// cannot carry (C0 controls other than tab, newline and carriage return), which real exports
/// occasionally contain.
final class XMLWriter {
    private let output: ReportOutput
    private let writer: xmlTextWriterPtr

    /// A writer into `output`.
    init(output: ReportOutput) throws(ReportError) {
        // libxml2 hands its output buffer over in blocks; the callback appends them.
        guard let buffer = XMLOutputBuffer.make(appendingTo: output) else {
            throw .xmlWriter(reason: "xmlOutputBufferCreateIO failed")
        }
        // The text writer owns the output buffer from here and closes it when freed.
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw .xmlWriter(reason: "xmlNewTextWriter failed")
        }
        self.output = output
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    private func check(_ result: Int32, _ what: String) throws(ReportError) {
        if result < 0 { throw .xmlWriter(reason: "\(what) failed") }
    }

    func startDocument() throws(ReportError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    func start(_ element: String) throws(ReportError) {
        try check(xmlTextWriterStartElement(writer, element), "start <\(element)>")
    }

    func attribute(_ name: String, _ value: String) throws(ReportError) {
        try check(xmlTextWriterWriteAttribute(writer, name, Self.clean(value)), "attribute \(name)")
    }

    func text(_ value: String) throws(ReportError) {
        try check(xmlTextWriterWriteString(writer, Self.clean(value)), "text")
    }

    func end() throws(ReportError) {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// `<name attr…/>` with attributes.
    func empty(_ element: String, _ attributes: [(String, String)]) throws(ReportError) {
        try start(element)
        for (name, value) in attributes { try attribute(name, value) }
        try end()
    }

    /// `<name>text</name>` (an empty text still writes an open/close pair).
    func element(_ element: String, text value: String) throws(ReportError) {
        try start(element)
        try text(value)
        try check(xmlTextWriterFullEndElement(writer), "end <\(element)>")
    }

    /// Hands everything written so far to the output, so that bytes appended to the output
    /// directly (a fragment rendered elsewhere) follow them.
    func flush() throws(ReportError) {
        try check(xmlTextWriterFlush(writer), "flush")
        if let failure = output.failure { throw .xmlWriter(reason: "output failed: \(failure)") }
    }

    /// Ends the document and hands everything to the output.
    func finish() throws(ReportError) {
        try check(xmlTextWriterEndDocument(writer), "end document")
        try flush()
    }

    /// Removes characters XML 1.0 forbids.
    static func clean(_ text: String) -> String {
        guard mayContainForbidden(text) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { cleaned.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(cleaned)
    }

    /// A byte scan for what `isForbidden` rejects (C0 controls but tab, LF, CR; U+FFFE and
    /// U+FFFF, encoded EF BF BE / EF BF BF): every attribute and text goes through it.
    private static func mayContainForbidden(_ text: String) -> Bool {
        var text = text
        return text.withByteView { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
