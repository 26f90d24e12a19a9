public import Foundation

/// Locates the package root, the bundled fixtures and the shared folder beside the checkout.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A path inside the package.
    public static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// `../shared` beside the checkout, when present (CI and the development machines have it).
    public static let shared: URL? = {
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// True when `../shared` is present; tests that need it are skipped with a message otherwise.
    public static var hasShared: Bool { shared != nil }

    /// A fresh temporary folder.
    public static func temporaryFolder(_ name: String = "assay-tests") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` inside `folder`; returns the path.
    @discardableResult
    public static func write(_ text: String, to name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
        return url.path
    }
}
