import Foundation
public import PolicyEngine

/// Maps Terraform resource addresses to the `.tf` file and line of their `resource` block
/// (`--tf-root DIR` / `terraform_root:`).
///
/// An address is split into its module path and `type.name` (instance keys such as `[0]` or
/// `["eu"]` dropped: every instance of a `count`/`for_each` block points at the block). The
/// root module is the folder given; a child module's folder is the `source` of its `module`
/// block when that is a local path (`./…`, `../…`), else the folder `terraform init` recorded in
/// `.terraform/modules/modules.json` under the root. Resources of modules on neither — remote
/// modules never initialised here — stay *not located*: their findings keep the address and
/// the plan file. `.tf.json` files are not read. Docs: docs/reports.md, "Terraform source locations".
public final class TerraformSourceLocator {
    /// The configuration root as given (paths in locations start with it).
    public let root: String
    /// Blocks per module folder, read once each.
    private var folders: [String: [(file: String, block: HCLBlockScanner.Block)]] = [:]
    /// Module key (`lake`, `lake.inner`) → folder, from `.terraform/modules/modules.json`.
    private let initialisedModules: [String: String]

    /// A locator over the configuration in `root`; fails when `root` is not a folder.
    public init(root: String) throws(InventoryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(file: root, reason: "--tf-root must be the folder of the Terraform configuration")
        }
        self.root = root
        var modules: [String: String] = [:]
        let manifest = Self.join(root, ".terraform/modules/modules.json")
        if let data = FileManager.default.contents(atPath: manifest), let document = try? JSONParser.parse(Array(data)) {
            for entry in document["Modules"]?.arrayValue ?? [] {
                if let key = entry["Key"]?.stringValue, let dir = entry["Dir"]?.stringValue, !key.isEmpty {
                    modules[key] = Self.join(root, dir)
                }
            }
        }
        initialisedModules = modules
    }

    /// The location of `address` (the address alone when its block is not found).
    public func locate(address: String) -> DeclarationLocation {
        let segments = Self.segments(address)
        var folder: String? = root
        var moduleKey: [String] = []
        var rest = segments[...]
        while rest.count >= 2, rest.first == "module" {
            let name = rest.dropFirst().first ?? ""
            moduleKey.append(name)
            folder = folder.flatMap { moduleFolder(name, key: moduleKey, in: $0) }
            rest = rest.dropFirst(2)
        }
        guard let folder, rest.count == 2, let type = rest.first, let name = rest.last else { return DeclarationLocation(address: address) }
        for entry in blocks(in: folder) where entry.block.type == "resource" && entry.block.labels == [type, name] {
            return DeclarationLocation(address: address, file: entry.file, line: entry.block.line)
        }
        return DeclarationLocation(address: address)
    }

    /// Locates every resource that carries a Terraform address; returns how many were not
    /// located and the module paths (`module.lake`) behind them.
    public func apply(to resources: inout [Resource]) -> (missed: Int, modules: [String]) {
        var missed = 0
        var modules = Set<String>()
        for index in resources.indices {
            guard let address = resources[index].source.declaration?.address else { continue }
            let location = locate(address: address)
            resources[index].source.declaration = location
            if location.file == nil {
                missed += 1
                let path = Self.segments(address)
                if path.first == "module", path.count > 2 { modules.insert("module." + path[1]) }
            }
        }
        return (missed, modules.sorted())
    }

    /// `module.a["x"].aws_s3_bucket.b[0]` → `["module", "a", "aws_s3_bucket", "b"]`: split at dots
    /// outside brackets and quotes, instance keys dropped.
    static func segments(_ address: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var bracketDepth = 0
        var inQuotes = false
        var escaped = false
        for character in address {
            if inQuotes {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false }
                continue
            }
            switch character {
            case "\"" where bracketDepth > 0: inQuotes = true
            case "[": bracketDepth += 1
            case "]": bracketDepth = max(0, bracketDepth - 1)
            case "." where bracketDepth == 0:
                segments.append(current)
                current = ""
            default:
                if bracketDepth == 0 { current.append(character) }
            }
        }
        segments.append(current)
        return segments
    }

    /// The folder of module `name` called from `parent`.
    private func moduleFolder(_ name: String, key: [String], in parent: String) -> String? {
        if let call = blocks(in: parent).first(where: { $0.block.type == "module" && $0.block.labels == [name] }),
           let source = call.block.source, source.hasPrefix("./") || source.hasPrefix("../") {
            return Self.join(parent, source)
        }
        return initialisedModules[key.joined(separator: ".")]
    }

    /// The top-level blocks of every `.tf` file in `folder` (sorted by name), read once.
    private func blocks(in folder: String) -> [(file: String, block: HCLBlockScanner.Block)] {
        if let known = folders[folder] { return known }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tf") && !$0.hasPrefix(".") }.sorted()
        var found: [(file: String, block: HCLBlockScanner.Block)] = []
        for name in names {
            let file = Self.join(folder, name)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for block in HCLBlockScanner.blocks(in: Array(data)) { found.append((file, block)) }
        }
        folders[folder] = found
        return found
    }

    /// `base` joined with `path`, `.` and `..` resolved lexically (no symlinks followed), so
    /// locations read `infra/modules/lake/main.tf`.
    static func join(_ base: String, _ path: String) -> String {
        let combined = path.hasPrefix("/") ? path : (base.isEmpty ? path : base + "/" + path)
        var parts: [Substring] = []
        for part in combined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return combined.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
