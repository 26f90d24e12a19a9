import Foundation
import Testing
import TestSupport

/// `assay downtime`: the model's settings from the config and flags, the figures `--detail` prints,
/// and register errors with their location.
@Suite("assay downtime", .serialized)
struct DowntimeCLITests {
    /// A one-application register and a config reading it, with `downtime` settings `settings`.
    static func folder(candidates: String = "", settings: String = "") throws -> URL {
        let folder = Fixtures.temporaryFolder("cli-downtime")
        let register = """
            version: 1
            applications:
              - name: billing
                tier: tier1
                revenue_per_hour: 30000
                production_annual_spend: 200000
                dr:
                  strategy: warm_standby
                  last_test_date: 2026-09-01
                  candidates:
                    backup_restore: {annual_run_cost: 24000, test_cadence_days: 365}
                    warm_standby: {annual_run_cost: 60000, test_cadence_days: 90}
            \(candidates)
            """
        try register.write(to: folder.appendingPathComponent("apps.yaml"), atomically: true, encoding: .utf8)
        let config = """
            version: 1
            policies: []
            inputs:
              - path: apps.yaml
                type: application
                id_field: name
            as_of: 2026-11-27
            downtime:
              trials: 2000
            \(settings)
            """
        try config.write(to: folder.appendingPathComponent("assay.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("--tf-root and terraform_root are honoured as by evaluate (one way to build the ingest)")
    func terraformRoot() throws {
        let folder = try Self.folder()
        // A file is not a Terraform folder: evaluate refuses it, and so does downtime now.
        let flag = try AssayProcess.run(["downtime", "--config", "assay.yaml", "--tf-root", "apps.yaml"], in: folder)
        #expect(flag.status == 2, "\(flag.stderr)")
        #expect(flag.stderr.contains("--tf-root must be the folder"))
        let folderRoot = try AssayProcess.run(["downtime", "--config", "assay.yaml", "--tf-root", "."], in: folder)
        #expect(folderRoot.status == 0, "\(folderRoot.stderr)")
        let configured = try Self.folder(settings: "terraform_root: apps.yaml")
        let fromConfig = try AssayProcess.run(["downtime", "--config", "assay.yaml"], in: configured)
        #expect(fromConfig.status == 2 && fromConfig.stderr.contains("--tf-root must be the folder"), "\(fromConfig.stderr)")
    }

    @Test("--detail prints the analytic cross-check, keeping DR against none and every amount with its currency")
    func detail() throws {
        let folder = try Self.folder(settings: "  currency: EUR\n  risk_appetite_p95: 1000\n  discount_rate: 0.05\n  horizon_years: 5")
        // --verbose: the model's warnings are grouped and counted otherwise.
        let output = try AssayProcess.run(["downtime", "--config", "assay.yaml", "--detail", "--verbose"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(text.contains("Analytic cross-check"))
        #expect(text.contains("Keeping warm_standby against none: it removes EUR "))
        #expect(text.contains("NPV over 5 years at 5 %"))
        #expect(text.contains("every 365 d") && text.contains("every 90 d"))
        #expect(text.contains("outside"))  // every option's P95 exceeds EUR 1,000
        #expect(!text.contains("USD"))
        #expect(output.stderr.contains("outside_risk_appetite") || output.stderr.contains("exceeds the risk appetite"))
        // Flags override the config.
        let flagged = try AssayProcess.run(["downtime", "--config", "assay.yaml", "--detail", "--currency", "GBP"], in: folder)
        #expect(flagged.status == 0 && flagged.stdout.contains("GBP ") && !flagged.stdout.contains("EUR "))
    }

    @Test("invalid downtime settings exit 2 naming the key",
          arguments: [("  currency: usd", "downtime.currency"), ("  risk_appetite_p95: -5", "downtime.risk_appetite_p95"),
                      ("  discount_rate: 0.9", "downtime.discount_rate"), ("  horizon_years: 2.5", "downtime.horizon_years"),
                      ("  cost_ratios: {gold_standby: 0.2}", "downtime.cost_ratios.gold_standby"),
                      ("  cost_ratios: {warm_standby: -1}", "downtime.cost_ratios.warm_standby")])
    func invalidSettings(setting: String, key: String) throws {
        let folder = try Self.folder(settings: setting)
        let output = try AssayProcess.run(["downtime", "--config", "assay.yaml"], in: folder)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains(key), "\(output.stderr)")
    }

    @Test("an invalid candidate key exits 2 with the register's file, line and application")
    func invalidCandidate() throws {
        let folder = try Self.folder(candidates: "        pilot_light: {test_cadence_days: 0}")
        let output = try AssayProcess.run(["downtime", "--config", "assay.yaml"], in: folder)
        #expect(output.status == 2, "\(output.stderr)")
        let pattern = #"apps\.yaml:\d+: error: application 'billing'.*field 'dr\.candidates\.pilot_light\.test_cadence_days'"#
        #expect(output.stderr.range(of: pattern, options: .regularExpression) != nil, "\(output.stderr)")
    }
}
