import Foundation
import PolicyEngine

/// Inputs that can be read only once — pipes (`--input <(…)`), FIFOs, character devices — copied
/// once, as they are read, into a private temporary file, which is then read like a regular input
/// (once, shared by detection, parsing and hashing). Regular files are read in place. The copies live in one folder
/// (mode 0700) that is removed at exit; results and errors name the input as it was given.
struct InputSpool {
    /// Spool path → the name given on the command line or in the config.
    private(set) var givenNames: [String: String] = [:]

    /// The specs with every stream input replaced by its copy.
    mutating func materialize(_ specs: [InputSpec]) throws -> [InputSpec] {
        try specs.map { spec in
            guard Self.isStream(spec.path) else { return spec }
            var copy = spec
            copy.path = try Self.copy(spec.path)
            givenNames[copy.path] = spec.path
            return copy
        }
    }

    /// The name to show for `path`.
    func shown(_ path: String) -> String { givenNames[path] ?? path }

    /// `record` under the input's given name.
    func renamed(_ record: InputRecord) -> InputRecord {
        var renamed = record
        renamed.path = shown(record.path)
        return renamed
    }

    /// `error` with a spool path replaced by the input's given name.
    func renaming(_ error: any Error) -> any Error {
        guard let located = error as? any DiagnosticError, let file = located.diagnostic.file, let given = givenNames[file] else {
            return error
        }
        var diagnostic = located.diagnostic
        diagnostic.file = given
        return RenamedDiagnostic(diagnostic: diagnostic)
    }

    /// True for an existing input that is neither a regular file nor a folder.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    private static let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("assay-inputs-\(getpid())").path
        mkdir(path, 0o700)
        atexit { try? FileManager.default.removeItem(atPath: InputSpool.folder) }
        return path
    }()

    nonisolated(unsafe) private static var copies = 0

    private static func copy(_ path: String) throws -> String {
        copies += 1
        let name = path.split(separator: "/").last.map(String.init) ?? "input"
        let target = (folder as NSString).appendingPathComponent("\(copies)-\(name)")
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw InputReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw InputReadError(path: path, reason: "cannot create a temporary copy: \(String(cString: strerror(errno)))") }
        defer { close(output) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = block.withMutableByteView { $0.read(from: input) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            var written = 0
            while written < got {
                let step = block.withByteView { $0.extracting(written..<got).write(to: output) }
                guard step > 0 else { throw InputReadError(path: path, reason: "cannot write a temporary copy: \(String(cString: strerror(errno)))") }
                written += step
            }
        }
        return target
    }
}

/// A diagnostic whose file was renamed from an input's temporary copy to the input's given name.
struct RenamedDiagnostic: DiagnosticError {
    let diagnostic: Diagnostic
}

/// A stream input that could not be read.
struct InputReadError: DiagnosticError {
    let path: String
    let reason: String
    var diagnostic: Diagnostic { Diagnostic(file: path, message: "cannot read input: \(reason)") }
}
