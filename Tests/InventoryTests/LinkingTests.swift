import Testing
import TestSupport
@testable import Inventory
@testable import PolicyEngine

@Suite("Post-read linking")
struct LinkingTests {
    @Test("a Terraform bucket setting named by bucket name folds into the bucket of its own plan, not a same-named bucket from another export")
    func bucketSettingsStayInTheirPlan() throws {
        let configBucket = Resource(
            id: "arn:aws:s3:::acme-logs", type: "storage.bucket",
            document: ["provider": "aws", "native_id": "acme-logs", "encryption": ["at_rest": ["enabled": false]],
                       "source": ["format": "aws-config"]],
            source: SourceReference(file: "config.json", pointer: "/configurationItems/0"))
        let planBucket = Resource(
            id: "arn:aws:s3:::acme-logs", type: "storage.bucket",
            document: ["provider": "aws", "native_id": "acme-logs", "terraform": ["address": "aws_s3_bucket.logs"],
                       "source": ["format": "terraform-plan"]],
            source: SourceReference(file: "plan.json", pointer: "/planned_values/root_module/resources/0"))
        let setting = Resource(
            id: "aws_s3_bucket_server_side_encryption_configuration.logs", type: "storage.bucket_config",
            document: ["provider": "aws", "native_id": "acme-logs", "encryption": ["at_rest": ["enabled": true, "key_managed_by": "customer"]],
                       // No configuration reference (the bucket is named literally): the name fallback applies.
                       "terraform": ["address": "aws_s3_bucket_server_side_encryption_configuration.logs"],
                       "source": ["format": "terraform-plan"]],
            source: SourceReference(file: "plan.json", pointer: "/planned_values/root_module/resources/1"))
        let linked = InventoryNormalizer.link([configBucket, planBucket, setting])
        #expect(linked.count == 2)
        let fromConfig = try #require(linked.first { $0.source.file == "config.json" })
        let fromPlan = try #require(linked.first { $0.source.file == "plan.json" })
        #expect(fromConfig.document["encryption"]?["at_rest"]?["enabled"] == .bool(false))
        #expect(fromPlan.document["encryption"]?["at_rest"]?["enabled"] == .bool(true))
        #expect(fromPlan.document["encryption"]?["at_rest"]?["key_managed_by"] == .string("customer"))
    }
}

@Suite("AWS Config API items")
struct ConfigurationStringTests {
    @Test("a configuration string that is not valid JSON is an error naming the file and the item")
    func brokenConfigurationString() throws {
        let folder = Fixtures.temporaryFolder("config-strings")
        let path = Fixtures.write(#"{"configurationItems": [{"arn": "arn:aws:s3:::b", "resourceType": "AWS::S3::Bucket", "configuration": "{\"name\": "}]}"#,
                                  to: "history.json", in: folder)
        do {
            _ = try AWSConfigReader().read(InputSpec(path: path, format: .awsConfig)) { _, _ in }
            Issue.record("expected an error")
        } catch let error as InventoryError {
            #expect(error.diagnostic.file == path)
            #expect(error.diagnostic.message.contains("/configurationItems/0/configuration"))
            #expect(error.diagnostic.message.contains("not valid JSON"))
        }
    }
}
