/// The policy library of `policies/` (policies, tests and framework catalogs), embedded in the
/// binary so an installed `assay` works outside a clone of the repository.
///
/// `--policies builtin` (or `policies: [builtin]` in a config) names it, and it is the default
/// when neither names policies. Its files have the paths `builtin/<folder>/<file>.yaml`, which
/// appear in diagnostics and finding sources. A file or folder on disk at such a path wins (write
/// `./builtin` to read a folder of that name).
///
/// The files are in `BuiltinPolicyLibrary+Files.swift`, generated from `policies/`:
/// `ASSAY_RECORD=1 swift test --filter BuiltinLibraryTests` rewrites it, and the test fails when it
/// differs from `policies/`.
public enum BuiltinPolicyLibrary {
    /// The name that selects the embedded library.
    public static let name = "builtin"

    /// The embedded text of `path` (`builtin/dr/test-cadence.yaml`), nil for other paths.
    public static func text(of path: String) -> String? { byPath[path] }

    /// True when `path` is the library or a file or folder inside it.
    public static func contains(_ path: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == name || byPath[trimmed] != nil || files.contains { $0.path.hasPrefix(trimmed + "/") }
    }

    /// The embedded YAML files under `path` (the library, a folder in it, or one file), sorted.
    public static func paths(under path: String) -> [String] {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if byPath[trimmed] != nil { return [trimmed] }
        return files.map(\.path).filter { $0.hasPrefix(trimmed + "/") }.sorted()
    }

    private static let byPath: [String: String] = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
}
