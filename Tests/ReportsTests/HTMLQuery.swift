import CLibXML2

/// An HTML document parsed with libxml2's HTML parser, queried with XPath: the report's structure
/// is checked on the parsed tree, not by matching strings.
final class HTMLQuery {
    private let document: htmlDocPtr

    /// Parses `bytes` (UTF-8); nil when libxml2 cannot build a tree at all.
    init?(_ bytes: [UInt8]) {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), "report.html", "UTF-8", options) }
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The text content of every node the expression selects (elements, attributes or text).
    func strings(_ expression: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
            guard let node = nodes.pointee.nodeTab[index], let buffer = xmlBufferCreate() else { return nil }
            defer { xmlBufferFree(buffer) }
            guard xmlNodeBufGetContent(buffer, node) == 0, let content = xmlBufferContent(buffer) else { return nil }
            return String(cString: content)
        }
    }

    /// The number of nodes the expression selects.
    func count(_ expression: String) -> Int {
        guard let context = xmlXPathNewContext(document) else { return 0 }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(expression, context) else { return 0 }
        defer { xmlXPathFreeObject(result) }
        return Int(result.pointee.nodesetval?.pointee.nodeNr ?? 0)
    }

    /// The text of the one node selected, whitespace collapsed; nil unless exactly one matches.
    func text(_ expression: String) -> String? {
        let found = strings(expression)
        guard found.count == 1, let only = found.first else { return nil }
        return only.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
