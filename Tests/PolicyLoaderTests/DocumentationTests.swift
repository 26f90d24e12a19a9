import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// Keeps docs/policy-language.md true: its examples run, its policies load, and its operator
/// reference matches the operator definitions. `ASSAY_RECORD=1 swift test --filter Documentation`
/// rewrites the generated section (and fails, so a recording run is never mistaken for a pass).
@Suite("docs/policy-language.md")
struct DocumentationTests {
    static let path = Fixtures.path("docs/policy-language.md")
    static let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""

    /// Fenced blocks whose info string is `yaml <kind>`, with their starting line.
    static func blocks(_ kind: String) -> [(line: Int, body: String)] {
        var result: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```yaml \(kind)" {
                current = []
                start = index + 2
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                result.append((start, current?.joined(separator: "\n") ?? ""))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    @Test("the page has examples and policies to check")
    func hasContent() {
        #expect(Self.blocks("example").count >= 20)
        #expect(Self.blocks("policy").count >= 3)
    }

    @Test("every example evaluates to its expected verdict", arguments: blocks("example").map { "\($0.line)" })
    func example(line: String) throws {
        let block = try #require(Self.blocks("example").first { "\($0.line)" == line })
        let root = try #require(try YAMLNode.documents(text: block.body, file: "policy-language.md:\(line)").first)
        let entries = try root.mapping("example")
        func entry(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
        let document = try #require(entry("document")).value()
        let condition = try ConditionParser.condition(try #require(entry("condition")))
        var params: [String: Value] = [:]
        for item in try entry("params")?.mapping("params") ?? [] { params[item.key] = try item.value.value() }
        var others: [Resource] = []
        for item in try entry("others")?.sequence("others") ?? [] {
            let value = try item.value()
            others.append(Resource(id: value["id"]?.keyText ?? "", type: value["type"]?.stringValue ?? "", document: value,
                                   source: SourceReference(file: "doc")))
        }
        let expectNode = try #require(entry("expect"))
        let expected = try #require(Verdict(rawValue: try expectNode.string()))
        let policy = Policy(id: "doc", title: "doc", severity: .low, enforcement: .soft, scope: PolicyScope(), requirement: condition,
                            params: params, location: SourceLocation(file: "doc", line: 1, column: 1))
        let compiled = try PolicyCompiler.compile(policy)
        var corpus = ResourceCorpus(resources: others)
        corpus.buildJoinIndexes(for: compiled.joins)
        let evaluator = ConditionEvaluator(corpus: corpus, context: EvaluationContext(asOf: Language.asOf, regions: Language.regions))
        let outcome = evaluator.evaluate(compiled.requirement, on: document)
        #expect(outcome.status == expected, "example at line \(line): \(outcome.status) \(outcome.reason ?? "")")
    }

    @Test("every policy block loads and compiles", arguments: blocks("policy").map { "\($0.line)" })
    func policy(line: String) throws {
        let block = try #require(Self.blocks("policy").first { "\($0.line)" == line })
        _ = try PolicyCompiler.compile(try ConditionText.policy(block.body, file: "policy-language.md:\(line)"))
    }

    @Test("the operator reference is generated from the operator definitions")
    func operatorReference() throws {
        let begin = "<!-- BEGIN GENERATED: operators -->\n"
        let end = "<!-- END GENERATED: operators -->"
        let text = Self.text
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let generated = OperatorReference.markdown + "\n"
        if ProcessInfo.processInfo.environment["ASSAY_RECORD"] == "1" {
            let updated = String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])
            try updated.write(toFile: Self.path, atomically: true, encoding: .utf8)
            Issue.record("recorded the operator reference into docs/policy-language.md; run again without ASSAY_RECORD")
            return
        }
        #expect(current == generated, "docs/policy-language.md is out of date: run ASSAY_RECORD=1 swift test --filter DocumentationTests")
    }
}
