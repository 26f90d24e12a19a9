@testable import Inventory
import PolicyEngine
import Testing

/// Streamed exports of several blocks (issue 20): the readers move each batch's resources into
/// the array they return instead of copying them, and `forEachBatch` hands over each batch once.
/// A batch handed over twice, a resource lost or repeated between batches, or a deletion not
/// applied across batches changes the counts and ids checked here.
@Suite("Streamed batches")
struct StreamedBatchTests {
    /// How many batches `forEachBatch` hands over, and their resources in order.
    static func batches(of reader: some StreamingExportReader, _ path: String) throws -> (count: Int, resources: [Resource]) {
        var count = 0
        var handed: [Resource] = []
        try reader.forEachBatch(InputSpec(path: path, format: reader.format), progress: { _, _ in }) { batch in
            count += 1
            handed += batch
        }
        return (count, handed)
    }

    /// Config items and plan changes enough for two 8 MiB blocks of the stream.
    static let items = 20_000
    static let changes = 32_000

    static func configItem(_ index: Int, status: String = "OK", captured: String = "2025-01-01T00:00:00.000Z") -> String {
        """
        {"configurationItemCaptureTime":"\(captured)","configurationItemStatus":"\(status)","resourceType":"AWS::S3::Bucket",\
        "resourceId":"bucket-\(index)","resourceName":"bucket-\(index)","ARN":"arn:aws:s3:::bucket-\(index)","awsRegion":"eu-west-1",\
        "awsAccountId":"123456789012","tags":{"owner":"team-\(index % 7)","environment":"prod"},"configuration":{"name":"bucket-\(index)"},\
        "supplementaryConfiguration":{"ServerSideEncryptionConfiguration":{"rules":[{"applyServerSideEncryptionByDefault":\
        {"sseAlgorithm":"aws:kms","kmsMasterKeyID":"arn:aws:kms:eu-west-1:123456789012:key/\(index)"}}]}}}
        """
    }

    @Test func configSnapshotOfSeveralBlocks() throws {
        // The last item deletes bucket-5 after its capture: `read` drops it, `forEachBatch` does not.
        let items = (0..<Self.items).map { Self.configItem($0) }
            + [Self.configItem(5, status: "ResourceDeleted", captured: "2025-02-01T00:00:00.000Z")]
        let text = "{\"fileVersion\":\"1.0\",\"configurationItems\":[" + items.joined(separator: ",\n") + "]}"
        let path = Temporary.write(text, to: "config-blocks.json", in: Temporary.folder())
        #expect(text.utf8.count > 8 << 20)
        let reader = AWSConfigReader()
        let read = try read(reader, path)
        #expect(read.count == Self.items - 1)
        #expect(read.first?.id == "arn:aws:s3:::bucket-0")
        #expect(read.last?.id == "arn:aws:s3:::bucket-\(Self.items - 1)")
        #expect(!read.contains { $0.id == "arn:aws:s3:::bucket-5" })
        #expect(read[6].id == "arn:aws:s3:::bucket-7")
        #expect(read[100].document.path("encryption.at_rest.key_id") == .string("arn:aws:kms:eu-west-1:123456789012:key/101"))
        let (batches, handed) = try Self.batches(of: reader, path)
        #expect(batches >= 2)
        #expect(handed.count == Self.items)
        #expect(handed.map(\.id) == (0..<Self.items).map { "arn:aws:s3:::bucket-\($0)" })
    }

    static func planChange(_ index: Int) -> String {
        // Keys carry their region in the ARN (mapped as the plan streams); buckets take it from
        // the provider configuration at the end of the file (mapped after the stream).
        index.isMultiple(of: 2)
            ? """
            {"address":"aws_kms_key.k\(index)","mode":"managed","type":"aws_kms_key","name":"k\(index)",\
            "provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,\
            "after":{"arn":"arn:aws:kms:eu-central-1:123456789012:key/\(index)","enable_key_rotation":true,"tags":{"owner":"o"}},"after_unknown":{}}}
            """
            : """
            {"address":"aws_s3_bucket.b\(index)","mode":"managed","type":"aws_s3_bucket","name":"b\(index)",\
            "provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,\
            "after":{"bucket":"bucket-\(index)","tags":{"owner":"o"},"force_destroy":false},"after_unknown":{"arn":true}}}
            """
    }

    @Test func terraformPlanOfSeveralBlocks() throws {
        let changes = (0..<Self.changes).map { Self.planChange($0) }
        let text = "{\"format_version\":\"1.2\",\"resource_changes\":[" + changes.joined(separator: ",\n")
            + "],\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":{\"constant_value\":\"eu-west-1\"}}}}}}"
        let path = Temporary.write(text, to: "plan-blocks.json", in: Temporary.folder())
        #expect(text.utf8.count > 8 << 20)
        let reader = TerraformPlanReader()
        let read = try read(reader, path)
        #expect(read.count == Self.changes)
        #expect(read.map { $0.document.path("terraform.address")?.stringValue ?? "" } == (0..<Self.changes).map {
            $0.isMultiple(of: 2) ? "aws_kms_key.k\($0)" : "aws_s3_bucket.b\($0)"
        })
        #expect(read[1].document.path("region") == .string("eu-west-1"))
        #expect(read[2].document.path("region") == .string("eu-central-1"))
        let (batches, handed) = try Self.batches(of: reader, path)
        #expect(batches >= 2)
        #expect(handed.map(\.document) == read.map(\.document))
    }
}

/// The capacity a streamed reader reserves once, from its first blocks.
@Suite("Streamed count estimate")
struct StreamedCountEstimateTests {
    @Test func reservesOnceFromTheElementsPerByteSoFar() {
        var estimate = StreamedCountEstimate()
        #expect(estimate.capacity(after: 100) == nil)  // no report yet
        estimate.progress(1_000, 10_000)
        #expect(estimate.capacity(after: 0) == nil)
        #expect(estimate.capacity(after: 100) == 1_020)  // 100 elements in a tenth of the bytes, plus a fiftieth
        #expect(estimate.capacity(after: 200) == nil)  // once
        var whole = StreamedCountEstimate()
        whole.progress(10_000, 10_000)
        #expect(whole.capacity(after: 100) == nil)  // all read: nothing left to reserve for
    }
}
