import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// `assay report` on results whose numbers are out of every sane range: each numeric field of the rich
/// results (numbers, and strings holding numbers such as money) is replaced in turn by a huge, tiny
/// or signed extreme, and every report is rendered. A trap (Swift's checked conversions) would kill
/// the test process; the test asserts each render finishes with bytes or a typed error. Numeric
/// operands of policies (thresholds, money, counts, ages, …) are mutated the same way by
/// `NumericOperandMutationTests` (PolicyLoaderTests).
@Suite("numeric mutations of a results document")
struct NumericMutationTests {
    static let extremes = ["1e19", "-1e19", "1e300", "-1e300", "1e-10", "9223372036854775808"]

    /// Byte ranges of every number token, and of every string token whose content parses as a number.
    static func numericTokens(_ bytes: [UInt8]) -> [(range: Range<Int>, quoted: Bool)] {
        var tokens: [(Range<Int>, Bool)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                let content = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                // A member name is followed by ':'; only values are mutated.
                var after = end + 1
                while after < bytes.count && bytes[after] == UInt8(ascii: " ") { after += 1 }
                let isKey = after < bytes.count && bytes[after] == UInt8(ascii: ":")
                if !isKey, Double(content) != nil { tokens.append(((index + 1)..<end, true)) }
                index = end + 1
            } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var end = index + 1
                while end < bytes.count, "0123456789.eE+-".utf8.contains(bytes[end]) { end += 1 }
                tokens.append((index..<end, false))
                index = end
            } else {
                index += 1
            }
        }
        return tokens
    }

    @Test("every numeric field of the rich results, mutated to an extreme, renders every report without a trap")
    func everyNumericField() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/ReportsTests/Fixtures/rich-results.json"))))
        let tokens = Self.numericTokens(original)
        #expect(tokens.count > 150, "the fixture should hold many numeric fields, found \(tokens.count)")
        let renderers: [any ReportRenderer] = [JUnitReport(flavour: .portable), JSONReport(), HTMLReport(), MarkdownReport(), CSVReport()]
        var decoded = 0
        var rendered = 0
        var refused = 0
        for token in tokens {
            for extreme in Self.extremes {
                var mutated = Array(original[..<token.range.lowerBound])
                mutated += Array(extreme.utf8)
                mutated += original[token.range.upperBound...]
                guard let document = try? JSONParser.parse(mutated), let result = try? RunResultCodec.decode(document) else { continue }
                decoded += 1
                for renderer in renderers {
                    do throws(ReportError) {
                        _ = try renderer.render(result)
                        rendered += 1
                    } catch {
                        // The sections with a schema refuse a value their type cannot hold (money
                        // beyond FixedDecimal's range, a count that is not whole) with a located
                        // error; nothing else may fail.
                        guard case .malformedSection = error else {
                            Issue.record("\(renderer.format): \(error)")
                            continue
                        }
                        refused += 1
                    }
                }
            }
        }
        // Most mutations still decode (a count that must be whole is refused with a typed error instead).
        #expect(decoded > tokens.count * Self.extremes.count / 2)
        #expect(rendered + refused == decoded * renderers.count)
        // Most still render: the refusals are the section members the extremes do not fit.
        #expect(rendered > decoded * renderers.count * 3 / 4)
    }

    @Test("report numbers beyond Int's range render in exponent form instead of trapping")
    func hugeNumbersRender() {
        #expect(ReportText.change(1e19) == "+1e+19%")
        #expect(ReportText.fixed(-1e300, digits: 1) == "-1e+300")
        #expect(ReportText.number(12_345.678, digits: 2) == "12345.68")
        #expect(ReportText.fixed(9.5e15, digits: 0) == "9500000000000000")
    }
}
