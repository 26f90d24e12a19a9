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
/// The corpus is split into blocks of resources in input order, run on all cores; each block
/// evaluates every policy on each of its resources while the resource is in cache (its fields
/// are scattered over the heap: visiting a million documents once per policy, or in id order,
/// spends most of the time waiting for memory). Each block's verdicts go to its own slot; each
/// policy's verdicts are then put in resource-id order through the corpus's id ranks, so the
/// output does not depend on thread count, block size or scheduling. Cost policies, which
/// evaluate the cost documents of their scope, run per policy and block the same way.
public enum PolicyRunner {
    /// Resources per work item by default.
    public static let defaultBlockSize = 4096
    /// Evidence items kept per finding.
    static let evidenceLimit = 10

    /// One in-scope verdict of a block, before it becomes a finding: the document's position
    /// and, for errors and unknowns, where the text rendered when the reason was known is kept
    /// (`BlockVerdicts.texts`). Twelve bytes: a run listing its passes keeps one per verdict,
    /// 3.4 million at a million resources on the benchmark estate.
    struct PendingVerdict {
        let position: UInt32
        let status: Verdict
        /// Index into the block's `texts`, or -1.
        let textIndex: Int32
    }

    /// One block's verdicts of one policy: the counts, the verdicts that become findings, and
    /// the texts of its errors and unknowns.
    struct BlockVerdicts {
        var counts = VerdictCounts()
        var kept: [PendingVerdict] = []
        var texts: [FindingText] = []

        /// Keeps a verdict (and its text, when rendered already).
        mutating func keep(position: Int, status: Verdict, written: FindingText?) {
            var textIndex: Int32 = -1
            if let written {
                textIndex = Int32(texts.count)
                texts.append(written)
            }
            kept.append(PendingVerdict(position: UInt32(position), status: status, textIndex: textIndex))
        }

        /// The rendered text of `verdict`, if any.
        func text(of verdict: PendingVerdict) -> FindingText? { verdict.textIndex < 0 ? nil : texts[Int(verdict.textIndex)] }
    }

    /// Runs every policy. `costDocuments` holds the cost groups built for each cost scope.
    /// `blockSize` only changes how work is split, never the result. `renderText`: every
    /// failing finding's message and evidence are rendered as the finding is made (for runs
    /// whose reports read them all), not left to render when read (see `Finding`); the text is
    /// the same either way.
    public static func run(
        _ policies: [CompiledPolicy], corpus: ResourceCorpus, costDocuments: [CostScope: [Resource]] = [:],
        context: EvaluationContext, keepPasses: Bool, renderText: Bool = false, blockSize: Int = defaultBlockSize
    ) -> [PolicyEvaluation] {
        var indexed = corpus
        indexed.buildJoinIndexes(for: policies.flatMap(\.joins))
        let prepared = indexed
        let evaluator = ConditionEvaluator(corpus: prepared, context: context)
        let costSets: [[Resource]] = policies.map { compiled in compiled.policy.scope.cost.flatMap { costDocuments[$0] } ?? [] }
        // Failing findings render their message and evidence only when read (see `Finding`).
        let explainers = policies.enumerated().map { index, compiled in
            FindingExplainer(compiled: compiled, evaluator: evaluator,
                             documents: compiled.policy.scope.cost == nil ? prepared.resources : costSets[index])
        }
        let step = max(1, blockSize)
        var evaluations = policies.map { PolicyEvaluation(policy: $0, counts: VerdictCounts(), findings: []) }

        // Corpus policies, block by block: per block and policy, counts and verdicts.
        let corpusPolicies = policies.indices.filter { policies[$0].policy.scope.cost == nil }
        let applicable = prepared.policiesByType(corpusPolicies.map { policies[$0].typePatterns })
        let blocks = stride(from: 0, to: prepared.resources.count, by: step).map { $0..<min($0 + step, prepared.resources.count) }
        let corpusExplainers = UnretainedList(corpusPolicies.map { explainers[$0] })
        var perBlock = InPlace.sharing(prepared.resources) { shared -> [[BlockVerdicts]] in
            guard let shared else { return [] }
            return ParallelMap.indexed(count: blocks.count) { blockIndex in
                var results = [BlockVerdicts](repeating: BlockVerdicts(), count: corpusPolicies.count)
                for position in blocks[blockIndex] {
                    let slots = applicable[prepared.typeCode(at: position)]
                    if slots.isEmpty { continue }
                    // The document is unpacked once for all the policies that apply to it.
                    InPlace.with((shared.base + position).pointee.document) { document in
                        for slot in slots {
                            guard let (status, written) = corpusExplainers.withElement(at: slot, {
                                verdict(on: document, explainer: $0, renderText: renderText)
                            }) else { continue }
                            results[slot].counts.record(status)
                            if status != .pass || keepPasses { results[slot].keep(position: position, status: status, written: written) }
                        }
                    }
                }
                return results
            }
        }
        // One policy after another, each built on all cores (`findings(from:)`): a policy per
        // core left one core building the largest policy's findings alone.
        for (slot, index) in corpusPolicies.enumerated() {
            // The policy's verdicts stay in their blocks (one list of them all was a copy of
            // every kept verdict): counted here, made findings in `findings(from:)`, then freed,
            // so that the next policy's findings and texts reuse their memory (kept until the
            // end, 12 bytes a finding were held under every text rendered here).
            let blocksOfPolicy = perBlock.compactMap { $0.isEmpty ? nil : $0[slot] }
            evaluations[index].counts = blocksOfPolicy.reduce(VerdictCounts()) { $0 + $1.counts }
            evaluations[index].findings = findings(from: blocksOfPolicy, explainer: explainers[index], corpus: prepared, renderText: renderText)
            for block in perBlock.indices where !perBlock[block].isEmpty { perBlock[block][slot] = BlockVerdicts() }
        }

        // Cost policies, per policy and block of its cost documents.
        let costItems: [(policy: Int, range: Range<Int>)] = policies.indices.filter { policies[$0].policy.scope.cost != nil }.flatMap { index in
            stride(from: 0, to: costSets[index].count, by: step).map { (index, $0..<min($0 + step, costSets[index].count)) }
        }
        let costResults = ParallelMap.indexed(count: costItems.count) { itemIndex -> (VerdictCounts, [Finding]) in
            let item = costItems[itemIndex]
            let explainer = explainers[item.policy]
            var counts = VerdictCounts()
            var findings: [Finding] = []
            InPlace.sharing(explainer.documents) { shared in
                guard let base = shared?.base else { return }
                for position in item.range {
                    let document = (base + position).pointee.document
                    guard let (status, written) = InPlace.with(document, { verdict(on: $0, explainer: explainer, renderText: renderText) })
                    else { continue }
                    counts.record(status)
                    if status == .pass && !keepPasses { continue }
                    findings.append(finding(base + position, at: position, status: status, written: written, explainer: explainer, renderText: renderText))
                }
            }
            return (counts, findings)
        }
        for (itemIndex, item) in costItems.enumerated() {
            let (counts, findings) = costResults[itemIndex]
            evaluations[item.policy].counts = evaluations[item.policy].counts + counts
            evaluations[item.policy].findings.append(contentsOf: findings)
        }
        // Cost documents are not in the corpus's id order: sort their findings.
        for index in evaluations.indices where policies[index].policy.scope.cost != nil {
            evaluations[index].findings = Self.sorted(evaluations[index].findings)
        }
        return evaluations
    }

    /// The findings of a policy's corpus verdicts (its blocks in input order), in resource-id order.
    static func findings(from blocks: [BlockVerdicts], explainer: FindingExplainer, corpus: ResourceCorpus, renderText: Bool) -> [Finding] {
        // Each resource has at most one verdict per policy, so its id rank is a unique slot;
        // walking the slots gives each verdict (numbered in input order) its place in the output.
        // Each block's first number is kept, so that blocks can be placed on any core.
        var bySlot = [Int32](repeating: -1, count: corpus.resources.count)
        var count: Int32 = 0
        var blockStarts: [Int] = []
        blockStarts.reserveCapacity(blocks.count)
        for block in blocks {
            blockStarts.append(Int(count))
            for verdict in block.kept {
                bySlot[corpus.idRank(of: Int(verdict.position))] = count
                count += 1
            }
        }
        var destination = [Int32](repeating: 0, count: Int(count))
        var next: Int32 = 0
        for index in bySlot where index >= 0 {
            destination[Int(index)] = next
            next += 1
        }
        // Built in input order, each into its place: the resources (and the strings a finding
        // retains) are then read front to back, not at random as the id order would read them;
        // so are the documents a failing finding's text is rendered from, when it is rendered
        // here (a pass over the findings in id order read each document at random).
        // The blocks are shared out to all cores (each block's verdicts are numbered from its
        // own start), so the largest policy is not built on one core while the other waits.
        let starts = blockStarts
        let places = destination
        let plan = ChunkPlan(count: blocks.count, minimumChunk: 2)
        return InPlace.sharing(corpus.resources) { shared in
            InPlace.placing(shared == nil ? 0 : Int(count)) { placed in
                guard let shared else { return }
                ParallelMap.forEach(count: plan.chunks) { chunk in
                    for blockIndex in plan.range(of: chunk) {
                        let block = blocks[blockIndex]
                        let kept = block.kept
                        var index = starts[blockIndex]
                        for (offset, verdict) in kept.enumerated() {
                            // The ids are read scattered (each among its resource's other values).
                            if offset + prefetchDistance < kept.count { shared.prefetchID(at: Int(kept[offset + prefetchDistance].position)) }
                            let position = Int(verdict.position)
                            placed.initialize(
                                at: Int(places[index]),
                                to: finding(shared.base + position, at: position, status: verdict.status, written: block.text(of: verdict),
                                            explainer: explainer, renderText: renderText))
                            index += 1
                        }
                    }
                }
            }
        }
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

    /// Renders the deferred message and evidence of every finding, findings in parallel, so
    /// that writers read each text without rendering it again. Each worker renders its own
    /// range of findings in place (no finding is copied).
    public static func materializeText(of evaluations: inout [PolicyEvaluation]) {
        for index in evaluations.indices where !evaluations[index].findings.isEmpty {
            InPlace.sharing(&evaluations[index].findings) { shared, count in
                guard let shared else { return }
                let chunk = 2048
                ParallelMap.forEach(count: (count + chunk - 1) / chunk) { part in
                    for position in (part * chunk)..<min(count, (part + 1) * chunk) { shared.base[position].materializeText() }
                }
            }
        }
    }

    /// Every policy's findings in one array, in policy order, moved out of the evaluations: each
    /// is taken from its list with `popLast`, without a copy (a copy of a finding is a reference
    /// count per member: flattening a million findings with `flatMap` took half a second on one
    /// core, and the lists stayed beside the flat array). The lists are left empty. Every
    /// `releaseStep` findings, the pages of a list's emptied end go back to the kernel: the list
    /// itself is freed only once empty, and until then its moved findings were held twice (the
    /// largest policy's list, 120 MB at two million resources).
    public static func takeFindings(of evaluations: inout [PolicyEvaluation]) -> [Finding] {
        let total = evaluations.reduce(0) { $0 + $1.findings.count }
        return Array(placing: total) { buffer in
            var position = total
            for index in evaluations.indices.reversed() {
                var moved = 0
                while let finding = evaluations[index].findings.popLast() {
                    position -= 1
                    buffer.initialize(at: position, to: finding)
                    moved += 1
                    if moved % releaseStep == 0 { evaluations[index].findings.releasePagesBeyondCount() }
                }
                evaluations[index].findings = []
            }
        }
    }

    /// How many findings `takeFindings` moves between handing a list's emptied pages back (10 MB).
    static let releaseStep = 65_536

    /// The verdict of the explainer's policy on a resource's `document` (unpacked, read in
    /// place), with the rendered text of an error or unknown, and of a failure when
    /// `renderText` (rendered while the document is unpacked); nil when the scope filter fails.
    static func verdict(on pointer: ValuePointer, explainer: FindingExplainer, renderText: Bool) -> (Verdict, FindingText?)? {
        // The plan decides pass and fail, reading the document in place; an error or unknown is
        // evaluated again for its reason.
        let filterStatus = explainer.plan.filter?.status(explainer.evaluator, root: pointer, current: pointer) ?? .pass
        let requirementStatus = filterStatus == .pass ? explainer.plan.requirement.status(explainer.evaluator, root: pointer, current: pointer) : .pass
        switch (filterStatus, requirementStatus) {
        case (.fail, _): return nil
        case (.pass, .pass): return (.pass, nil)
        case (.pass, .fail): return (.fail, renderText ? explainer.writtenText(on: pointer.pointee) : nil)
        default: break
        }
        // Errors and unknowns carry the reason of this evaluation: evaluated and rendered now (rare).
        let evaluator = explainer.evaluator
        let document = pointer.pointee
        var outcome: Outcome
        var scopeCondition: Condition?
        if filterStatus != .pass, let filter = explainer.filter {
            outcome = evaluator.evaluate(filter, on: document)
            scopeCondition = filter
        } else {
            outcome = evaluator.evaluate(explainer.requirement, on: document)
        }
        let status = outcome.status
        guard status == .error || status == .unknown else { return (status, nil) }
        let evidence = evaluator.explain(scopeCondition ?? explainer.requirement, on: document, limit: evidenceLimit)
        let message = Self.message(for: explainer.compiled, document: document, status: status, outcome: outcome, evidence: evidence,
                                   asOf: evaluator.context.asOf, inScopeFilter: scopeCondition != nil)
        return (status, .written(message: message, evidence: evidence))
    }

    /// The finding of a verdict on `resource`, the document at `position`: a failing one
    /// defers its text to the explainer, or has it rendered now (`renderText`); a passing one
    /// has none.
    static func finding(
        _ resource: ResourcePointer, at position: Int, status: Verdict, written: FindingText?, explainer: FindingExplainer, renderText: Bool
    ) -> Finding {
        let text = written ?? (status == .fail ? failingText(at: position, explainer: explainer, renderText: renderText) : .written(message: "", evidence: []))
        var finding = Finding(
            policy: explainer.policyID, resource: resource.pointee.id, resourceType: resource.pointee.type, status: status,
            severity: explainer.severity, enforcement: explainer.enforcement, text: text, source: resource.pointee.source
        )
        finding.mergedSources = resource.pointee.mergedSources
        return finding
    }

    /// A failing finding's text: rendered now, or left to render when read.
    private static func failingText(at position: Int, explainer: FindingExplainer, renderText: Bool) -> FindingText {
        renderText ? explainer.writtenText(at: position) : .deferred(explainer, position: position)
    }

    /// The message of a finding on `document` (the resource's). The policy is borrowed and only
    /// the members read are touched: a copy of a compiled policy or of a resource costs a
    /// reference count per member, and every failing finding's message is rendered on all cores
    /// at once (a resource handed over borrowed from an array was still copied: only its
    /// document is passed).
    static func message(
        for compiled: borrowing CompiledPolicy, document: Value, status: Verdict, outcome: Outcome, evidence: [Evidence],
        asOf: CivilDate, inScopeFilter: Bool
    ) -> String {
        switch status {
        case .error:
            return "evaluation error\(inScopeFilter ? " in applies_to.where" : ""): \(outcome.reason ?? "unknown reason")"
        case .unknown:
            // The policy's own words, when it says what is not known and why; else the evaluator's reason.
            guard !inScopeFilter, let template = compiled.policy.unknownMessage else {
                return "cannot be decided yet: \(outcome.reason ?? "a value is not known")"
            }
            let context = MessageTemplate.Context(policyID: compiled.policy.id, policyTitle: compiled.policy.title, params: compiled.params, asOf: asOf)
            return "cannot be decided yet: " + template.render(document: document, context: context)
        default:
            break
        }
        if let template = compiled.policy.message {
            let context = MessageTemplate.Context(policyID: compiled.policy.id, policyTitle: compiled.policy.title, params: compiled.params, asOf: asOf)
            return template.render(document: document, context: context)
        }
        let details = evidence.prefix(3).map { item in
            "\(item.path) is \(item.actual.map { "'\($0.displayText)'" } ?? "missing") (expected \(item.expected))"
        }
        let title = compiled.policy.title
        return details.isEmpty ? title : title + ": " + details.joined(separator: "; ")
    }
}
