import Inventory
import PolicyEngine
import Testing

/// The backup policies' public-sample cases (policies/resilience/resilience.test.yaml, "public
/// sample: AWS Config RDK RDS instance …"): AWS's sample configuration item of an RDS instance
/// (awslabs/aws-config-rdk `rdk/template/example_ci/AWS_RDS_DBInstance.json`, Apache-2.0) read with
/// Custodian's recorded `GetBackupPlan` answer (cloud-custodian/cloud-custodian
/// `tests/data/placebo/test_backup_augment/backup.GetBackupPlan_1.json`, Apache-2.0) through the
/// real reader and linker; the facets the cases give are asserted here.
///
/// Transform at read time (recorded in policies/PUBLIC-SAMPLES.md): the item's own tag
/// `workload-type: production` is kept, and the two tags the policies join on are added,
/// `environment: prod` (Assay's spelling of that production tag) and `application: rdk-sample-db`
/// (an application of ours, whose tier the cases give). Neither sample holds a Backup selection
/// (none was found in the public exports, see PUBLIC-SAMPLES.md, "Not found"), so the instance's
/// plans are not known rather than none.
@Suite("Backup policies' public samples", .enabled(if: Samples.available, "../shared/external-data/resources is absent: backup public samples skipped"))
struct BackupPublicSampleTests {
    static let itemFile = "aws-config/rdk-example-ci/AWS_RDS_DBInstance.json"
    static let planFile = "aws-api/custodian-placebo.test_backup_augment.backup.GetBackupPlan_1.json"
    static let original = #""workload-type": "production""#
    static let tagged = #""workload-type": "production", "environment": "prod", "application": "rdk-sample-db""#

    /// The item with the join tags, and the recorded plan, read and linked.
    static func linked() throws -> [Resource] {
        let text = try String(contentsOfFile: Samples.resource(itemFile), encoding: .utf8)
        #expect(text.components(separatedBy: original).count == 2, "the sample's tag is no longer where the transform expects it")
        let folder = Temporary.folder()
        let item = Temporary.write(text.replacingOccurrences(of: original, with: tagged), to: "AWS_RDS_DBInstance.json", in: folder)
        let reader = AWSConfigReader()
        return InventoryNormalizer.link(try read(reader, item) + (try read(reader, Samples.resource(planFile))))
    }

    @Test("the RDS instance keeps 7 days of automated backups; the exports cannot show which plans select it")
    func rdsInstanceWithoutSelections() throws {
        let resources = try Self.linked()
        let instance = try resource("arn:aws:rds:us-east-1:264683526309:db:myrdstest", in: resources)
        #expect(instance.path("type") == .string("database.instance"))
        #expect(instance.path("provider") == .string("aws"))
        #expect(instance.path("name") == .string("myrdstest"))
        #expect(instance.path("tags.workload-type") == .string("production"))
        #expect(instance.path("tags.environment") == .string("prod"))
        #expect(instance.path("tags.application") == .string("rdk-sample-db"))
        #expect(instance.path("backup.enabled") == .bool(true))
        #expect(instance.path("backup.retention_days") == .number(7))
        #expect(instance.path("backup.pitr") == .bool(true))
        #expect(instance.path("account") == .string("264683526309"))
        // The recorded plan is among the inputs, but neither export holds a Backup selection: which
        // plans take the instance cannot be told (not "in no plan").
        #expect(instance.path("backup.plans") == .unknown)
        #expect(instance.path("backup.plan_retention_days") == .unknown)
        #expect(instance.path("backup.plans_unknown_reason") == .string(
            "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told"))
        let plan = try resource("arn:aws:backup:us-east-1:644160558196:backup-plan:14c4daac-b199-45ce-8644-c541734ebd14", in: resources)
        #expect(plan.path("type") == .string("backup.plan"))
        #expect(plan.path("name") == .string("test"))
        #expect(plan.path("backup.retention_days") == .number(180))
    }
}
