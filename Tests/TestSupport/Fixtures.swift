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

    /// A fresh temporary folder inside this test process's own folder (`assay-tests-<pid>`);
    /// folders of test processes that have exited are removed the first time one is made.
    public static func temporaryFolder(_ name: String = "assay-tests") -> URL {
        let url = TemporaryFolders.root.appendingPathComponent("\(name)-\(UUID().uuidString)")
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

/// The per-process parent of test folders, and the removal of leftovers from earlier runs.
enum TemporaryFolders {
    static let prefix = "assay-tests-"

    /// `<tmp>/assay-tests-<pid>`, created on first use after sweeping dead processes' folders.
    static let root: URL = {
        let base = FileManager.default.temporaryDirectory
        sweep(base)
        let url = base.appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Removes `assay-tests-<pid>` folders whose process no longer runs (test processes do not
    /// get a reliable exit hook, so each run cleans up after the previous ones).
    static func sweep(_ base: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
    }
}
