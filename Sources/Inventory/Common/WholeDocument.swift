import PolicyEngine

/// A small JSON input read whole: UTF-16 and BOMs transcoded, syntax errors located at the
/// file's line and column.
enum WholeDocument {
    /// Parses bytes already read from `file`.
    static func parse(_ bytes: [UInt8], file: String) throws(InventoryError) -> Value {
        do throws(JSONSyntaxError) {
            return try JSONParser.parse(bytes)
        } catch {
            throw JSONArrayStream.diagnose(error, in: bytes, file: file)
        }
    }

    /// Reads and parses the file at `path`.
    static func read(path: String) throws(InventoryError) -> Value {
        try parse(try InventoryInput.readText(path: path), file: path)
    }
}
