import Foundation
import PolicyEngine
import Testing
import TestSupport

/// The registries (`ReportFormat`, `InputFormat`) are the enums: every case must reach the user
/// through a flag, a config key and the docs. A case added without them fails here.
@Suite("registries: every format has its flag, config key and docs")
struct RegistryTests {
    private func document(_ relative: String) throws -> String {
        try String(contentsOfFile: Fixtures.path(relative), encoding: .utf8)
    }

    @Test("every report format is a flag of evaluate and report, with its help text", arguments: ["evaluate", "report"])
    func reportFlags(command: String) throws {
        let help = try AssayProcess.run([command, "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        // Help wraps long lines: compare with whitespace folded.
        let folded = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for format in ReportFormat.allCases {
            #expect(folded.contains("--\(format.flag) <file> \(format.help)"), "assay \(command) --help lacks --\(format.flag)")
        }
    }

    @Test("every report format has a config key under outputs:, and each writes its report")
    func reportConfigKeys() throws {
        let folder = Fixtures.temporaryFolder("registry-outputs")
        let outputs = ReportFormat.allCases.map { "\($0.configKey): out/\($0.configKey).report" }.joined(separator: ", ")
        let config = Fixtures.write("""
            version: 1
            policies: [\(Fixtures.path("policies"))]
            inputs: [{ path: \(Fixtures.path("fixtures/registers/applications.yaml")), type: application, id_field: name }]
            outputs: { \(outputs) }
            as_of: 2026-11-27
            """, to: "assay.yaml", in: folder)
        let run = try AssayProcess.run(["evaluate", "--config", config, "--annotations", "none"], in: folder)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        for format in ReportFormat.allCases {
            let written = folder.appendingPathComponent("out/\(format.configKey).report").path
            #expect(FileManager.default.fileExists(atPath: written), "outputs.\(format.configKey) wrote nothing")
        }
    }

    @Test("docs/reports.md lists every report format's flag and config key")
    func reportDocs() throws {
        let text = try document("docs/reports.md")
        // The config keys are listed once: "(`outputs: { html, markdown, … }`)".
        let listed = try #require(text.range(of: "`outputs: {").flatMap { start in
            text[start.upperBound...].range(of: "}`").map { String(text[start.upperBound..<$0.lowerBound]) }
        })
        let keys = Set(listed.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init))
        for format in ReportFormat.allCases {
            #expect(text.contains("`--\(format.flag) FILE`"), "docs/reports.md lacks --\(format.flag)")
            #expect(keys.contains(format.configKey), "docs/reports.md's outputs: list lacks \(format.configKey)")
        }
    }

    @Test("every input format is documented where its kind is")
    func inputDocs() throws {
        for format in InputFormat.allCases {
            let page: String
            switch format.kind {
            case .records: page = "docs/registers.md"
            case .inventory: page = "docs/inventory.md"
            case .billing: page = "docs/billing.md"
            }
            #expect(try document(page).contains("`\(format.rawValue)`"), "\(page) does not document the input format \(format.rawValue)")
        }
    }
}
