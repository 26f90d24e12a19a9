import Inventory
import PolicyEngine
import Testing

/// The example estate (`fixtures/inventory/`) carries the violations and passes docs/inventory.md
/// promises for each policy topic, after linking all six exports together.
@Suite("Example estate")
struct ExampleEstateTests {
    static let estate: [Resource] = {
        let inputs: [(any ExportReader, String)] = [
            (AWSConfigReader(), "aws-config-snapshot.json"), (TerraformPlanReader(), "terraform-plan.json"),
            (GCPAssetInventoryReader(), "gcp-cai.jsonl"), (AzureResourceGraphReader(), "azure-arg.json"),
            (IAMCredentialReportReader(), "iam-credential-report.csv"), (Route53RecordSetReader(), "route53-records.json"),
        ]
        var all: [Resource] = []
        for (reader, file) in inputs { all += (try? read(reader, Samples.fixture(file))) ?? [] }
        return InventoryNormalizer.link(all)
    }()

    /// The first resource with an id read from `file` (the Terraform plan repeats some AWS Config ids).
    func resource(_ id: String, from file: String) throws -> Value {
        let found = Self.estate.first { $0.id == id && $0.source.file.hasSuffix("/" + file) }
        return try #require(found, "no \(id) from \(file)").document
    }

    func config(_ id: String) throws -> Value { try resource(id, from: "aws-config-snapshot.json") }

    @Test func everyInputContributes() {
        let counts = Dictionary(grouping: Self.estate) { $0.document.path("source.format")?.stringValue ?? "" }.mapValues(\.count)
        // Credential-report rows for users AWS Config records merge into those users (4 of 6 rows).
        #expect(counts == ["aws-config": 55, "terraform-plan": 27, "gcp-cai": 21, "azure-arg": 16, "aws-iam-credential-report": 2, "aws-route53": 13])
    }

    @Test func tagsUseTheRegisterVocabulary() {
        let applications: Set<String> = ["payments-api", "checkout-web", "catalog-search", "customer-portal", "analytics-lake", "hr-records",
                                         "legacy-reporting", "identity-service"]
        for resource in Self.estate {
            let tags = resource.document.path("tags")?.objectValue ?? Fields()
            if let application = tags["application"]?.stringValue { #expect(applications.contains(application), "\(resource.id)") }
            if let environment = tags["environment"]?.stringValue { #expect(["prod", "staging", "dev", "dr"].contains(environment)) }
            if let classification = tags["data-classification"]?.stringValue {
                #expect(["public", "internal", "confidential", "restricted"].contains(classification))
            }
        }
    }

    @Test func keyRotationAndReplicaCoverage() throws {
        #expect(try config("arn:aws:kms:eu-west-1:111122223333:key/4f7c2a1e-93b6-4d2a-8f0e-6b1c9d3e5a70").path("kms.rotation_enabled") == .bool(false))
        let lake = try resource("//cloudkms.googleapis.com/projects/acme-retail-prod/locations/europe-west1/keyRings/analytics/cryptoKeys/lake",
                                from: "gcp-cai.jsonl")
        #expect(lake.path("kms.rotation_enabled") == .bool(false))
        // The ledger replicates to Frankfurt where its key has a replica; the lake replicates to
        // us-east-1 where its single-region key does not exist.
        let ledger = try config("arn:aws:s3:::acme-payments-ledger")
        #expect(ledger.path("replication.regions") == .array([.string("eu-central-1")]))
        #expect(ledger.path("encryption.at_rest.key_regions") == .array([.string("eu-central-1"), .string("eu-west-1")]))
        let lakeBucket = try config("arn:aws:s3:::acme-analytics-lake-raw")
        #expect(lakeBucket.path("replication.regions") == .array([.string("us-east-1")]))
        #expect(lakeBucket.path("encryption.at_rest.key_regions") == .array([.string("eu-west-1")]))
        let policy = Policy(
            id: "kms.replica_in_destination", title: "Replicated data's key exists where the copies are", severity: .high, enforcement: .hard,
            scope: PolicyScope(types: ["storage.bucket"], filter: try CrossCloudVerdictTests.field("replication.enabled", .equals, .bool(true))),
            requirement: .field(FieldTest(
                path: try FieldPath(parsing: "replication.regions"),
                expectation: Expectation(checks: [Check(op: .subsetOf, argument: .operand(.ref(try FieldPath(parsing: "encryption.at_rest.key_regions"))),
                                                        location: CrossCloudVerdictTests.here)]),
                location: CrossCloudVerdictTests.here)),
            location: CrossCloudVerdictTests.here)
        let configOnly = Self.estate.filter { $0.source.file.hasSuffix("aws-config-snapshot.json") }
        let evaluation = PolicyRunner.run(
            [try PolicyCompiler.compile(policy)], corpus: ResourceCorpus(resources: configOnly),
            context: EvaluationContext(asOf: CrossCloudVerdictTests.asOf, regions: RegionCatalogData.standard), keepPasses: true)
        let verdicts = Dictionary(uniqueKeysWithValues: evaluation[0].findings.map { ($0.resource, $0.status) })
        #expect(verdicts == ["arn:aws:s3:::acme-payments-ledger": .pass, "arn:aws:s3:::acme-analytics-lake-raw": .fail])
    }

    @Test func transitEncryptionViolations() throws {
        let listeners = "arn:aws:elasticloadbalancing:"
        let legacy = try config(listeners + "eu-west-1:111122223333:listener/app/legacy-reporting-alb/1a2b3c4d5e6f7a8b/9c0d1e2f3a4b5c6d")
        #expect(legacy.path("encryption.in_transit.https_only") == .bool(false))
        let redirect = try config(listeners + "eu-west-1:111122223333:listener/app/checkout-web-alb/5c6d7e8f9a0b1c2d/0a1b2c3d4e5f6a7b")
        #expect(redirect.path("encryption.in_transit.https_only") == .bool(true))
        let portal = try config(listeners + "eu-central-1:111122223333:listener/app/customer-portal-alb/9f8e7d6c5b4a3928/1706f5e4d3c2b1a0")
        #expect(portal.path("encryption.in_transit.min_tls") == .string("1.0"))
        #expect(try config("arn:aws:cloudfront::111122223333:distribution/E1LEGACY4M8N2P").path("encryption.in_transit.min_tls") == .string("1.0"))
        #expect(try config("arn:aws:cloudfront::111122223333:distribution/E2PORTAL7K3J9Q").path("encryption.in_transit.min_tls") == .string("1.2"))
        #expect(try config("arn:aws:es:eu-west-1:111122223333:domain/catalog-search").path("encryption.in_transit.min_tls") == .string("1.0"))
        let subscription = "/subscriptions/8f4e2c1a-6b3d-4e5f-9a7b-1c2d3e4f5a6b/resourceGroups/"
        let noSetting = try resource(subscription + "rg-legacy-prod/providers/Microsoft.Storage/storageAccounts/acmelegacyreports", from: "azure-arg.json")
        #expect(noSetting.path("encryption.in_transit.min_tls") == .string("1.0"))
        #expect(noSetting.path("encryption.in_transit.https_only") == .bool(false))
        let gateway = try resource(subscription + "rg-portal-prod/providers/Microsoft.Network/applicationGateways/acme-portal-agw", from: "azure-arg.json")
        #expect(gateway.path("encryption.in_transit.min_tls") == .string("1.0"))
    }

    @Test func backupAndDatabaseResilience() throws {
        let weekly = try config("arn:aws:backup:eu-west-1:111122223333:backup-plan:8b7a6c5d-4e3f-4a2b-9c1d-0e8f7a6b5c4d")
        #expect(weekly.path("backup.retention_days") == .number(7))
        #expect(weekly.path("backup.cold_storage_after_days") == nil)
        let daily = try config("arn:aws:backup:eu-west-1:111122223333:backup-plan:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
        #expect(daily.path("backup.copy_regions") == .array([.string("eu-central-1")]))
        #expect(daily.path("backup.cold_storage_after_days") == .number(90))
        #expect(try config("arn:aws:rds:eu-central-1:111122223333:db:checkout-db").path("database.multi_az") == .bool(false))
        let legacy = try config("arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db")
        #expect(legacy.path("backup.pitr") == .bool(false))
        #expect(legacy.path("tags.owner") == nil)
        let sql = try resource("//cloudsql.googleapis.com/projects/acme-retail-prod/instances/legacy-reporting-sql", from: "gcp-cai.jsonl")
        #expect(sql.path("database.multi_az") == .bool(false))
        #expect(sql.path("backup.pitr") == .bool(false))
        #expect(sql.path("database.tls_enforced") == .bool(false))
        let payments = try resource("aws_db_instance.payments", from: "terraform-plan.json")
        #expect(payments.path("database.tls_enforced") == .bool(true))
    }

    @Test func failoverRecordTTLs() throws {
        let primary = try resource("route53/portal.acme-retail.example./A/portal-eu-central-1", from: "route53-records.json")
        #expect(primary.path("dns.routing") == .string("failover"))
        #expect(primary.path("dns.failover_role") == .string("PRIMARY"))
        #expect(primary.path("dns.ttl") == .number(300))
        let alias = try resource("route53/checkout.acme-retail.example./A/checkout-eu-west-1", from: "route53-records.json")
        #expect(alias.path("dns.alias") == .bool(true))
        #expect(alias.path("dns.ttl") == nil)
        // The plan's record takes the Route 53 export's key (one resource once identities are resolved).
        #expect(try resource("route53/portal.acme-retail.example./A/portal-eu-central-1", from: "terraform-plan.json").path("dns.ttl") == .number(300))
    }

    @Test func identitiesMergeTheCredentialReport() throws {
        let bob = try config("arn:aws:iam::111122223333:user/bob.ci")
        #expect(bob.path("identity.last_reviewed_at") == .string("2026-03-02"))
        let keys = try #require(bob.path("identity.access_keys")?.arrayValue)
        #expect(keys[0].path("active") == .bool(true))
        #expect(keys[0].path("last_used_at") == .string("2026-06-10T04:12:00+00:00"))
        let carol = try config("arn:aws:iam::111122223333:user/carol.analyst")
        #expect(carol.path("identity.password_enabled") == .bool(true))
        #expect(carol.path("identity.mfa_active") == .bool(false))
        let dave = try config("arn:aws:iam::111122223333:user/dave.contractor")
        #expect(dave.path("identity.mfa_active") == .bool(false))  // upper-case FALSE in the report
        #expect(dave.path("identity.privileged") == .bool(true))  // inline Allow */*
        #expect(dave.path("identity.access_keys_active") == .number(1))
        #expect(dave.path("identity.last_used_at") == nil)
        let alice = try config("arn:aws:iam::111122223333:user/alice.admin")
        #expect(alice.path("identity.mfa_active") == .bool(true))
        #expect(alice.path("identity.privileged") == .bool(true))
        #expect(!Self.estate.contains { $0.id == "arn:aws:iam::111122223333:user/alice.admin" && $0.source.file.hasSuffix(".csv") })
    }

    @Test func missingTagsAndResidencyPlacements() throws {
        #expect(try config("arn:aws:s3:::acme-legacy-reports").path("tags.cost-center") == nil)
        #expect(try config("arn:aws:ec2:eu-west-1:111122223333:volume/vol-0f9e8d7c6b5a40312").path("tags.owner") == nil)
        let exports = try resource("//storage.googleapis.com/acme-analytics-exports-us", from: "gcp-cai.jsonl")
        #expect(exports.path("jurisdictions") == .array([.string("US")]))
        #expect(exports.path("iam_policy.bindings")?.arrayValue?.count == 1)
        let archive = try resource("//storage.googleapis.com/acme-payments-archive", from: "gcp-cai.jsonl")
        #expect(archive.path("location_kind") == .string("dual-region"))
        #expect(archive.path("encryption.at_rest.key_regions") == .array([.string("europe")]))
    }
}
