import ArgumentParser

/// `assay version`: the same as `assay --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version of this build (the one recorded in every output).",
        discussion: """
            Examples:
              assay version
              assay --version

            Exit codes: 0 always.
            """
    )

    @OptionGroup var verbosity: VerbosityOptions

    func run() {
        Terminal.out(AssayVersion.current)
    }
}
