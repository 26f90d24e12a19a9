import Inventory
import ArgumentParser
import PolicyEngine
import PolicyLoader
import Reports

/// `assay test`: run the policy test cases found in folders.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy test cases (documents plus the expected verdict per resource).",
        discussion: """
            Finds test files (YAML with a top-level `tests:` list) under the given folders, loads the \
            policies there (and any --policies), runs each case and reports mismatches. Exit 1 on any \
            mismatch, 2 on a load error.

            Examples:
              assay test policies
              assay test policies --junit reports/policy-tests.xml
            """
    )

    @Argument(help: ArgumentHelp("Folders (or files) holding policies and their tests.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Extra policy files or folders.", valueName: "path"))
    var policies: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the test results as JUnit XML.", valueName: "file"))
    var junit: String?

    @Flag(name: .long, help: "List every case, not only mismatches.")
    var verbose = false

    func run() throws {
        try OutputTargets.check(outputs: [junit].compactMap { $0 }, against: paths + policies)
        let policySet = try PolicySetLoader.load(paths: paths + policies)
        let cases = try PolicyTestLoader.load(paths: paths)
        guard !cases.isEmpty else { throw CommandFailure.input("no policy tests found under \(paths.joined(separator: ", "))") }
        var byID: [String: Policy] = [:]
        for policy in policySet.policies {
            for name in [policy.id] + policy.aliases { byID[name] = policy }
        }
        let outcomes = PolicyTestRunner.run(cases, policies: byID, regions: RegionCatalogData.standard)
        let failures = outcomes.filter { !$0.passed }
        for outcome in outcomes where verbose || !outcome.passed {
            let mark = outcome.passed ? Terminal.styled("ok  ", .green) : Terminal.styled("FAIL", .red)
            let actual = outcome.actual?.rawValue ?? "not run"
            var line = "\(mark) \(outcome.location): \(outcome.test) · \(outcome.resource): expected \(outcome.expected.rawValue), got \(actual)"
            if !outcome.passed && !outcome.detail.isEmpty { line += " — \(outcome.detail)" }
            Terminal.line(line)
        }
        let tested = Set(cases.map(\.policyID))
        let untested = policySet.policies.filter { !tested.contains($0.id) }.map(\.id)
        Terminal.line("\(outcomes.count - failures.count) of \(outcomes.count) expectations hold in \(cases.count) tests of \(tested.count) policies")
        if !untested.isEmpty { Terminal.warning("policies without tests: \(untested.joined(separator: ", "))") }
        if let junit { try ReportFile.write(try PolicyTestJUnit.render(outcomes), to: junit) }
        if !failures.isEmpty { throw ExitCode(ExitStatus.policyFailure) }
    }
}
