import Foundation
@testable import Inventory
import PolicyEngine
import Testing

/// The region catalog, the TLS tables, the tri-state merge of Terraform unknowns, and the
/// documentation of the closed vocabularies.
@Suite("Normalized model")
struct NormalizedModelTests {
    let catalog = RegionCatalogData.standard

    // MARK: - Region catalog

    @Test func regionTableMatchesTheSourceCSV() throws {
        // regions.csv: 149 rows (AWS 39, Azure 64, GCP 46), per shared/spec/formats/RESOURCES.md §8.
        let regions = RegionCatalogData.regions
        #expect(regions.count == 149)
        #expect(regions.filter { $0.provider == "aws" }.count == 39)
        #expect(regions.filter { $0.provider == "azure" }.count == 64)
        #expect(regions.filter { $0.provider == "gcp" }.count == 46)
        #expect(catalog.region("eu-west-1").map { [$0.country, $0.jurisdiction] } == ["IE", "EU"])
        #expect(catalog.region("westeurope").map { [$0.country, $0.jurisdiction] } == ["NL", "EU"])
        #expect(catalog.region("europe-west3").map { [$0.country, $0.jurisdiction] } == ["DE", "EU"])
        #expect(catalog.region("europe-west2")?.jurisdiction == "UK")
        #expect(catalog.region("me-central-1")?.jurisdiction == "AE")
        if Samples.fileExists(Samples.packageRoot + "/../shared/external-data/regions.csv") {
            let csv = String(decoding: try InventoryInput.plain(Samples.packageRoot + "/../shared/external-data/regions.csv").readAll(), as: UTF8.self)
            let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            #expect(rows.count == regions.count)
            for row in rows {
                #expect(catalog.region(row[1]).map { [$0.provider, $0.displayName, $0.country, $0.jurisdiction] } == [row[0], row[2], row[3], row[4]])
            }
        }
    }

    @Test func facetOrdinalIsThePositionInAllCases() {
        // `ordinal` reads the enum's tag byte: one byte while there are at most 256 facets, and
        // the tag counts the cases in declaration order, which `allCases` lists.
        #expect(MemoryLayout<Facet>.size == 1)
        for (position, facet) in Facet.allCases.enumerated() {
            #expect(facet.ordinal == position, "\(facet.rawValue)")
            #expect(facet.components == facet.rawValue.split(separator: ".").map(String.init))
            #expect(facet.keys.map(\.text) == facet.components)
        }
    }

    @Test func multiAndDualRegions() {
        #expect(catalog.jurisdictions(of: "EU") == ["EU"])
        #expect(catalog.jurisdictions(of: "europe") == ["EU"])
        #expect(catalog.memberRegions(of: "EU")?.contains("europe-west1") == true)
        #expect(catalog.memberRegions(of: "EU")?.contains("europe-west2") == false)  // London is not in the EU
        #expect(catalog.memberRegions(of: "europe")?.contains("europe-west6") == false)  // nor Zürich
        #expect(catalog.jurisdictions(of: "US") == ["US"])
        #expect(catalog.jurisdictions(of: "NAM4") == ["US"])
        #expect(catalog.memberRegions(of: "EUR4") == ["europe-north1", "europe-west4"])
        #expect(catalog.jurisdictions(of: "EUR4") == ["EU"])
        #expect(catalog.memberRegions(of: "ASIA1") == ["asia-northeast1", "asia-northeast2"])
        #expect(catalog.jurisdictions(of: "ASIA")?.contains("JP") == true)
        #expect(catalog.jurisdictions(of: "ASIA")?.contains("SG") == true)
        #expect(catalog.jurisdictions(of: "global") == nil)
        #expect(RegionCatalogData.locationKind(of: "EUR4") == .dualRegion)
        #expect(RegionCatalogData.locationKind(of: "us") == .multiRegion)
        #expect(RegionCatalogData.locationKind(of: "eu-central-1") == .region)
        #expect(RegionCatalogData.locationKind(of: "atlantis-1") == nil)
    }

    @Test func locationCodes() {
        #expect(LocationCodes.awsRegion(ofZone: "eu-west-1a") == "eu-west-1")
        #expect(LocationCodes.awsRegion(ofZone: "Multiple Availability Zones") == nil)
        // The ASCII path (no splitting) keeps the rule: the first three non-empty `-` segments,
        // the third digits and one letter; anything else is not a zone (a local zone such as
        // `us-east-1-bos-1a` too, whatever the doc comment says: the rule is kept as it was).
        let zones: [(String, String?)] = [
            ("us-east-1-bos-1a", nil), ("us-west-2b", "us-west-2"), ("eu--west-1c", "eu-west-1"), ("-eu-west-1a", "eu-west-1"),
            ("ap-southeast-12B", "ap-southeast-12"), ("eu-west-1", nil), ("eu-west-a", nil), ("eu-west-1ab", nil), ("Regional", nil),
            ("Not Applicable", nil), ("", nil), ("eu-west-1a\n", nil), ("eu-wëst-1a", "eu-wëst-1"), ("eu-west-１a", "eu-west-１"),
        ]
        for (zone, region) in zones { #expect(LocationCodes.awsRegion(ofZone: zone) == region, "\(zone)") }
        #expect(LocationCodes.gcpRegion(ofZone: "https://www.googleapis.com/compute/v1/projects/p/zones/europe-west3-c") == "europe-west3")
        #expect(LocationCodes.gcpRegion(ofZone: "europe-west3") == nil)
        #expect(LocationCodes.azureLocation("West Europe") == "westeurope")
        #expect(LocationCodes.ARN("arn:aws:kms:eu-west-1:111122223333:key/abc")?.region == "eu-west-1")
        #expect(LocationCodes.ARN("arn:aws:s3:::bucket")?.region == "")
    }

    @Test func substringSearchGivesUTF8Offsets() {
        let cases: [(text: String, needle: String, offset: Int?)] = [
            ("eu-west-1", " ", nil), ("eu west", " ", 2), ("", "", 0), ("abc", "", 0), ("", "a", nil), ("ab", "abc", nil),
            ("aaab", "aab", 1), ("\u{EB}a \u{EB}b", "\u{EB}b", 4), ("abcabc", "cab", 2), ("abc", "abc", 0), ("xabc", "c", 3),
        ]
        for (text, needle, offset) in cases {
            #expect(text.utf8Offset(of: needle) == offset, "\(text) / \(needle)")
            #expect(text.includes(needle) == (offset != nil), "\(text) / \(needle)")
        }
        #expect("key=value=x".text(before: "=") == "key")
        #expect("key=value=x".text(after: "=") == "value=x")
    }

    @Test func caseInsensitiveKeysCompareAsLowercasedStrings() {
        // ASCII byte folding where both sides are ASCII; Unicode lowercasing otherwise (the Kelvin
        // sign lowercases to "k", "İ" to "i" and a combining dot).
        let pairs: [(String, String)] = [
            ("Properties", "properties"), ("PROPERTIES", "properties"), ("properties", "propertie"), ("", ""), ("a", ""),
            ("BucketObjectLockConfiguration", "bucketobjectlockconfiguration"), ("Key@", "key`"), ("[", "{"),
            ("\u{212A}ey", "key"), ("key", "\u{212A}EY"), ("\u{130}d", "i\u{307}d"), ("Stra\u{DF}e", "strasse"), ("\u{C9}t\u{E9}", "\u{E9}T\u{C9}"),
        ]
        for (left, right) in pairs {
            #expect(Value.equalIgnoringCase(left, right) == (left.lowercased() == right.lowercased()), "\(left) ~ \(right)")
            #expect(Value.equalIgnoringCase(right, left) == (left.lowercased() == right.lowercased()), "\(right) ~ \(left)")
        }
        let object = Value.object(Fields([("Zeta", .number(1)), ("properties", .number(2)), ("Properties", .number(3))]))
        #expect(object.ci("PROPERTIES") == .number(3))  // the first match in key order
        #expect(object.ci("zeta") == .number(1))
        #expect(object.ci("absent") == nil)
    }

    // MARK: - TLS

    @Test func tlsVersionsAndNamedPolicies() {
        let versions: [(String, String?)] = [
            ("TLS1_2", "1.2"), ("TLSv1.2", "1.2"), ("1.1", "1.1"), ("TLSv1", "1.0"), ("TLSv1_2016", "1.0"), ("TLSv1.1_2016", "1.1"),
            ("TLSv1.2_2021", "1.2"), ("TLS_1_3", "1.3"), ("TLSv1_3", "1.3"), ("SSLv3", nil), ("None", nil),
        ]
        for (text, expected) in versions { #expect(TLSVersions.normalized(text) == expected, "\(text)") }
        let elb: [(String, String?)] = [
            ("ELBSecurityPolicy-TLS13-1-2-2021-06", "1.2"), ("ELBSecurityPolicy-TLS13-1-3-2021-06", "1.3"), ("ELBSecurityPolicy-TLS-1-1-2017-01", "1.1"),
            ("ELBSecurityPolicy-FS-1-2-Res-2020-10", "1.2"), ("ELBSecurityPolicy-2016-08", "1.0"), ("ELBSecurityPolicy-FS-2018-06", "1.0"),
            ("custom-policy", nil),
            // Edges of the byte reading: nothing after a prefix, a minor out of range, lower case, and a
            // name with a non-ASCII character (read as characters).
            ("ELBSecurityPolicy-", nil), ("ELBSecurityPolicy-TLS13-1-", nil), ("ELBSecurityPolicy-TLS13-1-9", nil),
            ("ELBSecurityPolicy-FS-20", "1.0"), ("ELBSecurityPolicy-FS-2", nil), ("ELBSecurityPolicy-x", nil),
            ("elbsecuritypolicy-2016-08", nil), ("ELBSecurityPolicy-TLS-1-0", "1.0"), ("ELBSecurityPolicy-TLS13-1-2-\u{E9}", "1.2"),
            ("ELBSecurityPolicy-\u{E9}", nil),
        ]
        for (name, expected) in elb { #expect(TLSVersions.elbPolicy(name) == expected, "\(name)") }
        #expect(TLSVersions.openSearchPolicy("Policy-Min-TLS-1-2-PFS-2023-10") == "1.2")
        #expect(TLSVersions.openSearchPolicy("Policy-Min-TLS-1-0-2019-07") == "1.0")
        #expect(TLSVersions.appGatewayPolicy("AppGwSslPolicy20170401S") == "1.2")
    }

    // MARK: - Terraform unknowns

    @Test func afterUnknownMarksBecomeUnknownValues() throws {
        let after = try JSONParser.parse(#"{"bucket": "b", "rule": [{"apply": [{"algo": "aws:kms"}]}], "tags": {"a": "1"}}"#)
        let unknown = try JSONParser.parse(#"{"arn": true, "rule": [{"apply": [{"key": true}]}], "tags": {}, "versioning": true}"#)
        let merged = try #require(TerraformDocument.merge(after, unknown: unknown))
        #expect(merged["arn"] == .unknown)
        #expect(merged["versioning"] == .unknown)
        #expect(merged["bucket"] == .string("b"))
        #expect(merged["rule"]?.arrayValue?.first?["apply"]?.arrayValue?.first?["key"] == .unknown)
        #expect(merged["rule"]?.arrayValue?.first?["apply"]?.arrayValue?.first?["algo"] == .string("aws:kms"))
        #expect(merged["tags"] == after["tags"])
    }

    @Test func configurationAddressesAndReferences() {
        #expect(TerraformContext.configurationAddress(#"module.a["x.y"].aws_s3_bucket.b[0]"#) == "module.a.aws_s3_bucket.b")
        #expect(TerraformContext.resourceReference("aws_s3_bucket.b[0].id") == "aws_s3_bucket.b[0]")
        #expect(TerraformContext.resourceReference("var.region") == nil)
        #expect(TerraformContext.resourceReference("data.aws_iam_policy_document.x.json") == nil)
    }

    // MARK: - Documentation of the vocabularies

    @Test func everyTypeAndFacetIsDocumented() throws {
        let path = Samples.packageRoot + "/docs/inventory.md"
        let text = String(decoding: try InventoryInput.plain(path).readAll(), as: UTF8.self)
        for kind in ResourceKind.allCases { #expect(text.contains("`\(kind.rawValue)`"), "docs/inventory.md lacks type \(kind.rawValue)") }
        for facet in Facet.allCases { #expect(text.contains("`\(facet.rawValue)`"), "docs/inventory.md lacks facet \(facet.rawValue)") }
    }
}
