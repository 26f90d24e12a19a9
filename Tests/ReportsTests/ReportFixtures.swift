import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import Reports

/// The hand-made results the report tests render.
///
/// `Fixtures/rich-results.json` has every section a report shows: six policies (failing, waived,
/// erroring, unknown, all-passing, not in scope; one of category `cost`, one of category `dr`),
/// four waivers (one per state), three inputs, labels with markup in them, and the `cost`,
/// `downtime`, `frameworks`, `history` and `run` sections. Its facts, which the tests assert:
/// - verdicts: 18 evaluated, 8 pass, 6 fail, 2 waived, 1 error, 1 unknown → score 10/18 = 55.6 %;
///   blocking: the 4 failures of the two high/hard policies (the medium ones are below `high`);
/// - soc2 controls: A1.3 fail (dr.test.cadence), CC6.1 pass (encryption.at_rest),
///   CC6.2/CC6.3 fail (access.review.age), CC7.2 in the catalog only → not assessed by Assay
///   (coverage 5 of 6 controls),
///   CC8.1 fail with 2 failing resources (tagging: one fail + one error);
///   iso27001_2022 A.8.24: encryption passes, tagging fails → partial; A.8.15: logging, nothing in
///   scope → not assessed;
/// - DR: payments-api passes and is compliant → ready; checkout-web and catalog-search fail →
///   not ready; legacy-reporting waived, not in the model → waived;
/// - cost: USD months 2026-08..10; four USD movers in 2026-10, the largest change 2,722.08 on
///   account 444455556666; a 2026-09 mover that must not be listed; 2 skipped billing rows.
enum ReportFixtures {
    /// The rich result, decoded from its JSON.
    static func rich() throws -> RunResult {
        try load("Tests/ReportsTests/Fixtures/rich-results.json")
    }

    /// Decodes a results file of the package.
    static func load(_ path: String) throws -> RunResult {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(path)))
        return try RunResultCodec.decode(try JSONParser.parse(Array(data)))
    }

    /// A small result: one policy failing `failing` resources and passing `passing`, no sections.
    static func minimal(policy: String = "storage.encrypted", failing: Int, passing: Int = 0, asOf: String = "2026-11-27",
                        resourcePrefix: String = "arn:aws:s3:::bucket-") -> RunResult {
        var counts = VerdictCounts()
        var findings: [Finding] = []
        for index in 0..<(failing + passing) {
            let status: Verdict = index < failing ? .fail : .pass
            counts.record(status)
            findings.append(Finding(
                policy: policy, resource: resourcePrefix + String(format: "%04d", index), resourceType: "storage.bucket", status: status,
                severity: .high, enforcement: .hard, message: status == .fail ? "bucket \(index) is not encrypted" : "",
                source: SourceReference(file: "inventory.json", pointer: "/items/\(index)"),
                evidence: status == .fail ? [Evidence(path: "encryption.enabled", actual: .bool(false), expected: "equals true", status: .fail)] : []
            ))
        }
        findings.sort(by: Finding.precedes)
        return RunResult(
            toolVersion: "0.1.0", asOf: CivilDate(parsing: asOf) ?? CivilDate(daysSinceEpoch: 0), labels: [:], failOn: .high,
            passing: .list, policySetDigest: "digest", inputs: [InputRecord(path: "inventory.json", format: "json", sha256: "abc", documents: failing + passing)],
            policies: [PolicyReport(metadata: PolicyMetadata(id: policy, title: "Buckets are encrypted", severity: .high, enforcement: .hard, category: "encryption",
                                    frameworks: ["soc2": ["CC6.1"]], description: "", remediation: "Encrypt it."), params: [:],
                                    source: "p.yaml:2:5", counts: counts)],
            findings: findings, waivers: []
        )
    }
}
