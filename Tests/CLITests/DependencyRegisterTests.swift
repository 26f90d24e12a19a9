import Foundation
import Testing
import TestSupport

/// Issue 14: `depends_on` in a CSV register (a `depends_on[]` column split on `;`), a malformed entry
/// named with file and line, and an operational document without its application.
@Suite("dependency and operational registers", .serialized)
struct DependencyRegisterTests {
    static let config = """
        version: 1
        policies: [builtin/resilience, builtin/operations]
        inputs:
          - { path: apps.csv, type: application, id_field: name }
          - { path: ops.yaml }
        downtime: { trials: 2000 }
        as_of: 2026-11-27
        outputs: { json: results.json }

        """

    static let documents = """
        version: 1
        documents:
          - { id: shop/runbook, type: ops.runbook, application: shop, version: "1", last_review_date: 2026-10-01, last_test_date: 2026-10-01 }

        """

    static func run(csv: String, documents: String = documents) throws -> (status: Int32, stderr: String, results: [String: Any]?) {
        let folder = Fixtures.temporaryFolder("dependency-register")
        Fixtures.write(csv, to: "apps.csv", in: folder)
        Fixtures.write(documents, to: "ops.yaml", in: folder)
        Fixtures.write(Self.config, to: "assay.yaml", in: folder)
        let output = try AssayProcess.run(["evaluate", "--config", "assay.yaml"], in: folder)
        let json = folder.appendingPathComponent("results.json")
        let results = (try? Data(contentsOf: json)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return (output.status, output.stderr, results)
    }

    static func status(_ results: [String: Any]?, policy: String, resource: String) -> String? {
        (results?["findings"] as? [[String: Any]] ?? []).first { $0["policy"] as? String == policy && $0["resource"] as? String == resource }?["status"] as? String
    }

    @Test("a CSV register's depends_on[] column: ids, id:kind, an inversion and a cycle")
    func csvDependencies() throws {
        let run = try Self.run(csv: """
            name,status,tier,dr.strategy,depends_on[]
            shop,active,tier0,warm_standby,ledger;search:soft
            ledger,active,tier2,backup_restore,shop
            search,active,tier3,backup_restore,

            """)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.status(run.results, policy: "resilience.dependencies.tier_inversion", resource: "shop") == "fail")
        #expect(Self.status(run.results, policy: "resilience.dependencies.cycle", resource: "shop") == "fail")
        #expect(Self.status(run.results, policy: "resilience.dependencies.cycle", resource: "search") == "pass")
        #expect(Self.status(run.results, policy: "resilience.dependencies.known", resource: "shop") == "pass")
    }

    @Test("a malformed dependency is an input error with the register's file and line")
    func malformedDependency() throws {
        let run = try Self.run(csv: """
            name,status,tier,dr.strategy,depends_on[]
            shop,active,tier0,warm_standby,ledger
            ledger,active,tier2,backup_restore,shop:weak

            """)
        #expect(run.status == 2)
        #expect(run.stderr.contains("apps.csv:3"), "\(run.stderr)")
        #expect(run.stderr.contains("application 'ledger'"), "\(run.stderr)")
        #expect(run.stderr.contains("depends_on[0] kind': expected hard or soft, got 'weak'"), "\(run.stderr)")
    }

    @Test("an operational document without its application is an input error with its file and line")
    func documentWithoutApplication() throws {
        let run = try Self.run(csv: """
            name,status,tier,dr.strategy
            shop,active,tier0,warm_standby

            """, documents: """
            version: 1
            documents:
              - { id: orphan, type: ops.runbook, version: "1" }

            """)
        #expect(run.status == 2)
        #expect(run.stderr.contains("ops.yaml:3"), "\(run.stderr)")
        #expect(run.stderr.contains("ops.runbook record: field 'application': is required"), "\(run.stderr)")
    }
}
