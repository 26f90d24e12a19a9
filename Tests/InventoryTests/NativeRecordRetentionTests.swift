import Foundation
@testable import Inventory
import PolicyEngine
import Testing
import TestSupport

/// Readers keep of the native record (`attributes`) only what linking reads when no policy reads
/// it (`NativeRecordRetention.linkingOnly`, issue 20): every other member of every document, and
/// every linked facet, must be what the whole record gives.
@Suite("Native record retention")
struct NativeRecordRetentionTests {
    /// Reads with the retention given.
    func read(_ reader: any ExportReader, _ path: String, _ retention: NativeRecordRetention,
              source: SourceObjectRetention = .whole) throws -> [Resource] {
        var spec = InputSpec(path: path, format: reader.format)
        spec.nativeRecord = retention
        spec.sourceObject = source
        return try reader.read(spec, progress: { _, _ in })
    }

    /// The documents without `attributes`, by id.
    func withoutAttributes(_ resources: [Resource]) -> [String: Value] {
        var documents: [String: Value] = [:]
        for resource in resources {
            var fields = resource.document.objectValue ?? Fields()
            fields["attributes"] = nil
            documents[resource.id + "#" + (resource.source.pointer ?? "")] = .object(fields)
        }
        return documents
    }

    /// The example estate's Config snapshot and plan, linked and resolved as the CLI does.
    func exampleEstate(_ retention: NativeRecordRetention) throws -> IdentityResolution.Output {
        let resources = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"), retention)
            + read(TerraformPlanReader(), Samples.fixture("terraform-plan.json"), retention)
        return IdentityResolution.resolve(InventoryNormalizer.link(resources), precedence: .live)
    }

    @Test("the example estate read without native records gives the same documents, links and warnings")
    func exampleEstateUnchanged() throws {
        let whole = try exampleEstate(.whole)
        let kept = try exampleEstate(.linkingOnly)
        #expect(whole.resources.count == kept.resources.count)
        #expect(whole.warnings == kept.warnings)
        let expected = withoutAttributes(whole.resources)
        let found = withoutAttributes(kept.resources)
        #expect(expected.keys.sorted() == found.keys.sorted())
        for (key, document) in expected where found[key] != document {
            Issue.record("\(key) differs without its native record")
        }
    }

    @Test("a streamed plan, mapped batch by batch before its configuration is read, gives what a whole read gives",
          arguments: [NativeRecordRetention.whole, .linkingOnly])
    func streamedPlan(_ retention: NativeRecordRetention) throws {
        var streaming = TerraformPlanReader()
        streaming.wholeFileLimit = 0
        let plan = Samples.fixture("terraform-plan.json")
        let streamed = InventoryNormalizer.link(try read(streaming, plan, retention))
        let whole = InventoryNormalizer.link(try read(TerraformPlanReader(), plan, retention))
        #expect(streamed.count == 27)
        #expect(streamed.map(\.document) == whole.map(\.document))
        // Resources whose region comes from the provider configuration (mapped at the end) and
        // references (added at the end) are both in the example plan.
        #expect(streamed.contains { $0.document.path("terraform.references") != nil })
    }

    /// A two-resource Terraform state (`terraform show -json` of a state).
    static let state = #"""
        {"format_version": "1.0", "terraform_version": "1.11.0", "values": {"root_module": {"resources": [
          {"address": "aws_ebs_volume.data", "mode": "managed", "type": "aws_ebs_volume", "name": "data",
           "provider_name": "registry.terraform.io/hashicorp/aws",
           "values": {"arn": "arn:aws:ec2:us-east-1:123456789012:volume/vol-1", "availability_zone": "us-east-1a", "encrypted": true}},
          {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
           "provider_name": "registry.terraform.io/hashicorp/aws",
           "values": {"arn": "arn:aws:s3:::acme-logs", "bucket": "acme-logs", "region": "us-east-1", "tags": {"application": "web"}}}
        ]}}}
        """#

    /// Every cloud inventory format read with the `source` object whole and format-only.
    func sourceRetentions() throws -> [(whole: [Resource], formatOnly: [Resource])] {
        let inputs: [(any ExportReader, String)] = [
            (AWSConfigReader(), Samples.fixture("aws-config-snapshot.json")), (TerraformPlanReader(), Samples.fixture("terraform-plan.json")),
            (TerraformStateReader(), Fixtures.write(Self.state, to: "source-retention-state.json", in: Fixtures.temporaryFolder())),
            (GCPAssetInventoryReader(), Samples.fixture("gcp-cai.jsonl")), (AzureResourceGraphReader(), Samples.fixture("azure-arg.json")),
            (IAMCredentialReportReader(), Samples.fixture("iam-credential-report.csv")), (Route53RecordSetReader(), Samples.fixture("route53-records.json")),
        ]
        return try inputs.map { reader, path in
            (try read(reader, path, .whole), try read(reader, path, .whole, source: .formatOnly))
        }
    }

    @Test("without a policy reading source, a document's source object is its format alone, shared; the rest is unchanged")
    func formatOnlySource() throws {
        for (whole, formatOnly) in try sourceRetentions() {
            #expect(!whole.isEmpty)
            #expect(whole.count == formatOnly.count)
            for (complete, trimmed) in zip(whole, formatOnly) {
                let source = try #require(complete.document["source"]?.objectValue)
                #expect(source.keys.contains("file") && (source.keys.contains("pointer") || source.keys.contains("line")), "\(complete.id): \(source.keys)")
                #expect(trimmed.document["source"] == .object(Fields([("format", source["format"] ?? .null)])))
                #expect(trimmed.source == complete.source, "the resource's own reference is kept whole")
                var rest = complete.document.objectValue ?? Fields(), trimmedRest = trimmed.document.objectValue ?? Fields()
                rest["source"] = nil
                trimmedRest["source"] = nil
                #expect(rest == trimmedRest, "\(complete.id)")
            }
        }
        // Linked and resolved as the CLI does, the example estate gives the same links and warnings.
        func estate(_ source: SourceObjectRetention) throws -> IdentityResolution.Output {
            let resources = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"), .linkingOnly, source: source)
                + read(TerraformPlanReader(), Samples.fixture("terraform-plan.json"), .linkingOnly, source: source)
            return IdentityResolution.resolve(InventoryNormalizer.link(resources), precedence: .live)
        }
        let whole = try estate(.whole), formatOnly = try estate(.formatOnly)
        #expect(whole.warnings == formatOnly.warnings)
        func withoutSource(_ resources: [Resource]) -> [Value] {
            resources.map { resource in
                var fields = resource.document.objectValue ?? Fields()
                fields["source"] = nil
                return .object(fields)
            }
        }
        #expect(withoutSource(whole.resources) == withoutSource(formatOnly.resources))
        #expect(whole.resources.map(\.mergedSources) == formatOnly.resources.map(\.mergedSources))
    }

    @Test("a Config item keeps its digest, and a backup plan its id, nothing else")
    func configAttributes() throws {
        let resources = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"), .linkingOnly)
        #expect(!resources.isEmpty)
        for resource in resources {
            let attributes = try #require(resource.document["attributes"]?.objectValue)
            let allowed: Set<String> = ["native_record_digest", "configuration"]
            #expect(Set(attributes.keys).isSubset(of: allowed), "\(resource.id): \(attributes.keys)")
            #expect(attributes["native_record_digest"]?.stringValue?.isEmpty == false)
        }
        let whole = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"), .whole)
        for resource in whole where resource.document.path("attributes.configuration.BackupPlanId") != nil {
            let kept = try #require(resources.first { $0.id == resource.id })
            #expect(kept.document.path("attributes.configuration.BackupPlanId") == resource.document.path("attributes.configuration.BackupPlanId"))
        }
    }

    @Test("two different records of one resource are still a warning without their native records")
    func conflictingDuplicatesWithoutRecords() throws {
        let folder = Samples.packageRoot + "/Tests/InventoryTests/Fixtures/identity/"
        let plan = try String(contentsOfFile: folder + "plan-module-default-vpc.json", encoding: .utf8)
        let second = try #require(plan.range(of: "module.flow_logs.aws_default_vpc.this"))
        let changed = plan.replacingOccurrences(of: "172.31.0.0/16", with: "10.0.0.0/16", range: second.upperBound..<plan.endIndex)
        let path = Fixtures.write(changed, to: "plan-conflict-retention.json", in: Fixtures.temporaryFolder())
        let conflicting = IdentityResolution.resolve(InventoryNormalizer.link(try read(TerraformPlanReader(), path, .linkingOnly)), precedence: .live)
        #expect(conflicting.resources.count == 1)
        #expect(conflicting.warnings.count == 1, "\(conflicting.warnings)")
        let same = IdentityResolution.resolve(
            InventoryNormalizer.link(try read(TerraformPlanReader(), folder + "plan-module-default-vpc.json", .linkingOnly)), precedence: .live)
        #expect(same.resources.count == 1)
        #expect(same.warnings.isEmpty, "\(same.warnings)")
    }

    @Test("equal records have equal digests whatever their member order; a changed leaf changes it")
    func digests() throws {
        let first = try JSONParser.parse(#"{"a":1,"b":{"c":[true,null,"x"],"d":2.5},"e":"text longer than eight bytes"}"#)
        let reordered = try JSONParser.parse(#"{"e":"text longer than eight bytes","b":{"d":2.5,"c":[true,null,"x"]},"a":1}"#)
        let changed = try JSONParser.parse(#"{"a":1,"b":{"c":[true,null,"y"],"d":2.5},"e":"text longer than eight bytes"}"#)
        let swapped = try JSONParser.parse(#"{"a":1,"b":{"c":[null,true,"x"],"d":2.5},"e":"text longer than eight bytes"}"#)
        let digest = try #require(digestOf(first))
        #expect(digestOf(reordered) == digest)
        #expect(digestOf(changed) != digest)
        #expect(digestOf(swapped) != digest)
    }

    /// The digest is the same in every process (it is stored in documents): a fixed value here,
    /// decimals included (their `hashValue` is seeded afresh in each process).
    @Test("a record's digest does not depend on the process, decimals included")
    func digestIsStable() throws {
        let record: Value = .object(Fields([
            ("amount", .decimal(FixedDecimal(scaled: 1_234_500_000_000_000_000_000))), ("count", .number(3)), ("name", "vol-1"),
            ("tags", .array(["a", "b"])),
        ]))
        #expect(NativeRecord.digest(record) == 8_366_443_081_142_259_126)
        let other: Value = .object(Fields([
            ("amount", .decimal(FixedDecimal(scaled: 1_234_600_000_000_000_000_000))), ("count", .number(3)), ("name", "vol-1"),
            ("tags", .array(["a", "b"])),
        ]))
        #expect(NativeRecord.digest(other) != NativeRecord.digest(record))
    }

    /// The digest a reader stores for a record, through a one-item Config snapshot.
    func digestOf(_ configuration: Value) -> Value? {
        var item = Fields()
        item["resourceType"] = .string("AWS::EC2::Volume")
        item["ARN"] = .string("arn:aws:ec2:eu-west-1:123456789012:volume/vol-1")
        item["configurationItemStatus"] = .string("OK")
        item["configuration"] = configuration
        let text = "{\"configurationItems\":[" + JSONWriter.compact(.object(item)) + "]}"
        let path = Fixtures.write(text, to: "digest-\(UUID().uuidString).json", in: Fixtures.temporaryFolder())
        return (try? read(AWSConfigReader(), path, .linkingOnly))?.first?.document.path("attributes.native_record_digest")
    }
}
