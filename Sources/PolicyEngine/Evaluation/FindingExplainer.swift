/// One policy's evaluation in one run: what the runner reads per document (kept in separate
/// fields so that nothing is copied per document), and the renderer of the message and
/// evidence of its failing findings on demand, shared by all its deferred findings (see
/// `Finding`). Immutable, so findings may be rendered on any thread; rendering repeats exactly
/// what evaluation saw.
final class FindingExplainer: Sendable {
    /// The policy.
    let compiled: CompiledPolicy
    /// Its evaluation plan.
    let plan: EvaluationPlan
    /// Its scope filter and requirement, for the reasons of errors and unknowns.
    let filter: Condition?
    let requirement: Condition
    /// Its id, severity and enforcement, copied into each finding (the id interned: every
    /// finding holds it, and the findings are made on all cores at once).
    let policyID: String
    let severity: Severity
    let enforcement: Enforcement
    /// The evaluator of the run (documents, join indexes, as-of date, regions).
    let evaluator: ConditionEvaluator
    /// The documents the policy was evaluated on (the corpus, or its cost documents).
    let documents: [Resource]

    init(compiled: CompiledPolicy, evaluator: ConditionEvaluator, documents: [Resource]) {
        self.compiled = compiled
        plan = compiled.plan
        filter = compiled.filter
        requirement = compiled.requirement
        policyID = InternedText.of(compiled.policy.id)
        severity = compiled.policy.severity
        enforcement = compiled.policy.enforcement
        self.evaluator = evaluator
        self.documents = documents
    }

    /// Evidence of the failing requirement on the document at `position`.
    func evidence(at position: Int) -> [Evidence] {
        evaluator.explain(requirement, on: document(at: position), limit: PolicyRunner.evidenceLimit)
    }

    /// The message of the failing finding on the document at `position`.
    func message(at position: Int) -> String { text(at: position).message }

    /// Message and evidence, rendered together.
    func text(at position: Int) -> (message: String, evidence: [Evidence]) { text(on: document(at: position)) }

    /// Message and evidence of the failing finding on `document`, rendered together.
    func text(on document: Value) -> (message: String, evidence: [Evidence]) {
        let evidence = evaluator.explain(requirement, on: document, limit: PolicyRunner.evidenceLimit)
        let message = PolicyRunner.message(for: compiled, document: document, status: .fail, outcome: .fail, evidence: evidence,
                                           asOf: evaluator.context.asOf, inScopeFilter: false)
        return (message, evidence)
    }

    /// Message and evidence rendered, as a finding keeps them once rendered.
    func writtenText(at position: Int) -> FindingText { writtenText(on: document(at: position)) }

    /// Message and evidence of the failing finding on `document`, as a finding keeps them.
    func writtenText(on document: Value) -> FindingText {
        let (message, evidence) = text(on: document)
        return .written(message: message, evidence: evidence)
    }

    /// The document at `position`, unpacked, read in place: `documents[position]` copied the
    /// whole resource (a reference count per member) to hand over its document.
    private func document(at position: Int) -> Value {
        documents.withElementView { $0[position].document }
    }
}
