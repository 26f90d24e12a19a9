import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

@Suite("CSV findings")
struct CSVReportTests {
    /// An RFC 4180 reader written for the test (records end in CRLF; quoted fields may hold
    /// commas, quotes doubled, and line breaks).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\r" && characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    @Test("one record per finding, every record as wide as the header, CRLF endings")
    func shape() throws {
        let result = try ReportFixtures.rich()
        let text = String(decoding: try CSVReport().render(result), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let rows = Self.records(text)
        #expect(rows.first == CSVReport.columns)
        #expect(rows.count == result.findings.count + 1)
        #expect(rows.allSatisfy { $0.count == CSVReport.columns.count })
        let statuses = rows.dropFirst().map { $0[5] }
        #expect(statuses.filter { $0 == "fail" }.count == 6)
        #expect(statuses.filter { $0 == "pass" }.count == 8)
    }

    @Test("quotes, commas and line breaks survive; formulas are neutralised")
    func quoting() throws {
        var result = ReportFixtures.minimal(failing: 1)
        result.findings[0].message = "a \"quoted\", multi\r\nline message"
        result.findings[0].resource = "=HYPERLINK(\"http://evil.example\")"
        result.findings[0].evidence = [Evidence(path: "size", actual: .number(-5), expected: "at least 0", status: .fail)]
        let rows = Self.records(String(decoding: try CSVReport().render(result), as: UTF8.self))
        let row = try #require(rows.last)
        #expect(row[8] == "a \"quoted\", multi\r\nline message")
        #expect(row[6] == "'=HYPERLINK(\"http://evil.example\")")
        #expect(row[CSVReport.columns.firstIndex(of: "evidence") ?? -1] == "size is '-5' (expected at least 0)")
        #expect(row[9] == "inventory.json" && row[10] == "/items/0" && row[11] == "")
        #expect(CSVReport.neutralized("-12.5") == "-12.5")
        #expect(CSVReport.neutralized("@SUM(A1)") == "'@SUM(A1)")
    }

    /// More rows than the blocks in flight at once (`BlockRendering`), fields of every kind: the rows come
    /// in the findings' order and each field is `cell(text)`, as one row after another would
    /// write them (a block written out of order, or a fast path that skips a guard, fails).
    @Test("rows rendered in parallel blocks equal rows written one by one")
    func blocksInOrder() throws {
        let count = BlockRendering.itemsPerBlock * (ParallelMap.inOrderWindow + 2) + 1_234
        var result = ReportFixtures.minimal(failing: count / 2, passing: count - count / 2)
        let awkward = ["plain", "a, comma", "say \"hi\"", "=1+1", "-12.5", "-x", "@me", "\tlead", "line\nbreak", "", "ünïcode, too"]
        for index in result.findings.indices {
            result.findings[index].message = awkward[index % awkward.count] + " \(index)"
            if index % 7 == 0 { result.findings[index].resource = awkward[(index / 7) % awkward.count] }
        }
        let rows = Self.records(String(decoding: try CSVReport().render(result), as: UTF8.self))
        #expect(rows.count == count + 1)
        for (index, finding) in result.findings.enumerated() where index % 97 == 0 || index >= count - 3 {
            let row = rows[index + 1]
            #expect(row[6] == CSVReport.neutralized(finding.resource) && row[8] == CSVReport.neutralized(finding.message), "row \(index)")
        }
        var expected: [UInt8] = []
        for finding in result.findings.prefix(50) {
            CSVReport.appendField(finding.message, to: &expected)
            #expect(expected == Array(CSVReport.cell(finding.message).utf8))
            expected.removeAll()
        }
    }
}
