import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// The built-in policy library (`policies/`): documented, mapped only to catalogued controls,
/// tested with passing, failing and waived resources, sensitive to its thresholds, and described
/// by docs/policies.md. `ASSAY_RECORD=1 swift test --filter LibraryTests` rewrites the generated
/// part of docs/policies.md (and fails, so a recording run is never mistaken for a pass).
@Suite("The built-in policy library")
struct LibraryTests {
    static let folder = Fixtures.path("policies")
    static let docsPath = Fixtures.path("docs/policies.md")

    static func library() throws -> PolicySet { try PolicySetLoader.load(paths: [folder]) }
    static func catalogs() throws -> FrameworkCatalogs { try FrameworkCatalogLoader.load(paths: [folder]) }
    static func cases() throws -> [PolicyTestCase] { try PolicyTestLoader.load(paths: [folder]) }

    // MARK: - Documentation and mappings

    @Test("every policy says why, what to do, which controls, and what each parameter means")
    func documented() throws {
        let policies = try Self.library().policies
        #expect(policies.count >= 38)
        for policy in policies {
            #expect(!policy.description.isEmpty, "\(policy.id) has no description")
            #expect(!policy.remediation.isEmpty, "\(policy.id) has no remediation")
            #expect(!policy.frameworks.isEmpty || policy.category == "cost", "\(policy.id) maps to no framework control")
            for name in policy.params.keys { #expect(policy.paramDocs[name] != nil, "\(policy.id): parameter \(name) has no param_docs line") }
        }
    }

    @Test("the library covers every topic of the mission")
    func topics() throws {
        let categories = Set(try Self.library().policies.map(\.category))
        #expect(categories == ["tagging", "residency", "encryption", "key_replication", "access", "dr", "resilience", "network", "cost", "drift", "logging", "operations"])
    }

    @Test("the seven framework catalogs are present, each with controls")
    func catalogsPresent() throws {
        let catalogs = try Self.catalogs()
        #expect(catalogs.catalogs.map(\.key) == ["dora", "gdpr", "hipaa", "iso27001_2022", "nist_800_53_r5", "pci_dss_4", "soc2"])
        for catalog in catalogs.catalogs { #expect(!catalog.controls.isEmpty && !catalog.title.isEmpty, "\(catalog.key)") }
    }

    @Test("every framework key and control a policy names is in the catalogs")
    func mappingsAreCatalogued() throws {
        let unknown = try Self.catalogs().unknownMappings(in: try Self.library().policies)
        #expect(unknown.isEmpty, "\(unknown.map(\.description).joined(separator: "\n"))")
    }

    @Test("each catalog lists every control of its framework's published list (within the scope it states)")
    func catalogsComplete() throws {
        let catalogs = try Self.catalogs()
        let expected = ["soc2": 38, "iso27001_2022": 93, "nist_800_53_r5": 143, "pci_dss_4": 250, "hipaa": 65, "gdpr": 34, "dora": 23]
        for catalog in catalogs.catalogs {
            #expect(catalog.controls.count == expected[catalog.key], "\(catalog.key) lists \(catalog.controls.count) controls")
            #expect(catalog.scope?.isEmpty == false, "\(catalog.key) does not say which parts of the framework it lists")
            let text = try String(contentsOfFile: catalog.location.file, encoding: .utf8)
            #expect(text.contains("Source:"), "\(catalog.key) does not record its source")
        }
        func ids(_ key: String, prefix: String) throws -> [String] {
            try #require(catalogs[key]).controls.map(\.id).filter { $0.hasPrefix(prefix) }
        }
        // ISO/IEC 27001:2022 Annex A: 37 organizational, 8 people, 14 physical, 34 technological controls.
        for (theme, count) in [("A.5.", 37), ("A.6.", 8), ("A.7.", 14), ("A.8.", 34)] {
            #expect(try ids("iso27001_2022", prefix: theme) == (1...count).map { "\(theme)\($0)" })
        }
        // SOC 2 common criteria CC1.1–CC9.2 in full, A1.1–A1.3, C1.1–C1.2.
        let commonCriteria = [5, 3, 4, 2, 3, 8, 5, 1, 2].enumerated().flatMap { series, count in (1...count).map { "CC\(series + 1).\($0)" } }
        #expect(try ids("soc2", prefix: "CC") == commonCriteria)
        #expect(try ids("soc2", prefix: "A1.") == ["A1.1", "A1.2", "A1.3"])
        // GDPR chapters II, IV, V and DORA chapters II–IV, every article.
        #expect(try ids("gdpr", prefix: "Art.") == (Array(5...11) + Array(24...50)).map { "Art.\($0)" })
        #expect(try ids("dora", prefix: "Art.") == (5...27).map { "Art.\($0)" })
        // NIST SP 800-53 r5: every base control of a family in scope except the withdrawn ones.
        let withdrawn: [String: Set<Int>] = ["AC": [13, 15], "CP": [5], "RA": [4], "SA": [6, 7, 12, 13, 14, 18, 19], "SC": [9, 14, 19, 33]]
        for (family, last) in [("AC", 25), ("CM", 14), ("CP", 13), ("IA", 13), ("RA", 10), ("SA", 23), ("SC", 51)] {
            let base = try ids("nist_800_53_r5", prefix: family + "-").filter { !$0.contains("(") }
            #expect(base == (1...last).filter { !(withdrawn[family] ?? []).contains($0) }.map { "\(family)-\($0)" }, "\(family)")
        }
        // PCI DSS v4.0: the first two requirements of every principal requirement (policies, roles).
        let pci = Set(try ids("pci_dss_4", prefix: ""))
        for requirement in 1...12 { #expect(pci.isSuperset(of: ["\(requirement).1.1", "\(requirement).1.2"]), "PCI DSS \(requirement)") }
        // HIPAA: every section of the Security Rule's safeguards and documentation.
        for section in ["164.308", "164.310", "164.312", "164.314", "164.316"] { #expect(try !ids("hipaa", prefix: section).isEmpty) }
    }

    @Test("most controls of each framework are not assessed by Assay, and the docs say which")
    func unmappedControlsDocumented() throws {
        let policies = try Self.library().policies
        let page = PolicyLibraryDocument.markdown(policies: policies, catalogs: try Self.catalogs(), root: Fixtures.packageRoot.path)
        for catalog in try Self.catalogs().catalogs {
            let mapped = Set(policies.flatMap { $0.frameworks[catalog.key] ?? [] })
            let unmapped = catalog.controls.map(\.id).filter { !mapped.contains($0) }
            #expect(!unmapped.isEmpty, "\(catalog.key) lists only mapped controls")
            #expect(page.contains("Not assessed by Assay (\(unmapped.count)): " + unmapped.joined(separator: ", ") + "."), "\(catalog.key)")
        }
    }

    @Test("a mapping to an unknown control or framework is reported")
    func unknownMappingDetected() throws {
        let catalogs = FrameworkCatalogs([FrameworkCatalog(key: "soc2", title: "SOC 2", controls: [FrameworkControl(id: "CC6.1", title: "t")],
                                                           location: SourceLocation(file: "c", line: 1, column: 1))])
        let policy = Policy(id: "x.y", title: "t", severity: .low, enforcement: .soft, frameworks: ["soc2": ["CC6.1", "CC6.9"], "sox": ["404"]],
                            scope: PolicyScope(), requirement: .all([]), location: SourceLocation(file: "p.yaml", line: 3, column: 5))
        let unknown = catalogs.unknownMappings(in: [policy])
        #expect(unknown.map { "\($0.framework) \($0.control ?? "-")" } == ["soc2 CC6.9", "sox -"])
    }

    // MARK: - Tests of the library

    @Test("every policy has test cases with a passing, a failing and a waived resource")
    func everyPolicyTested() throws {
        let cases = try Self.cases()
        for policy in try Self.library().policies {
            let verdicts = Set(cases.filter { $0.policyID == policy.id }.flatMap { $0.expectations.map(\.verdict) })
            for needed in [PolicyTestVerdict.verdict(.pass), .verdict(.fail), .verdict(.waived)] {
                #expect(verdicts.contains(needed), "\(policy.id) has no test expecting \(needed.rawValue)")
            }
        }
    }

    /// The policies issue 14 added (topics 1–7).
    static let issue14Policies = [
        "logging.audit.trail_coverage", "logging.audit.multi_region", "logging.audit.log_validation", "logging.audit.immutable_storage",
        "logging.audit.copied_to_second_region", "logging.audit.gcp_data_access",
        "network.ingress.sensitive_ports", "network.rules.primary_dr_consistent",
        "resilience.backup.enabled", "resilience.backup.plan_coverage", "resilience.backup.vault_lock", "resilience.backup.retention_per_tier",
        "dr.restore_test.cadence",
        "resilience.dns.failover_health_check", "resilience.scaling_group.multi_zone", "resilience.scaling_group.second_region",
        "resilience.queue.dead_letter", "resilience.deletion_protection.critical", "resilience.monitoring.alarms_per_region",
        "resilience.dependencies.tier_inversion", "resilience.dependencies.cycle", "resilience.dependencies.known",
        "resilience.dependencies.effective_rto",
        "cost.commitments.utilisation", "cost.commitments.coverage", "cost.dr.idle_resources",
        "operations.documents.review_age", "operations.documents.test_age", "operations.runbook.present", "resilience.slo.model_availability",
    ]

    /// Issue-14 policies that still lack a `public sample: …` test case: all but those subtracted
    /// (one name per line). The list may only shrink: the test fails when a policy here gains one
    /// (subtract it) and when any other lacks one. policies/PUBLIC-SAMPLES.md says, under "Not
    /// found", what was searched for the policies still here.
    static let issue14WithoutPublicSample = Set(issue14Policies).subtracting([
        "cost.commitments.utilisation",
        "cost.commitments.coverage",
        "cost.dr.idle_resources",
        "resilience.backup.plan_coverage",
        "dr.restore_test.cadence",
        "resilience.backup.retention_per_tier",
        "resilience.dependencies.tier_inversion",
        "resilience.dependencies.cycle",
        "resilience.dependencies.known",
        "resilience.dependencies.effective_rto",
        "operations.documents.review_age",
        "operations.documents.test_age",
        "operations.runbook.present",
        "resilience.slo.model_availability",
        "logging.audit.trail_coverage",
        "logging.audit.multi_region",
        "logging.audit.log_validation",
        "logging.audit.immutable_storage",
        "logging.audit.copied_to_second_region",
        "logging.audit.gcp_data_access",
        "network.ingress.sensitive_ports",
        "resilience.backup.enabled",
        "resilience.dns.failover_health_check",
        "resilience.scaling_group.multi_zone",
        "resilience.scaling_group.second_region",
        "resilience.queue.dead_letter",
        "resilience.deletion_protection.critical",
        "resilience.monitoring.alarms_per_region",
        "resilience.backup.vault_lock",
    ])

    @Test("issue 14's policies: passing, failing and unknown cases, and public-sample cases listed with source and licence")
    func issue14Acceptance() throws {
        let cases = try Self.cases()
        let ids = Set(try Self.library().policies.map(\.id))
        let samples = try String(contentsOfFile: Self.folder + "/PUBLIC-SAMPLES.md", encoding: .utf8)
        for policy in Self.issue14Policies {
            #expect(ids.contains(policy), "\(policy) is not in the library")
            let own = cases.filter { $0.policyID == policy }
            let verdicts = Set(own.flatMap { $0.expectations.map(\.verdict) })
            for needed in [PolicyTestVerdict.verdict(.pass), .verdict(.fail), .verdict(.unknown)] {
                #expect(verdicts.contains(needed), "\(policy) has no test expecting \(needed.rawValue)")
            }
            let publicCases = own.filter { $0.name.hasPrefix("public sample: ") }
            for sample in publicCases { #expect(samples.contains("| " + sample.name + " |"), "'\(sample.name)' is not listed in policies/PUBLIC-SAMPLES.md") }
            if Self.issue14WithoutPublicSample.contains(policy) {
                #expect(publicCases.isEmpty, "\(policy) has a public-sample case now: remove it from issue14WithoutPublicSample")
            } else {
                #expect(!publicCases.isEmpty, "\(policy) has no test case built from a public real-world export (name it 'public sample: …')")
            }
        }
    }

    /// Policies whose tests need no region catalog, with a parameter change that a correct
    /// threshold must notice: the tests pass as written and fail once the threshold moves.
    static let mutations: [(policy: String, param: String, value: String)] = [
        ("access.review.age", "max_age_days", #"{"true": 120, "false": 180}"#),
        ("access.review.dr_environments", "max_age_days", "89"),
        ("dr.test.cadence", "cadence_days", #"{"tier0": 120, "tier1": 90, "tier2": 180, "tier3": 365}"#),
        ("resilience.dns.failover_ttl", "max_ttl_seconds", "300"),
        ("encryption.kms.rotation", "max_rotation_days", "730"),
        ("cost.budget.environment", "monthly_budget", #"{"prod": 11999, "staging": 3000, "dev": 2000, "dr": 2500, "default": 1000}"#),
        ("resilience.scaling_group.multi_zone", "min_zones", "3"),
        ("cost.commitments.utilisation", "min_utilisation", "0.81"),
        ("cost.commitments.coverage", "min_coverage", "0.61"),
        ("resilience.backup.retention_per_tier", "min_retention_days", #"{"tier0": 36, "tier1": 35, "tier2": 14, "tier3": 7}"#),
        ("dr.restore_test.cadence", "cadence_days", #"{"tier0": 30, "tier1": 90, "tier2": 180, "tier3": 365}"#),
        ("operations.documents.review_age", "max_review_age_days", #"{"tier0": 179, "tier1": 180, "tier2": 365, "tier3": 365}"#),
        ("operations.documents.test_age", "max_test_age_days", #"{"tier0": 180, "tier1": 364, "tier2": 365, "tier3": 730}"#),
        ("operations.runbook.present", "tiers", #"["tier0", "tier1", "tier2"]"#),
    ]

    @Test("mutating a policy's threshold makes its own test cases fail", arguments: mutations.map { "\($0.policy) \($0.param)" })
    func thresholdMutationIsCaught(name: String) throws {
        let mutation = try #require(Self.mutations.first { "\($0.policy) \($0.param)" == name })
        var policy = try #require(try Self.library().policies.first { $0.id == mutation.policy })
        let cases = try Self.cases().filter { $0.policyID == mutation.policy }
        try #require(!cases.isEmpty)
        let original = PolicyTestRunner.run(cases, policies: [policy.id: policy], regions: RegionCatalog())
        let failingBefore = original.filter { !$0.passed }.map(\.resource)
        #expect(failingBefore.isEmpty, "\(mutation.policy): its tests fail before mutation: \(failingBefore)")
        #expect(policy.params[mutation.param] != nil)
        policy.params[mutation.param] = try JSONParser.parse(mutation.value)
        let mutated = PolicyTestRunner.run(cases, policies: [policy.id: policy], regions: RegionCatalog())
        let failingAfter = mutated.filter { !$0.passed }
        #expect(!failingAfter.isEmpty, "\(mutation.policy): \(mutation.param) = \(mutation.value) went unnoticed by its tests")
    }

    // MARK: - docs/policies.md

    @Test("docs/policies.md is generated from the library")
    func generatedReference() throws {
        let begin = "<!-- BEGIN GENERATED: policy library -->\n"
        let end = "<!-- END GENERATED: policy library -->"
        let text = try String(contentsOfFile: Self.docsPath, encoding: .utf8)
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let generated = PolicyLibraryDocument.markdown(policies: try Self.library().policies, catalogs: try Self.catalogs(),
                                                       root: Fixtures.packageRoot.path)
        if GoldenFile.isRecording {
            let updated = String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])
            try updated.write(toFile: Self.docsPath, atomically: true, encoding: .utf8)
            Issue.record("recorded the policy reference into docs/policies.md; run again without ASSAY_RECORD")
            return
        }
        #expect(current == generated, "docs/policies.md is out of date: run ASSAY_RECORD=1 swift test --filter LibraryTests")
    }

    @Test("the reference names every policy, parameter default and control title")
    func referenceContent() throws {
        let policies = try Self.library().policies
        let catalogs = try Self.catalogs()
        let page = PolicyLibraryDocument.markdown(policies: policies, catalogs: catalogs, root: Fixtures.packageRoot.path)
        for policy in policies {
            #expect(page.contains("### \(policy.id)\n"), "\(policy.id) has no section")
            #expect(page.contains("`policies/"), "paths are not relative to the package root")
        }
        #expect(page.contains("| `max_age_days` | `{\"false\":180,\"true\":90}` |"))
        #expect(page.contains("| A.8.24 | Use of cryptography |"))
        #expect(!page.contains(Fixtures.packageRoot.path))
    }
}

@Suite("Framework catalog files")
struct FrameworkCatalogLoaderTests {
    func load(_ files: [String: String]) throws(LoadError) -> FrameworkCatalogs {
        let folder = Fixtures.temporaryFolder("catalogs")
        for (name, text) in files { Fixtures.write(text, to: name, in: folder) }
        return try FrameworkCatalogLoader.load(paths: [folder.path])
    }

    @Test("catalogs load from a policy folder, policies and tests beside them are ignored")
    func loads() throws {
        let catalogs = try load([
            "frameworks/soc2.yaml": "version: 1\nframework: soc2\ntitle: SOC 2\ncontrols:\n  - { id: CC6.1, title: Logical access }\n",
            "p.yaml": "version: 1\nid: a.b\ntitle: t\nseverity: low\nrequire: { x: 1 }\n",
        ])
        #expect(catalogs.catalogs.map(\.key) == ["soc2"])
        #expect(catalogs.title(framework: "soc2", control: "CC6.1") == "Logical access")
        #expect(catalogs.section().value == .object(Fields([
            ("soc2", .object(Fields([("title", .string("SOC 2")), ("controls", .object(Fields([("CC6.1", .string("Logical access"))])))]))),
        ])))
    }

    @Test("a control listed twice is an error at its line", arguments: [
        ("version: 1\nframework: soc2\ntitle: S\ncontrols:\n  - { id: CC6.1, title: a }\n  - { id: CC6.1, title: b }\n", 6, "duplicate id 'CC6.1'"),
        ("version: 1\nframework: soc2\ntitle: S\ncontrols:\n  - { id: CC6.1, titel: a }\n", 5, "unknown key 'titel'"),
        ("framework: soc2\ntitle: S\ncontrols: []\n", 1, "missing 'version: 1'"),
        ("version: 1\nframework: SOC.2\ntitle: S\ncontrols: []\n", 2, "framework key 'SOC.2'"),
    ])
    func errors(text: String, line: Int, message: String) throws {
        do {
            _ = try load(["c.yaml": text])
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.location.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("the same framework key in two files is an error naming the first")
    func duplicateFramework() throws {
        let text = "version: 1\nframework: soc2\ntitle: S\ncontrols: []\n"
        do {
            _ = try load(["a.yaml": text, "b.yaml": text])
            Issue.record("no error for a duplicate framework")
        } catch {
            #expect(error.message.contains("duplicate id 'soc2'") && error.message.contains("a.yaml"), "\(error.message)")
        }
    }
}
