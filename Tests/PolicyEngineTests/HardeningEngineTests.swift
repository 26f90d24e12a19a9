import Testing
@testable import PolicyEngine

/// Issue 19 at the engine level: regex budgets and date windows past every sane range.
@Suite("engine hardening")
struct HardeningEngineTests {
    static let catastrophic = "^(?:(a+)+$|a*!)"
    static let longText = String(repeating: "a", count: 1000) + "b"

    @Test("a match that exhausts its budget is undecided, never a non-match")
    func perMatchBudget() throws {
        guard case .success(let pattern) = Pattern.regex(Self.catastrophic) else { Issue.record("pattern did not compile"); return }
        let budget = RegexBudget(perMatch: 20, perRun: 1_000)
        guard case .exhausted(let reason) = pattern.match(Self.longText, budget: budget) else {
            Issue.record("expected an exhausted budget")
            return
        }
        #expect(reason.contains("budget of 20 ticks"))
        #expect(pattern.match("aaaa", budget: budget) == .matched)
        #expect(pattern.match("zz", budget: budget) == .notMatched)
    }

    @Test("once the run's budget is spent, later matches are undecided too")
    func perRunBudget() throws {
        guard case .success(let pattern) = Pattern.regex(Self.catastrophic) else { Issue.record("pattern did not compile"); return }
        let budget = RegexBudget(perMatch: 1_000, perRun: 30)
        guard case .exhausted = pattern.match(Self.longText, budget: budget) else { Issue.record("expected the run budget to run out"); return }
        guard case .exhausted(let reason) = pattern.match("aaaa", budget: budget) else { Issue.record("expected a spent run budget"); return }
        #expect(reason.contains("run's regular-expression budget"))
    }

    @Test("an exhausted regex is an error verdict, and stays one under not:")
    func errorUnderNot() {
        let evaluator = ConditionEvaluator(corpus: ResourceCorpus(resources: []),
                                           context: EvaluationContext(asOf: CivilDate(year: 2026, month: 6, day: 30)!,
                                                                      regexBudget: RegexBudget(perMatch: 20, perRun: 10_000)))
        var check = Check(op: .matches, argument: .operand(.literal(.string(Self.catastrophic))), location: Build.here)
        if case .success(let pattern) = Pattern.regex(Self.catastrophic) { check.pattern = pattern }
        let condition = Condition.field(FieldTest(path: try! FieldPath(parsing: "name"), expectation: Expectation(checks: [check]),
                                                  location: Build.here))
        let document = Value.object(Fields([("name", .string(Self.longText))]))
        #expect(evaluator.evaluate(condition, on: document).status == .error)
        #expect(evaluator.evaluate(.not(condition), on: document).status == .error)
    }

    @Test("date-window amounts beyond the representable dates are refused; month arithmetic clamps instead of trapping",
          arguments: [1e19, -1e19, 1e300, -1e300, Double.infinity, .nan, 3_652_059])
    func windowAmounts(amount: Double) {
        #expect(CivilDate.windowAmount(amount) == nil)
    }

    @Test("dates from huge epoch numbers are not dates; adding months at the edges clamps")
    func epochEdges() {
        #expect(CivilDate(value: .number(1e300)) == nil)
        #expect(CivilDate(value: .number(-1e19)) == nil)
        #expect(CivilDate.windowAmount(3_652_058) == 3_652_058)
        let date = CivilDate(year: 2026, month: 6, day: 30)!
        #expect(date.adding(months: -3_652_058) == CivilDate.earliest)
        #expect(date.adding(months: 3_652_058) == CivilDate.latest)
        #expect(date.adding(months: Int.min) == CivilDate.earliest)
        #expect(date.adding(months: -1) == CivilDate(year: 2026, month: 5, day: 30))
        #expect(1e19.intRoundedDown == nil)
        #expect((-2.5).intRoundedDown == -3)
    }
}
