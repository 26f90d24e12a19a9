import Inventory
import PolicyEngine
import Testing

/// One data-residency policy and one at-rest-encryption policy, written once against the
/// normalized facets, give the right verdict on the example estate in each export format. The
/// expected verdicts follow from the estate's design (docs/inventory.md, "Example estate").
@Suite("Cross-cloud verdicts on the example estate")
struct CrossCloudVerdictTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 27)!
    static let here = PolicyEngine.SourceLocation(file: "CrossCloudVerdictTests.swift", line: 1, column: 1)

    static func field(_ path: String, _ op: Operator, _ argument: Value, default fallback: Value? = nil) throws -> Condition {
        .field(FieldTest(path: try FieldPath(parsing: path),
                         expectation: Expectation(checks: [Check(op: op, argument: .operand(.literal(argument)), location: here)],
                                                  defaultValue: fallback),
                         location: here))
    }

    /// Restricted data stays in the EU: the resource's location and every replica's.
    static func residencyPolicy() throws -> Policy {
        Policy(
            id: "residency.restricted_eu", title: "Restricted data stays in the EU", severity: .high, enforcement: .hard, category: "residency",
            scope: PolicyScope(types: ["storage.*", "database.*"], filter: try field("tags.data-classification", .equals, .string("restricted"))),
            requirement: .all([
                try field("region", .jurisdictionIn, .array([.string("EU")])),
                try field("replication.regions", .jurisdictionIn, .array([.string("EU")]), default: .array([])),
            ]),
            location: here)
    }

    /// Stored data is encrypted; confidential and restricted data with a customer-managed key.
    static func encryptionPolicy() throws -> Policy {
        Policy(
            id: "encryption.at_rest", title: "Data is encrypted at rest, with customer keys for sensitive data", severity: .high,
            enforcement: .hard, category: "encryption",
            scope: PolicyScope(types: ["storage.*", "database.instance", "database.cluster", "database.table", "compute.volume"]),
            requirement: .all([
                try field("encryption.at_rest.enabled", .equals, .bool(true)),
                .any([
                    .not(try field("tags.data-classification", .in, .array([.string("restricted"), .string("confidential")]))),
                    try field("encryption.at_rest.key_managed_by", .equals, .string("customer")),
                ]),
            ]),
            location: here)
    }

    /// The verdict per resource id of one policy over a linked input.
    static func verdicts(_ policy: Policy, _ reader: any ExportReader, _ fixture: String) throws -> [String: Verdict] {
        let resources = InventoryNormalizer.link(try read(reader, Samples.fixture(fixture)))
        let compiled = try PolicyCompiler.compile(policy)
        let evaluation = PolicyRunner.run(
            [compiled], corpus: ResourceCorpus(resources: resources),
            context: EvaluationContext(asOf: asOf, regions: RegionCatalogData.standard), keepPasses: true)
        var table: [String: Verdict] = [:]
        for finding in evaluation[0].findings { table[finding.resource] = finding.status }
        return table
    }

    static let aws = "arn:aws:s3:::"
    static let subscription = "/subscriptions/8f4e2c1a-6b3d-4e5f-9a7b-1c2d3e4f5a6b/resourceGroups/"

    // MARK: - Data residency

    @Test func residencyOnAWSConfig() throws {
        let found = try Self.verdicts(try Self.residencyPolicy(), AWSConfigReader(), "aws-config-snapshot.json")
        #expect(found == [
            Self.aws + "acme-payments-ledger": .pass,
            Self.aws + "acme-payments-ledger-dr": .pass,
            Self.aws + "acme-analytics-lake-raw": .fail,  // replicates to us-east-1
            Self.aws + "acme-analytics-lake-us": .fail,  // lives in us-east-1
            "arn:aws:rds:eu-west-1:111122223333:db:payments-db": .pass,
            "arn:aws:rds:eu-west-1:111122223333:cluster:identity-aurora": .pass,
        ])
    }

    @Test func residencyOnTerraform() throws {
        let found = try Self.verdicts(try Self.residencyPolicy(), TerraformPlanReader(), "terraform-plan.json")
        #expect(found == [
            Self.aws + "acme-payments-ledger": .pass,
            // A new bucket with no replication resource: its computed replication is known only after apply.
            Self.aws + "acme-payments-ledger-dr": .unknown,
            Self.aws + "acme-analytics-lake-raw": .fail,
            Self.aws + "acme-analytics-lake-us": .fail,
            "aws_db_instance.payments": .pass,
            "azurerm_storage_account.analytics_us": .fail,  // eastus, whatever its secondary
            "//storage.googleapis.com/acme-analytics-exports-us": .fail,  // GCS multi-region US
            "//storage.googleapis.com/acme-payments-archive": .pass,  // EUR4: Finland + Netherlands
        ])
    }

    @Test func residencyOnCloudAssetInventory() throws {
        let found = try Self.verdicts(try Self.residencyPolicy(), GCPAssetInventoryReader(), "gcp-cai.jsonl")
        #expect(found == [
            "//storage.googleapis.com/acme-analytics-exports-us": .fail,
            "//storage.googleapis.com/acme-payments-archive": .pass,
            "//storage.googleapis.com/acme-payments-dr-exports": .pass,
            "//cloudsql.googleapis.com/projects/acme-retail-prod/instances/identity-sql": .pass,
        ])
    }

    @Test func residencyOnResourceGraph() throws {
        let found = try Self.verdicts(try Self.residencyPolicy(), AzureResourceGraphReader(), "azure-arg.json")
        #expect(found == [
            Self.subscription + "rg-analytics-us/providers/Microsoft.Storage/storageAccounts/acmeanalyticsuseast": .fail,
            Self.subscription + "rg-payments-prod/providers/Microsoft.Storage/storageAccounts/acmepaymentsarchive": .pass,
            Self.subscription + "rg-payments-dr/providers/Microsoft.Storage/storageAccounts/acmepaymentsdrneu": .pass,
            Self.subscription + "rg-identity-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/acme-identity-pg": .pass,
        ])
    }

    // MARK: - Encryption at rest

    @Test func encryptionOnAWSConfig() throws {
        let found = try Self.verdicts(try Self.encryptionPolicy(), AWSConfigReader(), "aws-config-snapshot.json")
        #expect(found == [
            Self.aws + "acme-payments-ledger": .pass,
            Self.aws + "acme-payments-ledger-dr": .pass,
            Self.aws + "acme-analytics-lake-raw": .pass,
            Self.aws + "acme-analytics-lake-us": .fail,  // restricted under an S3-managed key
            Self.aws + "acme-hr-documents": .fail,  // confidential under an S3-managed key
            Self.aws + "acme-legacy-reports": .fail,  // no default encryption
            Self.aws + "acme-catalog-assets": .pass,
            "arn:aws:rds:eu-west-1:111122223333:db:payments-db": .pass,
            "arn:aws:rds:eu-central-1:111122223333:db:checkout-db": .pass,
            "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db": .fail,
            "arn:aws:rds:eu-west-1:111122223333:cluster:identity-aurora": .pass,
            "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0a1b2c3d4e5f60718": .pass,
            "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0f9e8d7c6b5a40312": .fail,
            "arn:aws:dynamodb:eu-west-1:111122223333:table/checkout-sessions": .pass,
            "arn:aws:dynamodb:eu-west-1:111122223333:table/catalog-cache": .pass,
        ])
    }

    @Test func encryptionOnTerraform() throws {
        let found = try Self.verdicts(try Self.encryptionPolicy(), TerraformPlanReader(), "terraform-plan.json")
        #expect(found == [
            Self.aws + "acme-payments-ledger": .pass,
            Self.aws + "acme-payments-ledger-dr": .pass,
            Self.aws + "acme-analytics-lake-raw": .pass,
            Self.aws + "acme-analytics-lake-us": .fail,
            Self.aws + "acme-legacy-reports": .unknown,  // encryption known only after apply
            "aws_db_instance.payments": .pass,
            "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db": .fail,
            "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0f9e8d7c6b5a40312": .fail,
            "arn:aws:dynamodb:eu-west-1:111122223333:table/checkout-sessions": .pass,
            Self.subscription + "rg-hr-prod/providers/Microsoft.Storage/storageAccounts/acmehrrecords": .pass,
            "azurerm_storage_account.analytics_us": .fail,
            "//storage.googleapis.com/acme-analytics-exports-us": .fail,
            "//storage.googleapis.com/acme-payments-archive": .pass,
        ])
    }

    @Test func encryptionOnCloudAssetInventory() throws {
        let found = try Self.verdicts(try Self.encryptionPolicy(), GCPAssetInventoryReader(), "gcp-cai.jsonl")
        let project = "//cloudsql.googleapis.com/projects/acme-retail-prod/instances/"
        let disks = "//compute.googleapis.com/projects/acme-retail-prod/zones/"
        #expect(found == [
            "//storage.googleapis.com/acme-analytics-exports-us": .fail,
            "//storage.googleapis.com/acme-catalog-images-eu": .pass,
            "//storage.googleapis.com/acme-payments-archive": .pass,
            "//storage.googleapis.com/acme-hr-exports": .fail,
            "//storage.googleapis.com/acme-legacy-extracts": .pass,
            "//storage.googleapis.com/acme-payments-dr-exports": .pass,
            project + "identity-sql": .pass,
            project + "legacy-reporting-sql": .pass,
            disks + "europe-west1-b/disks/catalog-search-data-0": .pass,
            disks + "europe-west3-a/disks/legacy-reporting-etl-0": .pass,
        ])
    }

    @Test func encryptionOnResourceGraph() throws {
        let found = try Self.verdicts(try Self.encryptionPolicy(), AzureResourceGraphReader(), "azure-arg.json")
        let storage = "/providers/Microsoft.Storage/storageAccounts/"
        #expect(found == [
            Self.subscription + "rg-hr-prod" + storage + "acmehrrecords": .pass,
            Self.subscription + "rg-legacy-prod" + storage + "acmelegacyreports": .pass,
            Self.subscription + "rg-analytics-us" + storage + "acmeanalyticsuseast": .fail,
            Self.subscription + "rg-payments-prod" + storage + "acmepaymentsarchive": .pass,
            Self.subscription + "rg-payments-dr" + storage + "acmepaymentsdrneu": .pass,
            Self.subscription + "rg-portal-prod" + storage + "acmeportalassets": .pass,
            Self.subscription + "rg-identity-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/acme-identity-pg": .pass,
            Self.subscription + "rg-legacy-prod/providers/Microsoft.DBforMySQL/flexibleServers/acme-legacy-mysql": .pass,
            Self.subscription + "rg-portal-prod/providers/Microsoft.Compute/disks/portal-web-01_OsDisk_1": .pass,
            Self.subscription + "rg-hr-prod/providers/Microsoft.Compute/disks/hr-batch-01_data_0": .pass,
        ])
    }
}
