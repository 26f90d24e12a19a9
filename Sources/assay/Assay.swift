import ArgumentParser
import PolicyEngine
import TabularText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `assay` command: compliance, cost and DR readiness as policy-as-code.
@main
struct Assay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Compliance, cost and disaster-recovery readiness as policy-as-code.",
        discussion: """
            Exit codes: 0 compliant · 1 a blocking policy failure (at or above --fail-on, not advisory) \
            · 2 usage or input error.
            """,
        version: AssayVersion.current,
        subcommands: [
            EvaluateCommand.self, ValidateCommand.self, ExplainCommand.self, TestCommand.self, CostCommand.self, DowntimeCommand.self,
            ReportCommand.self,
            HistoryCommand.self,
            VersionCommand.self,
        ]
    )

    /// Runs the command, mapping every usage or input error to exit code 2 (argument-parser's
    /// default for usage errors is 64; our documented contract is 2).
    static func main() {
        // Huge pages for the heap, by re-executing once with glibc's tunable (see HugePageTuning).
        HugePageTuning.apply()
        if let unknown = UnknownOptionCheck.first(in: Array(CommandLine.arguments.dropFirst())) {
            Terminal.error(unknown)
            terminate(ExitStatus.inputError)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
            terminate(failure.exitCode)
        } catch let located as any DiagnosticError {
            Terminal.error(located.diagnostic.description)
            terminate(ExitStatus.inputError)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version
                print(fullMessage(for: error))
                terminate(0)
            }
            if let explicit = error as? ExitCode {
                terminate(explicit.rawValue)
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = String(message.dropFirst(7)) }
            Terminal.error(message)
            terminate(ExitStatus.inputError)
        }
    }
}

/// The documented exit codes.
enum ExitStatus {
    /// Compliant / success.
    static let success: Int32 = 0
    /// A blocking policy failure.
    static let policyFailure: Int32 = 1
    /// Usage or input error.
    static let inputError: Int32 = 2
}

/// An error that ends the command with a message and an exit code.
struct CommandFailure: Error {
    /// Lines to print on stderr.
    let messages: [String]
    /// Process exit code.
    let exitCode: Int32

    /// A usage or input error (exit 2).
    static func input(_ message: String) -> CommandFailure { CommandFailure(messages: [message], exitCode: ExitStatus.inputError) }

    /// Prints the messages.
    func report() {
        for message in messages { Terminal.error(message) }
    }
}

/// Ends the process with `code` (the C library's `exit`, named apart from `ParsableCommand.exit`).
func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(code)
    #else
    Darwin.exit(code)
    #endif
}
