import Foundation
import Inventory
import PolicyEngine
import Testing
import TestSupport

/// Locations of the shared sample data and the repository fixtures, relative to the package root.
enum Samples {
    /// The package root (two levels above this file's folder).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `../shared/external-data/resources` next to the package.
    static let resources = packageRoot + "/../shared/external-data/resources"

    /// True when the shared sample data is present.
    static let available: Bool = fileExists(resources + "/SOURCES.md")

    /// A file under the shared resources folder.
    static func resource(_ relative: String) -> String { resources + "/" + relative }

    /// A file under `fixtures/inventory`.
    static func fixture(_ name: String) -> String { packageRoot + "/fixtures/inventory/" + name }

    /// File existence without Foundation.
    static func fileExists(_ path: String) -> Bool { (try? InventoryInput.plain(path)) != nil }
}

/// Reads a file with a reader.
func read(_ reader: any ExportReader, _ path: String) throws -> [Resource] {
    try reader.read(InputSpec(path: path, format: reader.format), progress: { _, _ in })
}

/// The document of the resource with an id (test failure when missing).
func resource(_ id: String, in resources: [Resource], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Value {
    let found = resources.first { $0.id == id }
    return try #require(found, "no resource \(id) among \(resources.map(\.id))", sourceLocation: sourceLocation).document
}

extension Value {
    /// The value at a dotted path (test helper; keys must not contain dots).
    func path(_ dotted: String) -> Value? {
        var current: Value? = self
        for key in dotted.split(separator: ".") {
            guard case .object(let fields)? = current else { return nil }
            current = fields[String(key)]
        }
        return current
    }
}

/// Splits a VCR cassette into one file per recorded answer (each interaction's response body),
/// so a test can read the answers one by one.
enum RecordedAnswers {
    static func split(_ path: String) throws -> [String] {
        let root = try JSONParser.parse(try InventoryInput.plain(path).readAll())
        let folder = Temporary.folder()
        var paths: [String] = []
        for (index, interaction) in (root["interactions"]?.arrayValue ?? []).enumerated() {
            guard let data = interaction["response"]?["body"]?["data"] else { continue }
            paths.append(Temporary.write(JSONWriter.compact(data), to: "answer-\(index).json", in: folder))
        }
        return paths
    }
}

/// Temporary files for tests.
enum Temporary {
    /// A fresh folder (removed when the test process exits).
    static func folder() -> String { Fixtures.temporaryFolder("inventory-tests").path }

    /// Writes bytes to `name` in `folder`; returns the path.
    @discardableResult
    static func write(_ bytes: [UInt8], to name: String, in folder: String) -> String {
        let path = folder + "/" + name
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(written, "test setup: cannot write \(path)")
        return path
    }

    /// Writes text to `name` in `folder`; returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in folder: String) -> String {
        write(Array(text.utf8), to: name, in: folder)
    }
}
