import Foundation
import Testing
import TestSupport

/// Issue 13: the application register declares its currency once; backup copies are judged by the
/// register's class of the data and by the copy destinations the export shows, unknown otherwise.
@Suite("register currency and backup-copy evidence", .serialized)
struct RegisterEvidenceTests {
    static func register(currency: String?, extraRecord: String = "") -> String {
        """
        version: 1
        \(currency.map { "currency: \($0)" } ?? "# no currency")
        applications:
          - name: shop
            status: active
            tier: tier1
            data_classification: restricted
            primary_region: eu-west-1
            dr_region: eu-central-1
            revenue_per_hour: 1000
            production_annual_spend: 100000
            dr: { strategy: backup_restore }
        \(extraRecord)
        """
    }

    static func config(policies: String = "builtin/dr", downtime: String = "", inputs: [String] = []) -> String {
        """
        version: 1
        policies: [\(policies)]
        inputs:
          - { path: apps.yaml, type: application, id_field: name }
        \(inputs.map { "  - \($0)" }.joined(separator: "\n"))
        \(policies == "builtin/dr" ? "params: { dr.test.before_audit: { next_audit_date: 2027-01-08 } }" : "")
        downtime: { trials: 2000\(downtime) }
        as_of: 2026-11-27
        outputs: { json: results.json }

        """
    }

    static func run(register: String, config: String, files: [String: String] = [:]) throws -> (status: Int32, stderr: String, results: [String: Any]?) {
        let folder = Fixtures.temporaryFolder("register-evidence")
        Fixtures.write(register, to: "apps.yaml", in: folder)
        Fixtures.write(config, to: "assay.yaml", in: folder)
        for (name, text) in files { Fixtures.write(text, to: name, in: folder) }
        let output = try AssayProcess.run(["evaluate", "--config", "assay.yaml"], in: folder)
        let json = folder.appendingPathComponent("results.json")
        let results = (try? Data(contentsOf: json)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return (output.status, output.stderr, results)
    }

    static func downtimeCurrency(_ results: [String: Any]?) -> String? {
        ((results?["sections"] as? [String: Any])?["downtime"] as? [String: Any])?["currency"] as? String
    }

    @Test("a register's own currency is the model's currency when the config names none (YAML and JSON registers)")
    func registerCurrencyAdopted() throws {
        let run = try Self.run(register: Self.register(currency: "EUR"), config: Self.config())
        #expect(run.status != 2, "\(run.stderr)")
        #expect(Self.downtimeCurrency(run.results) == "EUR", "\(run.stderr)")
        #expect(!run.stderr.contains("have no currency"))
        let json = """
            {"currency": "CHF", "applications": [{"name": "shop", "status": "active", "tier": "tier1", "revenue_per_hour": 1000,
              "production_annual_spend": 100000, "dr": {"strategy": "backup_restore"}}]}
            """
        let config = Self.config().replacingOccurrences(of: "path: apps.yaml", with: "path: apps.json")
        let fromJSON = try Self.run(register: "", config: config, files: ["apps.json": json])
        #expect(Self.downtimeCurrency(fromJSON.results) == "CHF", "\(fromJSON.stderr)")
    }

    @Test("a register currency other than downtime.currency is an error at the record's file and line")
    func registerCurrencyConflictsWithConfig() throws {
        let run = try Self.run(register: Self.register(currency: "EUR"), config: Self.config(downtime: ", currency: USD"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("apps.yaml:4"), "\(run.stderr)")
        #expect(run.stderr.contains("currency EUR differs from downtime.currency USD"), "\(run.stderr)")
        let same = try Self.run(register: Self.register(currency: "USD"), config: Self.config(downtime: ", currency: USD"))
        #expect(same.status != 2, "\(same.stderr)")
        #expect(Self.downtimeCurrency(same.results) == "USD")
    }

    @Test("a record in another currency than its register is an error at the record; a bad code at the declaration")
    func recordCurrencyConflicts() throws {
        let record = """
              - name: kiosk
                status: active
                currency: GBP
                revenue_per_hour: 10
            """
        let run = try Self.run(register: Self.register(currency: "EUR", extraRecord: record), config: Self.config())
        #expect(run.status == 2)
        #expect(run.stderr.contains("apps.yaml:13"), "\(run.stderr)")
        #expect(run.stderr.contains("currency 'GBP' conflicts with the register's currency EUR"), "\(run.stderr)")
        let bad = try Self.run(register: Self.register(currency: "euro"), config: Self.config())
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("apps.yaml:2"), "\(bad.stderr)")
        #expect(bad.stderr.contains("three-letter ISO 4217 code"), "\(bad.stderr)")
    }

    /// A Terraform plan with three backup plans of `shop` (restricted): copies to Frankfurt, to
    /// Virginia, and to a vault created by the same plan (its ARN known only after apply).
    static let plan = """
        {"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [
          \(backupPlan("to_frankfurt", destination: "\"arn:aws:backup:eu-central-1:111122223333:backup-vault:dr\"", unknown: false)),
          \(backupPlan("to_virginia", destination: "\"arn:aws:backup:us-east-1:111122223333:backup-vault:dr\"", unknown: false)),
          \(backupPlan("to_new_vault", destination: "null", unknown: true))
        ]}
        """

    static func backupPlan(_ name: String, destination: String, unknown: Bool) -> String {
        """
        {"address": "aws_backup_plan.\(name)", "mode": "managed", "type": "aws_backup_plan", "name": "\(name)",
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["create"], "before": null,
           "after": {"name": "\(name)", "region": "eu-west-1", "tags": {"application": "shop", "data-classification": "internal"},
                     "rule": [{"rule_name": "daily", "target_vault_name": "main", "lifecycle": [{"delete_after": 35}],
                               "copy_action": [{"destination_vault_arn": \(destination)}]}]},
           "after_unknown": {"arn": true, "id": true\(unknown ? ", \"rule\": [{\"copy_action\": [{\"destination_vault_arn\": true}]}]" : "")}}}
        """
    }

    @Test("backup copies: the register's class, the destinations' regions; unknown when the plan does not show a destination")
    func backupCopyEvidence() throws {
        let run = try Self.run(register: Self.register(currency: nil), config: Self.config(policies: "builtin/residency", inputs: ["plan.json"]),
                               files: ["plan.json": Self.plan])
        let findings = (run.results?["findings"] as? [[String: Any]] ?? []).filter { $0["policy"] as? String == "residency.backup.copies" }
        func status(_ name: String) -> String? {
            findings.first { ($0["resource"] as? String ?? "").contains(name) }?["status"] as? String
        }
        // The plans are tagged `internal`; the register says the data is restricted (EU only).
        #expect(status("to_frankfurt") == "pass", "\(findings) \(run.stderr)")
        #expect(status("to_virginia") == "fail", "\(findings)")
        #expect(status("to_new_vault") == "unknown", "\(findings)")
        let virginia = findings.first { ($0["resource"] as? String ?? "").contains("to_virginia") }?["message"] as? String ?? ""
        #expect(virginia.contains("backups of shop's data") && virginia.contains("us-east-1"), "\(virginia)")
    }
}
