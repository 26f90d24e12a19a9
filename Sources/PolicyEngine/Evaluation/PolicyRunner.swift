import Dispatch
import Synchronization

/// The verdicts of one policy over its scope.
public struct PolicyEvaluation: Sendable {
    /// The policy.
    public let policy: CompiledPolicy
    /// Verdict counts over the resources in scope.
    public var counts: VerdictCounts
    /// Non-passing findings, plus passing ones when requested; sorted by resource.
    public var findings: [Finding]
}

/// Evaluates compiled policies over a corpus, in parallel, with a deterministic merge.
///
/// Work is split into (policy, block of resources) items run on all cores; each item's results go
/// to its own slot and are concatenated in item order, so the output does not depend on thread
/// count or scheduling.
public enum PolicyRunner {
    /// Resources per work item by default.
    public static let defaultBlockSize = 4096

    /// Runs every policy. `costDocuments` holds the cost groups built for each cost scope.
    /// `blockSize` only changes how work is split, never the result.
    public static func run(
        _ policies: [CompiledPolicy], corpus: ResourceCorpus, costDocuments: [CostScope: [Resource]] = [:],
        context: EvaluationContext, keepPasses: Bool, blockSize: Int = defaultBlockSize
    ) -> [PolicyEvaluation] {
        var indexed = corpus
        indexed.buildJoinIndexes(for: policies.flatMap(\.joins))
        let prepared = indexed
        let evaluator = ConditionEvaluator(corpus: prepared, context: context)

        // Candidate documents per policy: positions in the corpus in resource-id order (so the
        // findings come out sorted), or positions in the policy's cost documents.
        let costSets: [[Resource]] = policies.map { compiled in compiled.policy.scope.cost.flatMap { costDocuments[$0] } ?? [] }
        let candidates: [[Int]] = policies.enumerated().map { index, compiled in
            compiled.policy.scope.cost == nil ? prepared.positionsInIDOrder(matching: compiled.typePatterns) : Array(costSets[index].indices)
        }
        let items: [(policy: Int, range: Range<Int>)] = candidates.enumerated().flatMap { policyIndex, documents in
            stride(from: 0, to: documents.count, by: max(1, blockSize)).map { start in
                (policyIndex, start..<min(start + max(1, blockSize), documents.count))
            }
        }
        let slots = ResultSlots<(VerdictCounts, [Finding])>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { itemIndex in
            let item = items[itemIndex]
            let compiled = policies[item.policy]
            let isCost = compiled.policy.scope.cost != nil
            var counts = VerdictCounts()
            var findings: [Finding] = []
            // Resources are passed straight from their arrays (no copy of the struct per resource).
            if isCost {
                for position in candidates[item.policy][item.range] {
                    if let finding = evaluate(compiled, on: costSets[item.policy][position], evaluator: evaluator, keepPasses: keepPasses,
                                              counts: &counts) {
                        findings.append(finding)
                    }
                }
            } else {
                for position in candidates[item.policy][item.range] {
                    if let finding = evaluate(compiled, on: prepared.resources[position], evaluator: evaluator, keepPasses: keepPasses,
                                              counts: &counts) {
                        findings.append(finding)
                    }
                }
            }
            slots.store((counts, findings), at: itemIndex)
        }
        var evaluations = policies.map { PolicyEvaluation(policy: $0, counts: VerdictCounts(), findings: []) }
        var parts = items.indices.map { slots.take(at: $0) }
        var totals = [Int](repeating: 0, count: policies.count)
        for (itemIndex, item) in items.enumerated() { totals[item.policy] += parts[itemIndex]?.1.count ?? 0 }
        for index in evaluations.indices { evaluations[index].findings.reserveCapacity(totals[index]) }
        for (itemIndex, item) in items.enumerated() {
            guard let (counts, findings) = parts[itemIndex] else { continue }
            parts[itemIndex] = nil
            evaluations[item.policy].counts = evaluations[item.policy].counts + counts
            evaluations[item.policy].findings.append(contentsOf: findings)
        }
        // Cost documents are not in the corpus's id order: sort their findings.
        for index in evaluations.indices where policies[index].policy.scope.cost != nil {
            evaluations[index].findings = Self.sorted(evaluations[index].findings)
        }
        return evaluations
    }

    /// Findings in resource order; equal resource ids (the same resource in two inputs) keep
    /// input order. Sorts positions rather than moving the large values.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let keys = findings.map(\.resource)
        var order = Array(findings.indices)
        // `sort` is stable, so one comparison per step suffices: ties stay in input order.
        order.sort { keys[$0] < keys[$1] }
        return order.map { findings[$0] }
    }

    /// Evaluates one policy on one resource; returns the finding unless it passed and passes are
    /// not kept. Counts every in-scope verdict.
    static func evaluate(
        _ compiled: CompiledPolicy, on resource: borrowing Resource, evaluator: ConditionEvaluator, keepPasses: Bool,
        counts: inout VerdictCounts
    ) -> Finding? {
        let policy = compiled.policy
        var outcome = Outcome.pass
        var scopeCondition: Condition?
        if let filter = compiled.filter {
            let selected = evaluator.evaluate(filter, on: resource.document)
            switch selected.status {
            case .pass: break
            case .fail: return nil
            case .error, .unknown:
                outcome = selected
                scopeCondition = filter
            }
        }
        if scopeCondition == nil {
            outcome = evaluator.evaluate(compiled.requirement, on: resource.document)
        }
        let status: FindingStatus
        switch outcome.status {
        case .pass: status = .pass
        case .fail: status = .fail
        case .error: status = .error
        case .unknown: status = .unknown
        }
        counts.record(status)
        if status == .pass && !keepPasses { return nil }
        var evidence: [Evidence] = []
        var message = ""
        if status != .pass {
            evidence = evaluator.explain(scopeCondition ?? compiled.requirement, on: resource.document, limit: 10)
            message = Self.message(for: compiled, resource: resource, status: status, outcome: outcome, evidence: evidence,
                                   asOf: evaluator.context.asOf, inScopeFilter: scopeCondition != nil)
        }
        return Finding(
            policy: policy.id, resource: resource.id, resourceType: resource.type, status: status,
            severity: policy.severity, enforcement: policy.enforcement, message: message, source: resource.source,
            evidence: evidence
        )
    }

    static func message(
        for compiled: CompiledPolicy, resource: Resource, status: FindingStatus, outcome: Outcome, evidence: [Evidence],
        asOf: CivilDate, inScopeFilter: Bool
    ) -> String {
        let policy = compiled.policy
        switch status {
        case .error:
            return "evaluation error\(inScopeFilter ? " in applies_to.where" : ""): \(outcome.reason ?? "unknown reason")"
        case .unknown:
            return "cannot be decided yet: \(outcome.reason ?? "a value is not known")"
        default:
            break
        }
        if let template = policy.message {
            let context = MessageTemplate.Context(policyID: policy.id, policyTitle: policy.title, params: compiled.params, asOf: asOf)
            return template.render(document: resource.document, context: context)
        }
        let details = evidence.prefix(3).map { item in
            "\(item.path) is \(item.actual.map { "'\($0.displayText)'" } ?? "missing") (expected \(item.expected))"
        }
        return details.isEmpty ? policy.title : policy.title + ": " + details.joined(separator: "; ")
    }
}

/// Fixed slots written by parallel workers, each slot by exactly one worker, read after all finish.
final class ResultSlots<Element: Sendable>: Sendable {
    private let storage: Mutex<[Element?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    func store(_ element: Element, at index: Int) {
        storage.withLock { $0[index] = element }
    }

    func take(at index: Int) -> Element? {
        storage.withLock { slots in
            let element = slots[index]
            slots[index] = nil
            return element
        }
    }
}
