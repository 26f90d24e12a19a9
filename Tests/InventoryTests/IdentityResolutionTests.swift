import Foundation
import Inventory
import PolicyEngine
import Testing
import TestSupport

/// Resource identity: one resource per identity within and across inputs, types and regions from
/// the data, drift between live state and Terraform. Inputs: `Fixtures/identity/` (hand-written,
/// see its SOURCES.md) and public samples of `../shared/external-data/resources` transformed here.
@Suite("Resource identity")
struct IdentityResolutionTests {
    static let folder = Samples.packageRoot + "/Tests/InventoryTests/Fixtures/identity/"

    /// Reads files with their readers, links and resolves them as the CLI does.
    func resolve(_ inputs: [(any ExportReader, String)], precedence: StatePrecedence = .live) throws -> IdentityResolution.Output {
        var all: [Resource] = []
        for (reader, path) in inputs { all += try read(reader, path) }
        return IdentityResolution.resolve(InventoryNormalizer.link(all), precedence: precedence)
    }

    func only(_ resources: [Resource], _ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Resource {
        let found = resources.filter { $0.id == id }
        #expect(found.count == 1, "\(found.count) resources with id \(id)", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    // MARK: - Within one input

    @Test("a Config history keeps each resource's newest item and drops resources deleted last")
    func historyNewestItem() throws {
        let path = Self.folder + "config-history-delivery.json"
        // The reader drops the deleted volume with its older item; both versions of the other remain.
        let read = try read(AWSConfigReader(), path)
        #expect(read.map(\.id) == Array(repeating: "arn:aws:ec2:us-west-2:123456789012:volume/vol-0a1b2c3d4e5f60001", count: 2))

        let output = try resolve([(AWSConfigReader(), path)])
        #expect(output.resources.count == 1)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let volume = try only(output.resources, "arn:aws:ec2:us-west-2:123456789012:volume/vol-0a1b2c3d4e5f60001")
        // The newer item (first in the file) says encrypted; the older one (2026-10-01T08:00Z) did not.
        #expect(volume.document.path("encryption.at_rest.enabled") == .bool(true))
        #expect(volume.document.path("captured_at")?.stringValue == "2026-11-20T09:15:00.000Z")
        #expect(volume.type == "compute.volume")
        #expect(volume.document.path("region")?.stringValue == "us-west-2")
        #expect(volume.document.path("zone")?.stringValue == "us-west-2b")
        #expect(volume.source.pointer == "/configurationItems/0")
        // A superseded version is not a source of the current state.
        #expect(volume.mergedSources.isEmpty)
    }

    @Test("capture times compare as instants whatever their offset")
    func captureTimesWithOffsets() throws {
        let item: (String, Bool) -> String = { time, encrypted in
            """
            {"configurationItemCaptureTime":"\(time)","configurationItemStatus":"OK","resourceType":"AWS::EC2::Volume",
             "resourceId":"vol-1","ARN":"arn:aws:ec2:eu-west-1:123456789012:volume/vol-1","awsRegion":"eu-west-1",
             "configuration":{"encrypted":\(encrypted)}}
            """
        }
        // 09:00-05:00 is 14:00Z: later than 12:00Z although it sorts first as text.
        let text = "{\"configurationItems\":[" + item("2026-11-20T09:00:00.000-05:00", true) + "," + item("2026-11-20T12:00:00.000Z", false) + "]}"
        let path = Fixtures.write(text, to: "history-offsets.json", in: Fixtures.temporaryFolder())
        let output = try resolve([(AWSConfigReader(), path)])
        let volume = try only(output.resources, "arn:aws:ec2:eu-west-1:123456789012:volume/vol-1")
        #expect(volume.document.path("encryption.at_rest.enabled") == .bool(true))
    }

    @Test("one default VPC adopted by two modules of a plan is one resource with both addresses")
    func moduleDuplicatedDefaultVPC() throws {
        let output = try resolve([(TerraformPlanReader(), Self.folder + "plan-module-default-vpc.json")])
        #expect(output.resources.count == 1)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let vpc = try only(output.resources, "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0d1e2f3a4b5c6d7e8")
        #expect(vpc.type == "network.vpc")
        #expect(vpc.document.path("region")?.stringValue == "eu-west-1")
        #expect(vpc.sources.compactMap(\.terraformAddress).sorted()
                == ["module.flow_logs.aws_default_vpc.this", "module.network_eu.aws_default_vpc.this"])
        #expect(Set(ResourceIdentity.aliases(of: vpc)).isSuperset(of: ["module.flow_logs.aws_default_vpc.this",
                                                                        "module.network_eu.aws_default_vpc.this", "vpc-0d1e2f3a4b5c6d7e8"]))
    }

    @Test("two different records of one resource in one input are a warning naming both, and one resource")
    func conflictingDuplicates() throws {
        let plan = try String(contentsOfFile: Self.folder + "plan-module-default-vpc.json", encoding: .utf8)
        // The second module's copy carries another CIDR block.
        let second = try #require(plan.range(of: "module.flow_logs.aws_default_vpc.this"))
        let changed = plan.replacingOccurrences(of: "172.31.0.0/16", with: "10.0.0.0/16", range: second.upperBound..<plan.endIndex)
        let path = Fixtures.write(changed, to: "plan-conflict.json", in: Fixtures.temporaryFolder())
        let output = try resolve([(TerraformPlanReader(), path)])
        #expect(output.resources.count == 1)
        let warning = try #require(output.warnings.first)
        #expect(warning.contains("/resource_changes/0") && warning.contains("/resource_changes/1"), "\(warning)")
    }

    @Test("a credential-report row written twice is one principal (public sample)")
    func duplicateCredentialReportRow() throws {
        let sample = Samples.resource("aws-api/iam-credential-report.test_iam_user_unused_keys.csv")
        guard Samples.fileExists(sample) else {
            print("skipped: ../shared/external-data is absent")
            return
        }
        let lines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n").map(String.init)
        let row = try #require(lines.dropFirst().first { !$0.hasPrefix("<root_account>") })
        let path = Fixtures.write((lines + [row]).joined(separator: "\n") + "\n", to: "report-dup.csv", in: Fixtures.temporaryFolder())
        let plain = try read(IAMCredentialReportReader(), sample)
        let output = try resolve([(IAMCredentialReportReader(), path)])
        #expect(output.resources.count == plain.count)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let arn = try #require(row.split(separator: ",").dropFirst().first.map(String.init))
        let user = try only(output.resources, arn)
        #expect(user.type == "identity.principal")
        #expect(user.document.path("region")?.stringValue == "global")
        #expect(user.sources.count == 2)
    }

    // MARK: - Types and regions from the data

    @Test("select-resource-config rows without resourceType are typed from their ARN")
    func selectRowsWithoutType() throws {
        let output = try resolve([(AWSConfigReader(), Self.folder + "select-rows-without-type.json")])
        let cluster = try only(output.resources, "arn:aws:rds:us-east-1:123456789012:cluster:reporting-aurora")
        #expect(cluster.type == "database.cluster")
        #expect(cluster.document.path("region")?.stringValue == "us-east-1")
        #expect(cluster.document.path("encryption.at_rest.enabled") == .bool(false))
        let user = try only(output.resources, "arn:aws:iam::123456789012:user/bob.ci")
        #expect(user.type == "identity.principal")
        #expect(user.document.path("region")?.stringValue == "global")
        let function = try only(output.resources, "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler")
        #expect(function.type == "compute.function")
        #expect(function.document.path("region")?.stringValue == "eu-west-1")
        // A volume with only its availability zone gets the zone's region.
        let volume = try #require(output.resources.first { $0.document.path("native_id")?.stringValue == "vol-0a1b2c3d4e5f60003" })
        #expect(volume.document.path("region")?.stringValue == "eu-central-1")
        #expect(volume.document.path("jurisdictions") == .array(["EU"]))
        #expect(output.warnings.isEmpty, "\(output.warnings)")
    }

    @Test("an RDS cluster row without type from the public Config sample is a database cluster")
    func rdsClusterRowFromPublicSample() throws {
        let sample = Samples.resource("aws-config/custodian-config-items/rds-cluster.json")
        guard Samples.fileExists(sample) else {
            print("skipped: ../shared/external-data is absent")
            return
        }
        let root = try JSONParser.parse(try InventoryInput.plain(sample).readAll())
        let item = try #require(root["configurationItems"]?.arrayValue?.first)
        var configuration = try JSONParser.parse(try #require(item["configuration"]?.stringValue)).objectValue ?? Fields()
        configuration["storageEncrypted"] = .bool(false)
        var row = Fields()
        row["resourceId"] = item["resourceId"]
        row["awsRegion"] = item["awsRegion"]
        row["configuration"] = .object(configuration)
        let document: Value = .object(Fields([("Results", .array([.string(JSONWriter.compact(.object(row)))])),
                                              ("QueryInfo", .object(Fields([("SelectFields", .array([]))])))]))
        let path = Fixtures.write(JSONWriter.compact(document), to: "select-rds.json", in: Fixtures.temporaryFolder())
        let output = try resolve([(AWSConfigReader(), path)])
        let cluster = try only(output.resources, "arn:aws:rds:us-east-1:644160558196:cluster:database-1")
        #expect(cluster.type == "database.cluster")
        #expect(cluster.document.path("region")?.stringValue == "us-east-1")
        #expect(cluster.document.path("encryption.at_rest.enabled") == .bool(false))
    }

    @Test("an ARN whose region segment is an availability zone gives the zone's region")
    func zoneInARN() throws {
        let output = try resolve([(AWSConfigReader(), Self.folder + "config-item-zone-in-arn.json")])
        let instance = try only(output.resources, "arn:aws:ec2:us-west-2b:123456789012:instance/i-0123456789abcdef0")
        #expect(instance.type == "compute.instance")
        #expect(instance.document.path("region")?.stringValue == "us-west-2")
        #expect(instance.document.path("jurisdictions") == .array(["US"]))
        #expect(output.warnings.isEmpty, "\(output.warnings)")
    }

    @Test("a region code the catalog does not know is a warning")
    func unknownRegionWarns() throws {
        let text = """
            {"configurationItems":[{"configurationItemCaptureTime":"2026-11-20T12:00:00.000Z","configurationItemStatus":"OK",
             "resourceType":"AWS::S3::Bucket","resourceName":"b","awsRegion":"mars-north-1","configuration":{}}]}
            """
        let path = Fixtures.write(text, to: "mars.json", in: Fixtures.temporaryFolder())
        let output = try resolve([(AWSConfigReader(), path)])
        #expect(output.resources.count == 1)
        let warning = try #require(output.warnings.first)
        #expect(warning.contains("mars-north-1") && warning.contains("arn:aws:s3:::b"), "\(warning)")
    }

    @Test("legacy Cloud Asset Inventory type names are typed like the current ones")
    func legacyCAINames() throws {
        let output = try resolve([(GCPAssetInventoryReader(), Self.folder + "cai-legacy-type-names.jsonl")])
        let instance = try only(output.resources, "//compute.googleapis.com/projects/acme-test/zones/europe-west1-b/instances/web-1")
        #expect(instance.type == "compute.instance")
        #expect(instance.document.path("region")?.stringValue == "europe-west1")
        #expect(instance.document.path("native_type")?.stringValue == "google.compute.Instance")
        let firewall = try only(output.resources, "//compute.googleapis.com/projects/acme-test/global/firewalls/allow-ssh")
        #expect(firewall.type == "network.security_group")
        #expect(firewall.document.path("region")?.stringValue == "global")
        let bucket = try only(output.resources, "//storage.googleapis.com/acme-test-logs")
        #expect(bucket.type == "storage.bucket")
        #expect(bucket.document.path("region")?.stringValue == "europe-west1")
    }

    @Test("legacy type names on the public Forseti CAI sample give the same types as the current names")
    func legacyNamesOnPublicSample() throws {
        let sample = Samples.resource("gcp-cai/forseti/mock_cai_resources.dump")
        guard Samples.fileExists(sample) else {
            print("skipped: ../shared/external-data is absent")
            return
        }
        let legacy = ["compute.googleapis.com/Instance": "google.compute.Instance", "compute.googleapis.com/Firewall": "google.compute.Firewall",
                      "storage.googleapis.com/Bucket": "google.cloud.storage.Bucket"]
        var text = try String(contentsOfFile: sample, encoding: .utf8)
        for (current, old) in legacy { text = text.replacingOccurrences(of: "\"\(current)\"", with: "\"\(old)\"") }
        let path = Fixtures.write(text, to: "forseti-legacy.jsonl", in: Fixtures.temporaryFolder())
        let current = try read(GCPAssetInventoryReader(), sample)
        let renamed = try read(GCPAssetInventoryReader(), path)
        #expect(renamed.count == current.count)
        let changed = renamed.filter { legacy.values.contains($0.document.path("native_type")?.stringValue ?? "") }
        #expect(changed.count == 4 + 7 + 2)
        for (old, new) in zip(current, renamed) {
            #expect(old.id == new.id && old.type == new.type && old.document.path("region") == new.document.path("region"), "\(new.id)")
        }
    }

    // MARK: - Across inputs

    static let estateInputs: [(any ExportReader, String)] = [
        (AWSConfigReader(), Samples.fixture("aws-config-snapshot.json")), (TerraformPlanReader(), Samples.fixture("terraform-plan.json")),
        (GCPAssetInventoryReader(), Samples.fixture("gcp-cai.jsonl")), (AzureResourceGraphReader(), Samples.fixture("azure-arg.json")),
        (IAMCredentialReportReader(), Samples.fixture("iam-credential-report.csv")), (Route53RecordSetReader(), Samples.fixture("route53-records.json")),
    ]

    @Test("on the example estate every id is one resource, and the plan's records list their addresses")
    func exampleEstateOneResourcePerIdentity() throws {
        let output = try resolve(Self.estateInputs)
        let keys = output.resources.map { ResourceKey.of($0.id) }
        #expect(Set(keys).count == keys.count)
        let database = try only(output.resources, "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db")
        #expect(database.sources.map(\.format) == ["aws-config", "terraform-plan"])
        #expect(database.sources.last?.terraformAddress == "aws_db_instance.legacy_reporting")
        // The Azure storage account the plan creates (no id yet) is the one Resource Graph reports.
        let account = try only(output.resources, "/subscriptions/8f4e2c1a-6b3d-4e5f-9a7b-1c2d3e4f5a6b/resourceGroups/rg-analytics-us/providers/Microsoft.Storage/storageAccounts/acmeanalyticsuseast")
        #expect(account.sources.compactMap(\.terraformAddress) == ["azurerm_storage_account.analytics_us"])
        #expect(!output.resources.contains { $0.id == "azurerm_storage_account.analytics_us" })
    }

    @Test("drift lists the facets on which the Config snapshot and the plan disagree, value per source")
    func driftBetweenLiveAndPlan() throws {
        let output = try resolve(Self.estateInputs)
        let database = try only(output.resources, "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db")
        let drift = try #require(database.document["drift"])
        let facets = drift["facets"]?.arrayValue ?? []
        #expect(drift["count"]?.doubleValue == Double(facets.count))
        // The snapshot's database lacks the owner tag the plan gives it.
        let owner = try #require(facets.first { $0["facet"]?.stringValue == "tags.owner" })
        let values = owner["values"]?.arrayValue ?? []
        #expect(values.map { $0["value"] ?? .string("?") } == [.null, .string("bi-team@acme.example")])
        #expect(values.last?["terraform_address"]?.stringValue == "aws_db_instance.legacy_reporting")
        #expect(drift["summary"]?.stringValue?.contains("tags.owner is absent (live) vs bi-team@acme.example (desired)") == true)
        for facet in facets {
            let values = facet["values"]?.arrayValue ?? []
            #expect(values.count >= 2)
            #expect(Set(values.compactMap { $0["state"]?.stringValue }) == ["live", "desired"])
            #expect(Set(values.compactMap { $0["value"] }).count > 1, "\(facet)")
        }
        // Resources read from one state only carry no drift block.
        let route = try #require(output.resources.first { $0.document.path("source.format")?.stringValue == "aws-route53" && $0.mergedSources.isEmpty })
        #expect(route.document["drift"] == nil)
    }

    @Test("precedence decides whose values the merged view shows")
    func precedence() throws {
        let live = try resolve(Self.estateInputs, precedence: .live)
        let desired = try resolve(Self.estateInputs, precedence: .desired)
        let id = "arn:aws:rds:eu-west-1:111122223333:db:legacy-reporting-db"
        let liveView = try only(live.resources, id)
        let desiredView = try only(desired.resources, id)
        #expect(liveView.source.format == "aws-config")
        #expect(desiredView.source.format == "terraform-plan")
        let facet = try #require(liveView.document["drift"]?["facets"]?.arrayValue?.first)
        let path = try #require(facet["facet"]?.stringValue)
        let byState = Dictionary(uniqueKeysWithValues: (facet["values"]?.arrayValue ?? []).compactMap { entry in
            entry["state"]?.stringValue.map { ($0, entry["value"] ?? .null) }
        })
        #expect((liveView.document.path(path) ?? .null) == byState["live"])
        #expect((desiredView.document.path(path) ?? .null) == byState["desired"])
        #expect(byState["live"] != byState["desired"])
    }

    @Test("ARM ids compare case-insensitively")
    func armIDsIgnoreCase() throws {
        let id = "/subscriptions/0000/resourceGroups/RG-Data/providers/Microsoft.Storage/storageAccounts/acmedata"
        let upper = Resource(id: id, type: "storage.account", document: ["provider": "azure", "name": "acmedata"],
                             source: SourceReference(file: "a.json", pointer: "/0", format: "azure-arg"))
        let lower = Resource(id: id.lowercased(), type: "storage.account", document: ["provider": "azure", "name": "acmedata"],
                             source: SourceReference(file: "b.json", pointer: "/resource_changes/0", format: "terraform-plan",
                                                     terraformAddress: "azurerm_storage_account.data"))
        let output = IdentityResolution.resolve([upper, lower])
        #expect(output.resources.count == 1)
        #expect(output.resources.first?.id == id)
        #expect(ResourceKey.of(id) == ResourceKey.of(id.lowercased()))
    }

    @Test("ARM ids are told by their /subscriptions/ prefix in any case, and nothing shorter or else is one",
          arguments: [("/subscriptions/0000/resourceGroups/rg", true), ("/SUBSCRIPTIONS/0000", true), ("/Subscriptions/", true),
                      ("/subscriptions", false), ("/subscription/0000", false), ("subscriptions/0000", false), ("", false),
                      ("arn:aws:s3:::bucket", false), ("//subscriptions/x", false), ("/subscriptionsX/0", false)])
    func armPrefix(id: String, isARM: Bool) {
        #expect(ResourceKey.isARMID(id) == isARM)
        #expect(ResourceKey.of(id) == (isARM ? id.lowercased() : id))
    }

    @Test("a run with nothing to merge hands back the resources unchanged")
    func nothingToMerge() throws {
        let resources = (0..<1000).map { index in
            Resource(id: "arn:aws:s3:::bucket-\(index)", type: "storage.bucket", document: ["region": "eu-west-1"],
                     source: SourceReference(file: "c.json", pointer: "/\(index)", format: "aws-config"))
        }
        let output = IdentityResolution.resolve(resources)
        #expect(output.folded == 0)
        #expect(output.resources.map(\.id) == resources.map(\.id))
        #expect(output.warnings.isEmpty)
    }

    // MARK: - Merging at scale (groups merged in parallel, compacted in place)

    /// A volume record of `format` (a plan record carries its address); `encrypted` differs between the two.
    static func volume(_ index: Int, format: String, encrypted: Bool, file: String? = nil) -> Resource {
        var document = Fields()
        document["provider"] = "aws"
        document["region"] = "eu-west-1"
        document["captured_at"] = "2026-11-20T09:15:00.000Z"
        document["encryption"] = .object(Fields([("at_rest", .object(Fields([("enabled", .bool(encrypted))])))]))
        if format == "terraform-plan" { document["size_gib"] = .number(Double(index % 7 + 1)) }
        let address = format == "terraform-plan" ? "aws_ebs_volume.v[\(index)]" : nil
        return Resource(id: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-\(index)", type: "compute.volume", document: .object(document),
                        source: SourceReference(file: file ?? format + ".json", pointer: "/\(index)", format: format, terraformAddress: address))
    }

    @Test("thousands of merges: each merged resource stands at its live record, with its own plan record's values and source")
    func manyMerges() throws {
        let count = 9_000
        let live = (0..<count).map { Self.volume($0, format: "aws-config", encrypted: true) }
        let planned = (0..<count).map { Self.volume($0, format: "terraform-plan", encrypted: $0 % 10 != 0) }
        let unrelated = Resource(id: "arn:aws:s3:::logs", type: "storage.bucket", document: ["region": "eu-west-1"],
                                 source: SourceReference(file: "aws-config.json", pointer: "/x", format: "aws-config"))
        let records = Array(live[..<100]) + [unrelated] + Array(live[100...]) + planned
        let output = IdentityResolution.resolve(records)
        #expect(output.folded == count)
        #expect(output.resources.count == count + 1)
        #expect(output.resources[100].id == "arn:aws:s3:::logs")
        #expect(records.count == 2 * count + 1, "the caller's array is untouched")
        for (position, resource) in output.resources.enumerated() where position != 100 {
            let index = position < 100 ? position : position - 1
            #expect(resource.id == "arn:aws:ec2:eu-west-1:111122223333:volume/vol-\(index)")
            #expect(resource.source.format == "aws-config")
            #expect(resource.mergedSources.map(\.pointer) == ["/\(index)"])
            #expect(resource.mergedSources.first?.terraformAddress == "aws_ebs_volume.v[\(index)]")
            // Live values win; the plan fills what the snapshot lacks; drift where they differ.
            #expect(resource.document.path("encryption.at_rest.enabled") == .bool(true))
            #expect(resource.document["size_gib"] == .number(Double(index % 7 + 1)))
            #expect(resource.document.path("drift.count") == .number(index % 10 == 0 ? 1 : 0))
        }
        #expect(output.resources.last?.mergedSources.first?.pointer == "/\(count - 1)")
        let drifting = output.resources.filter { $0.document.path("drift.count") == .number(1) }
        #expect(drifting.count == count / 10)
        #expect(drifting.allSatisfy { ($0.document.path("drift.summary")?.stringValue ?? "").hasPrefix("encryption.at_rest.enabled is true (live) vs false (desired)") })
    }

    @Test("warnings of many groups come in record order, and a plan record read first merges where its live record stands")
    func mergeOrder() throws {
        // Two conflicting copies of each volume in one Config file: one warning per volume.
        let copies = (0..<5_000).flatMap { index in
            [Self.volume(index, format: "aws-config", encrypted: true), Self.volume(index, format: "aws-config", encrypted: false)]
        }
        let output = IdentityResolution.resolve(copies)
        #expect(output.resources.count == 5_000)
        #expect(output.warnings.count == 5_000)
        #expect(output.warnings.enumerated().allSatisfy { $0.element.hasPrefix("arn:aws:ec2:eu-west-1:111122223333:volume/vol-\($0.offset):") })
        #expect(output.resources.allSatisfy { $0.document.path("encryption.at_rest.enabled") == .bool(false) }, "the later copy wins")

        // A plan that creates a bucket Config already reports: the plan comes first in the inputs.
        let created = Resource(id: "aws_s3_bucket.logs", type: "storage.bucket", document: ["provider": "aws", "name": "acme-logs", "region": "eu-west-1"],
                               source: SourceReference(file: "plan.json", pointer: "/resource_changes/0", format: "terraform-plan",
                                                       terraformAddress: "aws_s3_bucket.logs"))
        let other = Resource(id: "arn:aws:s3:::other", type: "storage.bucket", document: ["provider": "aws", "name": "other"],
                             source: SourceReference(file: "config.json", pointer: "/0", format: "aws-config"))
        let reported = Resource(id: "arn:aws:s3:::acme-logs", type: "storage.bucket", document: ["provider": "aws", "name": "acme-logs", "region": "eu-west-1"],
                                source: SourceReference(file: "config.json", pointer: "/1", format: "aws-config"))
        let joined = IdentityResolution.resolve([created, other, reported])
        #expect(joined.resources.map(\.id) == ["arn:aws:s3:::other", "arn:aws:s3:::acme-logs"])
        #expect(joined.resources.last?.mergedSources.map(\.terraformAddress) == ["aws_s3_bucket.logs"])
        #expect(joined.folded == 1)
    }
}
