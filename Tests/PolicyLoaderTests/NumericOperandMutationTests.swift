import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// Issue 19: every operator with a numeric operand — thresholds, percentages, money amounts,
/// counts, lengths, ages, versions, related counts, and the same through `{ param: … }` — takes
/// each extreme spelling in turn (0, negatives, huge, 1e308, 1e400, NaN and infinity spellings,
/// 400-digit strings, values past Int64). Each must load with a located error, or evaluate to the
/// right pass/fail, or to `error`: never a trap (which would kill this process) and never a pass
/// that the arithmetic does not support. The companion for results documents is
/// `NumericMutationTests` (ReportsTests).
@Suite("numeric operand mutations")
struct NumericOperandMutationTests {
    static let extremes = [
        "0", "-0", "-1", "0.5", "-0.5", "1e-320", "1e19", "-1e19", "1e300", "-1e300", "1e308", "-1e308", "1.7976931348623157e308",
        "1e400", "-1e400", ".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN", "NaN", "nan", "inf", "Infinity", "-Infinity",
        String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 400), "0." + String(repeating: "0", count: 400) + "1",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFFFFF", "-0x8000000000000000", "3652058", "3652059", "2147483648",
    ]

    /// The document every condition is evaluated on (as-of 2026-06-30).
    static let document: Value = .object(Fields([
        ("size", .number(5)),
        ("cost", .object(Fields([("amount", .decimal(FixedDecimal(scaled: 1_250 * (FixedDecimal.scale / 100)))), ("change_pct", .number(12.5))]))),
        ("name", .string("abc")),
        ("tags", .object(Fields([("owner", .string("x")), ("env", .string("prod"))]))),
        ("version", .string("TLSv1.2")),
        ("created", .string("2026-01-01")),  // 180 days before the as-of date, 5 months and 30 days
        ("items", .array([.object(Fields([("size", .number(2))])), .object(Fields([("size", .number(3))])), .object(Fields([("size", .number(0))]))])),
    ]))

    /// A condition with `N` for the operand, and what the arithmetic says for a finite operand
    /// `n` (nil: no reference; then only "no trap, a located load error or a verdict" is checked).
    struct Template: Sendable {
        let text: String
        let reference: @Sendable (Double) -> Bool?
    }

    static func whole(_ n: Double, within limit: Double) -> Double? { n == n.rounded(.down) && abs(n) <= limit ? n : nil }

    static let templates: [Template] = [
        Template(text: "size: { gt: N }") { 5 > $0 },
        Template(text: "size: { gte: N }") { 5 >= $0 },
        Template(text: "size: { lt: N }") { 5 < $0 },
        Template(text: "size: { lte: N }") { 5 <= $0 },
        Template(text: "size: { equals: N }") { 5 == $0 },
        Template(text: "size: { not_equals: N }") { 5 != $0 },
        Template(text: "size: N") { 5 == $0 },
        Template(text: "size: { between: [-1, N] }") { -1 <= 5 && 5 <= $0 },
        Template(text: "size: { between: [N, 100] }") { $0 <= 5 && 5 <= 100 },
        Template(text: "size: { in: [N] }") { 5 == $0 },
        Template(text: "size: { not_in: [N] }") { 5 != $0 },
        Template(text: "size: { gt: { param: limit } }") { 5 > $0 },
        Template(text: "size: { lte: { param: limit, key: name } }") { _ in nil },
        // Money (an exact decimal) against a double operand.
        Template(text: "cost.amount: { lte: N }") { 12.5 <= $0 },
        Template(text: "cost.amount: { gt: N }") { 12.5 > $0 },
        Template(text: "cost.amount: { equals: N }") { 12.5 == $0 },
        Template(text: "cost.change_pct: { gte: N }") { 12.5 >= $0 },
        // Counts and lengths.
        Template(text: "name: { length: { gt: N } }") { 3 > $0 },
        Template(text: "tags: { length: N }") { 2 == $0 },
        Template(text: "count: { path: items, where: { size: { gt: 1 } }, gte: N }") { 2 >= $0 },
        Template(text: "count: { path: items, lt: N }") { 3 < $0 },
        Template(text: "related: { type: other, match: { name: { ref: name } }, min: N }") { n in whole(n, within: 1e14).map { 0 >= $0 } },
        Template(text: "related: { type: other, match: { name: { ref: name } }, min: 0, max: N }") { n in whole(n, within: 1e14).map { 0 <= $0 } },
        // Versions.
        Template(text: "version: { version_gte: N }") { _ in nil },
        Template(text: "version: { version_lt: N }") { _ in nil },
        // Ages.
        Template(text: "created: { older_than_days: N }") { n in whole(n, within: 3_652_058).map { 180 > $0 } },
        Template(text: "created: { within_days: N }") { n in whole(n, within: 3_652_058).map { 180 <= $0 } },
        Template(text: "created: { within_months: N }") { n in whole(n, within: 3_652_058).map { $0 >= 6 } },
        Template(text: "created: { older_than_days: { param: limit } }") { n in whole(n, within: 3_652_058).map { 180 > $0 } },
    ]

    static let others = [Resource(id: "other-1", type: "other", document: .object(Fields([("name", .string("zzz"))])), source: SourceReference(file: "o"))]

    /// Loads and evaluates one condition (`param` is the text of `--param limit=…`), or returns
    /// the load error.
    static func evaluate(_ condition: String, param: String) -> Result<Outcome, LoadError> {
        do {
            let parsed = try ConditionText.parse(condition)
            let paramValue = try ConfigLoader.parseParamFlag("limit=" + param).value
            // `{ param: limit, key: name }` looks the value up by the document's name.
            let limit: Value = condition.contains("key:") ? .object(Fields([("abc", paramValue)])) : paramValue
            let policy = Policy(id: "t", title: "t", severity: .low, enforcement: .soft, scope: PolicyScope(), requirement: parsed,
                                params: ["limit": limit], location: SourceLocation(file: "t", line: 1, column: 1))
            let compiled = try PolicyCompiler.compile(policy)
            var corpus = ResourceCorpus(resources: others)
            corpus.buildJoinIndexes(for: compiled.joins)
            let evaluator = ConditionEvaluator(corpus: corpus, context: EvaluationContext(asOf: CivilDate(year: 2026, month: 6, day: 30)!))
            let outcome = evaluator.evaluate(compiled.requirement, on: document)
            let planned = withUnsafePointer(to: document) { compiled.plan.requirement.status(evaluator, root: $0, current: $0) }
            #expect(planned == outcome.status, "the evaluation plan disagrees for \(condition)")
            return .success(outcome)
        } catch let error as LoadError {
            return .failure(error)
        } catch let error as PolicyCompileError {
            return .failure(LoadError(.invalidValue(message: error.message), at: error.location ?? SourceLocation(file: "?")))
        } catch {
            Issue.record("\(condition): not a load error: \(error)")
            return .failure(LoadError(.invalidValue(message: "\(error)"), at: SourceLocation(file: "?")))
        }
    }

    /// The number YAML reads from `text`, if it reads one.
    static func number(_ text: String) -> Double? {
        if case .number(let number) = YAMLNode.resolvePlain(text) { return number }
        return nil
    }

    @Test("every numeric operand, mutated to an extreme, loads with a located error or gives the right verdict or an error",
          arguments: templates.map(\.text))
    func mutateOperand(template: String) throws {
        guard let reference = Self.templates.first(where: { $0.text == template })?.reference else { return }
        for extreme in Self.extremes {
            let usesParam = template.contains("param")
            let condition = usesParam ? template : template.replacingAll("N", with: extreme)
            switch Self.evaluate(condition, param: usesParam ? extreme : "1") {
            case .failure(let error):
                #expect(error.location.line != nil, "\(condition): load error without a location: \(error)")
            case .success(let outcome):
                let operand = Self.number(extreme)
                // A number that is not finite never gets here as a number: the loader refuses it.
                #expect(!(operand?.isNaN ?? false) && !(operand?.isInfinite ?? false), "\(condition) loaded a non-finite operand")
                if outcome.status == .error || outcome.status == .unknown { continue }
                guard let operand, let expected = reference(operand) else {
                    // Not a number to YAML (`NaN`, `inf`, hex past Int64): a string operand, which
                    // numeric operators must not take as a pass on a number.
                    if operand == nil && !template.contains("not_equals") && !template.contains("not_in") && !template.contains("version") {
                        #expect(outcome.status != .pass, "\(condition) passed with a non-numeric operand")
                    }
                    continue
                }
                #expect(outcome.status == (expected ? .pass : .fail), "\(condition) gave \(outcome.status) \(outcome.reason ?? "")")
            }
        }
    }

    @Test("NaN never compares as equal or ordered, against a number or a decimal")
    func nanIsNotCompared() {
        if case .success = ConditionEvaluator.compareNumbers(.number(.nan), .number(5)) { Issue.record("NaN compared with a number") }
        if case .success = ConditionEvaluator.compareNumbers(.decimal(.zero), .number(.nan)) { Issue.record("NaN compared with a decimal") }
        #expect(!ConditionEvaluator.equal(.number(.nan), .number(.nan)))
    }
}
