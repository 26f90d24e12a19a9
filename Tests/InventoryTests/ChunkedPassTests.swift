@testable import Inventory
import PolicyEngine
import Testing

/// Passes over every resource that run on all cores in ranges and join the ranges in order
/// (issue 20): what they report must be what one pass in input order reports. The estates here
/// span several ranges (16,384 resources each), with the telling resources in different ones.
@Suite("Passes in ranges")
struct ChunkedPassTests {
    static let count = 50_000

    /// A live AWS Config bucket in `region` of `account`, tagged with `application`.
    static func bucket(_ index: Int, region: String = "eu-west-1", account: String = "111111111111", application: String? = nil,
                       file: String = "a.json") -> Resource {
        var tags: [(String, Value)] = [("owner", .string("o"))]
        if let application { tags.append(("application", .string(application))) }
        let document = Value.object(Fields([
            ("id", .string("arn:aws:s3:::r-\(index)")), ("provider", .string("aws")), ("type", .string("storage.bucket")),
            ("account", .string(account)), ("region", .string(region)), ("tags", .object(Fields(tags))),
        ]))
        return Resource(id: "arn:aws:s3:::r-\(index)", type: "storage.bucket", document: document,
                        source: SourceReference(file: file, pointer: "/configurationItems/\(index)", format: InputFormat.awsConfig.rawValue))
    }

    @Test func unknownRegionsAreCountedAndNamedByTheirFirstResource() {
        let odd: [Int: String] = [20_000: "mars-north-1", 40_000: "venus-1", 45_000: "mars-north-1", 49_999: "mars-north-1"]
        let resources = (0..<Self.count).map { Self.bucket($0, region: odd[$0] ?? "eu-west-1") }
        let warnings = IdentityResolution.resolve(resources).warnings
        #expect(warnings.count == 2)
        #expect(warnings.first?.contains("region 'mars-north-1' of arn:aws:s3:::r-20000 and 2 more is not in the region catalog") == true,
                "\(warnings)")
        #expect(warnings.last?.contains("region 'venus-1' of arn:aws:s3:::r-40000 is not in the region catalog") == true, "\(warnings)")
    }

    @Test func accountRegionsJoinTheirRangesInOrder() throws {
        // One scope first met in the first range (file a.json) and again in the third (b.json).
        let resources = (0..<Self.count).map { index -> Resource in
            switch index {
            case 10_000: Self.bucket(index, region: "eu-central-1", account: "222222222222", application: "first", file: "a.json")
            case 40_000: Self.bucket(index, region: "eu-central-1", account: "222222222222", application: "second", file: "b.json")
            default: Self.bucket(index, application: index.isMultiple(of: 1_000) ? "app-\(index / 10_000)" : nil, file: index < 30_000 ? "a.json" : "b.json")
            }
        }
        let scopes = OperationalLinks.accountRegions(resources)
        #expect(scopes.map(\.id) == ["aws:111111111111:eu-west-1", "aws:222222222222:eu-central-1"])
        let other = try #require(scopes.last)
        #expect(other.source.file == "a.json")
        #expect(other.document.path("applications") == .array([.string("first"), .string("second")]))
        #expect(scopes.first?.document.path("applications") == .array((0..<5).map { .string("app-\($0)") }))
        #expect(scopes.first?.source.file == "a.json")
    }
}

/// A plan record whose id is its address (its cloud id is known only after apply) joins the live
/// record of the same provider, type and name; with no live record in the run there is nothing to
/// join (the pass returns at once) and the plan's records stay as they are.
@Suite("Terraform records without a cloud id")
struct AddressOnlyRecordTests {
    static func record(id: String, name: String, format: InputFormat, address: String? = nil) -> Resource {
        let document = Value.object(Fields([
            ("id", .string(id)), ("provider", .string("aws")), ("type", .string("storage.bucket")), ("name", .string(name)),
            ("region", .string("eu-west-1")),
        ]))
        return Resource(id: id, type: "storage.bucket", document: document,
                        source: SourceReference(file: "\(format.rawValue).json", pointer: "/0", format: format.rawValue, terraformAddress: address))
    }

    @Test func joinsTheLiveRecordOfTheSameNameAndOnlyThen() {
        let planned = Self.record(id: "aws_s3_bucket.logs", name: "acme-logs", format: .terraformPlan, address: "aws_s3_bucket.logs")
        let other = Self.record(id: "aws_s3_bucket.data", name: "acme-data", format: .terraformPlan, address: "aws_s3_bucket.data")
        let live = Self.record(id: "arn:aws:s3:::acme-logs", name: "acme-logs", format: .awsConfig)
        let joined = IdentityResolution.resolve([planned, live, other]).resources
        #expect(joined.map(\.id).sorted() == ["arn:aws:s3:::acme-logs", "aws_s3_bucket.data"])
        let planOnly = IdentityResolution.resolve([planned, other]).resources
        #expect(planOnly.map(\.id) == ["aws_s3_bucket.logs", "aws_s3_bucket.data"])
    }
}
