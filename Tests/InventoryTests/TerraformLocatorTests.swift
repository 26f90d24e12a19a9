import Foundation
@testable import Inventory
import PolicyEngine
import Testing
import TestSupport

/// The `.tf` block scanner and the address → file:line locator (`--tf-root`).
@Suite("Terraform source locations")
struct TerraformLocatorTests {
    static let root = Fixtures.path("Tests/CLITests/Fixtures/terraform-module/infra")

    @Test("top-level blocks only: comments, heredocs, template strings and block comments are skipped")
    func scannerSkipsDecoys() throws {
        let text = try String(contentsOfFile: Self.root + "/main.tf", encoding: .utf8)
        let blocks = HCLBlockScanner.blocks(in: Array(text.utf8))
        #expect(blocks.map(\.type) == ["terraform", "locals", "resource", "module", "module"])
        let resource = try #require(blocks.first { $0.type == "resource" })
        #expect(resource.labels == ["aws_s3_bucket", "logs"])
        #expect(resource.line == 22, "the real block, not a decoy in a comment, heredoc or string")
        #expect(blocks.first { $0.labels == ["lake"] }?.source == "./modules/lake")
        #expect(blocks.first { $0.labels == ["remote"] }?.source == "terraform-aws-modules/s3-bucket/aws")
    }

    @Test("nested braces, unquoted labels, CRLF and a `}` in a string keep depth right")
    func scannerDepth() {
        let text = "resource \"a\" \"b\" {\r\n  x = \"}\"\r\n  dynamic \"d\" {\r\n    content { y = 1 }\r\n  }\r\n}\r\nresource c d {\r\n}\r\n"
        let blocks = HCLBlockScanner.blocks(in: Array(text.utf8))
        #expect(blocks == [HCLBlockScanner.Block(type: "resource", labels: ["a", "b"], line: 1),
                           HCLBlockScanner.Block(type: "resource", labels: ["c", "d"], line: 7)])
    }

    @Test("addresses split at dots outside instance keys", arguments: [
        ("aws_s3_bucket.logs", ["aws_s3_bucket", "logs"]),
        ("aws_ebs_volume.legacy[0]", ["aws_ebs_volume", "legacy"]),
        ("module.lake[\"eu.west\"].aws_s3_bucket.this[\"a.b\"]", ["module", "lake", "aws_s3_bucket", "this"]),
        ("module.a.module.b.aws_kms_key.k", ["module", "a", "module", "b", "aws_kms_key", "k"]),
    ])
    func segments(address: String, expected: [String]) {
        #expect(TerraformSourceLocator.segments(address) == expected)
    }

    @Test("root and local-module resources are located; count/for_each instances point at their block; remote modules are not")
    func locate() throws {
        let locator = try TerraformSourceLocator(root: Self.root)
        #expect(locator.locate(address: "aws_s3_bucket.logs") == DeclarationLocation(address: "aws_s3_bucket.logs", file: Self.root + "/main.tf", line: 22))
        let lake = locator.locate(address: "module.lake.aws_s3_bucket.this[\"raw\"]")
        #expect(lake.file == Self.root + "/modules/lake/main.tf")
        #expect(lake.line == 6)
        #expect(locator.locate(address: "module.remote.aws_s3_bucket.this[0]").file == nil)
        #expect(locator.locate(address: "aws_s3_bucket.missing").file == nil)
    }

    @Test("a module `terraform init` downloaded is found through .terraform/modules/modules.json")
    func initialisedModule() throws {
        let folder = Fixtures.temporaryFolder("tf-init")
        let root = folder.path
        let downloaded = folder.appendingPathComponent(".terraform/modules/remote")
        try FileManager.default.createDirectory(at: downloaded, withIntermediateDirectories: true)
        try "module \"remote\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n".write(toFile: root + "/main.tf", atomically: true, encoding: .utf8)
        try "\n\nresource \"aws_s3_bucket\" \"this\" {\n  count = 1\n}\n".write(
            to: downloaded.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        try #"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"remote","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Dir":".terraform/modules/remote"}]}"#
            .write(toFile: root + "/.terraform/modules/modules.json", atomically: true, encoding: .utf8)
        let location = try TerraformSourceLocator(root: root).locate(address: "module.remote.aws_s3_bucket.this[0]")
        #expect(location.file == root + "/.terraform/modules/remote/main.tf")
        #expect(location.line == 3)
    }

    @Test("--tf-root must be a folder")
    func rootMustBeFolder() {
        #expect(throws: InventoryError.self) { try TerraformSourceLocator(root: Self.root + "/main.tf") }
    }

    @Test("paths are joined lexically", arguments: [
        ("infra", "./modules/lake", "infra/modules/lake"), ("infra/envs/prod", "../../modules/x", "infra/modules/x"),
        (".", "main.tf", "main.tf"), ("/abs/infra", "./m", "/abs/infra/m"),
    ])
    func join(base: String, path: String, expected: String) {
        #expect(TerraformSourceLocator.join(base, path) == expected)
    }
}
