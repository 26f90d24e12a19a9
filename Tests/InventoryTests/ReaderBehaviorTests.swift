import Foundation
@testable import Inventory
import PolicyEngine
import Synchronization
import Testing

/// Detection, forced formats, encodings, compression, streaming and the envelope variants the
/// samples do not cover, on the example estate and small inline documents.
@Suite("Reader behaviour")
struct ReaderBehaviorTests {
    static let fixtures: [(file: String, format: InputFormat)] = [
        ("aws-config-snapshot.json", .awsConfig), ("terraform-plan.json", .terraformPlan), ("gcp-cai.jsonl", .gcpAssetInventory),
        ("azure-arg.json", .azureResourceGraph), ("iam-credential-report.csv", .awsIAMCredentialReport), ("route53-records.json", .awsRoute53),
    ]

    static func head(_ path: String) throws -> [UInt8] { Array(try InventoryInput.plain(path).readAll().prefix(1 << 16)) }

    /// `InventoryReaders` (the readers' list for tools and tests; the CLI's registry is
    /// `InputFormat.reader`) holds exactly one reader per inventory format.
    @Test func everyInventoryFormatHasOneReader() {
        let formats = InventoryReaders.all().map(\.format)
        #expect(Set(formats).count == formats.count, "a format is listed twice")
        #expect(Set(formats) == Set(InputFormat.allCases.filter { $0.kind == .inventory }))
    }

    // MARK: - Detection and forcing

    @Test(arguments: ReaderBehaviorTests.fixtures)
    func detectionOnContentBeatsTheGenericReaders(_ fixture: (file: String, format: InputFormat)) throws {
        let path = Samples.fixture(fixture.file)
        let sample = try Self.head(path)
        // The same content under a name that says nothing (or something misleading).
        for name in [path, "/tmp/export.txt", "/tmp/export.csv"] {
            var best: (InputFormat, Int) = (.json, 0)
            for reader in InventoryReaders.all() + [JSONRecordReader(), JSONLinesRecordReader(), CSVRecordReader()] {
                let score = reader.detectionScore(sample: sample, path: name)
                if score > best.1 { best = (reader.format, score) }
            }
            #expect(best.0 == fixture.format, "\(fixture.file) as \(name)")
            #expect(best.1 >= 60)
        }
        for reader in InventoryReaders.all() where reader.format != fixture.format {
            #expect(reader.detectionScore(sample: sample, path: path) < 60, "\(reader.format.rawValue) claims \(fixture.file)")
        }
    }

    /// A normalized record file that holds Azure resources among others: their ids are ARM ids
    /// (`/subscriptions/…/providers/Microsoft.Storage/…`) but the types are the file's own, so no
    /// cloud reader may claim it (read as ARM rows, every `region` would be lost).
    @Test func recordFileWithARMIdsButItsOwnTypesIsPlainJSON() {
        let records = """
            [
            {"id":"arn:aws:s3:eu-west-1:1:s3_bucket/a","type":"aws_s3_bucket","region":"eu-west-1","tags":{}},
            {"id":"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/b","type":"azurerm_storage_account","region":"westeurope","tags":{}},
            {"id":"//sql.googleapis.com/projects/p/instances/c","type":"google_sql_database_instance","region":"europe-west3","tags":{}}
            ]
            """
        let sample = Array(records.utf8)
        var best: (InputFormat, Int) = (.json, 0)
        for reader in InventoryReaders.all() + [JSONRecordReader(), JSONLinesRecordReader(), CSVRecordReader()] {
            let score = reader.detectionScore(sample: sample, path: "/tmp/inventory.json")
            if score > best.1 { best = (reader.format, score) }
        }
        #expect(best.0 == .json)
        // The same rows with ARM type names are Resource Graph rows, in either case.
        for type in ["Microsoft.Storage/storageAccounts", "microsoft.storage/storageaccounts"] {
            let arm = records.replacingOccurrences(of: "\"azurerm_storage_account\"", with: "\"\(type)\"")
            #expect(AzureResourceGraphReader().detectionScore(sample: Array(arm.utf8), path: "/tmp/inventory.json") == 90)
        }
    }

    @Test func forcedFormatReadsAFileWhateverItsName() throws {
        let folder = Temporary.folder()
        let renamed = Temporary.write(try InventoryInput.plain(Samples.fixture("route53-records.json")).readAll(), to: "records.dat", in: folder)
        let reader = try #require(InventoryReaders.reader(for: .awsRoute53))
        #expect(try reader.read(InputSpec(path: renamed, format: .awsRoute53), progress: { _, _ in }).count == 13)
        // Forcing the wrong format is an error that names the file, never a crash or a silent empty read.
        let wrong = try #require(InventoryReaders.reader(for: .terraformPlan))
        #expect {
            _ = try wrong.read(InputSpec(path: renamed, format: .terraformPlan), progress: { _, _ in })
        } throws: { error in
            (error as? InventoryError)?.diagnostic.file == renamed
        }
    }

    // MARK: - Encodings and compression

    @Test func terraformPlanInUTF16AndWithABOMReadsLikeUTF8() throws {
        let original = try read(TerraformPlanReader(), Samples.fixture("terraform-plan.json"))
        let text = String(decoding: try InventoryInput.plain(Samples.fixture("terraform-plan.json")).readAll(), as: UTF8.self)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let folder = Temporary.folder()
        let wide = Temporary.write(utf16, to: "plan-utf16.json", in: folder)
        let bom = Temporary.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "plan-bom.json", in: folder)
        #expect(TerraformPlanReader().detectionScore(sample: Array(utf16.prefix(1 << 16)), path: wide) == 95)
        for path in [wide, bom] {
            let read = try read(TerraformPlanReader(), path)
            #expect(read.map(\.id) == original.map(\.id))
            #expect(read.map { $0.document.path("encryption") } == original.map { $0.document.path("encryption") })
        }
    }

    /// `bytes` as a gzip member of stored (uncompressed) deflate blocks: a valid `.gz` file made
    /// without a compressor.
    static func storedGzip(_ bytes: [UInt8]) -> [UInt8] {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF]
        var offset = 0
        repeat {
            let count = min(65_535, bytes.count - offset)
            let last = offset + count == bytes.count
            out.append(last ? 1 : 0)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[offset..<(offset + count)]
            offset += count
        } while offset < bytes.count
        for value in [crc, UInt32(truncatingIfNeeded: bytes.count)] {
            out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        return out
    }

    @Test func gzipSnapshotsAreDecompressedByTheSharedByteLayer() throws {
        let folder = Temporary.folder()
        let plainPath = Samples.fixture("aws-config-snapshot.json")
        let gzip = Temporary.write(Self.storedGzip(try InventoryInput.plain(plainPath).readAll()), to: "snapshot.json.gz", in: folder)
        let inflated = try read(AWSConfigReader(), gzip)
        let plain = try read(AWSConfigReader(), plainPath)
        #expect(inflated.count == 55)
        #expect(inflated.map(\.id) == plain.map(\.id))
        #expect(inflated.first?.source.pointer == "/configurationItems/0")
        // A truncated member is an input error naming the file, not a crash or a partial read.
        let truncated = Temporary.write([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], to: "truncated.json.gz", in: folder)
        #expect {
            _ = try read(AWSConfigReader(), truncated)
        } throws: { error in
            guard case .unreadable(let file, _)? = error as? InventoryError else { return false }
            return file == truncated
        }
    }

    // MARK: - Streaming

    @Test func streamedReadsMatchWholeFileReads() throws {
        var streamingConfig = AWSConfigReader()
        streamingConfig.wholeFileLimit = 0
        let snapshot = Samples.fixture("aws-config-snapshot.json")
        #expect(try read(streamingConfig, snapshot).map(\.document) == (try read(AWSConfigReader(), snapshot)).map(\.document))
        var streamingPlan = TerraformPlanReader()
        streamingPlan.wholeFileLimit = 0
        let plan = Samples.fixture("terraform-plan.json")
        let streamed = InventoryNormalizer.link(try read(streamingPlan, plan))
        let whole = InventoryNormalizer.link(try read(TerraformPlanReader(), plan))
        #expect(streamed.map(\.document) == whole.map(\.document))
        #expect(streamed.count == 27)
    }

    @Test func streamingReportsProgressAndHandsOverBatches() throws {
        let snapshot = Samples.fixture("aws-config-snapshot.json")
        let size = try InventoryInput.plain(snapshot).size
        var reader = AWSConfigReader()
        reader.wholeFileLimit = 0
        let last = Mutex<(Int, Int)>((0, 0))
        var batches = 0
        var total = 0
        try reader.forEachBatch(InputSpec(path: snapshot), progress: { done, all in last.withLock { $0 = (done, all) } }) { batch in
            batches += 1
            total += batch.count
        }
        #expect(batches >= 1)
        #expect(total == 55)
        #expect(last.withLock { $0 } == (size, size))
    }

    @Test func rootMembersAreFoundWithoutParsingTheRest() throws {
        let plan = Samples.fixture("terraform-plan.json")
        var stream = JSONArrayStream(path: plan, arrayKey: "resource_changes")
        stream.rootMembers = ["format_version", "configuration", "variables"]
        let members = try stream.forEachBatch { _ in }
        let whole = try JSONParser.parse(try InventoryInput.plain(plan).readAll())
        #expect(members["format_version"] == .string("1.2"))
        #expect(members["configuration"] == whole["configuration"])
        #expect(members["variables"] == whole["variables"])
        #expect(members["resource_changes"] == nil)
    }

    // MARK: - Terraform documents

    @Test func stateDocumentsWithModulesCountAndDeposedObjects() throws {
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {
               "resources": [
                 {"address": "aws_ebs_volume.data[0]", "mode": "managed", "type": "aws_ebs_volume", "name": "data", "index": 0,
                  "provider_name": "registry.terraform.io/hashicorp/aws",
                  "values": {"arn": "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", "availability_zone": "eu-west-1b", "encrypted": true,
                             "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc", "tags_all": {"owner": "x"}}},
                 {"address": "aws_ebs_volume.data[0]", "mode": "managed", "type": "aws_ebs_volume", "name": "data", "index": 0,
                  "deposed_key": "00000001", "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"encrypted": false}},
                 {"address": "data.aws_caller_identity.me", "mode": "data", "type": "aws_caller_identity", "name": "me",
                  "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"account_id": "111122223333"}}],
               "child_modules": [{"address": "module.db", "resources": [
                 {"address": "module.db.aws_db_instance.this[\"main\"]", "mode": "managed", "type": "aws_db_instance", "name": "this",
                  "index": "main", "provider_name": "registry.terraform.io/hashicorp/aws",
                  "values": {"arn": "arn:aws:rds:eu-central-1:111122223333:db:main", "storage_encrypted": true, "multi_az": false,
                             "backup_retention_period": 3, "engine": "postgres", "kms_key_id": "arn:aws:kms:eu-central-1:111122223333:key/def"}}]}]}}}
            """#
        let path = Temporary.write(state, to: "state.json", in: Temporary.folder())
        #expect(TerraformStateReader().detectionScore(sample: Array(state.utf8), path: path) == 95)
        #expect(TerraformPlanReader().detectionScore(sample: Array(state.utf8), path: path) == 0)
        let resources = try read(TerraformStateReader(), path)
        #expect(resources.count == 2)
        let volume = try resource("arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", in: resources)
        #expect(volume.path("encryption.at_rest.enabled") == .bool(true))
        #expect(volume.path("region") == .string("eu-west-1"))
        #expect(volume.path("source.pointer") == .string("/values/root_module/resources/0"))
        let database = try resource("arn:aws:rds:eu-central-1:111122223333:db:main", in: resources)
        #expect(database.path("terraform.module") == .string("module.db"))
        #expect(database.path("region") == .string("eu-central-1"))
        #expect(database.path("source.pointer") == .string("/values/root_module/child_modules/0/resources/0"))
    }

    @Test func unsupportedTerraformDocumentsAreRejectedWithTheFile() throws {
        let folder = Temporary.folder()
        let future = Temporary.write(#"{"format_version": "2.0", "resource_changes": []}"#, to: "future.json", in: folder)
        #expect {
            _ = try read(TerraformPlanReader(), future)
        } throws: { error in
            guard case .unexpectedStructure(let file, let pointer, _, _, _)? = error as? InventoryError else { return false }
            return file == future && pointer == "/format_version"
        }
        let raw = Temporary.write(#"{"version": 4, "terraform_version": "1.9.8", "serial": 3, "lineage": "x", "resources": []}"#, to: "tfstate", in: folder)
        #expect(throws: InventoryError.self) { _ = try read(TerraformStateReader(), raw) }
        let plan = Samples.fixture("terraform-plan.json")
        #expect(throws: InventoryError.self) { _ = try read(TerraformStateReader(), plan) }
    }

    // MARK: - Azure and GCP envelopes

    @Test func azurePowerShellTableAndARMListShapes() throws {
        let folder = Temporary.folder()
        let powershell = Temporary.write(#"""
            [{"ResourceId": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/pscase",
              "Name": "pscase", "ResourceType": "Microsoft.Storage/storageAccounts", "Location": "West Europe",
              "Sku": {"Name": "Standard_GZRS", "Tier": "Standard"}, "Tags": {"owner": "a"},
              "Properties": {"MinimumTlsVersion": "TLS1_1", "SupportsHttpsTrafficOnly": true, "SecondaryLocation": "northeurope",
                             "Encryption": {"KeySource": "Microsoft.Keyvault", "KeyVaultProperties": {"KeyName": "k1"}}},
              "resources": [{"ResourceId": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/pscase/blobServices/default",
                             "Name": "default", "ResourceType": "Microsoft.Storage/storageAccounts/blobServices", "Properties": {}}]}]
            """#, to: "psrule.json", in: folder)
        let read1 = try read(AzureResourceGraphReader(), powershell)
        #expect(read1.count == 2)
        let account = read1[0].document
        #expect(account.path("type") == .string("storage.account"))
        #expect(account.path("native_type") == .string("microsoft.storage/storageaccounts"))
        #expect(account.path("region") == .string("westeurope"))
        #expect(account.path("account") == .string("s1"))
        #expect(account.path("encryption.in_transit.min_tls") == .string("1.1"))
        #expect(account.path("encryption.at_rest.key_managed_by") == .string("customer"))
        #expect(account.path("replication.regions") == .array([.string("northeurope")]))
        #expect(read1[1].source.pointer == "/0/resources/0")
        let table = Temporary.write(#"""
            {"totalRecords": 1, "count": 1, "data": {"columns": [{"name": "id", "type": "string"}, {"name": "type", "type": "string"},
             {"name": "location", "type": "string"}, {"name": "sku", "type": "object"}, {"name": "properties", "type": "object"}],
             "rows": [["/subscriptions/s2/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/tbl", "microsoft.storage/storageaccounts",
                       "germanywestcentral", {"name": "Standard_LRS"}, {"supportsHttpsTrafficOnly": true}]]}}
            """#, to: "table.json", in: folder)
        let row = try #require(try read(AzureResourceGraphReader(), table).first).document
        #expect(row.path("encryption.in_transit.min_tls") == .string("1.0"))  // no minimumTlsVersion: TLS 1.0 accepted
        #expect(row.path("replication.enabled") == .bool(false))
        #expect(row.path("jurisdictions") == .array([.string("EU")]))
        let list = Temporary.write(#"""
            {"value": [{"id": "/subscriptions/s3/resourceGroups/rg/providers/Microsoft.Network/dnszones/example.org/A/www",
                        "name": "www", "type": "Microsoft.Network/dnszones/A", "properties": {"TTL": 300, "ARecords": [{"ipv4Address": "192.0.2.1"}]}}]}
            """#, to: "records.json", in: folder)
        let record = try #require(try read(AzureResourceGraphReader(), list).first).document
        #expect(record.path("type") == .string("dns.record"))
        #expect(record.path("dns.ttl") == .number(300))
        #expect(record.path("dns.record_type") == .string("A"))
    }

    @Test func caiCamelCaseArrayFromAssetList() throws {
        let folder = Temporary.folder()
        let array = Temporary.write(#"""
            [{"name": "//storage.googleapis.com/camel-bucket", "assetType": "storage.googleapis.com/Bucket", "updateTime": "2026-01-01T00:00:00Z",
              "resource": {"version": "v1", "discoveryName": "Bucket", "parent": "//cloudresourcemanager.googleapis.com/projects/42",
                           "data": {"name": "camel-bucket", "location": "NAM4", "locationType": "dual-region", "labels": {"owner": "x"}}}}]
            """#, to: "assets.json", in: folder)
        #expect(GCPAssetInventoryReader().detectionScore(sample: try Self.head(array), path: array) == 90)
        let bucket = try #require(try read(GCPAssetInventoryReader(), array).first).document
        #expect(bucket.path("location_kind") == .string("dual-region"))
        #expect(bucket.path("replication.regions") == .array([.string("us-central1"), .string("us-east1")]))
        #expect(bucket.path("jurisdictions") == .array([.string("US")]))
        #expect(bucket.path("account") == .string("42"))
        #expect(bucket.path("captured_at") == .string("2026-01-01T00:00:00Z"))
        #expect(bucket.path("source.pointer") == .string("/0"))
        let broken = Temporary.write("{\"name\": \"//x\", \"asset_type\": \"a/B\"}\n{\"name\": \n", to: "broken.jsonl", in: folder)
        #expect {
            _ = try read(GCPAssetInventoryReader(), broken)
        } throws: { error in
            guard case .malformedJSON(let file, let line, _, _, _)? = error as? InventoryError else { return false }
            return file == broken && line == 2
        }
    }

    @Test func configItemsOfDeletedResourcesAreSkipped() throws {
        let snapshot = try JSONParser.parse(try InventoryInput.plain(Samples.fixture("aws-config-snapshot.json")).readAll())
        let items = try #require(snapshot["configurationItems"]?.arrayValue)
        #expect(items.count == 56)
        let resources = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"))
        #expect(resources.count == 55)
        #expect(!resources.contains { $0.id == "arn:aws:s3:::acme-tmp-uploads" })
    }

    @Test func credentialReportAnswerWithBase64Content() throws {
        let csv = try InventoryInput.plain(Samples.fixture("iam-credential-report.csv")).readAll()
        let answer = #"{"Content": "\#(Data(csv).base64EncodedString())", "ReportFormat": "text/csv", "GeneratedTime": "2026-11-27T00:00:00Z"}"#
        let path = Temporary.write(answer, to: "report.json", in: Temporary.folder())
        #expect(IAMCredentialReportReader().detectionScore(sample: Array(answer.utf8), path: path) == 90)
        let resources = try read(IAMCredentialReportReader(), path)
        #expect(resources.map(\.id) == (try read(IAMCredentialReportReader(), Samples.fixture("iam-credential-report.csv"))).map(\.id))
    }
}

