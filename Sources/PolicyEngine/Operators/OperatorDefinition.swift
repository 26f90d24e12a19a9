/// What one operator of the policy language is, in one file per operator (as SwiftLint keeps
/// one rule per file): its one-line summary and worked examples (documentation and tests at
/// once: `assay explain`, docs/policy-language.md and the parameterized example test read them)
/// and, for the operators that have one, the fast check an `EvaluationPlan` runs. `Operator.definition`
/// is the registry: an exhaustive switch, so a new operator does not compile until it has one.
protocol OperatorDefinition {
    /// One-line description for `assay explain` and the docs.
    static var summary: String { get }
    /// Worked examples, at least one passing and one failing: a document, a condition, and the
    /// outcome as of `OperatorReference.examplesAsOf`.
    static var examples: [OperatorExample] { get }
    /// The fastest plan check that agrees with `ConditionEvaluator.apply` on `check` (same
    /// status on every value), or nil when the general `PlanCheck` must run it.
    static func planCheck(for check: Check) -> PlanCheck?
}

extension OperatorDefinition {
    /// No fast path: the general `PlanCheck` applies the operator through `ConditionEvaluator`.
    static func planCheck(for check: Check) -> PlanCheck? { nil }
}
