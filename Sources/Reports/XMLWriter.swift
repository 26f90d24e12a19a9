import CLibXML2

/// A thin wrapper over libxml2's `xmlTextWriter` writing to memory. All escaping is libxml2's;
/// text is first stripped of the characters XML 1.0 cannot carry (C0 controls other than tab,
/// newline and carriage return), which real exports occasionally contain.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() throws(ReportError) {
        guard let buffer = xmlBufferCreate() else { throw .xmlWriter(reason: "xmlBufferCreate failed") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .xmlWriter(reason: "xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
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

    func finish() throws(ReportError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "end document")
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        let length = Int(xmlBufferLength(buffer))
        return Array(UnsafeBufferPointer(start: content, count: length))
    }

    /// Removes characters XML 1.0 forbids.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isForbidden($0) }) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { cleaned.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(cleaned)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
