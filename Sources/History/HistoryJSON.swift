public import PolicyEngine

/// The machine-readable documents of `assay history … --json FILE` (schemas in docs/history.md).
/// Money is written as exact decimal strings, keys are sorted by `JSONWriter`.
public enum HistoryJSON {
    /// `assay history list`: every run, oldest first.
    public static func list(_ runs: [RunRecord], database: String) -> Value {
        ["schema": "assay-history-list", "database": .string(database), "runs": .array(runs.map(run))]
    }

    /// `assay history show RUN`.
    public static func show(_ details: RunDetails, database: String) -> Value {
        var document = Fields()
        document["schema"] = "assay-history-run"
        document["database"] = .string(database)
        document["run"] = run(details.run)
        document["inputs"] = .array(details.inputs.map { input in
            ["path": .string(input.path), "format": .string(input.format), "sha256": .string(input.sha256),
             "documents": .number(Double(input.documents))]
        })
        document["policies"] = .array(details.policies.map { policy in
            ["id": .string(policy.id), "title": .string(policy.title), "severity": .string(policy.severity),
             "enforcement": .string(policy.enforcement), "counts": counts(policy.counts)]
        })
        document["findings"] = .array(details.findings.map(finding))
        document["waivers"] = .array(details.waivers.map { waiver in
            ["id": .string(waiver.id), "policy": .string(waiver.policy), "owner": .string(waiver.owner), "expires": .string(waiver.expires),
             "state": .string(waiver.state), "matched": .number(Double(waiver.matched))]
        })
        document["costs"] = .array(details.costs.map { cost in
            ["kind": .string(cost.kind), "key": .string(cost.key), "period": .string(cost.period), "currency": .string(cost.currency),
             "amount": .decimal(cost.amount), "previous_amount": cost.previousAmount.map(Value.decimal) ?? .null]
        })
        document["downtime"] = .array(details.downtime.map { application in
            ["application": .string(application.application), "tier": .string(application.tier),
             "current_strategy": .string(application.currentStrategy), "expected_annual_loss": .string(application.expectedAnnualLoss),
             "p95": .string(application.p95), "p99": .string(application.p99),
             "recommended_strategy": application.recommendedStrategy.map(Value.string) ?? .null,
             "verdict": application.verdict.map(Value.string) ?? .null,
             "net_annual_benefit": application.netAnnualBenefit.map(Value.string) ?? .null]
        })
        return .object(document)
    }

    /// `assay history diff A B`.
    public static func diff(_ diff: RunDiff, database: String) -> Value {
        var document = Fields()
        document["schema"] = "assay-history-diff"
        document["database"] = .string(database)
        document["from"] = run(diff.from)
        document["to"] = run(diff.to)
        document["summary"] = ["new": .number(Double(diff.new.count)), "fixed": .number(Double(diff.fixed.count)),
                               "persisting": .number(Double(diff.persisting.count))]
        document["new"] = .array(diff.new.map(finding))
        document["fixed"] = .array(diff.fixed.map(finding))
        document["persisting"] = .array(diff.persisting.map(finding))
        document["cost_movers"] = .array(diff.costMovers.map { movement in
            var fields = Fields()
            fields["kind"] = .string(movement.kind)
            fields["key"] = .string(movement.key)
            fields["currency"] = .string(movement.currency)
            fields["from_period"] = movement.fromPeriod.map(Value.string) ?? .null
            fields["from_amount"] = movement.fromAmount.map(Value.decimal) ?? .null
            fields["to_period"] = movement.toPeriod.map(Value.string) ?? .null
            fields["to_amount"] = movement.toAmount.map(Value.decimal) ?? .null
            fields["change"] = movement.change.map(Value.decimal) ?? .null
            fields["change_pct"] = movement.changePercent.map { .number(($0 * 100).rounded() / 100) } ?? .null
            return .object(fields)
        })
        return .object(document)
    }

    /// `assay history verify`.
    public static func verification(_ report: ChainReport, database: String) -> Value {
        ["schema": "assay-history-verify", "database": .string(database), "runs": .number(Double(report.runs)),
         "head": report.head.map(Value.string) ?? .null, "intact": .bool(report.isIntact),
         "problems": .array(report.problems.map { problem in
             ["kind": .string(problem.kind.rawValue), "run": problem.run.map(Value.string) ?? .null, "message": .string(problem.message)]
         })]
    }

    // MARK: - Parts

    /// One run's metadata and place in the chain.
    public static func run(_ run: RunRecord) -> Value {
        var fields = Fields()
        fields["id"] = .string(run.id)
        fields["as_of"] = .string(run.asOf.description)
        fields["tool_version"] = .string(run.toolVersion)
        fields["config_file"] = run.configFile.map(Value.string) ?? .null
        fields["config_sha256"] = run.configSHA256.map(Value.string) ?? .null
        fields["labels"] = .object(Fields(run.labels.map { ($0.key, Value.string($0.value)) }))
        fields["fail_on"] = .string(run.failOn.rawValue)
        fields["policy_set_digest"] = .string(run.policySetDigest)
        fields["counts"] = counts(run.counts)
        fields["blocking"] = .number(Double(run.blocking))
        fields["compliance_score"] = .number(run.complianceScore)
        fields["monthly_cost"] = .object(Fields(run.monthlyCost.map { ($0.key, Value.decimal($0.value)) }))
        fields["baseline"] = run.baseline.flatMap { try? JSONParser.parse($0) } ?? .null
        fields["results_sha256"] = .string(run.resultsSHA256)
        fields["previous_record_sha256"] = .string(run.previousRecordSHA256)
        fields["record_sha256"] = .string(run.recordSHA256)
        return .object(fields)
    }

    /// A finding as the results JSON writes it (fingerprint included).
    static func finding(_ stored: StoredFinding) -> Value { RunResultCodec.encode(stored.finding) }

    static func counts(_ counts: VerdictCounts) -> Value { RunResultCodec.encode(counts) }
}
