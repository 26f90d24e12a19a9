public import Foundation

/// Runs the built `assay` binary, as users and CI do (argument-parser's AssertExecuteCommand style).
public enum AssayProcess {
    /// What a run printed and returned.
    public struct Output: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The binary beside the test bundle (same build folder).
    public static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["ASSAY_BINARY"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Swift Testing may run from inside the .xctest bundle on some platforms.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("assay").path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("assay")
    }

    /// Runs `assay arguments…` in `directory` (default: the package root), with `NO_COLOR=1` unless
    /// `environment` says otherwise.
    public static func run(_ arguments: [String], in directory: URL = Fixtures.packageRoot,
                           environment: [String: String] = [:], input: String? = nil) throws -> Output {
        try ExternalProcess.run(binary, arguments, in: directory, environment: ["NO_COLOR": "1"].merging(environment) { $1 }, input: input)
    }
}

/// Runs any program as a test's child process: the one place tests start processes, so every
/// caller reads both pipes concurrently (a full pipe buffer cannot block the child).
public enum ExternalProcess {
    /// Runs `program arguments…` in `directory` with `environment` added to the test's own; writes
    /// `input` to its standard input (an empty standard input otherwise).
    public static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], input: String? = nil) throws -> AssayProcess.Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return AssayProcess.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `python3 arguments…` found on PATH (the checkers in ../shared/checkers are Python).
    public static func python(_ arguments: [String]) throws -> AssayProcess.Output {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }
}
