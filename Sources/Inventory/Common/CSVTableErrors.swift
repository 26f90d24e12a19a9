import PolicyEngine
public import TabularText

extension CSVTable {
    /// Reads a register-sized CSV file from `bytes` (`TabularText`'s scanner), with every
    /// problem an `InventoryError` at its line and column of `file`: a byte that is not UTF-8 (cells
    /// become ids, names and tag keys: never a silent U+FFFD), broken quoting, a row whose field
    /// count differs from the header's.
    public init(bytes: [UInt8], file: String) throws(InventoryError) {
        func sourceLine(_ number: Int) -> String? {
            bytes.withByteView { InventoryInput.line(number, in: $0) }
        }
        if let failure = UTF8Validation.check(bytes) {
            throw .malformedCSV(file: file, line: failure.line, column: failure.column, reason: failure.message, sourceLine: sourceLine(failure.line))
        }
        do {
            try self.init(bytes: bytes)
        } catch {
            switch error {
            case .syntax(let syntax):
                let reason: String
                switch syntax.kind {
                case .unterminatedQuote: reason = "unterminated quoted field"
                case .quoteInUnquotedField: reason = "a quote inside an unquoted field (quote the whole field and double inner quotes)"
                case .textAfterClosingQuote: reason = "text after a closing quote (expected ',' or end of line)"
                }
                throw .malformedCSV(file: file, line: syntax.line, column: syntax.column, reason: reason, sourceLine: sourceLine(syntax.line))
            case .raggedRow(let line, let expected, let found):
                throw .malformedCSV(file: file, line: line, column: 1, reason: "expected \(expected) columns (as in the header), found \(found)",
                                    sourceLine: sourceLine(line))
            case .noHeader:
                throw .malformedCSV(file: file, line: 1, column: 1, reason: "no header row", sourceLine: nil)
            }
        }
    }
}
